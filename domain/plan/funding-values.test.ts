import { describe, expect, it } from 'vitest';
import type { FundingVersionBody } from '../contracts/plan.ts';
import {
  computeFunding,
  type FundingKindergarten,
  type FundingValues,
  fundingDelta,
  packFundingValues,
  validateFundingVersion,
  versionInForce,
} from './funding-values.ts';

const PACK: FundingValues = packFundingValues({
  toddlerRateMultiplier: { numerator: 3, denominator: 2 },
  pupilFloor: 20,
  teachersPerToddlerClass: 2,
  caregiversPerToddlerClass: 1,
  subsidyAssessments: ['caregiver', 'infant_carer'],
});

const rate = (fen: number) => ({
  institutionId: '00000000-0000-7000-8000-000000000001',
  year: 2026,
  perPupilRateFen: fen,
  source: 'entered' as const,
  updatedBy: 'x',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});
const kg = (over: Partial<FundingKindergarten>): FundingKindergarten => ({
  institutionId: 'a',
  name: 'A',
  townCode: '310118102',
  ownership: 'public',
  inclusive: true,
  classPupils: [12],
  rate: rate(1000),
  actualTeachers: 0,
  actualCaregivers: 0,
  passed: [],
  ...over,
});

describe('versionInForce', () => {
  const vs = [
    { effectiveFrom: '2026-01-01' },
    { effectiveFrom: '2027-07-01' },
    { effectiveFrom: '2024-01-01' },
  ];
  it.each([
    ['2023-12-31', undefined],
    ['2024-01-01', '2024-01-01'],
    ['2025-12-31', '2024-01-01'],
    ['2026-12-31', '2026-01-01'],
    ['2027-06-30', '2026-01-01'],
    ['2027-12-31', '2027-07-01'],
  ])('on %s: %s', (date, want) => {
    expect(versionInForce(vs, date)?.effectiveFrom).toBe(want);
  });
});

describe('computeFunding', () => {
  it.each([
    // [values, pupils, rate, floorScope, allotment, quota]
    ['pack, floor applied', PACK, [12], 1000, 'kindergarten', 30_000, 3],
    ['pack, above the floor, rounding half up', PACK, [13, 12], 3, 'kindergarten', 113, 6],
    ['pack, floor per class', PACK, [13, 12], 3, 'class', 180, 6],
    [
      'version ×2, floor 25, 2+2',
      { ...PACK, multiplier: { numerator: 2, denominator: 1 }, pupilFloor: 25, caregiversPerClass: 2 },
      [12],
      1000,
      'kindergarten',
      50_000,
      4,
    ],
    [
      'floor 0 counts the pupils as they are',
      { ...PACK, pupilFloor: 0 },
      [12],
      1000,
      'kindergarten',
      18_000,
      3,
    ],
  ] as const)('%s', (_n, values, pupils, fen, scope, allotment, quota) => {
    const r = computeFunding([kg({ classPupils: pupils, rate: rate(fen) })], values, scope);
    expect(r.rows[0]!.allotmentFen).toBe(allotment);
    expect(r.rows[0]!.quotaTeachers + r.rows[0]!.quotaCaregivers).toBe(quota);
    expect(r.total.allotmentFen).toBe(allotment);
  });

  it('a kindergarten without a rate has no amount, and is not counted as 0', () => {
    const r = computeFunding([kg({ rate: null })], PACK, 'kindergarten');
    expect(r.rows[0]!.allotmentFen).toBeNull();
    expect(r.total).toMatchObject({ missingRate: 1, allotmentFen: 0 });
  });

  it('training subsidy: no amounts in the pack (null); a version pays once per person and listed assessment', () => {
    const passed = [
      { staffId: 's1', skill: 'caregiver' },
      { staffId: 's1', skill: 'caregiver' },
      { staffId: 's1', skill: 'infant_carer' },
      { staffId: 's2', skill: 'health_worker' },
      { staffId: 's3', skill: null },
    ];
    const pack = computeFunding([kg({ passed })], PACK, 'kindergarten');
    expect(pack.rows[0]).toMatchObject({ trainingEligible: 1, trainingSubsidyFen: null });
    const v: FundingValues = {
      ...PACK,
      trainingSubsidies: [
        { occupation: 'caregiver', amountFen: 500 },
        { occupation: 'infant_carer', amountFen: 300 },
        { occupation: 'health_worker', amountFen: 200 },
      ],
    };
    const r = computeFunding([kg({ passed })], v, 'kindergarten');
    expect(r.rows[0]).toMatchObject({ trainingEligible: 2, trainingSubsidyFen: 1_000 });
    expect(r.total.trainingSubsidyFen).toBe(1_000);
  });
});

