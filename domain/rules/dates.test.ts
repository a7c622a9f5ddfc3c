import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDayNumber, isoWeekday, parseDate } from './dates.ts';

describe('parseDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-04-31', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-1-01', false],
    ['20230101', false],
    ['', false],
  ])('%s valid=%s', (s, valid) => {
    const r = parseDate(s);
    expect(r.ok).toBe(valid);
    if (!r.ok) expect(r.reason).toBe('date.malformed');
  });

  it('round-trips through day numbers', () => {
    for (const s of ['1970-01-01', '1949-12-31', '2024-02-29', '2099-12-31']) {
      const r = parseDate(s);
      expect(r.ok && formatDayNumber(r.dayNumber)).toBe(s);
    }
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2021-10-01', 5],
    ['2024-02-04', 7],
    ['2025-01-01', 3],
    ['1970-01-01', 4],
  ])('%s is ISO weekday %i', (s, wd) => {
    const r = parseDate(s);
    expect(r.ok && isoWeekday(r.dayNumber)).toBe(wd);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2023, 4, 30],
    [2023, 12, 31],
  ])('%i-%i has %i days', (y, m, d) => {
    expect(daysInMonth(y, m)).toBe(d);
  });
});
