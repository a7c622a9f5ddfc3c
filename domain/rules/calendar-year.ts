/**
 * Checks of one year's holiday notice (国务院办公厅关于 YYYY 年部分节假日安排的通知) as a district enters
 * it (issue 18), shared by the console form's live validation and the server's 400. Pure: no I/O.
 * Errors: malformed or reversed dates, dates outside the year (a New Year's Day range may start in
 * the last 3 days of the year before, as 2023's did), overlapping holiday ranges, an adjusted working
 * day (调休上班) that is not a Saturday/Sunday, lies in a holiday range or is repeated.
 * Warnings: a holiday range that misses its festival's date (domain/policy/festivals.ts), or a year
 * whose festival dates the table does not know.
 */
import { FESTIVAL_LABELS, type Festival, festivalDates } from '../policy/festivals.ts';
import type { HolidayYear } from '../policy/holidays-cn.ts';
import { formatDayNumber, isoWeekday, parseDate, toDayNumber } from './dates.ts';
import { REASONS, type ReasonCode } from './reasons.ts';

export interface HolidayRangeInput {
  festival: Festival;
  from: string;
  to: string;
}

export interface CalendarYearInput {
  year: number;
  holidays: readonly HolidayRangeInput[];
  workdays: readonly string[];
}

export interface CalendarIssue {
  field: string;
  rule: ReasonCode;
  message_zh: string;
  message_en: string;
}

/** Days a New Year's Day range may start before 1 January (2023's started on 2022-12-31). */
const NEW_YEAR_LEAD = 3;

function issue(field: string, rule: ReasonCode, zh = '', en = ''): CalendarIssue {
  const m = REASONS[rule];
  return {
    field,
    rule,
    message_zh: zh ? `${m.zh}：${zh}` : m.zh,
    message_en: en ? `${m.en}: ${en}` : m.en,
  };
}

/** Check a year's notice. The form shows both lists; the server refuses on any error. */
export function checkCalendarYear(input: CalendarYearInput): {
  errors: CalendarIssue[];
  warnings: CalendarIssue[];
} {
  const errors: CalendarIssue[] = [];
  const warnings: CalendarIssue[] = [];
  const first = toDayNumber(input.year, 1, 1);
  const last = toDayNumber(input.year, 12, 31);
  const ranges: { i: number; a: number; b: number }[] = [];

  input.holidays.forEach((h, i) => {
    const a = parseDate(h.from);
    const b = parseDate(h.to);
    if (!a.ok) errors.push(issue(`holidays.${i}.from`, 'date.malformed'));
    if (!b.ok) errors.push(issue(`holidays.${i}.to`, 'date.malformed'));
    if (!a.ok || !b.ok) return;
    if (b.dayNumber < a.dayNumber) {
      errors.push(issue(`holidays.${i}.to`, 'date.range_reversed'));
      return;
    }
    const earliest = h.festival === 'new_year' && a.dayNumber <= first ? first - NEW_YEAR_LEAD : first;
    if (a.dayNumber < earliest || a.dayNumber > last)
      errors.push(issue(`holidays.${i}.from`, 'calendar.outside_year', h.from, h.from));
    if (b.dayNumber > last || b.dayNumber < first)
      errors.push(issue(`holidays.${i}.to`, 'calendar.outside_year', h.to, h.to));
    for (const r of ranges)
      if (a.dayNumber <= r.b && r.a <= b.dayNumber) {
        const other = `第 ${r.i + 1} 段`;
        errors.push(issue(`holidays.${i}.from`, 'calendar.ranges_overlap', other, `range ${r.i + 1}`));
        break;
      }
    ranges.push({ i, a: a.dayNumber, b: b.dayNumber });
    const usual = festivalDates(h.festival, input.year);
    const name = FESTIVAL_LABELS[h.festival];
    if (!usual) {
      warnings.push(issue(`holidays.${i}.festival`, 'calendar.festival_unchecked', name.zh, name.en));
      return;
    }
    const missed = usual.dates.filter((d) => {
      const p = parseDate(d);
      return p.ok && (p.dayNumber < a.dayNumber || p.dayNumber > b.dayNumber);
    });
    if (missed.length > 0) {
      const note = usual.verified ? '' : '（该年节日日期表未经核实）';
      const noteEn = usual.verified ? '' : ' (the table date for that year is unverified)';
      warnings.push(
        issue(
          `holidays.${i}.festival`,
          'calendar.festival_not_covered',
          `${name.zh} ${missed.join('、')}${note}`,
          `${name.en} ${missed.join(', ')}${noteEn}`,
        ),
      );
    }
  });

  const seen = new Set<number>();
  input.workdays.forEach((w, k) => {
    const field = `workdays.${k}`;
    const p = parseDate(w);
    if (!p.ok) {
      errors.push(issue(field, 'date.malformed'));
      return;
    }
    if (p.dayNumber < first || p.dayNumber > last) errors.push(issue(field, 'calendar.outside_year', w, w));
    if (isoWeekday(p.dayNumber) < 6) errors.push(issue(field, 'calendar.workday_not_weekend', w, w));
    const hit = ranges.find((r) => p.dayNumber >= r.a && p.dayNumber <= r.b);
    if (hit)
      errors.push(issue(field, 'calendar.workday_in_holiday', `第 ${hit.i + 1} 段`, `range ${hit.i + 1}`));
    if (seen.has(p.dayNumber)) errors.push(issue(field, 'calendar.workday_duplicate', w, w));
    seen.add(p.dayNumber);
  });
  return { errors, warnings };
}

