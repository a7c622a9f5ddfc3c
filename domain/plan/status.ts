/**
 * A plan target's status on a date (issue 13): domain/rules/kpi.ts for a numbered target with a
 * measure; 'no_data' when no module has registered a source for its key ("no data source yet" —
 * never a made-up number); 'measured' when the plan gives no number (the value is shown alone).
 * After the plan period, until a successor plan exists, the last plan's targets are carried forward:
 * an annual target of the last plan year applies to each later year, a whole-period target is
 * measured against the same value with the period running to the end of the year asked for.
 */
import { targetStatus } from '../rules/kpi.ts';
import { onTargetScale, type PlanTargetRow, perUnitTarget } from './targets.ts';

export const PLAN_TARGET_STATUSES = ['met', 'on_track', 'at_risk', 'missed', 'no_data', 'measured'] as const;
export type PlanTargetStatus = (typeof PLAN_TARGET_STATUSES)[number];

export interface MeasuredValue {
  value: number;
  unit: 'count' | 'share' | 'hours';
  numerator?: number;
  denominator?: number;
}

export type TargetRowPeriod = Pick<
  PlanTargetRow,
  'comparison' | 'value' | 'unit' | 'periodStart' | 'periodEnd'
>;

/** Status and the value on the target's scale (null when there is no source). */
export function planTargetStatus(
  row: TargetRowPeriod,
  measured: MeasuredValue | null,
  onDate: string,
): { status: PlanTargetStatus; scaled: number | null } {
  if (!measured) return { status: 'no_data', scaled: null };
  const scaled = onTargetScale(measured, row.unit);
  if (row.value === null) return { status: 'measured', scaled };
  // A per-unit target (≥ 6 sessions per family) measured as the share of units reaching it: all must.
  const goal = perUnitTarget(measured.unit, row.unit)
    ? { value: 100, comparison: '>=' as const }
    : { value: row.value, comparison: row.comparison };
  const r = targetStatus({ ...goal, period: { start: row.periodStart, end: row.periodEnd } }, scaled, onDate);
  if (!r.ok) throw new Error(`planTargetStatus: ${r.reason}`);
  return { status: r.status, scaled };
}

/** The rows that apply to `year`: the plan's own, or the last plan year's carried forward. */
export function rowsForYear<R extends PlanTargetRow>(
  rows: readonly R[],
  year: number,
): { rows: R[]; carriedForward: boolean; fromYear: number | null } {
  if (rows.length === 0) return { rows: [], carriedForward: false, fromYear: null };
  const ends = rows.map((r) => r.periodEnd).sort();
  const starts = rows.map((r) => r.periodStart).sort();
  const planEnd = ends[ends.length - 1] ?? '';
  const planStart = starts[0] ?? '';
  const lastYear = Number(planEnd.slice(0, 4));
  if (year < Number(planStart.slice(0, 4))) return { rows: [], carriedForward: false, fromYear: null };
  if (year <= lastYear)
    return {
      rows: rows.filter((r) => r.year === null || r.year === year),
      carriedForward: false,
      fromYear: null,
    };
  const carried = rows
    .filter((r) => r.year === null || r.year === lastYear)
    .map((r) => ({
      ...r,
      year: r.year === null ? null : year,
      periodStart: r.year === null ? r.periodStart : `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    }));
  return { rows: carried, carriedForward: true, fromYear: lastYear };
}
