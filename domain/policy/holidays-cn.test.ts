import { describe, expect, it } from 'vitest';
import { isoWeekday, parseDate } from '../rules/dates.ts';
import { CN_HOLIDAY_YEARS } from './holidays-cn.ts';

function day(s: string): number {
  const r = parseDate(s);
  if (!r.ok) throw new Error(`bad date ${s}`);
  return r.dayNumber;
}

describe('holiday calendar data', () => {
  it('covers 2021–2026 without gaps', () => {
    expect(CN_HOLIDAY_YEARS.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each(CN_HOLIDAY_YEARS.map((y) => [y.year, y] as const))(
    '%i: adjusted working days are weekend days',
    (_y, year) => {
      for (const w of year.workdays) expect(isoWeekday(day(w))).toBeGreaterThanOrEqual(6);
    },
  );

  it.each(CN_HOLIDAY_YEARS.map((y) => [y.year, y] as const))(
    '%i: ranges are ordered and do not hit workdays',
    (_y, year) => {
      const work = new Set(year.workdays.map(day));
      for (const [from, to] of year.holidays) {
        expect(day(to)).toBeGreaterThanOrEqual(day(from));
        for (let d = day(from); d <= day(to); d++) expect(work.has(d)).toBe(false);
      }
      if (!year.verified) expect(year.note).toBeTruthy();
    },
  );

  it.each([
    // Range lengths as stated in each notice (“共N天”; a 1 for “放假，与周末连休”).
    [2021, [3, 7, 3, 5, 3, 3, 7]],
    [2022, [3, 7, 3, 5, 3, 3, 7]],
    [2023, [3, 7, 1, 5, 3, 8]],
    [2024, [1, 8, 3, 5, 1, 3, 7]],
    [2025, [1, 8, 3, 5, 3, 8]],
    [2026, [3, 9, 3, 5, 3, 3, 7]],
  ])('%i ranges have the stated lengths %j', (y, lengths) => {
    const year = CN_HOLIDAY_YEARS.find((x) => x.year === y)!;
    expect(year.holidays.map(([f, t]) => day(t) - day(f) + 1)).toEqual(lengths);
  });
});
