import { describe, expect, it } from 'vitest';
import { ALL_PACKS, cityOf, resolvePolicy } from './resolve.ts';
import type { PolicyPack } from './types.ts';

function resolved(district: string, date: string) {
  const r = resolvePolicy(district, date);
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  return r;
}

describe('resolvePolicy layering', () => {
  it.each([
    // [district, date, key, value, packId]
    ['310118', '2022-06-01', 'classCaps.infant', 10, 'cn-nhc-2019-58'],
    ['310118', '2022-06-01', 'classCaps.mixed', 18, 'cn-nhc-2019-58'],
    ['310118', '2022-06-01', 'classRatios.toddler_large', 7, 'cn-nhc-2019-58'],
    ['310118', '2022-06-01', 'care.outdoorMinutesPerDay', 120, 'cn-nhc-2019-58'],
    ['310118', '2022-06-01', 'filing.filingWorkingDays', 5, 'cn-nhc-2019-25'],
    ['310118', '2022-06-01', 'filing.nonComplianceNoticeWorkingDays', 15, 'cn-nhc-2019-25'],
    ['310118', '2022-06-01', 'funding.pupilFloor', 20, 'qp-qfbf-2021-35'],
    ['310118', '2022-06-01', 'plan.skillsTrainingHoursPerYear', 72, 'qp-qfbf-2021-35'],
    ['310118', '2022-06-01', 'plan.careCircleMinutes', 15, 'qp-qfbf-2021-35'],
    ['310118', '2023-06-01', 'classCaps.kindergarten_toddler', 20, 'sh-preschool-childcare-regulation-2023'],
    ['310118', '2022-06-01', 'classCaps.kindergarten_toddler', 20, 'cn-nhc-2019-58'],
    ['310118', '2024-06-01', 'care.cctvRetentionDays', 90, 'sh-jwg-2024-4'],
    ['310118', '2023-06-01', 'care.cctvRetentionDays', 90, 'cn-nhc-2019-58'],
    ['310118', '2024-06-01', 'familyPoint.maxChildren', 5, 'cn-nhc-2023-family-point'],
    ['440305', '2024-06-01', 'classCaps.kindergarten_toddler', 20, 'cn-nhc-2019-58'],
  ])('%s on %s: %s = %j from %s', (district, date, key, value, packId) => {
    const r = resolved(district, date);
    const [group, k] = key.split('.') as [string, string];
    expect((r.values as unknown as Record<string, Record<string, unknown>>)[group]?.[k]).toEqual(value);
    expect(r.sources[key]?.packId).toBe(packId);
  });

  it('gives Qingpu plan values only while the plan is in force (2021-08-27 … 2023-12-31)', () => {
    expect(resolved('310118', '2021-08-26').values.plan).toBeUndefined();
    expect(resolved('310118', '2021-08-27').values.plan?.newInclusivePointsPerYear).toEqual({
      min: 2,
      max: 3,
    });
    expect(resolved('310118', '2023-12-31').values.funding?.toddlerRateMultiplier).toEqual({
      numerator: 3,
      denominator: 2,
    });
    expect(resolved('310118', '2024-01-01').values.plan).toBeUndefined();
    expect(resolved('310101', '2022-06-01').values.plan).toBeUndefined();
  });

  it('has no family-point rule before the 2023 measures', () => {
    expect(resolved('310118', '2023-11-13').values.familyPoint).toBeUndefined();
    expect(resolved('310118', '2023-11-14').values.familyPoint).toEqual({
      maxChildren: 5,
      maxInfantsPerCaregiver: 3,
    });
  });

  it('cites document, article and verification for each value', () => {
    const r = resolved('310118', '2022-06-01');
    expect(r.sources['funding.toddlerRateMultiplier']).toMatchObject({
      docNumber: '青府办发〔2021〕35号',
      verified: true,
    });
    expect(r.sources['funding.toddlerRateMultiplier']?.article).toContain('四、(二)');
    expect(r.sources['classCaps.infant']).toMatchObject({
      docNumber: '国卫人口发〔2019〕58号',
      verified: false,
    });
    expect(r.unverified).toContain('classCaps.infant');
    expect(r.unverified).not.toContain('plan.certifiedPct');
    expect(r.packIds[0]).toBe('cn-nhc-2019-58');
    expect(r.packIds.at(-1)).toBe('qp-qfbf-2021-35');
  });

  it('exposes the national 4.5 places per 1,000 target', () => {
    expect(resolved('310118', '2022-06-01').values.nationalTargets?.placesPer1000).toMatchObject({
      comparison: '>=',
      value: 4.5,
      period: { end: '2025-12-31' },
    });
  });

  it('lets a later layer override only the keys it names', () => {
    const district: PolicyPack = {
      id: 'test-override',
      level: 'district',
      jurisdiction: '310118',
      title: 't',
      issuer: 't',
      docNumber: 't',
      effectiveFrom: '2022-01-01',
      values: { classCaps: { infant: { value: 8, article: 'x', verified: false } } },
    };
    const r = resolvePolicy('310118', '2022-06-01', [...ALL_PACKS, district]);
    expect(r.ok && r.values.classCaps.infant).toBe(8);
    expect(r.ok && r.values.classCaps.toddler_small).toBe(15);
    const other = resolvePolicy('310101', '2022-06-01', [...ALL_PACKS, district]);
    expect(other.ok && other.values.classCaps.infant).toBe(10);
  });

  it.each([
    ['31011', '2022-06-01', 'policy.bad_district'],
    ['010118', '2022-06-01', 'policy.bad_district'],
    ['310118', '2022-02-30', 'date.malformed'],
    ['310118', '2019-10-07', 'policy.no_pack_in_force'],
    ['310118', '2019-12-01', 'policy.incomplete'],
  ])('%s on %s → %s', (district, date, reason) => {
    expect(resolvePolicy(district, date)).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['310118', '310000'],
    ['110105', '110000'],
    ['310000', '310000'],
  ])('cityOf(%s) = %s', (d, c) => {
    expect(cityOf(d)).toBe(c);
  });
});

describe('pack data hygiene', () => {
  it.each(ALL_PACKS.map((p) => [p.id, p] as const))(
    '%s: dates valid, unverified values explained',
    (_id, pack) => {
      expect(pack.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (pack.effectiveTo) expect(pack.effectiveTo >= pack.effectiveFrom).toBe(true);
      for (const group of Object.values(pack.values)) {
        for (const cited of Object.values(
          group as Record<string, { article: string; verified: boolean; note?: string }>,
        )) {
          expect(cited.article.length).toBeGreaterThan(0);
          if (!cited.verified) expect(cited.note?.length ?? 0).toBeGreaterThan(0);
        }
      }
    },
  );
});
