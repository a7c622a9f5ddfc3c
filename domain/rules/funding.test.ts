import { describe, expect, it } from 'vitest';
import {
  toddlerClassAllotment,
  toddlerStaffingQuota,
  trainingSubsidyCount,
  trainingSubsidyTotalFen,
} from './funding.ts';
import { HUANGPU_2022, QINGPU_2022 } from './test-fixtures.ts';

const V = QINGPU_2022;

describe('toddlerClassAllotment (×1.5, floor 20)', () => {
  it.each([
    // [rate fen, class pupils, scope, counted, amount fen, floorApplied]
    [100_000, [25], 'kindergarten', 25, 3_750_000, false],
    [100_000, [12], 'kindergarten', 20, 3_000_000, true],
    [100_000, [12, 5], 'kindergarten', 20, 3_000_000, true],
    [100_000, [12, 9], 'kindergarten', 21, 3_150_000, false],
    [100_000, [12, 9], 'class', 40, 6_000_000, true],
    [100_000, [25, 9], 'class', 45, 6_750_000, true],
    [100_000, [20], 'class', 20, 3_000_000, false],
    [100_000, [], 'kindergarten', 0, 0, false],
    [100_001, [1], 'kindergarten', 20, 3_000_030, true],
    [3, [21], 'kindergarten', 21, 95, false],
  ] as const)(
    'rate %i, pupils %j, %s → counted %i, %i fen',
    (rate, pupils, scope, counted, amount, floorApplied) => {
      const r = toddlerClassAllotment({ perPupilRateFen: rate, classPupils: pupils }, V, {
        floorScope: scope,
      });
      expect(r).toMatchObject({
        ok: true,
        countedPupils: counted,
        amountFen: amount,
        floorApplied,
        floorScope: scope,
      });
    },
  );

  it('defaults to the per-kindergarten floor and reports the toddler rate', () => {
    expect(toddlerClassAllotment({ perPupilRateFen: 3, classPupils: [5] }, V)).toMatchObject({
      floorScope: 'kindergarten',
      toddlerRateFen: 5,
      amountFen: 90,
    });
  });

  it.each([
    [{ perPupilRateFen: -1, classPupils: [1] }, V, 'money.invalid'],
    [{ perPupilRateFen: 1.5, classPupils: [1] }, V, 'money.invalid'],
    [{ perPupilRateFen: 100, classPupils: [-1] }, V, 'count.negative'],
    [{ perPupilRateFen: 100, classPupils: [1.2] }, V, 'count.invalid'],
    [{ perPupilRateFen: Number.MAX_SAFE_INTEGER, classPupils: [30] }, V, 'money.overflow'],
    [{ perPupilRateFen: 100, classPupils: [1] }, HUANGPU_2022, 'policy.value_missing'],
  ])('%j → %s', (input, values, reason) => {
    expect(toddlerClassAllotment(input, values)).toMatchObject({ ok: false, reason });
  });
});

describe('staffing quota and training subsidy', () => {
  it('gives 2 teachers + 1 caregiver per class', () => {
    expect(toddlerStaffingQuota(3, V)).toEqual({ ok: true, teachers: 6, caregivers: 3, total: 9 });
  });

  it.each([
    [[], 0],
    [[{ practitionerId: 'a', trainings: [{ kind: 'caregiver', passed: true }] }], 1],
    [[{ practitionerId: 'a', trainings: [{ kind: 'caregiver', passed: false }] }], 0],
    [[{ practitionerId: 'a', trainings: [{ kind: 'health_worker', passed: true }] }], 0],
    [
      [
        {
          practitionerId: 'a',
          trainings: [
            { kind: 'caregiver', passed: true },
            { kind: 'infant_care_worker', passed: true },
          ],
        },
        { practitionerId: 'b', trainings: [{ kind: 'infant_care_worker', passed: true }] },
        { practitionerId: 'a', trainings: [{ kind: 'caregiver', passed: true }] },
      ],
      2,
    ],
  ])('%j → %i eligible', (practitioners, count) => {
    expect(trainingSubsidyCount(practitioners)).toMatchObject({ ok: true, count });
  });

  it('rejects a practitioner without id', () => {
    expect(trainingSubsidyCount([{ practitionerId: '', trainings: [] }])).toMatchObject({
      reason: 'training.bad_practitioner',
    });
  });

  it.each([
    [3, 150_000, { ok: true, amountFen: 450_000 }],
    [-1, 100, { ok: false, reason: 'count.invalid' }],
    [1, -5, { ok: false, reason: 'money.invalid' }],
  ])('subsidy total %i × %i', (n, fen, expected) => {
    expect(trainingSubsidyTotalFen(n, fen)).toMatchObject(expected);
  });
});
