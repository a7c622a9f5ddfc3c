/**
 * The institution registry's plan-target sources (issue 13, server/platform/targets.ts), registered by
 * the plan module (institutions registers no module of its own). Every query adds the jurisdiction
 * guard (`scopeWhere`), so a town officer's measure covers its town; the drill-down lists the rows
 * behind the headline, and the rows marked `counts` sum to it.
 *
 * - inclusive_points_new: inclusive institutions in service whose filing was granted in the year
 *   (Shanghai time);
 * - towns_with_inclusive: share of the towns in scope with at least one inclusive institution in service;
 * - kindergarten_toddler_share: share of kindergartens in service with at least one toddler class (托幼一体);
 * - kindergartens_new_toddler_classes: of the kindergartens filed in the year, the share with toddler
 *   classes (the registry does not record renovations: only new filings are counted).
 */
import { and, asc, count, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import type { InstitutionStatus } from '../../../domain/contracts/institution.ts';
import { DISTRICT_POPULATION, townsOf } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { chinaYearBounds } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { scopeWhere } from '../../platform/guard.ts';
import type { TargetDrillRow, TargetMeasure, TargetQuery, TargetSource } from '../../platform/targets.ts';
import { institutionScope } from './repository.ts';
import { institutions } from './tables.ts';

const IN_SERVICE: InstitutionStatus[] = ['filed', 'operating', 'rectifying'];
const MODULE = 'institutions';

function baseWhere(q: TargetQuery): SQL {
  const conds: (SQL | undefined)[] = [
    scopeWhere(q.actor, institutionScope),
    inArray(institutions.status, IN_SERVICE),
  ];
  if (q.townCode) conds.push(like(institutions.townCode, `${q.townCode}%`));
  return and(...conds) ?? sql`false`;
}

function byTownOf(rows: { town: string; n: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.town, Number(r.n)]));
}

/** The towns a query covers: the caller's district's towns inside its scope (and the named town). */
export function townsInScope(actor: Actor, townCode?: string): string[] {
  const s = actor.scope;
  if (s?.kind !== 'division') return [];
  return townsOf(actor.districtCode)
    .map((t) => t.code)
    .filter((c) => c.startsWith(s.divisionCode) || s.divisionCode.startsWith(c))
    .filter((c) => !townCode || c === townCode);
}

async function institutionRows(
  db: Db,
  where: SQL,
  countsWhen: (r: { toddlerClasses: number; inclusive: boolean; seats: number }) => boolean,
  note: (r: { toddlerClasses: number; inclusive: boolean; seats: number }) => string | undefined,
  page: { offset: number; limit: number },
): Promise<{ rows: TargetDrillRow[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: institutions.id,
        name: institutions.name,
        townCode: institutions.townCode,
        toddlerClasses: institutions.toddlerClasses,
        inclusive: institutions.inclusive,
        seats: institutions.seats,
      })
      .from(institutions)
      .where(where)
      .orderBy(asc(institutions.townCode), asc(institutions.name), asc(institutions.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(institutions).where(where),
  ]);
  return {
    rows: rows.map((r) => {
      const n = note(r);
      return {
        id: r.id,
        kind: 'institution' as const,
        label: r.name,
        townCode: r.townCode,
        counts: countsWhen(r),
        ...(n ? { note: n } : {}),
      };
    }),
    total: Number(total?.n ?? 0),
  };
}

function newInclusiveWhere(q: TargetQuery): SQL {
  const [from, to] = chinaYearBounds(q.year);
  return (
    and(
      baseWhere(q),
      eq(institutions.inclusive, true),
      gte(institutions.filedAt, from),
      lt(institutions.filedAt, to),
    ) ?? sql`false`
  );
}

const newInclusivePoints: TargetSource = {
  key: 'inclusive_points_new',
  module: MODULE,
  async measure(db, q) {
    const rows = await db
      .select({ town: institutions.townCode, n: count() })
      .from(institutions)
      .where(newInclusiveWhere(q))
      .groupBy(institutions.townCode);
    const byTown = byTownOf(rows);
    const value = Object.values(byTown).reduce((a, b) => a + b, 0);
    return { value, unit: 'count', byTown };
  },
  drillDown(db, q, page) {
    return institutionRows(
      db,
      newInclusiveWhere(q),
      () => true,
      () => undefined,
      page,
    );
  },
};

async function inclusiveTowns(db: Db, q: TargetQuery) {
  const towns = townsInScope(q.actor, q.townCode);
  const rows = await db
    .select({ town: institutions.townCode, n: count() })
    .from(institutions)
    .where(and(baseWhere(q), eq(institutions.inclusive, true)))
    .groupBy(institutions.townCode);
  const have = byTownOf(rows);
  return towns.map((code) => ({ code, n: have[code] ?? 0 }));
}

