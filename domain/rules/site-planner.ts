/**
 * Site planner for the 15-minute care circle: choose k candidate sites that cover the most children
 * left uncovered by existing facilities (greedy maximal coverage, Church & ReVelle's MCLP heuristic).
 *
 * Each round picks the candidate with the largest gain = min(capacity, uncovered children within N
 * minutes); ties go to the smaller id (UTF-16 code-unit order). The picked site then takes children
 * nearest first (ties: demand index) up to its capacity (unlimited when absent). Stops early when no
 * candidate adds anything. Two implementations with identical results:
 * - planSites: grid index (geo.ts) to find reachable demand once, then incremental gain updates
 *   through a demand → candidates index — fast at Shanghai scale;
 * - planSitesBruteForce: recomputes every candidate's gain by scanning all demand points each round.
 */
import {
  type CoverageResult,
  coverage,
  coverageBruteForce,
  type DemandPoint,
  type Facility,
  pairsGrid,
  validatePoints,
} from './coverage.ts';
import { DEFAULT_MAX_MINUTES, type LatLng, type WalkOptions, walkingMinutes } from './geo.ts';
import { err, ok, type Result } from './result.ts';

/** A candidate site; `capacity` in places (unlimited when absent). */
export interface CandidateSite extends LatLng {
  id: string;
  capacity?: number;
}

/** Planner input. */
export interface PlanInput {
  demand: readonly DemandPoint[];
  facilities: readonly Facility[];
  candidates: readonly CandidateSite[];
  k: number;
}

/** Planner output: picks in order with their gains, coverage before and after. */
export interface SitePlan {
  picks: { candidateId: string; gain: number }[];
  totalChildren: number;
  coveredBefore: number;
  coveredAfter: number;
  shareBefore: number;
  shareAfter: number;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function prepare(input: PlanInput, opts: WalkOptions, base: typeof coverage) {
  if (!Number.isInteger(input.k) || input.k < 0) return err('count.invalid', 'k');
  const bad = validatePoints(input.candidates, 'candidates', 'capacity');
  if (bad) return bad;
  const b = base(input.demand, input.facilities, opts);
  if (!b.ok) return b;
  const order = input.candidates
    .map((_, i) => i)
    .sort((x, y) => byId(input.candidates[x]!.id, input.candidates[y]!.id));
  const cap = input.candidates.map((c) => c.capacity ?? Number.POSITIVE_INFINITY);
  return { base: b as CoverageResult, order, cap };
}

function finish(base: CoverageResult, picks: SitePlan['picks']): SitePlan {
  const added = picks.reduce((a, p) => a + p.gain, 0);
  const total = base.totalChildren;
  const after = base.coveredChildren + added;
  return {
    picks,
    totalChildren: total,
    coveredBefore: base.coveredChildren,
    coveredAfter: after,
    shareBefore: base.share,
    shareAfter: total === 0 ? 1 : after / total,
  };
}

/** Greedy maximal-coverage site selection using the grid index and incremental gains. */
export function planSites(input: PlanInput, opts: WalkOptions = {}): Result<SitePlan> {
  const p = prepare(input, opts, coverage);
  if ('ok' in p) return p;
  const { base, order, cap } = p;
  const uncovered = [...base.uncovered];
  const n = input.candidates.length;
  const reach: number[][] = Array.from({ length: n }, () => []);
  const inverse: number[][] = Array.from({ length: input.demand.length }, () => []);
  for (const { d, f } of pairsGrid(input.demand, input.candidates, opts)) {
    reach[f]!.push(d);
    inverse[d]!.push(f);
  }
  const sum = reach.map((list) => list.reduce((a, d) => a + uncovered[d]!, 0));
  const picked = new Array<boolean>(n).fill(false);
  const picks: SitePlan['picks'] = [];
  for (let round = 0; round < input.k; round++) {
    let best = -1;
    let bestGain = 0;
    for (const c of order) {
      if (picked[c]) continue;
      const g = Math.min(cap[c]!, sum[c]!);
      if (g > bestGain) {
        best = c;
        bestGain = g;
      }
    }
    if (best < 0) break;
    picked[best] = true;
    let remaining = bestGain;
    for (const d of reach[best]!) {
      if (remaining <= 0) break;
      const m = Math.min(remaining, uncovered[d]!);
      if (m <= 0) continue;
      uncovered[d] = uncovered[d]! - m;
      remaining -= m;
      for (const c of inverse[d]!) sum[c] = sum[c]! - m;
    }
    picks.push({ candidateId: input.candidates[best]!.id, gain: bestGain });
  }
  return ok(finish(base, picks));
}

/** The same greedy selection by scanning every demand point for every candidate each round. */
export function planSitesBruteForce(input: PlanInput, opts: WalkOptions = {}): Result<SitePlan> {
  const p = prepare(input, opts, coverageBruteForce);
  if ('ok' in p) return p;
  const { base, order, cap } = p;
  const max = opts.maxMinutes ?? DEFAULT_MAX_MINUTES;
  const uncovered = [...base.uncovered];
  const picked = new Array<boolean>(input.candidates.length).fill(false);
  const picks: SitePlan['picks'] = [];
  for (let round = 0; round < input.k; round++) {
    let best = -1;
    let bestGain = 0;
    for (const c of order) {
      if (picked[c]) continue;
      const site = input.candidates[c]!;
      let s = 0;
      input.demand.forEach((pt, d) => {
        if (uncovered[d]! > 0 && walkingMinutes(pt, site, opts) <= max) s += uncovered[d]!;
      });
      const g = Math.min(cap[c]!, s);
      if (g > bestGain) {
        best = c;
        bestGain = g;
      }
    }
    if (best < 0) break;
    picked[best] = true;
    const site = input.candidates[best]!;
    const near = input.demand
      .map((pt, d) => ({ d, minutes: walkingMinutes(pt, site, opts) }))
      .filter((x) => x.minutes <= max)
      .sort((a, b) => a.minutes - b.minutes || a.d - b.d);
    let remaining = bestGain;
    for (const { d } of near) {
      if (remaining <= 0) break;
      const m = Math.min(remaining, uncovered[d]!);
      uncovered[d] = uncovered[d]! - m;
      remaining -= m;
    }
    picks.push({ candidateId: site.id, gain: bestGain });
  }
  return ok(finish(base, picks));
}
