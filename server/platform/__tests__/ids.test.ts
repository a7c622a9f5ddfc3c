import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids.ts';

describe('uuidv7', () => {
  it('is a version-7, RFC 9562 variant UUID carrying the given milliseconds', () => {
    const now = Date.UTC(2026, 11, 4, 8, 30);
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('never repeats across many pool refills, and sorts by time', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5000; i++) ids.add(uuidv7(1_700_000_000_000));
    expect(ids.size).toBe(5000);
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a < b).toBe(true);
  });

  it('does not share bytes between ids (each is its own copy of the pool)', () => {
    const first = uuidv7(0);
    for (let i = 0; i < 300; i++) uuidv7(0); // the pool is refilled under the first id's bytes
    expect(first).toMatch(/^00000000-0000-7/);
    expect(uuidv7(0)).not.toBe(first);
  });
});
