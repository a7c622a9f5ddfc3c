/**
 * The working-day calendar a district counts with: the shipped years (domain/policy/holidays-cn.ts)
 * plus the district's CONFIRMED local years, built with buildCalendar. Drafts never count, so until
 * a year is confirmed, counts that reach it keep answering `workdays.outside_calendar`.
 * A year both shipped and confirmed locally: identical day sets count the same either way (the
 * shipped one is used); different ones count with the confirmed local year and are shown as a
 * difference on the policy page (ADR 0011) — never overwritten silently.
 * Cached per database and district; the service drops the entry after a confirm commits. Several
 * server processes would each keep their own cache: ADR 0011 says what that means for a deployment.
 */
import { CN_HOLIDAY_YEARS, type HolidayYear } from '../../../domain/policy/holidays-cn.ts';
import {
  diffYears,
  type HolidayRangeInput,
  sameYear,
  toHolidayYear,
} from '../../../domain/rules/calendar-year.ts';
import { buildCalendar, type WorkCalendar } from '../../../domain/rules/workdays.ts';
import type { Db } from '../../db/client.ts';
import { type CalendarYearRow, confirmedYears } from './repository.ts';

/** A stored row as a HolidayYear. */
export function rowToHolidayYear(r: CalendarYearRow): HolidayYear {
  return toHolidayYear(
    { year: r.year, holidays: r.holidays as HolidayRangeInput[], workdays: r.workdays },
    {
      notice: r.noticeNumber ? `${r.noticeTitle}（${r.noticeNumber}）` : r.noticeTitle,
      issued: r.noticeDate,
    },
  );
}

export const SHIPPED = new Map(CN_HOLIDAY_YEARS.map((y) => [y.year, y]));

/** The years that count, with where each comes from. */
export function countingYears(confirmed: readonly CalendarYearRow[]) {
  const out = new Map<
    number,
    { year: HolidayYear; source: 'shipped' | 'local'; row: CalendarYearRow | null; differs: boolean }
  >();
  for (const y of CN_HOLIDAY_YEARS)
    out.set(y.year, { year: y, source: 'shipped', row: null, differs: false });
  for (const r of confirmed) {
    const local = rowToHolidayYear(r);
    const shipped = SHIPPED.get(r.year);
    const differs = !!shipped && !sameYear(diffYears(shipped, local));
    if (shipped && !differs) continue;
    out.set(r.year, { year: local, source: 'local', row: r, differs });
  }
  return [...out.values()].sort((a, b) => a.year.year - b.year.year);
}

const cache = new WeakMap<Db, Map<string, Promise<WorkCalendar>>>();

/** The calendar for a district's working-day counts (shipped + confirmed local years). */
export function getWorkCalendar(db: Db, districtCode: string): Promise<WorkCalendar> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const hit = perDb.get(districtCode);
  if (hit) return hit;
  const built = confirmedYears(db, districtCode).then((rows) =>
    buildCalendar(countingYears(rows).map((c) => c.year)),
  );
  perDb.set(districtCode, built);
  built.catch(() => perDb.delete(districtCode));
  return built;
}

/** Drop a district's cached calendar (after a confirm has committed). */
export function invalidateWorkCalendar(db: Db, districtCode: string): void {
  cache.get(db)?.delete(districtCode);
}

/** The holiday years that count for a district (shipped + confirmed local), e.g. for the calendar-end alert. */
export async function countingHolidayYears(db: Db, districtCode: string): Promise<HolidayYear[]> {
  return countingYears(await confirmedYears(db, districtCode)).map((c) => c.year);
}
