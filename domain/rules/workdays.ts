/**
 * Working-day arithmetic on the holiday calendar in domain/policy/holidays-cn.ts (e.g. "filing within
 * 5 working days", 国卫办人口发〔2019〕25号). Convention: the start date itself is never counted;
 * working day 1 is the first working day after it. So addWorkingDays(d, n) is the deadline of
 * "within n working days of d", and countWorkingDays(d, addWorkingDays(d, n)) = n.
 * Any date outside the calendar's years → `workdays.outside_calendar` (never a guess).
 */
import { CN_HOLIDAY_YEARS, type HolidayYear } from '../policy/holidays-cn.ts';
import { formatDayNumber, isoWeekday, parseDate } from './dates.ts';
import { err, ok, type Result } from './result.ts';

/** A built calendar: covered years and day-number sets. */
export interface WorkCalendar {
  years: ReadonlySet<number>;
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

/** Build a calendar from per-year notices. */
export function buildCalendar(years: readonly HolidayYear[]): WorkCalendar {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  for (const y of years) {
    for (const [from, to] of y.holidays) {
      const a = parseDate(from);
      const b = parseDate(to);
      if (!a.ok || !b.ok) continue;
      for (let d = a.dayNumber; d <= b.dayNumber; d++) holidays.add(d);
    }
    for (const w of y.workdays) {
      const p = parseDate(w);
      if (p.ok) workdays.add(p.dayNumber);
    }
  }
  return { years: new Set(years.map((y) => y.year)), holidays, workdays };
}

/** The mainland China calendar shipped with the platform (2021–2026). */
export const CN_CALENDAR: WorkCalendar = buildCalendar(CN_HOLIDAY_YEARS);

const MAX_SPAN = 3660;

function yearOf(dayNumber: number): number {
  return Number(formatDayNumber(dayNumber).slice(0, 4));
}

function working(dayNumber: number, cal: WorkCalendar): boolean | null {
  if (!cal.years.has(yearOf(dayNumber))) return null;
  if (cal.workdays.has(dayNumber)) return true;
  if (cal.holidays.has(dayNumber)) return false;
  return isoWeekday(dayNumber) <= 5;
}

/** Whether a date is a working day. */
export function isWorkingDay(date: string, cal: WorkCalendar = CN_CALENDAR): Result<{ working: boolean }> {
  const p = parseDate(date, 'date');
  if (!p.ok) return p;
  const w = working(p.dayNumber, cal);
  if (w === null) return err('workdays.outside_calendar', 'date', { date });
  return ok({ working: w });
}

/** The date n working days after `date` (n ≥ 0 integer; n = 0 returns `date`). */
export function addWorkingDays(
  date: string,
  n: number,
  cal: WorkCalendar = CN_CALENDAR,
): Result<{ date: string }> {
  const p = parseDate(date, 'date');
  if (!p.ok) return p;
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPAN) return err('count.invalid', 'n');
  if (!cal.years.has(p.year)) return err('workdays.outside_calendar', 'date', { date });
  let d = p.dayNumber;
  let left = n;
  while (left > 0) {
    d += 1;
    const w = working(d, cal);
    if (w === null) return err('workdays.outside_calendar', 'date', { date: formatDayNumber(d) });
    if (w) left -= 1;
  }
  return ok({ date: formatDayNumber(d) });
}

/** Working days in (from, to]: `from` excluded, `to` included; `to` before `from` → `date.range_reversed`. */
export function countWorkingDays(
  from: string,
  to: string,
  cal: WorkCalendar = CN_CALENDAR,
): Result<{ count: number }> {
  const a = parseDate(from, 'from');
  if (!a.ok) return a;
  const b = parseDate(to, 'to');
  if (!b.ok) return b;
  if (b.dayNumber < a.dayNumber) return err('date.range_reversed', 'to');
  if (b.dayNumber - a.dayNumber > MAX_SPAN) return err('count.invalid', 'to');
  if (!cal.years.has(a.year)) return err('workdays.outside_calendar', 'from', { date: from });
  let count = 0;
  for (let d = a.dayNumber + 1; d <= b.dayNumber; d++) {
    const w = working(d, cal);
    if (w === null) return err('workdays.outside_calendar', 'to', { date: formatDayNumber(d) });
    if (w) count += 1;
  }
  return ok({ count });
}
