import { describe, expect, it } from 'vitest';
import {
  addMonths,
  amountFor,
  checkBankAccount,
  checkChild,
  dueSpan,
  luhnValid,
  monthsDue,
  monthsDueCount,
  totalsByTown,
} from './rules.ts';

const V = { yuanPerYear: 3600, firstMonth: '2025-01-01', monthsOfLife: 36 };

describe('months due', () => {
  it.each([
    // [case, child, year, months due in the year]
    ['born after the start: the birth month counts', { birthDate: '2025-03-31' }, 2025, 10],
    ['born on the 1st', { birthDate: '2025-03-01' }, 2025, 10],
    ['born 2022-09 (public example): Jan–Aug 2025', { birthDate: '2022-09-15' }, 2025, 8],
    ['born 2022-01: turned 3 in 2025-01, nothing', { birthDate: '2022-01-20' }, 2025, 0],
    ['born 2022-02: January 2025 only', { birthDate: '2022-02-01' }, 2025, 1],
    ['born 2021: over 3 before the start', { birthDate: '2021-12-31' }, 2025, 0],
    ['born 2024-06: all of 2025', { birthDate: '2024-06-10' }, 2025, 12],
    ['born 2024-06: all of 2026', { birthDate: '2024-06-10' }, 2026, 12],
    ['born 2024-06: Jan–May 2027 (turns 3 in June)', { birthDate: '2024-06-10' }, 2027, 5],
    ['born 2026-12-31: December', { birthDate: '2026-12-31' }, 2026, 1],
    ['leap day birth: turning 3 in Feb 2027 is not paid', { birthDate: '2024-02-29' }, 2027, 1],
    [
      'adopted mid-2025: from the adoption month',
      { birthDate: '2024-01-05', adoptedOn: '2025-07-20' },
      2025,
      6,
    ],
    [
      'adopted before the start: the start counts',
      { birthDate: '2024-01-05', adoptedOn: '2024-03-01' },
      2025,
      12,
    ],
    ['hukou moved in 2025-11-30: Nov and Dec', { birthDate: '2024-01-05', hukouFrom: '2025-11-30' }, 2025, 2],
    ['hukou moved out 2026-04-01: Jan–Mar', { birthDate: '2025-05-05', endsOn: '2026-04-01' }, 2026, 3],
    ['death 2025-05-31: Jan–Apr', { birthDate: '2024-10-05', endsOn: '2025-05-31' }, 2025, 4],
    [
      'moved out before it moved in: nothing',
      { birthDate: '2024-10-05', hukouFrom: '2025-08-01', endsOn: '2025-08-20' },
      2025,
      0,
    ],
    ['a year before the start: nothing', { birthDate: '2024-10-05' }, 2024, 0],
  ])('%s', (_case, child, year, n) => {
    expect(monthsDue(child, V, { year })).toHaveLength(n);
    expect(monthsDueCount(child, V, year)).toBe(n);
  });

  it('36 months in all for a child born after the start, 10,800 yuan', () => {
    const all = monthsDue({ birthDate: '2025-01-15' }, V);
    expect(all[0]).toBe('2025-01');
    expect(all.at(-1)).toBe('2027-12');
    expect(amountFor(all.length, V)).toBe(10_800);
  });

  it('through a month (a quarterly batch)', () => {
    expect(monthsDue({ birthDate: '2024-06-10' }, V, { year: 2026, through: '2026-03' })).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it('month arithmetic across years', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-02', 35)).toBe('2027-01');
    expect(dueSpan({ birthDate: '2024-02-29' }, V)).toEqual({ from: '2025-01', to: '2027-01' });
  });
});

describe('checks', () => {
  it('a child over 3 for the whole scheme is refused, naming the field', () => {
    expect(checkChild({ birthDate: '2021-06-01' }, V, '2026-12-04')).toMatchObject({
      field: 'childBirthDate',
      rule: 'subsidy.over_age',
    });
    expect(checkChild({ birthDate: '2023-06-01' }, V, '2026-12-04')).toBeNull();
    expect(checkChild({ birthDate: '2027-01-01' }, V, '2026-12-04')?.rule).toBe('birth.future');
    expect(checkChild({ birthDate: '2025-06-01', adoptedOn: '2025-05-01' }, V, '2026-12-04')?.field).toBe(
      'adoptedOn',
    );
  });

  it.each([
    ['card', '6222021234567890128', null],
    ['card', '6222021234567890127', 'bank_card.check_digit'],
    ['card', '4111 1111 1111 1111', null],
    ['card', '12345', 'bank_card.form'],
    ['passbook', '310118000123', null],
    ['passbook', '31011A', 'bank_account.form'],
  ] as const)('%s %s → %s', (kind, account, rule) => {
    expect(checkBankAccount(kind, account)?.rule ?? null).toBe(rule);
  });

  it('Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
});

describe('batch totals', () => {
  it('a child with two runs of months counts once', () => {
    const t = totalsByTown([
      { townCode: '310118102', amount: 900, months: 3, applicationId: 'a' },
      { townCode: '310118102', amount: 600, months: 2, applicationId: 'a' },
    ]);
    expect(t).toMatchObject({ children: 1, months: 5, amount: 1500 });
  });

  it('per town and in all', () => {
    const t = totalsByTown([
      { townCode: '310118102', amount: 900, months: 3 },
      { townCode: '310118001', amount: 300, months: 1 },
      { townCode: '310118102', amount: 600, months: 2 },
    ]);
    expect(t.towns).toEqual([
      { townCode: '310118001', children: 1, months: 1, amount: 300 },
      { townCode: '310118102', children: 2, months: 5, amount: 1500 },
    ]);
    expect(t).toMatchObject({ children: 3, months: 6, amount: 1800 });
  });
});
