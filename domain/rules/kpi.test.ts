import { describe, expect, it } from 'vitest';
import { QINGPU_2021_TARGETS } from '../policy/qingpu-2021.ts';
import { annualPeriod, type TargetSpec, targetStatus } from './kpi.ts';

// A year-long period of 365 days: 2022-07-02 is day 183 (share 183/365 ≈ 0.501).
const UP: TargetSpec = { value: 100, comparison: '>=', period: { start: '2022-01-01', end: '2022-12-31' } };
const DOWN: TargetSpec = { value: 10, comparison: '<=', period: { start: '2022-01-01', end: '2022-12-31' } };
const EQ: TargetSpec = { value: 11, comparison: '=', period: { start: '2022-01-01', end: '2022-12-31' } };

describe('targetStatus', () => {
  it.each([
    // [target, measured, date, baseline, status]
    [UP, 100, '2022-03-01', undefined, 'met'],
    [UP, 120, '2023-05-01', undefined, 'met'],
    [UP, 99, '2023-01-01', undefined, 'missed'],
    [UP, 45, '2022-07-02', undefined, 'on_track'], // expected 50.1, slack 10 → ≥ 40.1
    [UP, 40, '2022-07-02', undefined, 'at_risk'],
    [UP, 60, '2022-07-02', 50, 'at_risk'], // expected 75.07, slack 5 → needs ≥ 70.07
    [UP, 71, '2022-07-02', 50, 'on_track'],
    [UP, 0, '2021-12-01', undefined, 'on_track'], // before the period: share 0, expected 0
    [UP, 99, '2022-12-31', undefined, 'on_track'], // last day: expected 100, slack 10
    [UP, 89, '2022-12-31', undefined, 'at_risk'],
    [DOWN, 10, '2022-02-01', undefined, 'met'],
    [DOWN, 12, '2022-02-01', undefined, 'at_risk'], // no baseline: no line to compare with
    [DOWN, 20, '2022-07-02', 30, 'on_track'], // expected 19.98, slack 2 → ≤ 21.98
    [DOWN, 25, '2022-07-02', 30, 'at_risk'],
    [DOWN, 11, '2023-01-01', 30, 'missed'],
    [EQ, 11, '2022-05-01', undefined, 'met'],
    [EQ, 9, '2022-07-02', 6, 'on_track'], // expected 8.5, slack 0.5 → ≥ 8.0
    [EQ, 7, '2022-07-02', 6, 'at_risk'],
    [EQ, 12, '2023-02-01', undefined, 'missed'],
  ] as [TargetSpec, number, string, number | undefined, string][])(
    '%j measured %f on %s (baseline %s) → %s',
    (t, m, d, b, status) => {
      expect(targetStatus(t, m, d, b)).toMatchObject({ ok: true, status });
    },
  );

  it('reports elapsed share and expected value', () => {
    const r = targetStatus(UP, 45, '2022-07-02');
    expect(r.ok && r.elapsedShare).toBeCloseTo(183 / 365, 10);
    expect(r.ok && r.expected).toBeCloseTo((100 * 183) / 365, 10);
  });

  it.each([
    [{ ...UP, comparison: '>' }, 1, '2022-01-01', 'kpi.bad_comparison'],
    [{ ...UP, value: Number.NaN }, 1, '2022-01-01', 'kpi.bad_number'],
    [UP, Number.POSITIVE_INFINITY, '2022-01-01', 'kpi.bad_number'],
    [UP, 1, '2022-02-30', 'date.malformed'],
    [{ ...UP, period: { start: '2022-12-31', end: '2022-01-01' } }, 1, '2022-06-01', 'date.range_reversed'],
  ] as [TargetSpec, number, string, string][])('rejects %j → %s', (t, m, d, reason) => {
    expect(targetStatus(t, m, d)).toMatchObject({ ok: false, reason });
  });
});

describe('annualPeriod and the Qingpu targets', () => {
  const points = QINGPU_2021_TARGETS.find((t) => t.id === 'qp-new-inclusive-points')!;
  it.each([
    [2021, { start: '2021-01-01', end: '2021-12-31' }],
    [2023, { start: '2023-01-01', end: '2023-12-31' }],
  ])('%i → %j', (year, period) => {
    expect(annualPeriod(points, year)).toEqual({ ok: true, ...period });
  });

  it.each([2020, 2024, 2022.5])('rejects year %s', (year) => {
    expect(annualPeriod(points, year)).toMatchObject({ ok: false, reason: 'kpi.bad_year' });
  });

  it('rates the yearly new-points target (≥ 2 a year)', () => {
    const p = annualPeriod(points, 2022);
    if (!p.ok) throw new Error('period');
    const t = { ...points, period: { start: p.start, end: p.end } };
    expect(targetStatus(t, 2, '2022-09-01')).toMatchObject({ status: 'met' });
    expect(targetStatus(t, 1, '2022-06-30')).toMatchObject({ status: 'on_track' });
    expect(targetStatus(t, 0, '2022-10-01')).toMatchObject({ status: 'at_risk' });
    expect(targetStatus(t, 1, '2023-01-05')).toMatchObject({ status: 'missed' });
  });
});
