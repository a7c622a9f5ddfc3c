import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage, coverageBruteForce, type DemandPoint, type Facility } from './coverage.ts';
import { haversineKm, walkingMinutes } from './geo.ts';

const KM_PER_DEG = 111.1950802335329; // π × 6371.0088 / 180
const north = (km: number, lat = 31.15, lng = 121.12) => ({ lat: lat + km / KM_PER_DEG, lng });

describe('walking model', () => {
  it.each([
    // [a, b, options, expected minutes] — haversine reference values from an independent Python script
    [north(0), north(0), {}, 0],
    [north(0), north(1), {}, 17.3333],
    [north(0), north(1), { detourFactor: 1, speedKmh: 6 }, 10],
    [{ lat: 31.15, lng: 121.12 }, { lat: 31.16, lng: 121.13 }, {}, 25.3679],
  ])('%j → %j (%j) = %f min', (a, b, opts, minutes) => {
    expect(walkingMinutes(a, b, opts)).toBeCloseTo(minutes, 3);
  });

  it('measures People’s Square to Qingpu at about 34.44 km', () => {
    expect(haversineKm({ lat: 31.2304, lng: 121.4737 }, { lat: 31.15, lng: 121.124 })).toBeCloseTo(
      34.4446,
      3,
    );
  });
});

describe('coverage allocation (nearest pair first)', () => {
  const demand: DemandPoint[] = [
    { id: 'A', ...north(0), children: 10 },
    { id: 'B', ...north(0.5), children: 10 },
    { id: 'C', ...north(5), children: 7 },
  ];
  it.each([
    // facilities, covered, per-demand covered
    [[{ id: 'F', ...north(0.2), freePlaces: 15 }], 15, [10, 5, 0]],
    [[{ id: 'F', ...north(0.3), freePlaces: 15 }], 15, [5, 10, 0]],
    [[{ id: 'F', ...north(0.2), freePlaces: 100 }], 20, [10, 10, 0]],
    [[{ id: 'F', ...north(0.2), freePlaces: 0 }], 0, [0, 0, 0]],
    [
      [
        { id: 'F', ...north(0.2), freePlaces: 12 },
        { id: 'G', ...north(5.1), freePlaces: 3 },
      ],
      15,
      [10, 2, 3],
    ],
    [[], 0, [0, 0, 0]],
  ] as [Facility[], number, number[]][])('%j → %i covered', (facilities, covered, per) => {
    const r = coverage(demand, facilities);
    expect(r).toMatchObject({ ok: true, totalChildren: 27, coveredChildren: covered });
    expect(r.ok && r.demand.map((d) => d.covered)).toEqual(per);
    expect(r.ok && r.share).toBeCloseTo(covered / 27, 10);
  });

  it('respects a custom threshold', () => {
    const f = [{ id: 'F', ...north(0.2), freePlaces: 100 }];
    expect(coverage(demand, f, { maxMinutes: 4 })).toMatchObject({ coveredChildren: 10 });
    expect(coverage(demand, f, { maxMinutes: 120 })).toMatchObject({ coveredChildren: 27 });
  });

  it.each([
    [[{ id: 'A', lat: 95, lng: 0, children: 1 }], [], 'geo.bad_coordinate', 'demand'],
    [[{ id: 'A', lat: 31, lng: 121, children: -1 }], [], 'count.negative', 'demand'],
    [[{ id: 'A', lat: 31, lng: 121, children: 1.5 }], [], 'count.invalid', 'demand'],
    [
      [
        { id: 'A', lat: 31, lng: 121, children: 1 },
        { id: 'A', lat: 31, lng: 121, children: 1 },
      ],
      [],
      'coverage.duplicate_id',
      'demand',
    ],
    [[], [{ id: 'F', lat: 31, lng: Number.NaN, freePlaces: 1 }], 'geo.bad_coordinate', 'facilities'],
    [[], [{ id: 'F', lat: 31, lng: 121, freePlaces: -2 }], 'count.negative', 'facilities'],
  ] as [DemandPoint[], Facility[], string, string][])('rejects bad input → %s', (d, f, reason, field) => {
    expect(coverage(d, f)).toMatchObject({ ok: false, reason, field });
  });

  it.each([[{ detourFactor: 0.5 }], [{ speedKmh: 0 }], [{ maxMinutes: -1 }]])(
    'rejects options %j',
    (opts) => {
      expect(coverage([], [], opts)).toMatchObject({ ok: false, reason: 'geo.bad_parameter' });
    },
  );
});

const arbPoint = (lat: number) =>
  fc
    .record({
      dLat: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      dLng: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
    })
    .map((p) => ({ lat: lat + p.dLat, lng: 121.3 + p.dLng }));

describe('grid index equals brute force (fast-check)', () => {
  it.each([[31.2], [60], [-45]])('at latitude %f', (lat) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbPoint(lat), fc.nat(30)), { maxLength: 40 }),
        fc.array(fc.tuple(arbPoint(lat), fc.nat(30)), { maxLength: 15 }),
        (ds, fs) => {
          const demand = ds.map(([p, n], i) => ({ id: `d${i}`, ...p, children: n }));
          const facilities = fs.map(([p, n], i) => ({ id: `f${i}`, ...p, freePlaces: n }));
          expect(coverage(demand, facilities)).toEqual(coverageBruteForce(demand, facilities));
        },
      ),
      { numRuns: 100 },
    );
  });
});
