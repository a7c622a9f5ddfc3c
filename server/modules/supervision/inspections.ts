/**
 * Inspection records (issue 10): each drawn (target, inspectors) pair of a run draw becomes an
 * inspection, and so does each team of a joint special check (special.ts); the institution's monthly
 * self-check is one too. Results per item of the template
 * versions the inspection was created with; every assigned signer signs as themself; when all have
 * signed, each finding becomes a rectification item (rectifications.ts).
 */
import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  InspectionDetail,
  InspectionKind,
  InspectionSummary,
  SaveResultsBody,
} from '../../../domain/contracts/supervision-inspections.ts';
import type { DrawResult } from '../../../domain/rules/draw.ts';
import { checklistScore, resultProblems } from '../../../domain/supervision/checklists.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { listAttachments } from '../../platform/files/service.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { users } from '../../platform/tables.ts';
import { institutionNames } from '../institutions/repository.ts';
import { institutions } from '../institutions/tables.ts';
import { checklistsByIds, latestChecklists, toChecklist } from './checklists.ts';
import './errors.ts';
import { inspectionOwner, toInspectionPhoto } from './evidence-files.ts';
import { createRectificationsFor } from './rectifications.ts';
import { supervisionInspections } from './tables.ts';

type InspectionRow = typeof supervisionInspections.$inferSelect;

export const inspectionScope = {
  district: supervisionInspections.districtCode,
  division: supervisionInspections.townCode,
  institution: supervisionInspections.institutionId,
};

