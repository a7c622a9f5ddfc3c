/**
 * An offline base layer the project can carry: approximate town areas generated from the project's own
 * division data (domain/divisions.ts: each town's centre and the district's box), not from any map
 * provider, so there is no licence to honour and nothing to download.
 *
 * - The district outline is the convex hull of circles of `radiusKm` around the town centres, clipped
 *   to the district's box: a rounded shape that covers every town, NOT the legal boundary.
 * - Each town's area is its Voronoi cell (the places nearer its centre than any other centre) clipped
 *   to that outline: approximate, NOT the administrative boundary.
 * The map says so in its note. Pure: no I/O, planar geometry on an equirectangular projection (good to
 * well under 1 % across a district).
 */
import { type BBox, DISTRICT_BBOX, townsOf } from '../divisions.ts';

export type LatLng = [lat: number, lng: number];
export interface TownArea {
  code: string;
  polygon: LatLng[];
}

type XY = [number, number];
const KM_PER_DEGREE = 111.195;

/** Keeps the part of `poly` where f(p) ≤ 0 (Sutherland–Hodgman against one half-plane). */
function clipHalfPlane(poly: XY[], f: (p: XY) => number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    const fa = f(a);
    const fb = f(b);
    if (fa <= 0) out.push(a);
    if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
export function convexHull(points: XY[]): XY[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: XY[]) => {
    const h: XY[] = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...half(p), ...half([...p].reverse())];
}

function boxClip(poly: XY[], b: BBox, toXY: (ll: LatLng) => XY): XY[] {
  const [x0, y0] = toXY([b.minLat, b.minLng]);
  const [x1, y1] = toXY([b.maxLat, b.maxLng]);
  let out = clipHalfPlane(poly, (p) => x0 - p[0]);
  out = clipHalfPlane(out, (p) => p[0] - x1);
  out = clipHalfPlane(out, (p) => y0 - p[1]);
  return clipHalfPlane(out, (p) => p[1] - y1);
}

/** The district's approximate outline and its towns' approximate areas (empty for an unknown district). */
export function approximateTownAreas(
  districtCode: string,
  radiusKm = 4,
): { outline: LatLng[]; towns: TownArea[] } {
  const towns = townsOf(districtCode);
  const box = DISTRICT_BBOX[districtCode];
  if (towns.length === 0 || !box) return { outline: [], towns: [] };
  const lat0 = towns.reduce((s, t) => s + t.lat, 0) / towns.length;
  const kx = KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const toXY = ([lat, lng]: LatLng): XY => [lng * kx, lat * KM_PER_DEGREE];
  const toLatLng = ([x, y]: XY): LatLng => [
    Math.round((y / KM_PER_DEGREE) * 1e5) / 1e5,
    Math.round((x / kx) * 1e5) / 1e5,
  ];
  const centres = towns.map((t) => toXY([t.lat, t.lng]));
  const ring: XY[] = [];
  for (const [x, y] of centres)
    for (let k = 0; k < 24; k++) {
      const a = (k * Math.PI) / 12;
      ring.push([x + radiusKm * Math.cos(a), y + radiusKm * Math.sin(a)]);
    }
  const outline = boxClip(convexHull(ring), box, toXY);
  const areas = towns.map((t, i) => {
    const a = centres[i]!;
    let cell = outline;
    centres.forEach((b, j) => {
      if (j === i) return;
      const m: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      cell = clipHalfPlane(cell, (p) => (p[0] - m[0]) * (b[0] - a[0]) + (p[1] - m[1]) * (b[1] - a[1]));
    });
    return { code: t.code, polygon: cell.map(toLatLng) };
  });
  return { outline: outline.map(toLatLng), towns: areas };
}
