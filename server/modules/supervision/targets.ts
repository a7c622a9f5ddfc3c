/**
 * Plan targets measured from supervision records (server/platform/targets.ts).
 * `annual_visit_coverage` (35号: every institution visited on site at least once a year): the share of
 * operating institutions in the caller's scope with at least one signed on-site (drawn) inspection
 * of a month of the year. It counts every signed drawn inspection, whichever department's inspectors made
 * it — the records do not mark guidance-centre visits apart yet.
 */
import { and, asc, eq, like, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import { scopeWhere } from '../../platform/guard.ts';
import type { TargetQuery, TargetSource } from '../../platform/targets.ts';
import { institutions } from '../institutions/tables.ts';
import { inspectionScope } from './inspections.ts';
import { supervisionInspections } from './tables.ts';

const instScope = {
  district: institutions.districtCode,
  division: institutions.townCode,
  institution: institutions.id,
};

async function coverage(db: Db, q: TargetQuery) {
  const town = (col: typeof institutions.townCode | typeof supervisionInspections.townCode) =>
    q.townCode ? like(col, `${q.townCode}%`) : undefined;
  const list = await db
    .select({ id: institutions.id, name: institutions.name, townCode: institutions.townCode })
    .from(institutions)
    .where(
      and(scopeWhere(q.actor, instScope), eq(institutions.status, 'operating'), town(institutions.townCode)),
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

export const supervisionTargets: TargetSource[] = [
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
