/**
 * The operating subsidy's pure rules (普惠托育运营补贴, issue 17): which institutions are eligible, which
 * amount applies to a month, and how many child-months a month's attendance marks make.
 *
 * - Eligible: inclusive (普惠) institutions whose filing status is `operating` (在办); a draft, a filed
 *   one not yet open, one suspended, rectifying or closed is not paid.
 * - Amount: the district's amount in force on the month's first day (the latest effective date on or
 *   before it); none → null, shown as 未设定, never a guessed number.
 * - Child-month: a child counts for a month when it attended on at least `minDays` distinct days of that
 *   month (marks outside the month are ignored, a day marked twice counts once).
 */

export interface RateLike {
  effectiveFrom: string; // YYYY-MM-DD
  amountFen: number;
}

export interface InstitutionLike {
  inclusive: boolean;
  status: string;
}

/** Inclusive and operating. */
export function isEligible(i: InstitutionLike): boolean {
  return i.inclusive && i.status === 'operating';
}

/** 'YYYY-MM' → its first day 'YYYY-MM-01'. */
export function firstDay(month: string): string {
  return `${month}-01`;
}

/** The rate in force on the month's first day, or null (未设定). */
export function rateForMonth<R extends RateLike>(rates: readonly R[], month: string): R | null {
  return rateOnDay(rates, firstDay(month));
}

/** The rate in force on a day (the latest effective date on or before it), or null. */
export function rateOnDay<R extends Pick<RateLike, 'effectiveFrom'>>(
  rates: readonly R[],
  day: string,
): R | null {
  let best: R | null = null;
  for (const r of rates) {
    if (r.effectiveFrom <= day && (best === null || r.effectiveFrom > best.effectiveFrom)) best = r;
  }
  return best;
}

export interface Mark {
  childId: string;
  day: string; // YYYY-MM-DD
}

export interface ChildMonth {
  childId: string;
  attendedDays: number;
  counted: boolean;
}

/** Per child: distinct days attended in the month and whether the child-month counts (≥ minDays). */
export function childMonths(marks: readonly Mark[], month: string, minDays: number): ChildMonth[] {
  if (!Number.isInteger(minDays) || minDays < 1) throw new RangeError('minDays must be a whole number ≥ 1');
  const days = new Map<string, Set<string>>();
  for (const m of marks) {
    if (m.day.slice(0, 7) !== month) continue;
    let s = days.get(m.childId);
    if (!s) {
      s = new Set();
      days.set(m.childId, s);
    }
    s.add(m.day);
  }
  return [...days.entries()]
    .map(([childId, s]) => ({ childId, attendedDays: s.size, counted: s.size >= minDays }))
    .sort((a, b) => (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
}

/** The counted child-months times the amount; null when no amount is in force (未设定). */
export function claimAmountFen(countedChildMonths: number, rate: RateLike | null): number | null {
  if (rate === null) return null;
  return countedChildMonths * rate.amountFen;
}

/**
 * Days named in a claim that have no attendance marks in the register: the claim is refused for them.
 * Returns the offending days, sorted.
 */
export function daysWithoutMarks(namedDays: readonly string[], marks: readonly Mark[]): string[] {
  const marked = new Set(marks.map((m) => m.day));
  return [...new Set(namedDays)].filter((d) => !marked.has(d)).sort();
}