/** A year as entered, in the shape buildCalendar (workdays.ts) takes. */
export function toHolidayYear(
  input: CalendarYearInput,
  source: { notice: string; issued: string; note?: string },
): HolidayYear {
  return {
    year: input.year,
    notice: source.notice,
    issued: source.issued,
    verified: true,
    ...(source.note ? { note: source.note } : {}),
    holidays: input.holidays.map((h) => [h.from, h.to] as const),
    workdays: [...input.workdays],
  };
}

function holidayDays(y: Pick<HolidayYear, 'holidays'>): Set<string> {
  const out = new Set<string>();
  for (const [from, to] of y.holidays) {
    const a = parseDate(from);
    const b = parseDate(to);
    if (a.ok && b.ok) for (let d = a.dayNumber; d <= b.dayNumber; d++) out.add(formatDayNumber(d));
  }
  return out;
}

/** Where two versions of one year differ, day by day (holidays and adjusted working days). */
export interface YearDifference {
  holidaysOnlyShipped: string[];
  holidaysOnlyLocal: string[];
  workdaysOnlyShipped: string[];
  workdaysOnlyLocal: string[];
}

export function diffYears(
  shipped: Pick<HolidayYear, 'holidays' | 'workdays'>,
  local: Pick<HolidayYear, 'holidays' | 'workdays'>,
): YearDifference {
  const only = (a: Iterable<string>, b: Set<string>) => [...a].filter((d) => !b.has(d)).sort();
  const hs = holidayDays(shipped);
  const hl = holidayDays(local);
  const ws = new Set(shipped.workdays);
  const wl = new Set(local.workdays);
  return {
    holidaysOnlyShipped: only(hs, hl),
    holidaysOnlyLocal: only(hl, hs),
    workdaysOnlyShipped: only(ws, wl),
    workdaysOnlyLocal: only(wl, ws),
  };
}

/** True when the difference is empty (the two versions count the same). */
export function sameYear(d: YearDifference): boolean {
  return (
    d.holidaysOnlyShipped.length +
      d.holidaysOnlyLocal.length +
      d.workdaysOnlyShipped.length +
      d.workdaysOnlyLocal.length ===
    0
  );
}

/** The last day the calendar covers without a gap from its first year (null when empty). */
export function calendarEnd(years: Iterable<number>): string | null {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  let end = sorted[0]!;
  for (const y of sorted.slice(1)) {
    if (y !== end + 1) break;
    end = y;
  }
  return `${String(end).padStart(4, '0')}-12-31`;
}
