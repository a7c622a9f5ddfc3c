/**
 * Benchmark: the grid-index site planner vs the brute-force scan at Shanghai scale
 * (6,000 demand points × 2,100 facilities × 500 candidate sites). Deterministic data from a seeded PRNG.
 * Prints timings, the speed-up and whether both chose sites of equal coverage. Does not assert timing.
 * Run: node --import tsx bench/site-planner.ts [k]
 */
import type { DemandPoint, Facility } from '../domain/rules/coverage.ts';
import { type CandidateSite, planSites, planSitesBruteForce } from '../domain/rules/site-planner.ts';
import { Rng } from '../server/demo/rng.ts';

const rng = new Rng(20210827);
const rand = () => rng.next();
// Shanghai bounding box (approx.): lat 30.70–31.85, lng 120.87–121.97; denser towards the centre.
const CENTRE = { lat: 31.23, lng: 121.47 };
function point(): { lat: number; lng: number } {
  if (rand() < 0.6) {
    const r = 0.18 * Math.sqrt(rand());
    const a = rand() * 2 * Math.PI;
    return { lat: CENTRE.lat + r * Math.sin(a), lng: CENTRE.lng + r * Math.cos(a) * 1.2 };
  }
  return { lat: 30.7 + rand() * 1.15, lng: 120.87 + rand() * 1.1 };
}

const demand: DemandPoint[] = Array.from({ length: 6000 }, (_, i) => ({
  id: `d${i}`,
  ...point(),
  children: 5 + Math.floor(rand() * 120),
}));
const facilities: Facility[] = Array.from({ length: 2100 }, (_, i) => ({
  id: `f${i}`,
  ...point(),
  freePlaces: Math.floor(rand() * 40),
}));
const candidates: CandidateSite[] = Array.from({ length: 500 }, (_, i) => ({
  id: `c${i}`,
  ...point(),
  capacity: 60 + Math.floor(rand() * 90),
}));
const k = Number(process.argv[2] ?? 25);
const input = { demand, facilities, candidates, k };

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const [grid, gridMs] = time(() => planSites(input));
const [brute, bruteMs] = time(() => planSitesBruteForce(input));
if (!grid.ok || !brute.ok) throw new Error('planner failed');

const samePicks = JSON.stringify(grid.picks) === JSON.stringify(brute.picks);
console.log(
  `site planner: ${demand.length} demand points × ${facilities.length} facilities × ${candidates.length} candidates, k = ${k}`,
);
console.log(
  `  children ${grid.totalChildren}; covered before ${grid.coveredBefore} (${(grid.shareBefore * 100).toFixed(1)}%)`,
);
console.log(
  `  grid index : ${gridMs.toFixed(0)} ms → covered after ${grid.coveredAfter} (${(grid.shareAfter * 100).toFixed(1)}%), ${grid.picks.length} sites`,
);
console.log(
  `  brute force: ${bruteMs.toFixed(0)} ms → covered after ${brute.coveredAfter} (${(brute.shareAfter * 100).toFixed(1)}%), ${brute.picks.length} sites`,
);
console.log(
  `  speed-up ×${(bruteMs / gridMs).toFixed(1)}; equal coverage: ${grid.coveredAfter === brute.coveredAfter}; same sites: ${samePicks}`,
);
