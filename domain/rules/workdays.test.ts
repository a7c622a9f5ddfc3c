import { describe, expect, it } from 'vitest';
import { addWorkingDays, countWorkingDays, isWorkingDay } from './workdays.ts';

describe('isWorkingDay', () => {
  it.each([
    ['2021-10-01', false], // 国庆
    ['2021-10-09', true], // Saturday made a working day
    ['2021-10-11', true], // ordinary Monday
    ['2021-10-10', false], // ordinary Sunday
    ['2024-02-09', true], // 除夕 2024 not a public holiday
    ['2024-02-18', true], // Sunday made a working day
    ['2025-01-28', false], // 除夕 2025 is a holiday after the amendment
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2026-02-23', false],
    ['2026-01-04', true],
    ['2022-12-31', false],
  ])('%s working=%s', (date, working) => {
    expect(isWorkingDay(date)).toEqual({ ok: true, working });
  });

  it.each([
    ['2020-06-01', 'workdays.outside_calendar'],
    ['2027-01-04', 'workdays.outside_calendar'],
    ['2025-02-30', 'date.malformed'],
  ])('%s → %s', (date, reason) => {
    expect(isWorkingDay(date)).toMatchObject({ ok: false, reason });
  });
});

describe('addWorkingDays (start date not counted)', () => {
  it.each([
    ['2021-09-28', 5, '2021-10-11'], // 9-29, 9-30, 10-08 (Fri), 10-09 (Sat, 调休), 10-11
    ['2023-09-27', 5, '2023-10-10'], // 9-28, 10-07, 10-08, 10-09, 10-10
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-08', 2, '2024-02-18'],
    ['2025-01-24', 5, '2025-02-07'], // 1-26 (Sun, 调休), 1-27, 2-05, 2-06, 2-07
    ['2022-06-01', 0, '2022-06-01'],
    ['2022-06-02', 15, '2022-06-24'],
    ['2026-12-24', 4, '2026-12-30'],
  ])('%s + %i → %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ['2026-12-28', 5, 'workdays.outside_calendar'],
    ['2020-12-30', 1, 'workdays.outside_calendar'],
    ['2022-06-01', -1, 'count.invalid'],
    ['2022-06-01', 1.5, 'count.invalid'],
    ['2022/06/01', 1, 'date.malformed'],
  ])('%s + %s → %s', (date, n, reason) => {
    expect(addWorkingDays(date, n)).toMatchObject({ ok: false, reason });
  });
});

describe('countWorkingDays (from excluded, to included)', () => {
  it.each([
    ['2021-09-28', '2021-10-11', 5],
    ['2023-09-27', '2023-10-10', 5],
    ['2025-01-24', '2025-02-06', 4],
    ['2022-06-01', '2022-06-01', 0],
    ['2022-06-01', '2022-06-02', 1], // 6-03 is 端午
    ['2022-06-01', '2022-06-06', 2],
  ])('%s → %s = %i', (from, to, count) => {
    expect(countWorkingDays(from, to)).toEqual({ ok: true, count });
  });

  it('agrees with addWorkingDays', () => {
    for (const [d, n] of [
      ['2021-02-05', 10],
      ['2024-04-30', 7],
      ['2025-09-26', 12],
    ] as const) {
      const a = addWorkingDays(d, n);
      expect(a.ok && countWorkingDays(d, a.date)).toEqual({ ok: true, count: n });
    }
  });

  it.each([
    ['2022-06-02', '2022-06-01', 'date.range_reversed'],
    ['2026-12-01', '2027-01-05', 'workdays.outside_calendar'],
    ['2022-06-01', '2022-13-01', 'date.malformed'],
  ])('%s → %s = %s', (from, to, reason) => {
    expect(countWorkingDays(from, to)).toMatchObject({ ok: false, reason });
  });
});
