/**
 * Plan targets measured from the records (issue 13). The plan module owns the target table (values,
 * citations, status, dashboard, drill-down pages); each module that holds the records behind a target
 * registers a `TargetSource` for it through `ModuleRegistration.targets`. A target with no registered
 * source shows "no data source yet" — never a made-up number.
 *
 * A source reads only through the jurisdiction guard: the plan module passes the caller's actor, and
 * the source adds `scopeWhere(actor, …)` to every query (a town officer's measure covers its town).
 * Drill-down rows carry display labels only; personal values in them are masked by the source.
 */
import type { Db } from '../db/client.ts';
import type { Actor } from './context.ts';

/** Every target the plan (35号) sets or asks to watch, by the module that holds its records. */
export const TARGET_KEYS = [
  // institutions (registry)
  'inclusive_points_new', // 新增普惠性托育点 2–3 a year
  'towns_with_inclusive', // 街镇普惠托育全覆盖 11/11
  'kindergarten_toddler_share', // 托幼一体 ≥ 50% of kindergartens with toddler classes
  'kindergartens_new_toddler_classes', // new and renovated kindergartens opening toddler classes
  // workforce
  'certified_rate', // 持证上岗率 100%
  'training_hours', // ≥ 72 h skills + ≥ 40 h ethics per practitioner a year (share meeting both)
  'district_trainings', // ≥ 6 district professional trainings a year
  // supervision
  'monthly_draws_held', // monthly double-random draws, district and each town
  'annual_visit_coverage', // every institution visited by the guidance centre once a year (100%)
  // families
  'guidance_stations_per_town', // one family guidance station per town
  'child_friendly_sites', // ≥ 3 child-friendly community sites a year
  'development_base', // ≥ 1 early development base
  'home_visit_coverage', // resident newborn families that want a visit, visited this year
  'guidance_sessions', // ≥ 6 offline sessions a year per family that wants them
  'online_coverage', // online guidance reaches every family that wants it
  'handbook_coverage', // 母子健康手册 reaches every resident family
  // quality
  'demonstration_institutions', // 1–2 demonstration institutions
  // plan (site planner)
  'fifteen_minute_coverage', // children within 15 minutes of an inclusive place with free seats (no threshold in the seed)
  // beyond the plan (issue 17; domain/plan/policy-targets.ts): national and Shanghai policy since 2021
  'places_per_thousand', // places per 1,000 population (national 4.5 by 2025; institutions)
  'inclusive_place_share', // share of places in inclusive institutions (no number in any pack; institutions)
  'subsidy_reviewed_in_time', // childcare-subsidy applications reviewed within 30 working days (subsidy)
  'baobaowu_coverage', // towns with a community 宝宝屋 open in the year (Shanghai; no number in any pack; families)
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

export interface TargetQuery {
  actor: Actor;
  /** The plan year measured (calendar year; the plan period starts on the pack's effective date). */
  year: number;
  /** The moment "now" for in-year measures (pace, expiry). */
  asOf: Date;
  /** Narrow to one town (9-digit code) inside the caller's scope; undefined = the caller's whole scope. */
  townCode?: string;
  /**
   * The plan row being measured: its metric and value. A source that answers a per-unit target (hours
   * per practitioner, sessions per family) counts the units reaching this value, so a successor plan's
   * changed value is what is measured; other sources ignore it. Absent: the rule pack's value.
   */
  target?: { metric: string; value: number };
  /**
   * Work shared by the sources of one measurement (one dashboard answer): several targets read the
   * same records (持证上岗率, training hours and district trainings all come from one staffing
   * compliance computation). Use `sharedWork`; absent, each source computes its own.
   */
  shared?: Map<string, Promise<unknown>>;
}

/**
 * Run `work` once per measurement for `key` (which must name everything the work depends on beyond
 * the query's actor and asOf, e.g. the town) and hand the same promise to every source that asks.
 */
export function sharedWork<T>(q: TargetQuery, key: string, work: () => Promise<T>): Promise<T> {
  if (!q.shared) return work();
  const known = q.shared.get(key) as Promise<T> | undefined;
  if (known) return known;
  const p = work();
  q.shared.set(key, p);
  return p;
}

export interface TargetMeasure {
  /** The headline number: a count, or a share in [0, 1] when `denominator` is given. */
  value: number;
  numerator?: number;
  denominator?: number;
  unit: 'count' | 'share' | 'hours';
  /** Per town (9-digit code) where the target is broken down by town. */
  byTown?: Record<string, number>;
}

export interface TargetDrillRow {
  /** The object behind the number (institution, staff, family …), for a link. */
  id: string;
  kind:
    | 'institution'
    | 'staff'
    | 'family'
    | 'draw'
    | 'station'
    | 'site'
    | 'session'
    | 'community'
    | 'training';
  /** Display label; personal names and numbers masked. */
  label: string;
  townCode?: string;
  /** Whether this row counts toward the headline (drill-down sums equal the headline). */
  counts: boolean;
  /** A short reason or value, e.g. "持证 3/4" or "visited 2026-03-02". */
  note?: string;
}

export interface TargetSource {
  key: TargetKey;
  /** The module that holds the records, e.g. 'workforce'. */
  module: string;
  /**
   * Whether the source can measure this query at all (e.g. a rate per 1,000 people where no
   * population figure is held); false → the target shows "no data", never a made-up number.
   */
  available?(q: TargetQuery): boolean;
  measure(db: Db, q: TargetQuery): Promise<TargetMeasure>;
  /** The rows behind the headline, paged by the caller. */
  drillDown(
    db: Db,
    q: TargetQuery,
    page: { offset: number; limit: number },
  ): Promise<{ rows: TargetDrillRow[]; total: number }>;
}
