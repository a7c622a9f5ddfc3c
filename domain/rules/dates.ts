/**
 * Calendar-date helpers on 'YYYY-MM-DD' strings (proleptic Gregorian, no time zone, no clock).
 * Dates are turned into day numbers (days since 1970-01-01) with Date.UTC, which is pure arithmetic.
 */
import { err, ok, type Result } from './result.ts';

/** A parsed calendar date. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** days since 1970-01-01 */
  dayNumber: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Validate parts of a date; true when year/month/day form a real date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Day number (days since 1970-01-01) of a valid Y-M-D. */
export function toDayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Parse 'YYYY-MM-DD' into parts and a day number; reason `date.malformed` on bad format or impossible dates. */
export function parseDate(s: string, field = 'date'): Result<CalendarDate> {
  const m = typeof s === 'string' ? DATE_RE.exec(s) : null;
  if (!m) return err('date.malformed', field);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isRealDate(year, month, day)) return err('date.malformed', field);
  return ok({ year, month, day, dayNumber: toDayNumber(year, month, day) });
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