const townsWithInclusive: TargetSource = {
  key: 'towns_with_inclusive',
  module: MODULE,
  async measure(db, q): Promise<TargetMeasure> {
    const towns = await inclusiveTowns(db, q);
    const numerator = towns.filter((t) => t.n > 0).length;
    const denominator = towns.length;
    return {
      value: denominator === 0 ? 0 : numerator / denominator,
      numerator,
      denominator,
      unit: 'share',
      byTown: Object.fromEntries(towns.map((t) => [t.code, t.n > 0 ? 1 : 0])),
    };
  },
  async drillDown(db, q, page) {
    const towns = await inclusiveTowns(db, q);
    const names = new Map(townsOf(q.actor.districtCode).map((t) => [t.code, t.nameZh]));
    const rows: TargetDrillRow[] = towns.map((t) => ({
      id: t.code,
      kind: 'site',
      label: names.get(t.code) ?? t.code,
      townCode: t.code,
      counts: t.n > 0,
      note: `普惠性机构 ${t.n} 家 / ${t.n} inclusive`,
    }));
    return { rows: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
  },
};

function kindergartenShare(
  key: 'kindergarten_toddler_share' | 'kindergartens_new_toddler_classes',
  filedInYear: boolean,
): TargetSource {
  const where = (q: TargetQuery): SQL => {
    const conds: (SQL | undefined)[] = [baseWhere(q), eq(institutions.kind, 'kindergarten')];
    if (filedInYear) {
      const [from, to] = chinaYearBounds(q.year);
      conds.push(gte(institutions.filedAt, from), lt(institutions.filedAt, to));
    }
    return and(...conds) ?? sql`false`;
  };
  return {
    key,
    module: MODULE,
    async measure(db, q) {
      const rows = await db
        .select({
          town: institutions.townCode,
          n: count(),
          withToddler: sql<number>`count(*) filter (where ${institutions.toddlerClasses} > 0)`.mapWith(
            Number,
          ),
        })
        .from(institutions)
        .where(where(q))
        .groupBy(institutions.townCode);
      const numerator = rows.reduce((a, r) => a + r.withToddler, 0);
      const denominator = rows.reduce((a, r) => a + Number(r.n), 0);
      return {
        value: denominator === 0 ? 0 : numerator / denominator,
        numerator,
        denominator,
        unit: 'share',
        byTown: Object.fromEntries(rows.map((r) => [r.town, r.withToddler / Number(r.n)])),
      };
    },
    drillDown(db, q, page) {
      return institutionRows(
        db,
        where(q),
        (r) => r.toddlerClasses > 0,
        (r) => `托班 ${r.toddlerClasses} 个 / ${r.toddlerClasses} toddler classes`,
        page,
      );
    },
  };
}

async function seatsByTown(db: Db, q: TargetQuery) {
  return db
    .select({
      town: institutions.townCode,
      seats: sql<number>`coalesce(sum(${institutions.seats}), 0)`.mapWith(Number),
      inclusiveSeats:
        sql<number>`coalesce(sum(${institutions.seats}) filter (where ${institutions.inclusive}), 0)`.mapWith(
          Number,
        ),
    })
    .from(institutions)
    .where(baseWhere(q))
    .groupBy(institutions.townCode);
}

/**
 * Places (approved seats of institutions in service) per 1,000 population (issue 17; national 4.5 by
 * 2025). The population is the district's census figure (domain/divisions.ts DISTRICT_POPULATION,
 * with its year and source); no town figures are held, so the target is district-level only.
 */
const placesPerThousand: TargetSource = {
  key: 'places_per_thousand',
  module: MODULE,
  available: (q) =>
    !q.townCode &&
    q.actor.scope?.kind === 'division' &&
    q.actor.scope.divisionCode === q.actor.districtCode &&
    DISTRICT_POPULATION[q.actor.districtCode] !== undefined,
  async measure(db, q) {
    const population = DISTRICT_POPULATION[q.actor.districtCode];
    if (!population || q.townCode) throw new Error('places_per_thousand: not available for this query');
    const rows = await seatsByTown(db, q);
    const seats = rows.reduce((a, r) => a + r.seats, 0);
    return {
      value: Math.round((seats * 10_000) / population.value) / 10,
      numerator: seats,
      denominator: population.value,
      unit: 'count',
    };
  },
  drillDown(db, q, page) {
    return institutionRows(
      db,
      baseWhere(q),
      () => true,
      (r) => `托位 ${r.seats} / ${r.seats} places`,
      page,
    );
  },
};

/** The share of places (approved seats in service) in inclusive institutions; no number in any pack. */
const inclusivePlaceShare: TargetSource = {
  key: 'inclusive_place_share',
  module: MODULE,
  async measure(db, q) {
    const rows = await seatsByTown(db, q);
    const numerator = rows.reduce((a, r) => a + r.inclusiveSeats, 0);
    const denominator = rows.reduce((a, r) => a + r.seats, 0);
    return {
      value: denominator === 0 ? 0 : numerator / denominator,
      numerator,
      denominator,
      unit: 'share',
      byTown: Object.fromEntries(rows.map((r) => [r.town, r.seats === 0 ? 0 : r.inclusiveSeats / r.seats])),
    };
  },
  drillDown(db, q, page) {
    return institutionRows(
      db,
      baseWhere(q),
      (r) => r.inclusive,
      (r) =>
        r.inclusive
          ? `普惠 托位 ${r.seats} / inclusive, ${r.seats} places`
          : `非普惠 托位 ${r.seats} / not inclusive, ${r.seats} places`,
      page,
    );
  },
};

/** The registry's sources, in TARGET_KEYS order. */
export const institutionTargetSources: readonly TargetSource[] = [
  newInclusivePoints,
  townsWithInclusive,
  kindergartenShare('kindergarten_toddler_share', false),
  kindergartenShare('kindergartens_new_toddler_classes', true),
  placesPerThousand,
  inclusivePlaceShare,
];
