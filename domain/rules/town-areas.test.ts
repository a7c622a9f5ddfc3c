import { describe, expect, it } from 'vitest';
import { DISTRICT_BBOX, townsOf } from '../divisions.ts';
import { approximateTownAreas, convexHull, type LatLng } from './town-areas.ts';

/** Ray casting: is the point inside the polygon? */
function inside([lat, lng]: LatLng, poly: LatLng[]): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [yi, xi] = poly[i]!;
    const [yj, xj] = poly[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Shoelace area in squared degrees (only compared with itself). */
const area = (p: LatLng[]) =>
  Math.abs(p.reduce((s, [y, x], i) => s + x * p[(i + 1) % p.length]![0] - p[(i + 1) % p.length]![1] * y, 0)) /
  2;

describe('approximate town areas of Qingpu', () => {
  const { outline, towns } = approximateTownAreas('310118');
  const box = DISTRICT_BBOX['310118']!;

  it('gives every town an area that holds its own centre and no other', () => {
    const refs = townsOf('310118');
    expect(towns.map((t) => t.code)).toEqual(refs.map((t) => t.code));
    for (const [i, t] of towns.entries()) {
      expect(t.polygon.length, t.code).toBeGreaterThanOrEqual(3);
      refs.forEach((r, j) => {
        expect(inside([r.lat, r.lng], t.polygon), `${t.code} / ${r.code}`).toBe(i === j);
      });
    }
  });

  it('keeps the outline inside the district box and the towns tile the outline', () => {
    for (const [lat, lng] of outline) {
      expect(lat).toBeGreaterThanOrEqual(box.minLat - 1e-9);
      expect(lat).toBeLessThanOrEqual(box.maxLat + 1e-9);
      expect(lng).toBeGreaterThanOrEqual(box.minLng - 1e-9);
      expect(lng).toBeLessThanOrEqual(box.maxLng + 1e-9);
    }
    const sum = towns.reduce((s, t) => s + area(t.polygon), 0);
    expect(Math.abs(sum - area(outline)) / area(outline)).toBeLessThan(0.001);
  });

  it('is empty for a district it does not know', () => {
    expect(approximateTownAreas('999999')).toEqual({ outline: [], towns: [] });
  });

  it('hulls points counter-clockwise without the inner ones', () => {
    expect(
      convexHull([
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
      ]),
    ).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });
});
