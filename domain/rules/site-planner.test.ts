import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemandPoint, Facility } from './coverage.ts';
import { type CandidateSite, planSites, planSitesBruteForce } from './site-planner.ts';

const KM_PER_DEG = 111.1950802335329;
const at = (kmNorth: number, kmEast = 0) => ({
  lat: 31.15 + kmNorth / KM_PER_DEG,
  lng: 121.12 + kmEast / (KM_PER_DEG * Math.cos((31.15 * Math.PI) / 180)),
});

// Three clusters of demand 3 km apart; one existing facility covers part of cluster X.
const demand: DemandPoint[] = [
  { id: 'x1', ...at(0), children: 20 },
  { id: 'x2', ...at(0.3), children: 10 },
  { id: 'y1', ...at(3), children: 25 },
  { id: 'z1', ...at(6), children: 8 },
  { id: 'z2', ...at(6.2), children: 8 },
];
const facilities: Facility[] = [{ id: 'F', ...at(0.1), freePlaces: 20 }];
const candidates: CandidateSite[] = [
  { id: 'cX', ...at(0.15) },
  { id: 'cY', ...at(3.1) },
  { id: 'cZ', ...at(6.1) },
  { id: 'cYsmall', ...at(3), capacity: 5 },
];

describe('planSites (greedy maximal coverage)', () => {
  it.each([
    [0, [], 20],
    [1, [['cY', 25]], 45],
    [
      2,
      [
        ['cY', 25],
        ['cZ', 16],
      ],
      61,
    ],
    [
      3,
      [
        ['cY', 25],
        ['cZ', 16],
        ['cX', 10],
      ],
      71,
    ],
    [
      4,
      [
        ['cY', 25],
        ['cZ', 16],
        ['cX', 10],
      ],
      71,
    ], // stops: nothing left to cover
  ] as [number, [string, number][], number][])('k=%i → %j', (k, picks, after) => {
    for (const plan of [planSites, planSitesBruteForce]) {
      const r = plan({ demand, facilities, candidates, k });
      expect(r).toMatchObject({ ok: true, totalChildren: 71, coveredBefore: 20, coveredAfter: after });
      expect(r.ok && r.picks.map((p) => [p.candidateId, p.gain])).toEqual(picks);
    }
  });

  it('caps a site by its capacity and breaks ties by id', () => {
    const cands: CandidateSite[] = [
      { id: 'b', ...at(3), capacity: 10 },
      { id: 'a', ...at(3.05), capacity: 10 },
    ];
    const r = planSites({ demand, facilities, candidates: cands, k: 2 });
    expect(r.ok && r.picks).toEqual([
      { candidateId: 'a', gain: 10 },
      { candidateId: 'b', gain: 10 },
    ]);
  });

  it.each([
    [{ k: -1 }, 'count.invalid', 'k'],
    [{ k: 1.5 }, 'count.invalid', 'k'],
    [{ candidates: [{ id: 'c', lat: 200, lng: 0 }] }, 'geo.bad_coordinate', 'candidates'],
    [{ candidates: [{ id: 'c', lat: 31, lng: 121, capacity: -3 }] }, 'count.negative', 'candidates'],
    [{ demand: [{ id: 'd', lat: 31, lng: 121, children: -1 }] }, 'count.negative', 'demand'],
  ])('rejects %j → %s', (patch, reason, field) => {
    expect(planSites({ demand, facilities, candidates, k: 1, ...patch })).toMatchObject({
      ok: false,
      reason,
      field,
    });
  });
});

describe('grid planner equals brute force (fast-check)', () => {
  const pt = fc
    .record({ n: fc.double({ min: 0, max: 8, noNaN: true }), e: fc.double({ min: 0, max: 8, noNaN: true }) })
    .map(({ n, e }) => at(n, e));
  it('picks the same sites with the same coverage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pt, fc.nat(40)), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(pt, fc.nat(30)), { maxLength: 10 }),
        fc.array(fc.tuple(pt, fc.option(fc.nat(50), { nil: undefined })), { maxLength: 25 }),
        fc.integer({ min: 0, max: 8 }),
        (ds, fs, cs, k) => {
          const input = {
            demand: ds.map(([p, n], i) => ({ id: `d${i}`, ...p, children: n })),
            facilities: fs.map(([p, n], i) => ({ id: `f${i}`, ...p, freePlaces: n })),
            candidates: cs.map(([p, c], i) =>
              c === undefined ? { id: `c${i}`, ...p } : { id: `c${i}`, ...p, capacity: c },
            ),
            k,
          };
          const grid = planSites(input);
          const brute = planSitesBruteForce(input);
          expect(grid).toEqual(brute);
          if (grid.ok) expect(grid.picks.length).toBeLessThanOrEqual(k);
        },
      ),
      { numRuns: 150 },
    );
  });
});
