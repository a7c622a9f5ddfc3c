/**
 * Review queues, one way for every module: items waiting for a decision, each with the working days
 * waited since it was submitted (holiday calendar, domain/rules/workdays.ts), whether that exceeds the
 * deadline (`overdue`), whether the calendar covers the dates at all (`calendarCovered`; outside it the
 * days are null, never guessed) and the actions the caller may take on it now.
 *
 *   const page = await paged(q, { rows: …submitted, oldest first…, count: … });
 *   return reviewPage(page, {
 *     now: ctx.now, deadlineWorkingDays: 5,
 *     submittedAt: (r) => r.submittedAt ?? r.updatedAt,
 *     permitted: (r) => lifecycle.permitted('submitted', relation(r), may).filter((a) => REVIEW.has(a)),
 *   });
 */
import { countWorkingDays, type WorkCalendar } from '../../domain/rules/workdays.ts';
import { localDate } from './clock.ts';
import type { Page } from './paging.ts';

export interface ReviewTiming<A extends string = string> {
  submittedAt: string;
  waitedWorkingDays: number | null;
  overdue: boolean;
  deadlineWorkingDays: number;
  calendarCovered: boolean;
  permittedActions: A[];
}

export interface ReviewOptions<R, A extends string> {
  /** The request's clock time. */
  now: Date;
  deadlineWorkingDays: number;
  /** When the item started waiting. */
  submittedAt: (row: R) => Date;
  /** What the caller may do with the item now. */
  permitted: (row: R) => A[];
  /** The working-day calendar (default: the shipped one); pass the district's when it has its own. */
  calendar?: WorkCalendar;
}

/** The timing and permitted actions of one waiting item. */
export function reviewTiming<R, A extends string>(row: R, o: ReviewOptions<R, A>): ReviewTiming<A> {
  const submitted = o.submittedAt(row);
  const waited = countWorkingDays(localDate(submitted), localDate(o.now), o.calendar);
  const days = waited.ok ? waited.count : null;
  return {
    submittedAt: submitted.toISOString(),
    waitedWorkingDays: days,
    overdue: days !== null && days > o.deadlineWorkingDays,
    deadlineWorkingDays: o.deadlineWorkingDays,
    calendarCovered: waited.ok || waited.reason !== 'workdays.outside_calendar',
    permittedActions: o.permitted(row),
  };
}

/** A page of waiting rows → a page of `{ row, timing }` for the module to shape into its items. */
export function reviewPage<R, A extends string>(
  page: Page<R>,
  o: ReviewOptions<R, A>,
): Page<{ row: R; timing: ReviewTiming<A> }> {
  return { ...page, items: page.items.map((row) => ({ row, timing: reviewTiming(row, o) })) };
}
