/**
 * The yearly renewal of the childcare subsidy (年度复核, issue 17): which approved applications need a
 * renewal for a year. Pure.
 *
 * GAP: no public text of 《育儿补贴制度管理规范（试行）》 or of Shanghai's implementation on renewal was
 * found (see domain/policy/national-2025.ts). This is a LOCAL CHOICE: an application needs a renewal for
 * year Y when it was approved before Y (an application approved in Y was just checked), it is not
 * stopped, and its child still has months due in Y by the month rule (rules.ts). The batch of year Y
 * pays such an application's months of Y only once its renewal for Y is confirmed.
 */
import { type ChildMonths, monthsDueCount, type SubsidyValues } from './rules.ts';

export interface RenewalCandidate {
  id: string;
  status: string;
  /** ISO date-time or YYYY-MM-DD of the approval; null when not approved. */
  approvedAt: string | null;
  child: ChildMonths;
}

/** Whether an application needs a renewal for `year` (see the module comment). */
export function needsRenewal(app: RenewalCandidate, v: SubsidyValues, year: number): boolean {
  if (app.status !== 'approved' || !app.approvedAt) return false;
  if (Number(app.approvedAt.slice(0, 4)) >= year) return false;
  return monthsDueCount(app.child, v, year) > 0;
}

/** The applications needing a renewal for `year`, in their order. */
export function renewalsDue<T extends RenewalCandidate>(
  apps: readonly T[],
  v: SubsidyValues,
  year: number,
): T[] {
  return apps.filter((a) => needsRenewal(a, v, year));
}

/**
 * Whether the batch of `year` may pay an application's months of that year: approved in that year or
 * later (the approval checked the child: a late application's earlier months are back pay), or its
 * renewal for that year confirmed (local choice, see above). An open or stopped renewal pays none of
 * the year's months — a stopped one not even those before the stopping event (ADR 0027).
 */
export function payableInYear(
  approvedAt: string | null,
  renewalState: 'open' | 'confirmed' | 'stopped' | null,
  year: number,
): boolean {
  if (!approvedAt) return false;
  const approvedYear = Number(approvedAt.slice(0, 4));
  if (approvedYear >= year) return true;
  return renewalState === 'confirmed';
}
