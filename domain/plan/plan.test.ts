import { describe, expect, it } from 'vitest';
import { QINGPU_2021 } from '../policy/qingpu-2021.ts';
import { planTargetStatus, rowsForYear } from './status.ts';
import { metricOfSeed, onTargetScale, perUnitTarget, targetRowsOf } from './targets.ts';

const TOWNS = ['310118101', '310118102'];
const rows = targetRowsOf(QINGPU_2021, TOWNS);

describe('targetRowsOf (青府办发〔2021〕35号)', () => {
  it('annual targets get one row per plan year, the first starting on the effective date', () => {
    const points = rows.filter((r) => r.key === 'inclusive_points_new');
    expect(points.map((r) => [r.year, r.periodStart, r.periodEnd])).toEqual([
      [2021, '2021-08-27', '2021-12-31'],
      [2022, '2022-01-01', '2022-12-31'],
      [2023, '2023-01-01', '2023-12-31'],
    ]);
    expect(points[0]).toMatchObject({ value: 2, valueMax: 3, comparison: '>=' });
  });
  it('whole-period targets get one row; per-town targets one per town as well', () => {
    const share = rows.filter((r) => r.key === 'kindergarten_toddler_share');
    expect(share.map((r) => [r.year, r.scope])).toEqual([[null, 'district']]);
    const towns = rows.filter((r) => r.key === 'towns_with_inclusive');
    expect(towns.map((r) => r.townCode)).toEqual([null, ...TOWNS]);
  });
  it('the 15-minute circle and new kindergartens opening toddler classes carry no number', () => {
    expect(rows.find((r) => r.key === 'fifteen_minute_coverage')?.value).toBeNull();
    expect(rows.find((r) => r.key === 'kindergartens_new_toddler_classes')?.value).toBeNull();
  });
  it('every row has a citation of the plan', () => {
    expect(rows.every((r) => r.citation.startsWith('青府办发〔2021〕35号'))).toBe(true);
  });
});

describe('metricOfSeed', () => {
  it("gives a stored row's metric from its seed id (skills and ethics hours share a source)", () => {
    for (const row of targetRowsOf(QINGPU_2021, [])) expect(metricOfSeed(row.seedId)).toBe(row.metric);
    expect(metricOfSeed('qp-ethics-training-hours')).toBe('ethics_training_hours_per_practitioner');
    expect(metricOfSeed('qp-skills-training-hours')).toBe('skills_training_hours_per_practitioner');
    expect(metricOfSeed('unknown-id')).toBe('unknown-id');
  });
});

describe('status', () => {
  const share = rows.find((r) => r.key === 'kindergarten_toddler_share')!;
  it('no source → no_data, never a number', () => {
    expect(planTargetStatus(share, null, '2022-06-01')).toEqual({ status: 'no_data', scaled: null });
  });
  it('a share is compared with a % target as a percentage', () => {
    expect(onTargetScale({ value: 0.5, unit: 'share' }, '%')).toBe(50);
    expect(planTargetStatus(share, { value: 0.5, unit: 'share' }, '2022-06-01').status).toBe('met');
    expect(planTargetStatus(share, { value: 0.1, unit: 'share' }, '2024-01-01').status).toBe('missed');
  });
  it('a per-unit target (≥ 6 sessions a family) measured as a share is met only when every unit reaches it', () => {
    const sessions = rows.find((r) => r.key === 'guidance_sessions' && r.year === 2023)!;
    expect(sessions.unit).not.toBe('%');
    expect(perUnitTarget('share', sessions.unit)).toBe(true);
    expect(perUnitTarget('share', '%')).toBe(false);
    expect(perUnitTarget('count', sessions.unit)).toBe(false);
    // 27 % of the families reach 6 sessions: not "27 ≥ 6 sessions, met".
    expect(planTargetStatus(sessions, { value: 0.27, unit: 'share' }, '2024-01-01')).toEqual({
      status: 'missed',
      scaled: 27,
    });
    expect(planTargetStatus(sessions, { value: 1, unit: 'share' }, '2024-01-01').status).toBe('met');
    const hours = rows.find((r) => r.key === 'training_hours' && r.year === 2023)!;
    expect(planTargetStatus(hours, { value: 0.9, unit: 'share' }, '2024-01-01').status).toBe('missed');
  });
  it('an unnumbered target shows the measured value only', () => {
    const circle = rows.find((r) => r.key === 'fifteen_minute_coverage')!;
    expect(planTargetStatus(circle, { value: 0.8, unit: 'share' }, '2022-06-01')).toEqual({
      status: 'measured',
      scaled: 80,
    });
  });
});

describe('rowsForYear', () => {
  it('inside the plan: that year’s annual rows and the period rows', () => {
    const r = rowsForYear(rows, 2022);
    expect(r.carriedForward).toBe(false);
    expect(r.rows.every((x) => x.year === null || x.year === 2022)).toBe(true);
  });
  it('after the plan: the 2023 targets carried forward to the year asked for', () => {
    const r = rowsForYear(rows, 2026);
    expect([r.carriedForward, r.fromYear]).toEqual([true, 2023]);
    const p = r.rows.find((x) => x.key === 'inclusive_points_new' && x.scope === 'district');
    expect([p?.year, p?.periodStart, p?.periodEnd]).toEqual([2026, '2026-01-01', '2026-12-31']);
  });
  it('before the plan: nothing', () => {
    expect(rowsForYear(rows, 2019).rows).toEqual([]);
  });
});
