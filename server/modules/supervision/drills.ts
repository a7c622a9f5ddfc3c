/**
 * Emergency drills (issue 10): the institution records each drill it ran (kind, date, staff and children
 * taking part); officers see the drills in scope and the institutions in service that have not drilled
 * within DRILL_INTERVAL_DAYS (domain/contracts/supervision-drills.ts, a platform choice in docs/RULES.md).
 */
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import { DRILL_INTERVAL_DAYS, type DrillBody } from '../../../domain/contracts/supervision-drills.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionDrills } from './complaint-tables.ts';

export const drillScope = {
  district: supervisionDrills.districtCode,
  division: supervisionDrills.townCode,
  institution: supervisionDrills.institutionId,
};

const dayBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

function toApi(d: typeof supervisionDrills.$inferSelect, institutionName: string) {
  return {
    id: d.id,
    institutionId: d.institutionId,
    institutionName,
    townCode: d.townCode,
    kind: d.kind,
    drillDate: d.drillDate,
    staff: d.staff,
    children: d.children,
    note: d.note,
    recordedAt: d.createdAt.toISOString(),
  };
}

export function createDrillService({ db }: { db: Db }) {
  return {
    async record(ctx: RequestContext, actor: Actor, body: DrillBody) {
      const today = localDate(ctx.now);
      const [inst] = await db
        .select({ id: institutions.id, name: institutions.name, townCode: institutions.townCode })
        .from(institutions)
        .where(and(scopeWhere(actor, institutionScope), eq(institutions.id, body.institutionId)));
      if (!inst) throw new DomainError('not_found');
      if (body.drillDate > today)
        throw fieldError(
          'drillDate',
          'not_future',
          '演练日期不能晚于今天',
          'The drill date cannot be after today',
        );
      if (body.drillDate < dayBefore(today, 366))
        throw fieldError(
          'drillDate',
          'within_a_year',
          '只能填报一年内的演练',
          'Only drills of the last twelve months can be recorded',
        );
      const row = {
        districtCode: actor.districtCode,
        id: uuidv7(ctx.now.getTime()),
        institutionId: inst.id,
        townCode: inst.townCode,
        kind: body.kind,
        drillDate: body.drillDate,
        staff: body.staff,
        children: body.children,
        note: body.note || null,
        recordedBy: actor.userId,
        createdAt: ctx.now,
      };
      await db.transaction(async (tx) => {
        await tx.insert(supervisionDrills).values(row);
        await recordAudit(tx, ctx, {
          action: 'supervision.drill_record',
          objectType: 'drill',
          objectId: row.id,
          changes: { institutionId: inst.id, kind: body.kind, drillDate: body.drillDate },
        });
      });
      return toApi(row, inst.name);
    },

    async list(actor: Actor, q: { institutionId?: string | undefined }) {
      const rows = await db
        .select({ d: supervisionDrills, name: institutions.name })
        .from(supervisionDrills)
        .innerJoin(
          institutions,
          and(
            eq(institutions.districtCode, supervisionDrills.districtCode),
            eq(institutions.id, supervisionDrills.institutionId),
          ),
        )
        .where(
          and(
            scopeWhere(actor, drillScope),
            q.institutionId ? eq(supervisionDrills.institutionId, q.institutionId) : undefined,
          ),
        )
        .orderBy(desc(supervisionDrills.drillDate), desc(supervisionDrills.id))
        .limit(500);
      return {
        items: rows.map(({ d, name }) => toApi(d, name)),
      };
    },

    /** Institutions in service in scope without a drill within the interval, the longest without first. */
    async overdue(actor: Actor, now: Date) {
      const asOf = localDate(now);
      const since = dayBefore(asOf, DRILL_INTERVAL_DAYS);
      const last = db
        .select({
          institutionId: supervisionDrills.institutionId,
          last: max(supervisionDrills.drillDate).as('last'),
        })
        .from(supervisionDrills)
        .where(eq(supervisionDrills.districtCode, actor.districtCode))
        .groupBy(supervisionDrills.institutionId)
        .as('last_drill');
      const rows = await db
        .select({
          institutionId: institutions.id,
          name: institutions.name,
          townCode: institutions.townCode,
          lastDrill: last.last,
        })
        .from(institutions)
        .leftJoin(last, eq(last.institutionId, institutions.id))
        .where(
          and(scopeWhere(actor, institutionScope), inArray(institutions.status, [...IN_SERVICE_STATUSES])),
        );
      const items = rows
        .filter((r) => !r.lastDrill || r.lastDrill < since)
        .map((r) => ({ ...r, lastDrill: r.lastDrill ?? null }))
        .sort(
          (a, b) =>
            (a.lastDrill ?? '').localeCompare(b.lastDrill ?? '') || a.name.localeCompare(b.name, 'zh-CN'),
        );
      return { asOf, intervalDays: DRILL_INTERVAL_DAYS, since, items, total: rows.length };
    },
  };
}
