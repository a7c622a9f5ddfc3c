import { describe, expect, it } from 'vitest';
import {
  childMonths,
  claimAmountFen,
  daysWithoutMarks,
  isEligible,
  type Mark,
  rateForMonth,
  rateOnDay,
} from './rules.ts';

describe('isEligible', () => {
  it.each([
    [true, 'operating', true],
    [true, 'rectifying', false],
    [true, 'suspended', false],
    [true, 'filed', false],
    [true, 'draft', false],
    [true, 'closed', false],
    [false, 'operating', false],
  ])('inclusive=%s status=%s → %s', (inclusive, status, expected) => {
    expect(isEligible({ inclusive, status })).toBe(expected);
  });
});

describe('rateForMonth', () => {
  const rates = [
    { effectiveFrom: '2026-01-01', amountFen: 30_000 },
    { effectiveFrom: '2026-04-15', amountFen: 40_000 },
    { effectiveFrom: '2026-06-01', amountFen: 50_000 },
  ];
  it.each([
    ['2025-12', null],
    ['2026-01', 30_000],
    ['2026-04', 30_000], // the 15 April change applies from May: the rate in force on the 1st
    ['2026-05', 40_000],
    ['2026-06', 50_000],
    ['2027-02', 50_000],
  ])('%s → %s', (month, expected) => {
    expect(rateForMonth(rates, month)?.amountFen ?? null).toBe(expected);
  });
  it('no rates → null (未设定)', () => {
    expect(rateForMonth([], '2026-03')).toBeNull();
  });
  it('does not depend on the order of the rates', () => {
    expect(rateForMonth([...rates].reverse(), '2026-05')?.amountFen).toBe(40_000);
  });
});

describe('childMonths', () => {
  const days = (child: string, from: number, n: number, month = '2026-03'): Mark[] =>
    Array.from({ length: n }, (_, i) => ({
      childId: child,
      day: `${month}-${String(from + i).padStart(2, '0')}`,
    }));
  it.each([
    ['exactly the minimum counts', days('a', 2, 10), 10, [{ childId: 'a', attendedDays: 10, counted: true }]],
    ['one fewer does not', days('a', 2, 9), 10, [{ childId: 'a', attendedDays: 9, counted: false }]],
    [
      'a day marked twice counts once',
      [...days('a', 2, 3), ...days('a', 2, 1)],
      3,
      [{ childId: 'a', attendedDays: 3, counted: true }],
    ],
    [
      'marks of another month are ignored',
      [...days('a', 2, 2), ...days('a', 2, 20, '2026-04')],
      3,
      [{ childId: 'a', attendedDays: 2, counted: false }],
    ],
    [
      'children apart, sorted',
      [...days('b', 2, 5), ...days('a', 2, 1)],
      1,
      [
        { childId: 'a', attendedDays: 1, counted: true },
        { childId: 'b', attendedDays: 5, counted: true },
      ],
    ],
    ['no marks → no child-months', [], 1, []],
  ])('%s', (_name, marks, min, expected) => {
    expect(childMonths(marks, '2026-03', min)).toEqual(expected);
  });
  it('refuses a minimum below 1 or not whole', () => {
    expect(() => childMonths([], '2026-03', 0)).toThrow(RangeError);
    expect(() => childMonths([], '2026-03', 1.5)).toThrow(RangeError);
  });
});

describe('claimAmountFen', () => {
  it.each([
    [12, { effectiveFrom: '2026-01-01', amountFen: 30_000 }, 360_000],
    [0, { effectiveFrom: '2026-01-01', amountFen: 30_000 }, 0],
    [12, null, null],
  ])('%s child-months × %o → %s', (n, rate, expected) => {
    expect(claimAmountFen(n, rate)).toBe(expected);
  });
});

describe('daysWithoutMarks', () => {
  const marks: Mark[] = [
    { childId: 'a', day: '2026-03-02' },
    { childId: 'b', day: '2026-03-03' },
  ];
  it.each([
    [['2026-03-02', '2026-03-03'], []],
    [['2026-03-04', '2026-03-02', '2026-03-04'], ['2026-03-04']],
    [
      ['2026-03-09', '2026-03-05'],
      ['2026-03-05', '2026-03-09'],
    ],
  ])('%o → %o', (named, expected) => {
    expect(daysWithoutMarks(named, marks)).toEqual(expected);
  });
});

describe('rateOnDay', () => {
  const rates = [
    { effectiveFrom: '2026-01-01', amountFen: 1 },
    { effectiveFrom: '2026-04-15', amountFen: 2 },
  ];
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 1],
    ['2026-04-14', 1],
    ['2026-04-15', 2],
  ])('%s → %s', (day, expected) => {
    expect(rateOnDay(rates, day)?.amountFen ?? null).toBe(expected);
  });
});
