/**
 * Deterministic random stream for the double-random draw: SHA-256 in counter mode.
 * block_i = SHA-256(seed bytes ‖ uint32 big-endian i), i = 0, 1, 2, …; each block yields eight
 * big-endian uint32 words, consumed in order. Uniform integers below n use rejection sampling (no modulo
 * bias): for n ≤ 2^32 one word, accepted when word < 2^32 − (2^32 mod n); for larger n (≤ 2^53) a 53-bit
 * value from two words (21 high bits of the first, all 32 of the second), accepted below 2^53 − (2^53 mod n).
 * Only integer arithmetic: the same seed gives the same numbers in any JavaScript engine.
 */
import { fromHex, sha256 } from './sha256.ts';

const TWO_32 = 0x1_0000_0000;
const TWO_53 = 2 ** 53;

/** A deterministic stream of uniform integers derived from a 32-byte seed. */
export interface DrawStream {
  /** Next uint32 word. */
  nextUint32(): number;
  /** Uniform integer in [0, n), 1 ≤ n ≤ 2^53. */
  uniformInt(n: number): number;
  /** SHA-256 blocks computed so far. */
  blocks(): number;
}

/** Create the stream for a 64-hex-character seed (see seedFrom in draw.ts); null for a bad seed. */
export function createStream(seedHex: string): DrawStream | null {
  const seed = fromHex(seedHex);
  if (seed?.length !== 32) return null;
  const input = new Uint8Array(36);
  input.set(seed);
  let counter = 0;
  let block: Uint8Array = new Uint8Array(0);
  let pos = 32;
  const nextUint32 = (): number => {
    if (pos >= 32) {
      input[32] = counter >>> 24;
      input[33] = (counter >>> 16) & 0xff;
      input[34] = (counter >>> 8) & 0xff;
      input[35] = counter & 0xff;
      counter += 1;
      block = sha256(input);
      pos = 0;
    }
    const v =
      ((block[pos]! << 24) | (block[pos + 1]! << 16) | (block[pos + 2]! << 8) | block[pos + 3]!) >>> 0;
    pos += 4;
    return v;
  };
  const uniformInt = (n: number): number => {
    if (!Number.isSafeInteger(n) || n < 1 || n > TWO_53) return Number.NaN;
    if (n === 1) return 0;
    if (n <= TWO_32) {
      const limit = TWO_32 - (TWO_32 % n);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    }
    const limit = TWO_53 - (TWO_53 % n);
    for (;;) {
      const x = (nextUint32() >>> 11) * TWO_32 + nextUint32();
      if (x < limit) return x % n;
    }
  };
  return { nextUint32, uniformInt, blocks: () => counter };
}

/** Fenwick tree over integer weights: prefix sums, point updates, and search by cumulative weight. */
export function fenwick(weights: readonly number[]): {
  add(i: number, delta: number): void;
  find(r: number): number;
} {
  const n = weights.length;
  const tree = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= n; j += j & -j) tree[j] = tree[j]! + weights[i]!;
  }
  let top = 1;
  while (top * 2 <= n) top *= 2;
  return {
    add(i: number, delta: number): void {
      for (let j = i + 1; j <= n; j += j & -j) tree[j] = tree[j]! + delta;
    },
    /** Smallest index whose cumulative weight exceeds r (0 ≤ r < total). */
    find(r: number): number {
      let pos = 0;
      let rest = r;
      for (let step = top; step > 0; step >>= 1) {
        const next = pos + step;
        if (next <= n && tree[next]! <= rest) {
          pos = next;
          rest -= tree[next]!;
        }
      }
      return pos;
    },
  };
}
