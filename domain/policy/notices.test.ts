import { describe, expect, it } from 'vitest';
import { KNOWN_GAPS, policyNotices } from './notices.ts';
import { ALL_PACKS } from './resolve.ts';
import type { PolicyPack } from './types.ts';

describe('policyNotices', () => {
  it('states the Shanghai 2018 gap for a Shanghai district on a date in it, and only then', () => {
    expect(policyNotices('310118', '2022-06-01').gaps.map((g) => g.id)).toEqual(['sh-2018-childcare-rules']);
    expect(policyNotices('310117', '2024-02-08').gaps).toHaveLength(1);
    expect(policyNotices('310118', '2024-02-09').gaps).toEqual([]);
    expect(policyNotices('310118', '2018-04-27').gaps).toEqual([]);
    // another province is not Shanghai
    expect(policyNotices('440305', '2022-06-01').gaps).toEqual([]);
  });

  it('says the Qingpu plan pack has lapsed after 2023, naming its groups; not while it is in force', () => {
    expect(policyNotices('310118', '2023-12-31').lapsed).toEqual([]);
    const after = policyNotices('310118', '2026-12-05').lapsed;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      packId: 'qp-qfbf-2021-35',
      level: 'district',
      effectiveTo: '2023-12-31',
    });
    expect(after[0]!.groups).toEqual(expect.arrayContaining(['plan', 'funding']));
    // a district with no pack of its own has nothing that lapsed; the Shanghai regulation has no end
    expect(policyNotices('310117', '2026-12-05').lapsed).toEqual([]);
  });

  it('a later pack of the same level in force means nothing lapsed; the last one to end is named', () => {
    const base = ALL_PACKS.find((p) => p.id === 'qp-qfbf-2021-35')!;
    const older: PolicyPack = {
      ...base,
      id: 'older',
      effectiveFrom: '2019-01-01',
      effectiveTo: '2020-12-31',
    };
    const next: PolicyPack = { ...base, id: 'next', effectiveFrom: '2024-01-01', effectiveTo: '2026-12-31' };
    expect(policyNotices('310118', '2025-01-01', [...ALL_PACKS, next]).lapsed).toEqual([]);
    expect(policyNotices('310118', '2027-01-01', [...ALL_PACKS, older, next]).lapsed[0]?.packId).toBe('next');
    expect(policyNotices('310118', '2021-01-01', [...ALL_PACKS, older]).lapsed[0]?.packId).toBe('older');
  });

  it('every known gap names its period in order, its groups, and both languages', () => {
    for (const g of KNOWN_GAPS) {
      expect(g.from < g.to).toBe(true);
      expect(g.groups.length).toBeGreaterThan(0);
      expect(g.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(g.en).toMatch(/[a-z]/);
    }
  });
});
