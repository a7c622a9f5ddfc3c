/**
 * Community 宝宝屋 hours (issue 17): how many hours of a booking are free and what is charged. Pure; the
 * values come from the rule pack (domain/policy/shanghai-baobaowu.ts, unverified) through `BaobaowuValues`.
 *
 * The rule:
 * - each child has `freeHoursPerChildPerYear` free hours per calendar year (a booking belongs to the year of
 *   its date); what a booking does not cover with free hours is charged at the site's hourly price;
 * - the site's price is in fen and may not be above `maxYuanPerHour` × 100 (refused, not clipped);
 * - the free hours used in a year are the free hours recorded on the child's bookings of that year that are
 *   not cancelled: a cancellation gives its free hours back; later bookings keep what they recorded.
 * Hours are whole hours (a slot is 1–24 hours long).
 */
import { err, ok, type Result } from '../rules/result.ts';

export interface BaobaowuValues {
  freeHoursPerChildPerYear: number;
  maxYuanPerHour: number;
}

/** One of a child's bookings as the rule sees it. */
export interface HoursBooking {
  /** YYYY-MM-DD (China date of the slot). */
  date: string;
  freeHours: number;
  cancelled: boolean;
}

export interface BookingQuote {
  freeHours: number;
  chargedHours: number;
  chargeFen: number;
  /** Free hours left in the year after this booking. */
  freeHoursLeft: number;
}

const isHours = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 24;

/** The highest hourly price a site may ask, in fen. */
export const capFen = (v: BaobaowuValues): number => v.maxYuanPerHour * 100;

/** Checks a site's hourly price (fen): a non-negative integer not above the cap. */
export function checkHourlyPrice(priceFen: unknown, v: BaobaowuValues): Result<{ priceFen: number }> {
  if (typeof priceFen !== 'number' || !Number.isSafeInteger(priceFen) || priceFen < 0)
    return err('money.invalid', 'hourlyPriceFen');
  if (priceFen > capFen(v))
    return err('baobaowu.price_above_cap', 'hourlyPriceFen', { capFen: capFen(v), priceFen });
  return ok({ priceFen });
}

/** Free hours a child has used in `year`: free hours on that year's bookings that are not cancelled. */
export function freeHoursUsed(bookings: readonly HoursBooking[], year: number): number {
  const y = String(year).padStart(4, '0');
  return bookings
    .filter((b) => !b.cancelled && b.date.slice(0, 4) === y)
    .reduce((sum, b) => sum + b.freeHours, 0);
}

/**
 * Quote one booking: `usedHours` are the free hours the child already used in the booking's year
 * (freeHoursUsed), `hours` the booking's length, `priceFen` the site's hourly price.
 */
export function quoteBooking(
  input: { usedHours: number; hours: number; priceFen: number },
  v: BaobaowuValues,
): Result<BookingQuote> {
  if (!isHours(input.hours)) return err('baobaowu.bad_hours', 'hours');
  if (!Number.isInteger(input.usedHours) || input.usedHours < 0) return err('count.invalid', 'usedHours');
  const price = checkHourlyPrice(input.priceFen, v);
  if (!price.ok) return price;
  const left = Math.max(0, v.freeHoursPerChildPerYear - input.usedHours);
  const freeHours = Math.min(left, input.hours);
  const chargedHours = input.hours - freeHours;
  return ok({
    freeHours,
    chargedHours,
    chargeFen: chargedHours * price.priceFen,
    freeHoursLeft: left - freeHours,
  });
}

/** Free hours left to a child in `year`. */
export function freeHoursLeft(bookings: readonly HoursBooking[], year: number, v: BaobaowuValues): number {
  return Math.max(0, v.freeHoursPerChildPerYear - freeHoursUsed(bookings, year));
}

/** The year of a booking date (YYYY-MM-DD). */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
