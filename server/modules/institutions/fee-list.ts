/**
 * The published fee list (收费公示, issue 17). The institution's admin (its own institution) or a district
 * officer saves a draft and publishes it; publishing supersedes the list in force, which is kept. Every
 * write is audited (counts only). The portal reads the list in force of a listed institution, nothing
 * else. Rules: domain/institutions/fee-list.ts; what must be disclosed: domain/policy/fee-disclosure.ts.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type {
  FeeItemInput,
  FeeListDetail,
  FeeListVersion,
  PublicFeeList,
  SaveFeeListBody,
} from '../../../domain/contracts/fee-list.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import {
  feeListFlag,
  validateFeeListDraft,
  validateFeeListForPublish,
} from '../../../domain/institutions/fee-list.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import './errors.ts';
import { institutionFeeItems as fi, institutionFeeLists as fl } from './fee-list-tables.ts';
import { listedOnPortal } from './public.ts';
import { getInstitution, type InstitutionRow } from './repository.ts';

type ListRow = typeof fl.$inferSelect;

async function itemsOf(db: Db, list: ListRow): Promise<FeeItemInput[]> {
  const rows = await db
    .select()
    .from(fi)
    .where(and(eq(fi.districtCode, list.districtCode), eq(fi.feeListId, list.id)))
    .orderBy(asc(fi.position));
  return rows.map((r) => ({
    kind: r.kind,
    name: r.name,
    amountFen: r.amountFen,
    unit: r.unit,
    serviceForm: r.serviceForm,
    optional: r.optional,
  }));
}

async function versionOf(db: Db, list: ListRow | undefined): Promise<FeeListVersion | null> {
  if (!list) return null;
  return {
    id: list.id,
    state: list.state,
    items: await itemsOf(db, list),
    effectiveFrom: list.effectiveFrom,
    basis: list.basis,
    serviceContent: list.serviceContent,
    refundRule: list.refundRule,
    publishedAt: list.publishedAt?.toISOString() ?? null,
    updatedAt: list.updatedAt.toISOString(),
  };
}

function listsOf(db: Db, row: InstitutionRow, states: ListRow['state'][]) {
  return db
    .select()
    .from(fl)
    .where(
      and(eq(fl.districtCode, row.districtCode), eq(fl.institutionId, row.id), inArray(fl.state, states)),
    );
}

async function replaceItems(
  tx: Db,
  list: { districtCode: string; id: string },
  items: FeeItemInput[],
  now: Date,
) {
  await tx.delete(fi).where(and(eq(fi.districtCode, list.districtCode), eq(fi.feeListId, list.id)));
  if (items.length === 0) return;
  await tx.insert(fi).values(
    items.map((item, position) => ({
      districtCode: list.districtCode,
      id: uuidv7(now.getTime()),
      feeListId: list.id,
      position,
      ...item,
      name: item.name.trim(),
    })),
  );
}

export function createFeeListService({ db }: { db: Db }) {
  async function detail(tx: Db, actor: Actor, row: InstitutionRow): Promise<FeeListDetail> {
    const lists = await listsOf(tx, row, ['draft', 'published']);
    const [earlier] = await tx
      .select({ n: count() })
      .from(fl)
      .where(
        and(eq(fl.districtCode, row.districtCode), eq(fl.institutionId, row.id), eq(fl.state, 'superseded')),
      );
    const published = await versionOf(
      tx,
      lists.find((l) => l.state === 'published'),
    );
    return {
      institutionId: row.id,
      inclusive: row.inclusive,
      draft: await versionOf(
        tx,
        lists.find((l) => l.state === 'draft'),
      ),
      published,
      earlierVersions: earlier?.n ?? 0,
      flag: feeListFlag(row, published),
      canEdit: roleMay(actor.role, 'institutions.update'),
    };
  }

  return {
    /** The draft, the list in force and the flag, for an institution in the caller's scope (else 404). */
    async get(_ctx: RequestContext, actor: Actor, id: string): Promise<FeeListDetail> {
      return detail(db, actor, await getInstitution(db, actor, id));
    },

    /** Save the draft (created or replaced); 400 naming the field, nothing written, on a bad item. */
    async saveDraft(ctx: RequestContext, actor: Actor, id: string, body: SaveFeeListBody) {
      throwIfErrors(validateFeeListDraft(body));
      return db.transaction(async (tx) => {
        const row = await getInstitution(tx, actor, id, true);
        const [draft] = await listsOf(tx, row, ['draft']);
        const listId = draft?.id ?? uuidv7(ctx.now.getTime());
        if (draft)
          await tx
            .update(fl)
            .set({
              effectiveFrom: body.effectiveFrom,
              basis: body.basis,
              serviceContent: body.serviceContent,
              refundRule: body.refundRule,
              updatedAt: ctx.now,
            })
            .where(and(eq(fl.districtCode, row.districtCode), eq(fl.id, listId)));
        else
          await tx.insert(fl).values({
            districtCode: row.districtCode,
            id: listId,
            institutionId: row.id,
            state: 'draft',
            effectiveFrom: body.effectiveFrom,
            basis: body.basis,
            serviceContent: body.serviceContent,
            refundRule: body.refundRule,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          });
        await replaceItems(tx, { districtCode: row.districtCode, id: listId }, body.items, ctx.now);
        await recordAudit(tx, ctx, {
          action: 'institutions.fee_list_save',
          objectType: 'institution',
          objectId: row.id,
          changes: { feeListId: listId, items: body.items.length },
        });
        return detail(tx, actor, row);
      });
    },

    /** Publish the draft: checked against the publication rules (400 naming the field); the list in force is superseded. */
    async publish(ctx: RequestContext, actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const row = await getInstitution(tx, actor, id, true);
        const [draft] = await listsOf(tx, row, ['draft']);
        if (!draft) throw new DomainError('institutions.fee_list_no_draft');
        const items = await itemsOf(tx, draft);
        throwIfErrors(validateFeeListForPublish({ ...draft, items }, row));
        const ofRow = and(eq(fl.districtCode, row.districtCode), eq(fl.institutionId, row.id));
        await tx
          .update(fl)
          .set({ state: 'superseded', updatedAt: ctx.now })
          .where(and(ofRow, eq(fl.state, 'published')));
        await tx
          .update(fl)
          .set({ state: 'published', publishedAt: ctx.now, publishedBy: actor.userId, updatedAt: ctx.now })
          .where(and(ofRow, eq(fl.id, draft.id)));
        await recordAudit(tx, ctx, {
          action: 'institutions.fee_list_publish',
          objectType: 'institution',
          objectId: row.id,
          changes: { feeListId: draft.id, items: items.length, effectiveFrom: draft.effectiveFrom },
        });
        return detail(tx, actor, row);
      });
    },

    /** The portal: the list in force of a listed institution (filed or operating, with seats); else 404. */
    async publicGet(districtCode: string, id: string): Promise<PublicFeeList> {
      const row = await listedOnPortal(db, districtCode, id);
      const [list] = await db
        .select()
        .from(fl)
        .where(and(eq(fl.districtCode, districtCode), eq(fl.institutionId, id), eq(fl.state, 'published')));
      if (!list?.publishedAt) return { inclusive: row.inclusive, published: null };
      return {
        inclusive: row.inclusive,
        published: {
          items: await itemsOf(db, list),
          effectiveFrom: list.effectiveFrom,
          basis: list.basis,
          serviceContent: list.serviceContent,
          refundRule: list.refundRule,
          publishedAt: list.publishedAt.toISOString(),
        },
      };
    },
  };
}

export type FeeListService = ReturnType<typeof createFeeListService>;
