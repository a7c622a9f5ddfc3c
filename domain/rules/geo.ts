/**
 * Geometry for the 15-minute care circle (青府办发〔2021〕35号 三、(一)2): walking time between points and
 * a grid-bucket spatial index. Walking minutes = haversine distance × detour factor (default 1.3, street
 * network vs straight line) ÷ walking speed (default 4.5 km/h) × 60. Not meant for points across ±180°.
 */
import type { ReasonCode } from './reasons.ts';

/** A point in WGS-84 degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Walking model parameters. */
export interface WalkOptions {
  /** Street distance ÷ straight-line distance; default 1.3. */
  detourFactor?: number;
  /** Walking speed in km/h; default 4.5. */
  speedKmh?: number;
  /** Threshold in minutes; default 15. */
  maxMinutes?: number;
}

/** Street distance ÷ straight-line distance (platform assumption). */
export const DEFAULT_DETOUR = 1.3;
/** Walking speed with a small child, km/h (platform assumption). */
export const DEFAULT_SPEED_KMH = 4.5;
/** The 15-minute care circle (青府办发〔2021〕35号 三、(一)2). */
export const DEFAULT_MAX_MINUTES = 15;
/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEG = (Math.PI * EARTH_RADIUS_KM) / 180;
const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Walking minutes between two points: haversine × detour ÷ speed. */
export function walkingMinutes(a: LatLng, b: LatLng, opts: WalkOptions = {}): number {
  const detour = opts.detourFactor ?? DEFAULT_DETOUR;
  const speed = opts.speedKmh ?? DEFAULT_SPEED_KMH;
  return ((haversineKm(a, b) * detour) / speed) * 60;
}

/** Straight-line km reachable within the walking threshold. */
export function reachKm(opts: WalkOptions = {}): number {
  const detour = opts.detourFactor ?? DEFAULT_DETOUR;
  const speed = opts.speedKmh ?? DEFAULT_SPEED_KMH;
  const minutes = opts.maxMinutes ?? DEFAULT_MAX_MINUTES;
  return ((minutes / 60) * speed) / detour;
}

/** Reason for bad walking parameters, or null. */
export function walkOptionsReason(opts: WalkOptions): ReasonCode | null {
  const d = opts.detourFactor ?? DEFAULT_DETOUR;
  const s = opts.speedKmh ?? DEFAULT_SPEED_KMH;
  const m = opts.maxMinutes ?? DEFAULT_MAX_MINUTES;
  if (![d, s, m].every(Number.isFinite) || d < 1 || s <= 0 || m <= 0) return 'geo.bad_parameter';
  return null;
}

/** True when the point has finite coordinates within ±90 / ±180. */
export function isValidPoint(p: unknown): p is LatLng {
  const q = p as LatLng;
  return (
    typeof q === 'object' &&
    q !== null &&
    Number.isFinite(q.lat) &&
    Number.isFinite(q.lng) &&
    Math.abs(q.lat) <= 90 &&
    Math.abs(q.lng) <= 180
  );
}

/** A grid-bucket index: points hashed into cells at least `radiusKm` wide, queried over the 3 × 3 block. */
export interface GridIndex {
  /** Indexes of points in the 3 × 3 cells around p (a superset of those within radiusKm). */
  near(p: LatLng): number[];
}

/**
 * Build a grid index over `points` for queries of radius `radiusKm`. Cell width in longitude uses the
 * cosine of the largest |latitude| among `points` and `queryLatMax` plus one cell, with a 2% margin, so
 * the 3 × 3 block always contains every point within the radius.
 */
export function buildGrid(points: readonly LatLng[], radiusKm: number, queryLatMax = 0): GridIndex {
  let maxLat = Math.abs(queryLatMax);
  for (const p of points) maxLat = Math.max(maxLat, Math.abs(p.lat));
  const cellLat = (radiusKm * 1.02) / KM_PER_DEG;
  const cos = Math.cos(Math.min(89, maxLat + cellLat) * RAD);
  const cellLng = (radiusKm * 1.02) / (KM_PER_DEG * cos);
  const cells = new Map<number, number[]>();
  const key = (ix: number, iy: number): number => ix * 4_194_304 + iy;
  points.forEach((p, i) => {
    const k = key(Math.floor(p.lng / cellLng), Math.floor(p.lat / cellLat));
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  });
  return {
    near(p: LatLng): number[] {
      const ix = Math.floor(p.lng / cellLng);
      const iy = Math.floor(p.lat / cellLat);
      const out: number[] = [];
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          const list = cells.get(key(ix + dx, iy + dy));
          if (list) for (const i of list) out.push(i);
        }
      }
      return out;
    },
  };
}
