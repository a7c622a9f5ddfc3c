/**
 * Coverage of childcare demand by the "15-minute community care circle" (青府办发〔2021〕35号 三、(一)2).
 * Demand points (children by community) are covered by facilities with free places within N walking
 * minutes (default 15; walking model in geo.ts).
 *
 * Allocation (documented, greedy — not a max-flow optimum): all (demand, facility) pairs within the
 * threshold are taken nearest first (ties: demand index, then facility index, i.e. input order); each pair
 * moves min(children still uncovered at the demand point, places still free at the facility). So a
 * facility's free places are shared among the demand points it reaches, nearest first.
 * The site planner (greedy maximal coverage of what is left) is in site-planner.ts.
 */
import {
  buildGrid,
  DEFAULT_MAX_MINUTES,
  isValidPoint,
  type LatLng,
  reachKm,
  type WalkOptions,
  walkingMinutes,
  walkOptionsReason,
} from './geo.ts';
import { type Err, err, ok, type Result } from './result.ts';

/** Children (under 3) living around a point, e.g. a residents' committee. */
export interface DemandPoint extends LatLng {
  id: string;
  children: number;
}
/** An existing facility with free places. */
export interface Facility extends LatLng {
  id: string;
  freePlaces: number;
}
/** A (demand, facility) pair within the threshold. */
export interface Pair {
  d: number;
  f: number;
  minutes: number;
}

/** Coverage figures. `uncovered[i]` is what demand point i still lacks. */
export interface CoverageResult {
  totalChildren: number;
  coveredChildren: number;
  /** covered ÷ total (1 when there is no demand). */
  share: number;
  uncovered: number[];
  demand: { id: string; children: number; covered: number }[];
  facilities: { id: string; freePlaces: number; used: number }[];
}

/** Validate points and counts; returns a failure or null. */
export function validatePoints(
  items: readonly (LatLng & { id: string })[],
  field: string,
  countKey: 'children' | 'freePlaces' | 'capacity' | null,
): Err | null {
  if (!Array.isArray(items)) return err('count.invalid', field);
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const id = it.id;
    if (typeof id !== 'string') return err('coverage.bad_id', field, { index: i });
    if (seen.has(id)) return err('coverage.duplicate_id', field, { id });
    seen.add(id);
    if (!isValidPoint(it)) return err('geo.bad_coordinate', field, { id });
    if (countKey) {
      const n = (it as unknown as Record<string, unknown>)[countKey];
      if (n === undefined && countKey === 'capacity') continue;
      if (typeof n !== 'number' || !Number.isInteger(n)) return err('count.invalid', field, { id });
      if (n < 0) return err('count.negative', field, { id });
    }
  }
  return null;
}

function sortPairs(pairs: Pair[]): Pair[] {
  return pairs.sort((a, b) => a.minutes - b.minutes || a.d - b.d || a.f - b.f);
}

/** Pairs within the threshold found through the grid index. */
export function pairsGrid(demand: readonly LatLng[], sites: readonly LatLng[], opts: WalkOptions): Pair[] {
  const max = opts.maxMinutes ?? DEFAULT_MAX_MINUTES;
  const queryLat = sites.reduce((m, s) => Math.max(m, Math.abs(s.lat)), 0);
  const grid = buildGrid(demand, reachKm(opts), queryLat);
  const pairs: Pair[] = [];
  sites.forEach((s, f) => {
    for (const d of grid.near(s)) {
      const minutes = walkingMinutes(demand[d]!, s, opts);
      if (minutes <= max) pairs.push({ d, f, minutes });
    }
  });
  return sortPairs(pairs);
}

/** Pairs within the threshold by scanning every combination (reference for tests and the benchmark). */
export function pairsBruteForce(
  demand: readonly LatLng[],
  sites: readonly LatLng[],
  opts: WalkOptions,
): Pair[] {
  const max = opts.maxMinutes ?? DEFAULT_MAX_MINUTES;
  const pairs: Pair[] = [];
  sites.forEach((s, f) => {
    demand.forEach((p, d) => {
      const minutes = walkingMinutes(p, s, opts);
      if (minutes <= max) pairs.push({ d, f, minutes });
    });
  });
  return sortPairs(pairs);
}

function allocate(
  demand: readonly DemandPoint[],
  facilities: readonly Facility[],
  pairs: readonly Pair[],
): CoverageResult {
  const uncovered = demand.map((p) => p.children);
  const free = facilities.map((f) => f.freePlaces);
  for (const { d, f } of pairs) {
    const moved = Math.min(uncovered[d]!, free[f]!);
    if (moved > 0) {
      uncovered[d] = uncovered[d]! - moved;
      free[f] = free[f]! - moved;
    }
  }
  const totalChildren = demand.reduce((a, p) => a + p.children, 0);
  const coveredChildren = totalChildren - uncovered.reduce((a, b) => a + b, 0);
  return {
    totalChildren,
    coveredChildren,
    share: totalChildren === 0 ? 1 : coveredChildren / totalChildren,
    uncovered,
    demand: demand.map((p, i) => ({ id: p.id, children: p.children, covered: p.children - uncovered[i]! })),
    facilities: facilities.map((f, i) => ({
      id: f.id,
      freePlaces: f.freePlaces,
      used: f.freePlaces - free[i]!,
    })),
  };
}

function run(
  demand: readonly DemandPoint[],
  facilities: readonly Facility[],
  opts: WalkOptions,
  pairsOf: typeof pairsGrid,
): Result<CoverageResult> {
  const bad = walkOptionsReason(opts);
  if (bad) return err(bad, 'options');
  const e =
    validatePoints(demand, 'demand', 'children') ?? validatePoints(facilities, 'facilities', 'freePlaces');
  if (e) return e;
  return ok(allocate(demand, facilities, pairsOf(demand, facilities, opts)));
}

/** Coverage of demand by facilities within N walking minutes (grid index). */
export function coverage(
  demand: readonly DemandPoint[],
  facilities: readonly Facility[],
  opts: WalkOptions = {},
): Result<CoverageResult> {
  return run(demand, facilities, opts, pairsGrid);
}

/** Same as coverage, scanning every pair (for tests and the benchmark). */
export function coverageBruteForce(
  demand: readonly DemandPoint[],
  facilities: readonly Facility[],
  opts: WalkOptions = {},
): Result<CoverageResult> {
  return run(demand, facilities, opts, pairsBruteForce);
}
