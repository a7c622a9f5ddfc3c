/**
 * Age in completed months.
 * Convention (month-end clamping): a child completes another month on the same day-of-month as the
 * birth date, or on the last day of the month when that month is shorter. Born 01-31 → 1 month on
 * 02-28 (02-29 in a leap year), 2 months on 03-31. Born 2024-02-29 → 12 months on 2025-02-28.
 * Leap-day births therefore age on 02-28 in common years.
 */
import { daysInMonth, parseDate } from './dates.ts';
import { err, ok, type Result } from './result.ts';

/** Completed months between birthDate and onDate (both YYYY-MM-DD); onDate before birth → `age.before_birth`. */
export function ageInMonths(birthDate: string, onDate: string): Result<{ months: number }> {
  const b = parseDate(birthDate, 'birthDate');
  if (!b.ok) return b;
  const o = parseDate(onDate, 'onDate');
  if (!o.ok) return o;
  if (o.dayNumber < b.dayNumber) return err('age.before_birth', 'birthDate');
  let months = (o.year - b.year) * 12 + (o.month - b.month);
  const anniversaryDay = Math.min(b.day, daysInMonth(o.year, o.month));
  if (o.day < anniversaryDay) months -= 1;
  return ok({ months });
}
