import { describe, expect, it } from 'vitest';
import { remainingMonths, suggestSchedule } from './visits.ts';

const towns = (spec: Record<string, number>) =>
  Object.entries(spec).flatMap(([townCode, n]) => Array.from({ length: n }, () => ({ townCode })));

describe('annual visit schedule suggestion', () => {
  it('the months left in the year, the current one included', () => {
    expect(remainingMonths('2026-10-15')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(remainingMonths('2026-12-05')).toEqual(['2026-12']);
  });

  it('every unvisited institution is scheduled once; whole towns where they fit; months level', () => {
    const list = towns({ A: 5, B: 4, C: 3, D: 2, E: 1 });
    const plan = suggestSchedule(list, ['2026-10', '2026-11', '2026-12']);
    expect(plan.reduce((s, p) => s + p.total, 0)).toBe(15);
    for (const p of plan) expect(p.total).toBeLessThanOrEqual(5);
    // no town split when every town fits in a month
    const appearances = plan.flatMap((p) => p.towns.map((t) => t.townCode));
    expect(new Set(appearances).size).toBe(appearances.length);
    for (const p of plan) expect(p.total).toBe(p.towns.reduce((s, t) => s + t.count, 0));
  });

  it('a town larger than a month is split; one month takes everything; nothing to do is empty months', () => {
    const big = suggestSchedule(towns({ A: 10, B: 2 }), ['2026-11', '2026-12']);
    expect(big.map((p) => p.total)).toEqual([6, 6]);
    expect(
      big
        .flatMap((p) => p.towns)
        .filter((t) => t.townCode === 'A')
        .reduce((s, t) => s + t.count, 0),
    ).toBe(10);
    expect(suggestSchedule(towns({ A: 3, B: 1 }), ['2026-12'])).toEqual([
      {
        month: '2026-12',
        total: 4,
        towns: [
          { townCode: 'A', count: 3 },
          { townCode: 'B', count: 1 },
        ],
      },
    ]);
    expect(suggestSchedule([], ['2026-12'])).toEqual([{ month: '2026-12', towns: [], total: 0 }]);
  });

  it('holds for random inputs: all scheduled, none above the cap unless one town alone exceeds it', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const spec: Record<string, number> = {};
      for (let i = 0; i < 1 + rnd(12); i++) spec[`T${i}`] = 1 + rnd(9);
      const months = remainingMonths(`2026-${String(1 + rnd(12)).padStart(2, '0')}-01`);
      const list = towns(spec);
      const plan = suggestSchedule(list, months);
      const cap = Math.ceil(list.length / months.length);
      expect(plan.reduce((s, p) => s + p.total, 0)).toBe(list.length);
      for (const p of plan) expect(p.total).toBeLessThanOrEqual(cap);
      for (const [town, n] of Object.entries(spec))
        expect(
          plan
            .flatMap((p) => p.towns)
            .filter((t) => t.townCode === town)
            .reduce((s, t) => s + t.count, 0),
        ).toBe(n);
    }
  });
});
