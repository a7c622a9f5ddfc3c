/**
 * Rectification items (issue 10): one per finding of a signed inspection, with a deadline by severity
 * (domain/supervision/checklists.ts, a local implementing rule). The steps go in order only through
 * rectificationLifecycle (domain/supervision/lifecycle.ts): the institution submits evidence, the
 * assigned inspector or an officer whose scope covers the institution verifies and closes it or
 * returns it. Overdue = not closed and past the deadline (China date).
 */
import { and, desc, eq, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Action, roleMay } from '../../../domain/contracts/permissions.ts';
import type {
  ChecklistCategory,
  Rectification,
  RectificationStatus,
  RectificationTransitionBody,
} from '../../../domain/contracts/supervision-inspections.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { rectificationDeadline } from '../../../domain/supervision/checklists.ts';
import { rectificationLifecycle } from '../../../domain/supervision/lifecycle.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { listAttachmentsOf } from '../../platform/files/service.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { institutionNames } from '../institutions/repository.ts';
import { checklistsByIds } from './checklists.ts';
import './errors.ts';
import { RECTIFICATION_OWNER, toEvidenceFile } from './evidence-files.ts';
import { type supervisionChecklists, supervisionInspections, supervisionRectifications } from './tables.ts';

type RectRow = typeof supervisionRectifications.$inferSelect;
type InspectionRow = typeof supervisionInspections.$inferSelect;
type ChecklistRow = typeof supervisionChecklists.$inferSelect;

export const rectScope = {
  district: supervisionRectifications.districtCode,
  division: supervisionRectifications.townCode,
  institution: supervisionRectifications.institutionId,
};

