/**
 * Plan targets measured from supervision records (server/platform/targets.ts).
 * `annual_visit_coverage` (35号: every institution visited on site at least once a year): the share of
 * institutions in service (operating or 整改中) in the caller's scope with at least one signed on-site (drawn) inspection
 * of a month of the year. It counts every signed drawn inspection, whichever department's inspectors made
 * it — the records do not mark guidance-centre visits apart yet.
 */

import { and, asc, eq, inArray, isNotNull, like, max } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import { townsOf } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import { scopeWhere } from '../../platform/guard.ts';
import type { TargetQuery, TargetSource } from '../../platform/targets.ts';
import { institutions } from '../institutions/tables.ts';
import { inspectionScope } from './inspections.ts';
import { planScope } from './service.ts';
import { supervisionDrawPlans, supervisionInspections } from './tables.ts';

const instScope = {
  district: institutions.districtCode,
  division: institutions.townCode,
  institution: institutions.id,
};

/** Institutions in service in scope with the date of their last signed on-site inspection of the year. */
export async function coverage(db: Db, q: TargetQuery) {
  const town = (col: typeof institutions.townCode | typeof supervisionInspections.townCode) =>
    q.townCode ? like(col, `${q.townCode}%`) : undefined;
  const list = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      townCode: institutions.townCode,
      lat: institutions.lat,
      lng: institutions.lng,
    })
    .from(institutions)
    .where(
      and(
        scopeWhere(q.actor, instScope),
        inArray(institutions.status, [...IN_SERVICE_STATUSES]),
        town(institutions.townCode),
      ),
    )
    .orderBy(asc(institutions.townCode), asc(institutions.name), asc(institutions.id));
  const signed = await db
    .select({ id: supervisionInspections.institutionId, last: max(supervisionInspections.signedAt) })
    .from(supervisionInspections)
    .where(
      and(
        scopeWhere(q.actor, inspectionScope),
        eq(supervisionInspections.kind, 'draw'),
        eq(supervisionInspections.status, 'signed'),
        like(supervisionInspections.month, `${q.year}-%`),
        town(supervisionInspections.townCode),
      ),
    )
    .groupBy(supervisionInspections.institutionId);
  const last = new Map(signed.map((r) => [r.id, r.last]));
  return list.map((r) => ({ ...r, lastSigned: last.get(r.id) ? localDate(last.get(r.id)!) : null }));
}

/**
 * `monthly_draws_held` (35号: district and towns each run a double-random check every month): the months
 * of the year in which the division (the district itself, or one town) ran a committed draw. The
 * district row counts the district-level plans; `byTown` counts each town's own plans.
 */
async function drawMonths(db: Db, q: TargetQuery) {
  const rows = await db
    .selectDistinct({
      id: supervisionDrawPlans.id,
      month: supervisionDrawPlans.month,
      divisionCode: supervisionDrawPlans.divisionCode,
    })
    .from(supervisionDrawPlans)
    .where(
      and(
        scopeWhere(q.actor, planScope),
        isNotNull(supervisionDrawPlans.drawnAt),
        like(supervisionDrawPlans.month, `${q.year}-%`),
      ),
    )
    .orderBy(asc(supervisionDrawPlans.month), asc(supervisionDrawPlans.divisionCode));
  const division = q.townCode ?? q.actor.districtCode;
  const months = new Map<string, string>();
  for (const r of rows) if (r.divisionCode === division && !months.has(r.month)) months.set(r.month, r.id);
  const byTown: Record<string, number> = {};
  if (!q.townCode)
    for (const t of townsOf(q.actor.districtCode))
      byTown[t.code] = new Set(rows.filter((r) => r.divisionCode === t.code).map((r) => r.month)).size;
  return { division, months, byTown };
}

/** The months of `year` up to `asOf` (Shanghai time), as YYYY-MM. */
function monthsSoFar(year: number, asOf: Date): string[] {
  const today = localDate(asOf);
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month <= today.slice(0, 7)) out.push(month);
  }
  return out;
}

export const supervisionTargets: TargetSource[] = [
  {
    key: 'monthly_draws_held',
    module: 'supervision',
    async measure(db, q) {
      const { months, byTown } = await drawMonths(db, q);
      return {
        value: months.size,
        unit: 'count',
        ...(Object.keys(byTown).length ? { byTown } : {}),
      };
    },
    async drillDown(db, q, page) {
      const { division, months } = await drawMonths(db, q);
      // One row a month so far: the month's draw (counts) or the gap (does not).
      const rows = monthsSoFar(q.year, q.asOf).map((month) => {
        const id = months.get(month);
        return {
          id: id ?? `${division}-${month}`,
          kind: 'draw' as const,
          label: month,
          ...(division !== q.actor.districtCode ? { townCode: division } : {}),
          counts: !!id,
          note: id ? '已抽签 / draw run' : '未抽签 / no draw run',
        };
      });
      return { rows: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
    },
  },
  {
    key: 'annual_visit_coverage',
    module: 'supervision',
    async measure(db, q) {
      const rows = await coverage(db, q);
      const visited = rows.filter((r) => r.lastSigned).length;
      const towns = [...new Set(rows.map((r) => r.townCode))];
      return {
        value: rows.length ? visited / rows.length : 0,
        numerator: visited,
        denominator: rows.length,
        unit: 'share',
        byTown: Object.fromEntries(
          towns.map((t) => {
            const list = rows.filter((r) => r.townCode === t);
            return [t, list.filter((r) => r.lastSigned).length / list.length];
          }),
        ),
      };
    },
    async drillDown(db, q, page) {
      const rows = (await coverage(db, q)).map((r) => ({
        id: r.id,
        kind: 'institution' as const,
        label: r.name,
        townCode: r.townCode,
        counts: !!r.lastSigned,
        note: r.lastSigned ? `visited ${r.lastSigned}` : 'not visited',
      }));
      return { rows: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
    },
  },
];
