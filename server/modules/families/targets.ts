/**
 * Plan-target sources held by the Families module (server/platform/targets.ts):
 * - home_visit_coverage: resident families that want a visit (home-visit consent in force), visited
 *   (a recorded visit) in the plan year — 35号 二、(二)4, at least one home visit a year;
 * - handbook_coverage: resident families that received the maternal and child health handbook
 *   (recorded at a home visit, any year, or a handbook distribution record by the year's end) — 35号 二、(二)4.
 * - guidance_sessions: families that want guidance sessions (guidance sign-up consent in force)
 *   that attended ≥ 6 offline sessions in the plan year — 35号 二、(二)4;
 * - guidance_stations_per_town: towns with at least one family guidance station / the towns.
 * All read through the guard (the caller's scope), broken down by town; drill-down rows are
 * families labelled by community, with no personal data.
 *
 * Past years stay as they were: a family counts for plan year Y unless it was anonymised (retention
 * or a deletion request, retention.ts) before Y ended, and "wants a visit" means a home-visit consent
 * given before Y ended and not withdrawn before then — anonymisation ends a family's consents, and a
 * later withdrawal or anonymisation must not rewrite a closed year's coverage. For the current year
 * this is the same as "not anonymised, consent in force".
 */
import { and, asc, count, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { GUIDANCE_SESSIONS_PER_YEAR } from '../../../domain/contracts/families.ts';
import { townsOf } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { chinaYearBounds } from '../../platform/clock.ts';
import { scopeWhere } from '../../platform/guard.ts';
import type { TargetQuery, TargetSource } from '../../platform/targets.ts';
import { attendedAtLeast, attendedInYear } from './guidance.ts';
import * as repo from './repository.ts';
import {
  families,
  familyCommunities,
  familyDistributions,
  familySessionSignups,
  familySessions,
  familyStations,
  familyVisits,
} from './tables.ts';

// The district pinned as a constant too (Citus routes the subquery to the tenant's shard).
function visitedIn(district: string, year: number): SQL {
  return sql`exists (select 1 from family_visits v where v.district_code = ${district}
    and v.district_code = "families"."district_code"
    and v.family_id = "families"."id" and v.status = 'done'
    and v.visited_on >= ${`${year}-01-01`} and v.visited_on <= ${`${year}-12-31`})`;
}
/** The first instant after plan year `year` (1 January of the next year, China time). */
export const yearEnd = (year: number) => sql`${`${year + 1}-01-01T00:00:00+08:00`}::timestamptz`;
const notAnonymisedBy = (year: number) =>
  sql`(${families.anonymisedAt} is null or ${families.anonymisedAt} >= ${yearEnd(year)})`;
/** A home-visit consent in force at the end of the plan year (see the header). */
function wantedVisitsIn(district: string, year: number): SQL {
  const end = yearEnd(year);
  return sql`exists (select 1 from family_consents fc where fc.district_code = ${district}
    and fc.district_code = "families"."district_code" and fc.family_id = "families"."id"
    and fc.purpose = 'home_visit' and fc.given_at < ${end}
    and (fc.status = 'given' or fc.withdrawn_at >= ${end}))`;
}
// Reached: a visit that recorded the handbook (any year), or a handbook distribution record (online.ts)
// given by the end of the plan year (a later record does not rewrite a closed year).
const handbookGiven = (district: string, year: number) => sql`(exists (select 1 from family_visits v
    where v.district_code = ${district} and v.district_code = "families"."district_code"
    and v.family_id = "families"."id" and v.status = 'done' and v.handbook_given)
    or exists (select 1 from family_distributions d where d.district_code = ${district}
    and d.district_code = "families"."district_code" and d.family_id = "families"."id"
    and d.item = 'handbook' and d.given_on <= ${`${year}-12-31`}))`;

/**
 * The families a hit condition holds for, as one set (district, family id) that `share` joins to the
 * families: the measure reads each table once, where `count(*) filter (where exists …)` probed the
 * visits (or registrations, distributions) once per family — 1.2 s at 180,000 families (bench/plan.ts).
 * Each set is the same condition as its `hit` SQL (which the drill-down keeps, row by row); distinct,
 * so the join adds no row.
 */
export type HitSet = (db: Db, q: TargetQuery) => SQL;

const visitedSet: HitSet = (db, q) =>
  sql`${db
    .selectDistinct({ districtCode: familyVisits.districtCode, familyId: familyVisits.familyId })
    .from(familyVisits)
    .where(
      and(
        eq(familyVisits.districtCode, q.actor.districtCode),
        eq(familyVisits.status, 'done'),
        gte(familyVisits.visitedOn, `${q.year}-01-01`),
        lte(familyVisits.visitedOn, `${q.year}-12-31`),
      ),
    )}`;

const handbookSet: HitSet = (db, q) =>
  sql`${union(
    db
      .select({ districtCode: familyVisits.districtCode, familyId: familyVisits.familyId })
      .from(familyVisits)
      .where(
        and(
          eq(familyVisits.districtCode, q.actor.districtCode),
          eq(familyVisits.status, 'done'),
          eq(familyVisits.handbookGiven, true),
        ),
      ),
    db
      .select({ districtCode: familyDistributions.districtCode, familyId: familyDistributions.familyId })
      .from(familyDistributions)
      .where(
        and(
          eq(familyDistributions.districtCode, q.actor.districtCode),
          eq(familyDistributions.item, 'handbook'),
          lte(familyDistributions.givenOn, `${q.year}-12-31`),
        ),
      ),
  )}`;

/** The families that attended at least `n` sessions of the year (attendedAtLeast's set). */
const attendedSet =
  (n: (q: TargetQuery) => number): HitSet =>
  (db, q) => {
    const [from, to] = chinaYearBounds(q.year);
    return sql`${db
      .select({ districtCode: familySessionSignups.districtCode, familyId: familySessionSignups.familyId })
      .from(familySessionSignups)
      .innerJoin(familySessions, repo.SIGNUP_SESSION)
      .where(
        and(
          eq(familySessionSignups.districtCode, q.actor.districtCode),
          eq(familySessionSignups.attended, true),
          sql`${familySessionSignups.cancelledAt} is null`,
          sql`${familySessions.status} <> 'cancelled'`,
          gte(familySessions.startsAt, from),
          lt(familySessions.startsAt, to),
        ),
      )
      .groupBy(familySessionSignups.districtCode, familySessionSignups.familyId)
      .having(sql`count(*) >= ${n(q)}`)}`;
  };

export function share(
  base: (q: TargetQuery) => SQL | undefined,
  hit: (q: TargetQuery) => SQL,
  key: TargetSource['key'],
  o: { residentOnly?: boolean; note?: (q: TargetQuery) => SQL<string>; hitSet?: HitSet } = {},
): TargetSource {
  const residentOnly = o.residentOnly ?? true;
  const where = (q: TargetQuery) =>
    and(
      scopeWhere(q.actor, repo.familyScope),
      residentOnly ? eq(families.resident, true) : undefined,
      notAnonymisedBy(q.year),
      q.townCode ? eq(families.townCode, q.townCode) : undefined,
      base(q),
    );
  return {
    key,
    module: 'families',
    async measure(db: Db, q: TargetQuery) {
      const set = o.hitSet?.(db, q);
      // The set as a materialised CTE: built once (a join to a subquery had each parallel worker build
      // its own copy of the guidance set — 16 s against 7 s at 1.8M families, EXPLAIN ANALYZE, PG 15).
      const rows = set
        ? (
            (await db.execute(sql`with hit as materialized (${set})
                select ${families.townCode} as "townCode", count(*)::int as total, count(hit.family_id)::int as hits
                from ${families} left join hit
                  on hit.district_code = ${families.districtCode} and hit.family_id = ${families.id}
                where ${where(q)} group by ${families.townCode}`)) as unknown as {
              rows: { townCode: string; total: number; hits: number }[];
            }
          ).rows.map((r) => ({ townCode: r.townCode, total: Number(r.total), hits: Number(r.hits) }))
        : await db
            .select({
              townCode: families.townCode,
              total: count(),
              hits: sql<number>`count(*) filter (where ${hit(q)})`.mapWith(Number),
            })
            .from(families)
            .where(where(q))
            .groupBy(families.townCode);
      const denominator = rows.reduce((s, r) => s + r.total, 0);
      const numerator = rows.reduce((s, r) => s + r.hits, 0);
      return {
        value: denominator === 0 ? 0 : numerator / denominator,
        numerator,
        denominator,
        unit: 'share' as const,
        byTown: Object.fromEntries(rows.map((r) => [r.townCode, r.total === 0 ? 0 : r.hits / r.total])),
      };
    },
    async drillDown(db: Db, q: TargetQuery, page: { offset: number; limit: number }) {
      const w = where(q);
      const [rows, [total]] = await Promise.all([
        db
          .select({
            id: families.id,
            townCode: families.townCode,
            community: familyCommunities.name,
            hit: sql<boolean>`${hit(q)}`,
            note: o.note ? o.note(q) : sql<string>`''`,
          })
          .from(families)
          .innerJoin(
            familyCommunities,
            and(
              eq(familyCommunities.districtCode, families.districtCode),
              eq(familyCommunities.code, families.communityCode),
            ),
          )
          .where(w)
          .orderBy(asc(families.townCode), asc(families.id))
          .offset(page.offset)
          .limit(page.limit),
        db.select({ n: count() }).from(families).where(w),
      ]);
      return {
        rows: rows.map((r) => ({
          id: r.id,
          kind: 'family' as const,
          label: `${r.community} · ${r.id.slice(-6)}`,
          townCode: r.townCode,
          counts: !!r.hit,
          note: o.note ? r.note : r.hit ? '✓' : '—',
        })),
        total: total?.n ?? 0,
      };
    },
  };
}

/** The towns in the caller's scope (and the town asked for), each with its station if any. */
async function stationTowns(db: Db, q: TargetQuery) {
  const s = q.actor.scope;
  const towns = townsOf(q.actor.districtCode).filter(
    (t) =>
      (!q.townCode || t.code === q.townCode) &&
      s?.kind === 'division' &&
      (s.divisionCode === q.actor.districtCode || t.code.startsWith(s.divisionCode)),
  );
  const stations = await db
    .select({ id: familyStations.id, townCode: familyStations.townCode, name: familyStations.name })
    .from(familyStations)
    .where(
      and(
        scopeWhere(q.actor, { district: familyStations.districtCode, division: familyStations.townCode }),
        sql`${familyStations.openedYear} <= ${q.year}`,
      ),
    );
  return towns.map((t) => ({ town: t, station: stations.find((x) => x.townCode === t.code) ?? null }));
}

const stationsPerTown: TargetSource = {
  key: 'guidance_stations_per_town',
  module: 'families',
  async measure(db, q) {
    const rows = await stationTowns(db, q);
    const numerator = rows.filter((r) => r.station).length;
    return {
      value: rows.length === 0 ? 0 : numerator / rows.length,
      numerator,
      denominator: rows.length,
      unit: 'share',
      byTown: Object.fromEntries(rows.map((r) => [r.town.code, r.station ? 1 : 0])),
    };
  },
  async drillDown(db, q, page) {
    const rows = (await stationTowns(db, q)).map((r) => ({
      id: r.station?.id ?? r.town.code,
      kind: 'station' as const,
      label: r.station ? r.station.name : `${r.town.nameZh}（未设指导站）`,
      townCode: r.town.code,
      counts: !!r.station,
      note: r.station ? '✓' : '—',
    }));
    return { rows: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
  },
};

/** Sessions a family should reach: the plan row's value (a successor plan may change it), else 35号's 6. */
const sessionsWanted = (q: TargetQuery) => q.target?.value ?? GUIDANCE_SESSIONS_PER_YEAR;

export const familyTargets: TargetSource[] = [
  share(
    (q) => wantedVisitsIn(q.actor.districtCode, q.year),
    (q) => visitedIn(q.actor.districtCode, q.year),
    'home_visit_coverage',
    { hitSet: visitedSet },
  ),
  share(
    (_q) => undefined,
    (q) => handbookGiven(q.actor.districtCode, q.year),
    'handbook_coverage',
    { hitSet: handbookSet },
  ),
  // Families that want guidance sessions (a guidance sign-up consent in force, resident or not) that
  // attended at least 6 in the plan year — 35号 二、(二)4. The pack states "≥ 6 sessions" per family;
  // this source answers the share of families reaching it, which the plan reads as a per-unit target
  // (domain/plan/targets.ts perUnitTarget: met when all of them do).
  share(
    (_q) => repo.hasConsent('guidance_signup'),
    (q) => attendedAtLeast(q.actor.districtCode, q.year, sessionsWanted(q)),
    'guidance_sessions',
    {
      residentOnly: false,
      hitSet: attendedSet(sessionsWanted),
      note: (q) =>
        sql<string>`${attendedInYear(q.actor.districtCode, q.year)}::text || ${`/${sessionsWanted(q)}`}`,
    },
  ),
  stationsPerTown,
];
