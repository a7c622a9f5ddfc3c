/**
 * When to warn that the holiday calendar (domain/policy/holidays-cn.ts) runs out: working-day
 * arithmetic refuses dates past its last year, so the district officer is told 60 days ahead.
 */
import { CN_HOLIDAY_YEARS, type HolidayYear } from '../policy/holidays-cn.ts';

export const CALENDAR_ALERT_DAYS = 60;

export interface CalendarAlert {
  /** The calendar's last covered date (YYYY-12-31 of its last year). */
  end: string;
  /** The first day the alert is due (end − 60 days). */
  alertFrom: string;
  /** Whether `today` (YYYY-MM-DD, local) is on or after alertFrom. */
  due: boolean;
}

export function calendarAlert(
  today: string,
  years: readonly HolidayYear[] = CN_HOLIDAY_YEARS,
): CalendarAlert {
  const last = Math.max(...years.map((y) => y.year));
  const end = `${last}-12-31`;
  const alertFrom = new Date(Date.parse(`${end}T00:00:00Z`) - CALENDAR_ALERT_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { end, alertFrom, due: today >= alertFrom };
}
