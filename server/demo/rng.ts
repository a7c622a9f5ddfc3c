/** A seeded PRNG (mulberry32) for deterministic demo data; never for anything secret. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A deterministic UUIDv7-shaped id (time part from `ms`). */
  uuid(ms: number): string {
    const hex = (n: number, len: number) => Math.floor(n).toString(16).padStart(len, '0').slice(-len);
    const rand = () => hex(this.next() * 0x10000, 4);
    const t = hex(ms, 12);
    return `${t.slice(0, 8)}-${t.slice(8)}-7${rand().slice(1)}-${hex(0x8000 + this.next() * 0x3fff, 4)}-${rand()}${rand()}${rand()}`;
  }
}

/**
 * A fixed demo seed made the district's own: unchanged for the demo district (Qingpu, so its rows stay
 * as they were), shifted for any other, so that a second district's demo never repeats Qingpu's ids
 * (the isolation test treats any id of one district in an answer to the other as a leak).
 */
export function districtSeed(seed: number, district: string): number {
  return district === '310118' ? seed : (seed + Number(district) * 7919) >>> 0;
}
