import { describe, expect, it } from 'vitest';
import { previewRows, targetChangeProblems } from './changes.ts';

const targets = [
  { seedId: 'qp-share', unit: '%' },
  { seedId: 'qp-points', unit: '个' },
];

describe('targetChangeProblems', () => {
  it('accepts values in range, a range in order, and a value cleared', () => {
    expect(
      targetChangeProblems(targets, [
        { seedId: 'qp-share', value: 60, valueMax: null },
        { seedId: 'qp-points', value: 3, valueMax: 4 },
      ]),
    ).toEqual([]);
    expect(targetChangeProblems(targets, [{ seedId: 'qp-points', value: null, valueMax: null }])).toEqual([]);
  });

  it.each([
    [{ seedId: 'nope', value: 1, valueMax: null }, 'changes.0.seedId', 'unknown_target'],
    [{ seedId: 'qp-share', value: -1, valueMax: null }, 'changes.0.value', 'non_negative'],
    [{ seedId: 'qp-share', value: 101, valueMax: null }, 'changes.0.value', 'max_100_pct'],
    [{ seedId: 'qp-points', value: 3, valueMax: 2 }, 'changes.0.valueMax', 'range_reversed'],
    [{ seedId: 'qp-points', value: null, valueMax: 2 }, 'changes.0.valueMax', 'range_needs_value'],
    [{ seedId: 'qp-points', value: Number.NaN, valueMax: null }, 'changes.0.value', 'non_negative'],
  ])('%j → %s %s, in both languages', (change, field, rule) => {
    const p = targetChangeProblems(targets, [change]);
    expect(p.map((x) => [x.field, x.rule])).toEqual([[field, rule]]);
    expect(p[0]!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p[0]!.en).toMatch(/[a-z]/);
  });

  it('refuses the same target twice, naming the second', () => {
    const p = targetChangeProblems(targets, [
      { seedId: 'qp-points', value: 3, valueMax: null },
      { seedId: 'qp-points', value: 4, valueMax: null },
    ]);
    expect(p.map((x) => [x.field, x.rule])).toEqual([['changes.1.seedId', 'duplicate']]);
  });
});

describe('previewRows', () => {
  const row = {
    id: 'r1',
    seedId: 'qp-share',
    comparison: '>=' as const,
    value: 50,
    valueMax: null,
    unit: '%',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  };
  const measured = { value: 0.55, unit: 'share' as const };

  it('judges the same measurement against the old and the new value', () => {
    const [p] = previewRows(
      [{ row, measured }],
      [{ seedId: 'qp-share', value: 60, valueMax: null }],
      '2027-01-02',
    );
    expect(p).toMatchObject({
      before: { value: 50, status: 'met' },
      after: { value: 60, status: 'missed' },
      changes: true,
    });
    expect(p?.scaled).toBeCloseTo(55);
  });

  it('a lower value keeps a met target met; an untouched target is left out; no source stays no_data', () => {
    const [p] = previewRows(
      [{ row, measured }],
      [{ seedId: 'qp-share', value: 40, valueMax: null }],
      '2026-12-31',
    );
    expect(p).toMatchObject({ before: { status: 'met' }, after: { status: 'met' }, changes: false });
    expect(
      previewRows([{ row, measured }], [{ seedId: 'other', value: 1, valueMax: null }], '2026-12-31'),
    ).toEqual([]);
    const [n] = previewRows(
      [{ row, measured: null }],
      [{ seedId: 'qp-share', value: 60, valueMax: null }],
      '2026-12-31',
    );
    expect(n).toMatchObject({ before: { status: 'no_data' }, after: { status: 'no_data' }, changes: false });
  });

  it('a per-unit target is judged on its measurement against the new value', () => {
    const hours = { ...row, seedId: 'qp-hours', unit: 'class hours', value: 72 };
    const [p] = previewRows(
      [
        {
          row: hours,
          measured: { value: 0.5, unit: 'share' },
          measuredAfter: { value: 1, unit: 'share' },
        },
      ],
      [{ seedId: 'qp-hours', value: 30, valueMax: null }],
      '2027-01-02',
    );
    expect(p).toMatchObject({
      perUnit: true,
      scaled: 50,
      scaledAfter: 100,
      before: { status: 'missed' },
      after: { status: 'met' },
      changes: true,
    });
  });

  it('clearing the value leaves the measured value alone (status measured)', () => {
    const [p] = previewRows(
      [{ row, measured }],
      [{ seedId: 'qp-share', value: null, valueMax: null }],
      '2026-06-30',
    );
    expect(p?.after.status).toBe('measured');
  });
});