describe('fundingDelta', () => {
  it('lists only the changed kindergartens, with town deltas and the total', () => {
    const kgs = [
      kg({ institutionId: 'a', townCode: 'T1', classPupils: [12] }),
      kg({ institutionId: 'b', townCode: 'T1', classPupils: [30] }),
      kg({ institutionId: 'c', townCode: 'T2', classPupils: [12], rate: null }),
    ];
    const after = { ...PACK, pupilFloor: 25 };
    const delta = fundingDelta(
      2026,
      computeFunding(kgs, PACK, 'kindergarten'),
      computeFunding(kgs, after, 'kindergarten'),
    );
    // a: 20 → 25 counted (+5 × 1500); b: 30 pupils, unchanged; c: no rate, unchanged.
    expect(delta.rows.map((r) => [r.institutionId, r.allotmentDeltaFen])).toEqual([['a', 7_500]]);
    expect(delta.towns).toEqual([
      { townCode: 'T1', allotmentDeltaFen: 7_500, quotaDelta: 0, trainingSubsidyDeltaFen: 0 },
    ]);
    expect(delta.total).toMatchObject({ allotmentDeltaFen: 7_500, quotaDelta: 0 });
  });
});

describe('validateFundingVersion', () => {
  const good: Omit<FundingVersionBody, 'basedOn'> = {
    effectiveFrom: '2026-01-01',
    citation: { issuer: '区教育局', docNumber: '青教〔2026〕1号', title: '通知', date: '2025-12-01' },
    multiplier: { numerator: 3, denominator: 2 },
    pupilFloor: 20,
    teachersPerClass: 2,
    caregiversPerClass: 1,
    trainingSubsidies: [{ occupation: 'caregiver', amountFen: 0 }],
  };
  it('accepts a complete body after the latest version', () => {
    expect(validateFundingVersion(good, { effectiveFrom: '2025-01-01' })).toEqual([]);
    expect(validateFundingVersion(good, null)).toEqual([]);
  });
  it.each([
    ['issuer', { citation: { ...good.citation, issuer: '' } }, 'citation.issuer'],
    ['title', { citation: { ...good.citation, title: '  ' } }, 'citation.title'],
    ['date', { citation: { ...good.citation, date: '' } }, 'citation.date'],
    ['multiplier 0', { multiplier: { numerator: 0, denominator: 1 } }, 'multiplier'],
    ['negative multiplier', { multiplier: { numerator: 3, denominator: -2 } }, 'multiplier'],
    ['floor < 0', { pupilFloor: -1 }, 'pupilFloor'],
    ['teachers < 0', { teachersPerClass: -1 }, 'teachersPerClass'],
    [
      'amount < 0',
      { trainingSubsidies: [{ occupation: 'caregiver' as const, amountFen: -1 }] },
      'trainingSubsidies.0.amountFen',
    ],
    [
      'amount not whole',
      { trainingSubsidies: [{ occupation: 'caregiver' as const, amountFen: 1.5 }] },
      'trainingSubsidies.0.amountFen',
    ],
    [
      'duplicate',
      {
        trainingSubsidies: [
          { occupation: 'caregiver' as const, amountFen: 1 },
          { occupation: 'caregiver' as const, amountFen: 1 },
        ],
      },
      'trainingSubsidies.1.occupation',
    ],
  ])('%s → %s', (_n, over, field) => {
    const errors = validateFundingVersion({ ...good, ...over }, null);
    expect(errors.map((e) => e.field)).toEqual([field]);
  });
  it('an effective date on or before the latest version’s is refused naming effectiveFrom', () => {
    expect(validateFundingVersion(good, { effectiveFrom: '2026-01-01' }).map((e) => e.field)).toEqual([
      'effectiveFrom',
    ]);
    expect(validateFundingVersion(good, { effectiveFrom: '2026-06-01' }).map((e) => e.field)).toEqual([
      'effectiveFrom',
    ]);
  });
});
