import { describe, expect, it } from 'vitest';
import { parseDate } from '../rules/dates.ts';
import { MOVABLE_FESTIVALS } from './festivals.ts';
import { CN_HOLIDAY_YEARS } from './holidays-cn.ts';

const day = (s: string) => {
  const p = parseDate(s);
  if (!p.ok) throw new Error(s);
  return p.dayNumber;
};

/** Month/day in ICU's Chinese calendar (Intl) of a Gregorian date. */
function lunar(date: string): string {
  const f = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  const parts = Object.fromEntries(
    f.formatToParts(new Date(`${date}T00:00:00Z`)).map((p) => [p.type, p.value]),
  );
  return `${parts.month}/${parts.day}`;
}

const verified = Object.entries(MOVABLE_FESTIVALS).filter(([, m]) => m.verified);

describe('festival date table', () => {
  it('marks 2021–2026 verified and later years not', () => {
    expect(verified.map(([y]) => Number(y))).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each(verified)(
    '%s: every movable festival lies inside a holiday range of that year’s notice',
    (y, m) => {
      const notice = CN_HOLIDAY_YEARS.find((n) => n.year === Number(y))!;
      for (const d of [m.spring, m.qingming, m.dragonBoat, m.midAutumn])
        expect(
          notice.holidays.some(([a, b]) => day(d) >= day(a) && day(d) <= day(b)),
          d,
        ).toBe(true);
    },
  );

  it.each(verified)('%s: the lunar dates agree with ICU’s Chinese calendar', (_y, m) => {
    expect([lunar(m.spring), lunar(m.dragonBoat), lunar(m.midAutumn)]).toEqual(['1/1', '5/5', '8/15']);
  });
});
