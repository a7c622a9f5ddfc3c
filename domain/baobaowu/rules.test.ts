import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../policy/resolve.ts';
import { checkHourlyPrice, freeHoursLeft, freeHoursUsed, type HoursBooking, quoteBooking } from './rules.ts';

const V = { freeHoursPerChildPerYear: 12, maxYuanPerHour: 100 };

describe('quoteBooking', () => {
  it.each([
    // [case, used, hours, price fen, free, charged, charge fen, left after]
    ['first booking, all free', 0, 3, 8000, 3, 0, 0, 9],
    ['exactly the last free hours', 9, 3, 8000, 3, 0, 0, 0],
    ['crosses the 12th hour: 2 free, 1 charged', 10, 3, 8000, 2, 1, 8000, 0],
    ['past the free hours: all charged', 12, 4, 10000, 0, 4, 40000, 0],
    ['used more than 12 (recorded before a change): no free hours', 15, 2, 5000, 0, 2, 10000, 0],
    ['price at the cap is allowed', 12, 1, 10000, 0, 1, 10000, 0],
    ['free site (price 0)', 12, 2, 0, 0, 2, 0, 0],
  ])('%s', (_c, usedHours, hours, priceFen, free, charged, charge, left) => {
    const r = quoteBooking({ usedHours, hours, priceFen }, V);
    expect(r).toEqual({
      ok: true,
      freeHours: free,
      chargedHours: charged,
      chargeFen: charge,
      freeHoursLeft: left,
    });
  });

  it.each([
    [
      'price above the cap',
      { usedHours: 0, hours: 2, priceFen: 10001 },
      'baobaowu.price_above_cap',
      'hourlyPriceFen',
    ],
    ['negative price', { usedHours: 0, hours: 2, priceFen: -1 }, 'money.invalid', 'hourlyPriceFen'],
    ['fractional fen', { usedHours: 0, hours: 2, priceFen: 10.5 }, 'money.invalid', 'hourlyPriceFen'],
    ['zero hours', { usedHours: 0, hours: 0, priceFen: 100 }, 'baobaowu.bad_hours', 'hours'],
    ['half hours', { usedHours: 0, hours: 1.5, priceFen: 100 }, 'baobaowu.bad_hours', 'hours'],
    ['25 hours', { usedHours: 0, hours: 25, priceFen: 100 }, 'baobaowu.bad_hours', 'hours'],
    ['negative used', { usedHours: -1, hours: 2, priceFen: 100 }, 'count.invalid', 'usedHours'],
  ])('refuses %s', (_c, input, reason, field) => {
    expect(quoteBooking(input, V)).toMatchObject({ ok: false, reason, field });
  });

  it('a price above the cap is refused, not clipped', () => {
    expect(checkHourlyPrice(10001, V)).toMatchObject({ ok: false, detail: { capFen: 10000 } });
    expect(checkHourlyPrice(10000, V)).toEqual({ ok: true, priceFen: 10000 });
  });
});

describe('free hours in a year', () => {
  const bookings: HoursBooking[] = [
    { date: '2025-12-30', freeHours: 4, cancelled: false },
    { date: '2026-01-01', freeHours: 3, cancelled: false },
    { date: '2026-03-10', freeHours: 4, cancelled: true },
    { date: '2026-06-01', freeHours: 5, cancelled: false },
    { date: '2026-12-31', freeHours: 2, cancelled: false },
    { date: '2027-01-01', freeHours: 3, cancelled: false },
  ];

  it.each([
    [2025, 4, 8],
    [2026, 10, 2],
    [2027, 3, 9],
    [2028, 0, 12],
  ])('year %i: %i used, %i left (year boundary on 1 January)', (year, used, left) => {
    expect(freeHoursUsed(bookings, year)).toBe(used);
    expect(freeHoursLeft(bookings, year, V)).toBe(left);
  });

  it('a cancellation gives its free hours back', () => {
    const active = [
      { date: '2026-04-01', freeHours: 6, cancelled: false },
      { date: '2026-05-01', freeHours: 6, cancelled: false },
    ];
    expect(freeHoursLeft(active, 2026, V)).toBe(0);
    const q1 = quoteBooking({ usedHours: freeHoursUsed(active, 2026), hours: 3, priceFen: 5000 }, V);
    expect(q1).toMatchObject({ freeHours: 0, chargeFen: 15000 });
    const afterCancel = [active[0]!, { ...active[1]!, cancelled: true }];
    expect(freeHoursLeft(afterCancel, 2026, V)).toBe(6);
    const q2 = quoteBooking({ usedHours: freeHoursUsed(afterCancel, 2026), hours: 3, priceFen: 5000 }, V);
    expect(q2).toMatchObject({ freeHours: 3, chargedHours: 0, chargeFen: 0, freeHoursLeft: 3 });
  });
});

describe('the Shanghai pack', () => {
  it('gives 12 free hours and a 100-yuan cap in Qingpu in 2026, unverified', () => {
    const r = resolvePolicy('310118', '2026-03-02');
    if (!r.ok) throw new Error(r.reason);
    expect(r.values.baobaowu).toEqual({ freeHoursPerChildPerYear: 12, maxYuanPerHour: 100 });
    expect(r.sources['baobaowu.freeHoursPerChildPerYear']?.packId).toBe('sh-baobaowu-2023');
    expect(r.unverified).toContain('baobaowu.maxYuanPerHour');
  });

  it('gives nothing outside Shanghai or before 2023', () => {
    const gz = resolvePolicy('440305', '2026-03-02');
    const early = resolvePolicy('310118', '2022-06-01');
    expect(gz.ok && gz.values.baobaowu).toBeUndefined();
    expect(early.ok && early.values.baobaowu).toBeUndefined();
  });
});
