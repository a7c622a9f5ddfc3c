/**
 * Plan target status (e.g. the targets of 青府办发〔2021〕35号 in domain/policy/qingpu-2021.ts).
 *
 * Given a target (value, comparison, period) and the value measured on a date:
 * - 'met'      — the measured value satisfies the comparison (≥, ≤, or = within 1e-9);
 * - 'missed'   — not met and the date is after the period end;
 * - 'on_track' — not met, within the period, and the measured value is at least where a straight line
 *                from the baseline (at period start) to the target (at period end) would be by now, less a
 *                tolerance of 10% of the distance from baseline to target (ON_TRACK_TOLERANCE);
 * - 'at_risk'  — otherwise (behind that line).
 * Elapsed share = days from start to the date (inclusive of both) ÷ days in the period (inclusive),
 * clamped to [0, 1]. Baseline defaults to 0 for '≥' targets; for '≤' and '=' targets without a baseline a
 * not-yet-met target is 'at_risk' (no line can be drawn). Dates before the period start have share 0.
 */
import type { Comparison } from '../policy/types.ts';
import { parseDate } from './dates.ts';
import { err, ok, type Result } from './result.ts';

/** Share of the baseline→target distance a measure may lag the straight line and still be on track. */
export const ON_TRACK_TOLERANCE = 0.1;
const EPS = 1e-9;

/** Status of a target on a date. */
export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'missed';

/** The part of a target the status needs. */
export interface TargetSpec {
  value: number;
  comparison: Comparison;
  period: { start: string; end: string };
}

/** Status, the elapsed share of the period and the value expected by now (null without a baseline line). */
export function targetStatus(
  target: TargetSpec,
  measured: number,
  onDate: string,
  baseline?: number,
): Result<{ status: TargetStatus; elapsedShare: number; expected: number | null }> {
  if (!['>=', '<=', '='].includes(target.comparison)) return err('kpi.bad_comparison', 'comparison');
  if (!Number.isFinite(target.value)) return err('kpi.bad_number', 'value');
  if (!Number.isFinite(measured)) return err('kpi.bad_number', 'measured');
  if (baseline !== undefined && !Number.isFinite(baseline)) return err('kpi.bad_number', 'baseline');
  const start = parseDate(target.period.start, 'period.start');
  if (!start.ok) return start;
  const end = parseDate(target.period.end, 'period.end');
  if (!end.ok) return end;
  const on = parseDate(onDate, 'onDate');
  if (!on.ok) return on;
  if (end.dayNumber < start.dayNumber) return err('date.range_reversed', 'period.end');

  const total = end.dayNumber - start.dayNumber + 1;
  const elapsed = Math.min(total, Math.max(0, on.dayNumber - start.dayNumber + 1));
  const elapsedShare = elapsed / total;
  const v = target.value;
  const met =
    target.comparison === '>='
      ? measured >= v - EPS
      : target.comparison === '<='
        ? measured <= v + EPS
        : Math.abs(measured - v) <= EPS;
  const base = baseline ?? (target.comparison === '>=' ? 0 : undefined);
  const expected = base === undefined ? null : base + (v - base) * elapsedShare;
  if (met) return ok({ status: 'met', elapsedShare, expected });
  if (on.dayNumber > end.dayNumber) return ok({ status: 'missed', elapsedShare, expected });
  if (base === undefined || expected === null) return ok({ status: 'at_risk', elapsedShare, expected });
  const slack = Math.abs(v - base) * ON_TRACK_TOLERANCE;
  // Direction of travel from baseline to target: up for ≥ (or = above baseline), down otherwise.
  const up = v >= base;
  const onTrack = up ? measured >= expected - slack - EPS : measured <= expected + slack + EPS;
  return ok({ status: onTrack ? 'on_track' : 'at_risk', elapsedShare, expected });
}

/** The calendar-year period of an annual target for `year` (clipped to the target's own period). */
export function annualPeriod(
  target: { period: { start: string; end: string } },
  year: number,
): Result<{ start: string; end: string }> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return err('kpi.bad_year', 'year');
  const start = `${year}-01-01` < target.period.start ? target.period.start : `${year}-01-01`;
  const end = `${year}-12-31` > target.period.end ? target.period.end : `${year}-12-31`;
  if (start > end) return err('kpi.bad_year', 'year');
  return ok({ start, end });
}