/** Inside the draw's transaction: one inspection per drawn (target, inspectors) pair. */
export async function createDrawInspections(
  tx: Db,
  ctx: RequestContext,
  plan: { districtCode: string; id: string; month: string },
  result: DrawResult,
): Promise<number> {
  if (result.assignments.length === 0) return 0;
  const lists = await latestChecklists(tx, plan.districtCode, ctx.now);
  const ids = result.assignments.map((a) => a.targetId);
  const towns = await tx
    .select({ id: institutions.id, townCode: institutions.townCode })
    .from(institutions)
    .where(and(eq(institutions.districtCode, plan.districtCode), inArray(institutions.id, ids)));
  const townOf = new Map(towns.map((r) => [r.id, r.townCode]));
  await tx.insert(supervisionInspections).values(
    result.assignments.map((a, i) => ({
      districtCode: plan.districtCode,
      id: uuidv7(ctx.now.getTime() + i),
      kind: 'draw' as const,
      planId: plan.id,
      month: plan.month,
      institutionId: a.targetId,
      townCode: townOf.get(a.targetId) ?? plan.districtCode,
      inspectorIds: a.inspectorIds,
      checklistIds: lists.map((l) => l.id),
      results: [],
      signoffs: [],
      status: 'open' as const,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  return result.assignments.length;
}

/**
 * What an actor may see: the jurisdiction guard, plus — for an inspector — the inspections assigned to
 * them (a town-scoped inspector may be drawn for another town's institution by a district plan).
 */
export function inspectionWhere(actor: Actor): SQL {
  const scoped = scopeWhere(actor, inspectionScope);
  if (actor.role !== 'inspector') return scoped;
  return (
    or(
      scoped,
      and(
        eq(supervisionInspections.districtCode, actor.districtCode),
        sql`${supervisionInspections.inspectorIds} @> ${JSON.stringify([actor.userId])}::jsonb`,
      ),
    ) ?? scoped
  );
}

/** Whether the actor is one of the inspection's signers (assigned inspector; the admin of a self-check). */
export function isSigner(actor: Actor, row: InspectionRow): boolean {
  if (row.kind === 'self_check')
    return (
      actor.role === 'institution_admin' &&
      actor.scope?.kind === 'institution' &&
      actor.scope.institutionId === row.institutionId
    );
  return actor.role === 'inspector' && row.inspectorIds.includes(actor.userId);
}

async function namesOf(db: Db, districtCode: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.districtCode, districtCode), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Inspection rows as the API's summaries (institution and inspector names looked up once). */
export async function inspectionSummaries(db: Db, rows: InspectionRow[]): Promise<InspectionSummary[]> {
  if (rows.length === 0) return [];
  const d = rows[0]!.districtCode;
  const instName = await institutionNames(db, d, [...new Set(rows.map((r) => r.institutionId))]);
  const names = await namesOf(db, d, [...new Set(rows.flatMap((r) => r.inspectorIds))]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as InspectionSummary['kind'],
    planId: r.planId,
    specialCheckId: r.specialCheckId,
    month: r.month,
    institutionId: r.institutionId,
    institutionName: instName.get(r.institutionId) ?? '',
    townCode: r.townCode,
    inspectorIds: r.inspectorIds,
    inspectorNames: r.inspectorIds.map((i) => names.get(i) ?? ''),
    status: r.status as InspectionSummary['status'],
    score: r.score,
    findings: r.results.filter((x) => x.outcome === 'finding').length,
    signedAt: r.signedAt?.toISOString() ?? null,
  }));
}

export function createInspectionService({ db }: { db: Db }) {
  async function getRow(tx: Db, actor: Actor, id: string, lock = false): Promise<InspectionRow> {
    const q = tx
      .select()
      .from(supervisionInspections)
      .where(and(inspectionWhere(actor), eq(supervisionInspections.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new DomainError('not_found');
    return row;
  }

  async function detail(actor: Actor, row: InspectionRow): Promise<InspectionDetail> {
    const [s] = await inspectionSummaries(db, [row]);
    const lists = await checklistsByIds(db, row.districtCode, row.checklistIds);
    const items = lists.flatMap((l) => l.items);
    const names = await namesOf(
      db,
      row.districtCode,
      row.signoffs.map((x) => x.userId),
    );
    const signer = row.status === 'open' && isSigner(actor, row);
    const complete = items.every((i) => row.results.some((r) => r.itemCode === i.code));
    const signed = row.signoffs.some((x) => x.userId === actor.userId);
    return {
      ...s!,
      checklists: lists.map(toChecklist),
      results: row.results,
      signoffs: row.signoffs.map((x) => ({ ...x, name: names.get(x.userId) ?? '' })),
      photos: (await listAttachments(db, inspectionOwner(row))).map(toInspectionPhoto),
      version: row.version,
      permittedActions: [
        ...(signer ? (['record'] as const) : []),
        ...(signer && complete && !signed ? (['sign'] as const) : []),
      ],
    };
  }

  return {
    async list(
      actor: Actor,
      q: { mine?: 'true' | 'false'; kind?: InspectionKind; status?: 'open' | 'signed' },
    ): Promise<{ items: InspectionSummary[] }> {
      const rows = await db
        .select()
        .from(supervisionInspections)
        .where(
          and(
            inspectionWhere(actor),
            q.mine === 'true'
              ? sql`${supervisionInspections.inspectorIds} @> ${JSON.stringify([actor.userId])}::jsonb`
              : undefined,
            q.kind ? eq(supervisionInspections.kind, q.kind) : undefined,
            q.status ? eq(supervisionInspections.status, q.status) : undefined,
          ),
        )
        .orderBy(desc(supervisionInspections.month), desc(supervisionInspections.id))
        .limit(500);
      return { items: await inspectionSummaries(db, rows) };
    },

    async get(actor: Actor, id: string): Promise<InspectionDetail> {
      return detail(actor, await getRow(db, actor, id));
    },

    async saveResults(ctx: RequestContext, actor: Actor, id: string, body: SaveResultsBody) {
      const row = await db.transaction(async (tx) => {
        const row = await getRow(tx, actor, id, true);
        if (row.status === 'signed') throw new DomainError('supervision.inspection_signed');
        if (!isSigner(actor, row)) throw new DomainError('supervision.not_assigned');
        if (row.version !== body.version) throw new DomainError('conflict.stale_version');
        const items = (await checklistsByIds(tx, row.districtCode, row.checklistIds)).flatMap((l) => l.items);
        const problems = resultProblems(items, body.results);
        if (problems.length > 0)
          throw new DomainError('validation.failed', {
            errors: problems.map((p) => {
              const i = body.results.findIndex((r) => r.itemCode === p.itemCode);
              const [zh, en] =
                p.rule === 'unknown_item'
                  ? [
                      `检查条目 ${p.itemCode} 不在本次检查所用的检查表版本中`,
                      `Item ${p.itemCode} is not in this inspection's checklist versions`,
                    ]
                  : p.rule === 'duplicate'
                    ? [`检查条目 ${p.itemCode} 重复填写`, `Item ${p.itemCode} is given twice`]
                    : [
                        `检查条目 ${p.itemCode} 为发现问题时必须填写问题描述`,
                        `Item ${p.itemCode}: a finding needs a note`,
                      ];
              return {
                field: p.rule === 'note_required' ? `results.${i}.note` : `results.${i}.itemCode`,
                rule: p.rule,
                message_zh: zh,
                message_en: en,
              };
            }),
          });
        const [u] = await tx
          .update(supervisionInspections)
          .set({ results: body.results, signoffs: [], updatedAt: ctx.now, version: row.version + 1 })
          .where(
            and(
              eq(supervisionInspections.districtCode, row.districtCode),
              eq(supervisionInspections.id, row.id),
              eq(supervisionInspections.version, body.version),
            ),
          )
          .returning();
        if (!u) throw new DomainError('conflict.stale_version');
        await recordAudit(tx, ctx, {
          action: 'supervision.inspection_record',
          objectType: 'inspection',
          objectId: row.id,
          changes: {
            results: body.results.length,
            findings: body.results.filter((r) => r.outcome === 'finding').map((r) => r.itemCode),
          },
        });
        return u;
      });
      return detail(actor, row);
    },

    async sign(ctx: RequestContext, actor: Actor, id: string, version: number) {
      const row = await db.transaction(async (tx) => {
        const row = await getRow(tx, actor, id, true);
        if (row.status === 'signed') throw new DomainError('supervision.inspection_signed');
        if (!isSigner(actor, row)) throw new DomainError('supervision.not_assigned');
        if (row.version !== version) throw new DomainError('conflict.stale_version');
        if (row.signoffs.some((s) => s.userId === actor.userId))
          throw new DomainError('supervision.already_signed');
        const lists = await checklistsByIds(tx, row.districtCode, row.checklistIds);
        const items = lists.flatMap((l) => l.items);
        if (!items.every((i) => row.results.some((r) => r.itemCode === i.code)))
          throw new DomainError('supervision.results_incomplete');
        const signoffs = [...row.signoffs, { userId: actor.userId, at: ctx.now.toISOString() }];
        const all = row.inspectorIds.every((i) => signoffs.some((s) => s.userId === i));
        const [u] = await tx
          .update(supervisionInspections)
          .set({
            signoffs,
            updatedAt: ctx.now,
            version: row.version + 1,
            ...(all
              ? { status: 'signed' as const, signedAt: ctx.now, score: checklistScore(items, row.results) }
              : {}),
          })
          .where(
            and(
              eq(supervisionInspections.districtCode, row.districtCode),
              eq(supervisionInspections.id, row.id),
              eq(supervisionInspections.version, version),
            ),
          )
          .returning();
        if (!u) throw new DomainError('conflict.stale_version');
        const made = all ? await createRectificationsFor(tx, ctx, u, lists) : 0;
        await recordAudit(tx, ctx, {
          action: 'supervision.inspection_sign',
          objectType: 'inspection',
          objectId: row.id,
          changes: all
            ? { status: { from: 'open', to: 'signed' }, rectifications: made }
            : { signoffs: signoffs.length },
        });
        return u;
      });
      return detail(actor, row);
    },

    async createSelfCheck(ctx: RequestContext, actor: Actor, month: string): Promise<InspectionDetail> {
      if (actor.scope?.kind !== 'institution') throw new DomainError('auth.forbidden');
      const institutionId = actor.scope.institutionId;
      const row = await db.transaction(async (tx) => {
        const [inst] = await tx
          .select({ id: institutions.id, townCode: institutions.townCode })
          .from(institutions)
          .where(and(eq(institutions.districtCode, actor.districtCode), eq(institutions.id, institutionId)));
        if (!inst) throw new DomainError('not_found');
        const [dup] = await tx
          .select({ id: supervisionInspections.id })
          .from(supervisionInspections)
          .where(
            and(
              eq(supervisionInspections.districtCode, actor.districtCode),
              eq(supervisionInspections.institutionId, institutionId),
              eq(supervisionInspections.kind, 'self_check'),
              eq(supervisionInspections.month, month),
            ),
          );
        if (dup) throw new DomainError('supervision.self_check_exists');
        const lists = await latestChecklists(tx, actor.districtCode, ctx.now);
        const [r] = await tx
          .insert(supervisionInspections)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            kind: 'self_check',
            planId: null,
            month,
            institutionId,
            townCode: inst.townCode,
            inspectorIds: [actor.userId],
            checklistIds: lists.map((l) => l.id),
            results: [],
            signoffs: [],
            status: 'open',
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'supervision.self_check',
          objectType: 'inspection',
          objectId: r!.id,
          changes: { month },
        });
        return r!;
      });
      return detail(actor, row);
    },
  };
}
