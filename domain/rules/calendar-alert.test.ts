import { describe, expect, it } from 'vitest';
import { calendarAlert } from './calendar-alert.ts';

const years = [
  { year: 2025, notice: 'a', issued: '2024-11-12', verified: true, holidays: [], workdays: [] },
  { year: 2026, notice: 'b', issued: '2025-11-04', verified: true, holidays: [], workdays: [] },
];

describe('calendarAlert', () => {
  it.each([
    ['2026-10-31', false],
    ['2026-11-01', true],
    ['2026-11-02', true],
    ['2027-01-05', true],
  ])('on %s the alert is due: %s', (today, due) => {
    expect(calendarAlert(today, years)).toEqual({ end: '2026-12-31', alertFrom: '2026-11-01', due });
  });
  it('follows the last year of the shipped calendar', () => {
    expect(calendarAlert('2026-01-01').end).toMatch(/^\d{4}-12-31$/);
  });
});
