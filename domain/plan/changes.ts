/**
 * Changing a plan version's target values (issue 13, rule packs as versions): which changes are
 * acceptable, and what a change does to each target's status. Pure; the server measures the targets
 * once and calls `previewRows` to judge the same measurement against the old and the new values — a
 * per-unit target (hours per practitioner) is measured again against the new value, since the share of
 * units reaching it changes with it.
 */
import {
  type MeasuredValue,
  type PlanTargetStatus,
  planTargetStatus,
  type TargetRowPeriod,
} from './status.ts';
import { perUnitTarget } from './targets.ts';

/** One change: every row of the version with this target id takes the new value (and upper end). */
export interface TargetChange {
  seedId: string;
  value: number | null;
  valueMax: number | null;
}

export interface ChangeProblem {
  field: string;
  rule: string;
  zh: string;
  en: string;
}

/** The version's targets as the rules need them: id and unit (a share is a percentage). */
export interface ChangeableTarget {
  seedId: string;
  unit: string;
}

const isPct = (unit: string) => unit === '%';

export function targetChangeProblems(
  targets: readonly ChangeableTarget[],
  changes: readonly TargetChange[],
): ChangeProblem[] {
  const out: ChangeProblem[] = [];
  const bySeed = new Map(targets.map((t) => [t.seedId, t]));
  const seen = new Set<string>();
  changes.forEach((c, i) => {
    const at = `changes.${i}`;
    const target = bySeed.get(c.seedId);
    if (!target) {
      out.push({
        field: `${at}.seedId`,
        rule: 'unknown_target',
        zh: '该计划版本没有这个目标',
        en: 'This plan version has no such target',
      });
      return;
    }
    if (seen.has(c.seedId))
      out.push({
        field: `${at}.seedId`,
        rule: 'duplicate',
        zh: '同一目标只能修改一次',
        en: 'A target may be changed only once per request',
      });
    seen.add(c.seedId);
    for (const [name, v] of [
      ['value', c.value],
      ['valueMax', c.valueMax],
    ] as const) {
      if (v === null) continue;
      if (!Number.isFinite(v) || v < 0)
        out.push({
          field: `${at}.${name}`,
          rule: 'non_negative',
          zh: '目标值不能为负数',
          en: 'A target value may not be negative',
        });
      else if (isPct(target.unit) && v > 100)
        out.push({
          field: `${at}.${name}`,
          rule: 'max_100_pct',
          zh: '百分比目标不能超过 100',
          en: 'A percentage target may not exceed 100',
        });
    }
    if (c.valueMax !== null && c.value === null)
      out.push({
        field: `${at}.valueMax`,
        rule: 'range_needs_value',
        zh: '有上限时必须填写目标值',
        en: 'A range needs its lower value',
      });
    if (c.valueMax !== null && c.value !== null && c.valueMax < c.value)
      out.push({
        field: `${at}.valueMax`,
        rule: 'range_reversed',
        zh: '区间上限不能小于目标值',
        en: 'The upper end may not be below the value',
      });
  });
  return out;
}

export interface PreviewInput extends TargetRowPeriod {
  id: string;
  seedId: string;
  valueMax: number | null;
}

export interface PreviewRow {
  id: string;
  seedId: string;
  before: { value: number | null; valueMax: number | null; status: PlanTargetStatus };
  after: { value: number | null; valueMax: number | null; status: PlanTargetStatus };
  scaled: number | null;
  /** Measured against its own value (the share of units reaching it), so the new value is measured again. */
  perUnit: boolean;
  scaledAfter: number | null;
  /** The status differs. */
  changes: boolean;
}

/**
 * The rows a change touches, each judged on `onDate` with the same measurement against the old and the
 * new value. Rows of targets not changed are left out.
 */
export function previewRows(
  rows: readonly {
    row: PreviewInput;
    measured: MeasuredValue | null;
    /** A per-unit target measured again against the new value (the share reaching it changes with it). */
    measuredAfter?: MeasuredValue;
  }[],
  changes: readonly TargetChange[],
  onDate: string,
): PreviewRow[] {
  const bySeed = new Map(changes.map((c) => [c.seedId, c]));
  const out: PreviewRow[] = [];
  for (const { row, measured, measuredAfter } of rows) {
    const c = bySeed.get(row.seedId);
    if (!c) continue;
    const before = planTargetStatus(row, measured, onDate);
    const after = planTargetStatus({ ...row, value: c.value }, measuredAfter ?? measured, onDate);
    out.push({
      id: row.id,
      seedId: row.seedId,
      before: { value: row.value, valueMax: row.valueMax, status: before.status },
      after: { value: c.value, valueMax: c.valueMax, status: after.status },
      scaled: before.scaled,
      perUnit: measured !== null && perUnitTarget(measured.unit, row.unit),
      scaledAfter: after.scaled,
      changes: before.status !== after.status,
    });
  }
  return out;
}