/** Inside the sign-off transaction: one open rectification item per finding. */
export async function createRectificationsFor(
  tx: Db,
  ctx: RequestContext,
  inspection: InspectionRow,
  lists: ChecklistRow[],
): Promise<number> {
  const findings = inspection.results.filter((r) => r.outcome === 'finding');
  if (findings.length === 0) return 0;
  const date = localDate(ctx.now);
  const values = findings.map((f, i) => {
    const list = lists.find((l) => l.items.some((it) => it.code === f.itemCode))!;
    const item = list.items.find((it) => it.code === f.itemCode)!;
    return {
      districtCode: inspection.districtCode,
      id: uuidv7(ctx.now.getTime() + i),
      inspectionId: inspection.id,
      institutionId: inspection.institutionId,
      townCode: inspection.townCode,
      category: list.category,
      itemCode: item.code,
      severity: item.severity,
      note: f.note ?? '',
      deadline: rectificationDeadline(date, item.severity),
      status: 'open' as const,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
  });
  await tx.insert(supervisionRectifications).values(values);
  return values.length;
}

/** The guard, plus — for an inspector — the items of the inspections assigned to them. */
export function rectWhere(actor: Actor): SQL {
  const scoped = scopeWhere(actor, rectScope);
  if (actor.role !== 'inspector') return scoped;
  return (
    or(
      scoped,
      and(
        eq(supervisionRectifications.districtCode, actor.districtCode),
        inArray(
          supervisionRectifications.inspectionId,
          sql`(select id from supervision_inspections where district_code = ${actor.districtCode} and inspector_ids @> ${JSON.stringify([actor.userId])}::jsonb)`,
        ),
      ),
    ) ?? scoped
  );
}

export function createRectificationService({ db }: { db: Db }) {
  /** Runs on the caller's transaction (a query on `db` inside it would wait for it on PGlite). */
  async function relationOf(tx: Db, actor: Actor, row: RectRow): Promise<Relation> {
    if (actor.scope?.kind === 'institution')
      return actor.scope.institutionId === row.institutionId ? 'owner' : 'none';
    if (actor.role === 'district_officer' || actor.role === 'town_officer') return 'supervisor';
    if (actor.role === 'inspector') {
      const [i] = await tx
        .select({ ids: supervisionInspections.inspectorIds })
        .from(supervisionInspections)
        .where(
          and(
            eq(supervisionInspections.districtCode, row.districtCode),
            eq(supervisionInspections.id, row.inspectionId),
          ),
        );
      return i?.ids.includes(actor.userId) ? 'supervisor' : 'none';
    }
    return 'none';
  }

  async function toApi(actor: Actor, rows: RectRow[], today: string): Promise<Rectification[]> {
    if (rows.length === 0) return [];
    const d = rows[0]!.districtCode;
    const inspIds = [...new Set(rows.map((r) => r.inspectionId))];
    const insps = await db
      .select({
        id: supervisionInspections.id,
        kind: supervisionInspections.kind,
        checklistIds: supervisionInspections.checklistIds,
        inspectorIds: supervisionInspections.inspectorIds,
      })
      .from(supervisionInspections)
      .where(and(eq(supervisionInspections.districtCode, d), inArray(supervisionInspections.id, inspIds)));
    const lists = await checklistsByIds(db, d, [...new Set(insps.flatMap((i) => i.checklistIds))]);
    const instName = await institutionNames(db, d, [...new Set(rows.map((r) => r.institutionId))]);
    const files = await listAttachmentsOf(db, {
      type: RECTIFICATION_OWNER,
      districtCode: d,
      ids: rows.map((r) => r.id),
    });
    const may = (p: Action) => roleMay(actor.role, p);
    return rows.map((r) => {
      const insp = insps.find((i) => i.id === r.inspectionId);
      const item = lists
        .filter((l) => insp?.checklistIds.includes(l.id))
        .flatMap((l) => l.items)
        .find((it) => it.code === r.itemCode);
      const relation: Relation =
        actor.scope?.kind === 'institution'
          ? actor.scope.institutionId === r.institutionId
            ? 'owner'
            : 'none'
          : actor.role === 'district_officer' || actor.role === 'town_officer'
            ? 'supervisor'
            : actor.role === 'inspector' && insp?.inspectorIds.includes(actor.userId)
              ? 'supervisor'
              : 'none';
      return {
        id: r.id,
        inspectionId: r.inspectionId,
        inspectionKind: (insp?.kind ?? 'draw') as Rectification['inspectionKind'],
        institutionId: r.institutionId,
        institutionName: instName.get(r.institutionId) ?? '',
        townCode: r.townCode,
        category: r.category as ChecklistCategory,
        itemCode: r.itemCode,
        itemZh: item?.zh ?? r.itemCode,
        itemEn: item?.en ?? r.itemCode,
        severity: r.severity as Rectification['severity'],
        note: r.note,
        deadline: r.deadline,
        overdue: r.status !== 'closed' && r.deadline < today,
        status: r.status as RectificationStatus,
        evidenceText: r.evidenceText,
        evidenceSubmittedAt: r.evidenceSubmittedAt?.toISOString() ?? null,
        returnReason: r.returnReason,
        closedAt: r.closedAt?.toISOString() ?? null,
        attachments: files.filter((f) => f.ownerId === r.id).map(toEvidenceFile),
        version: r.version,
        permittedActions: rectificationLifecycle.permitted(r.status as RectificationStatus, relation, may),
      };
    });
  }

  return {
    async list(
      ctx: RequestContext,
      actor: Actor,
      q: { status?: RectificationStatus; overdue?: 'true' | 'false' },
    ): Promise<{ items: Rectification[] }> {
      const today = localDate(ctx.now);
      const where: (SQL | undefined)[] = [
        rectWhere(actor),
        q.status ? eq(supervisionRectifications.status, q.status) : undefined,
      ];
      if (q.overdue === 'true')
        where.push(
          ne(supervisionRectifications.status, 'closed'),
          lt(supervisionRectifications.deadline, today),
        );
      const rows = await db
        .select()
        .from(supervisionRectifications)
        .where(and(...where))
        .orderBy(desc(supervisionRectifications.updatedAt), desc(supervisionRectifications.id))
        .limit(500);
      return { items: await toApi(actor, rows, today) };
    },

    async transition(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: RectificationTransitionBody,
    ): Promise<Rectification> {
      const u = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(supervisionRectifications)
          .where(and(rectWhere(actor), eq(supervisionRectifications.id, id)))
          .for('update');
        if (!row) throw new DomainError('not_found');
        const may = (p: Action) => roleMay(actor.role, p);
        const relation = await relationOf(tx, actor, row);
        const status = row.status as RectificationStatus;
        const checked = rectificationLifecycle.check(status, body.action, body.reason);
        if (!checked.ok) {
          if (checked.reason === 'transition.reason_required')
            throw new DomainError('validation.failed', {
              errors: [
                {
                  field: 'reason',
                  rule: 'required',
                  message_zh: '退回时必须填写理由',
                  message_en: 'A reason is required to return an item',
                },
              ],
            });
          throw new DomainError('conflict.transition', {
            allowed: rectificationLifecycle.permitted(status, relation, may),
          });
        }
        if (!rectificationLifecycle.allows(body.action, relation, may))
          throw new DomainError('auth.forbidden');
        if (body.action === 'submit_evidence' && !body.evidenceText?.trim())
          throw new DomainError('validation.failed', {
            errors: [
              {
                field: 'evidenceText',
                rule: 'required',
                message_zh: '提交整改材料时必须填写整改说明',
                message_en: 'Evidence text is required to submit evidence',
              },
            ],
          });
        if (row.version !== body.version) throw new DomainError('conflict.stale_version');
        const set: Partial<typeof supervisionRectifications.$inferInsert> =
          body.action === 'submit_evidence'
            ? { evidenceText: body.evidenceText!.trim(), evidenceSubmittedAt: ctx.now }
            : body.action === 'verify'
              ? { closedAt: ctx.now, closedById: actor.userId }
              : { returnReason: body.reason ?? null };
        const [u] = await tx
          .update(supervisionRectifications)
          .set({ ...set, status: checked.to, updatedAt: ctx.now, version: row.version + 1 })
          .where(
            and(
              eq(supervisionRectifications.districtCode, row.districtCode),
              eq(supervisionRectifications.id, row.id),
              eq(supervisionRectifications.version, body.version),
            ),
          )
          .returning();
        if (!u) throw new DomainError('conflict.stale_version');
        await recordAudit(tx, ctx, {
          action: `supervision.rectification_${body.action}`,
          objectType: 'rectification',
          objectId: row.id,
          changes: {
            status: { from: status, to: checked.to },
            ...(body.reason ? { reason: body.reason } : {}),
          },
        });
        return u;
      });
      const [out] = await toApi(actor, [u], localDate(ctx.now));
      return out!;
    },
  };
}
