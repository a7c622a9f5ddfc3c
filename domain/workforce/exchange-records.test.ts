/** Ban-list exchange file (canonical text, import plan) and person records / subsidy rules: table-tested. */
import { describe, expect, it } from 'vitest';
import type { BanListFileEntry, CreateRecordBody } from '../contracts/workforce.ts';
import { canonicalBanList, entryKey, planBanImport } from './exchange.ts';
import { isPass, subsidyEligible, validateRecord } from './records.ts';

const H = (c: string) => c.repeat(43);
const e = (o: Partial<BanListFileEntry> = {}): BanListFileEntry => ({
  hash: H('a'),
  role: 'perpetrator',
  reasonCategory: 'abuse',
  decisionRef: '某卫〔2026〕1号',
  decisionDate: '2026-01-10',
  issuingDistrict: '310117',
  ...o,
});

describe('canonicalBanList', () => {
  const body = {
    format: 'tuoyu-ban-list/1' as const,
    exportedBy: '310117',
    exportedAt: '2026-03-01T00:00:00.000Z',
  };
  it('does not depend on entry order or key order', () => {
    const a = canonicalBanList({ ...body, entries: [e(), e({ hash: H('b') })] });
    const b0 = e({ hash: H('b') });
    const reordered = Object.fromEntries(Object.entries(b0).reverse()) as BanListFileEntry;
    const b = canonicalBanList({ ...body, entries: [reordered, e()] });
    expect(a).toBe(b);
  });
  it.each([
    ['hash', { hash: H('c') }],
    ['role', { role: 'direct_manager' as const }],
    ['category', { reasonCategory: 'neglect' as const }],
    ['decision', { decisionRef: '其他' }],
    ['date', { decisionDate: '2026-01-11' }],
    ['issuer', { issuingDistrict: '310118' }],
  ])('changes when the %s changes', (_n, change) => {
    expect(canonicalBanList({ ...body, entries: [e(change)] })).not.toBe(
      canonicalBanList({ ...body, entries: [e()] }),
    );
  });
  it('changes with the exporter and the time', () => {
    const x = canonicalBanList({ ...body, entries: [] });
    expect(canonicalBanList({ ...body, exportedBy: '310118', entries: [] })).not.toBe(x);
    expect(canonicalBanList({ ...body, exportedAt: '2026-03-02T00:00:00.000Z', entries: [] })).not.toBe(x);
  });
});

describe('planBanImport', () => {
  const cases: [string, BanListFileEntry[], string[], number, number][] = [
    ['all new', [e(), e({ hash: H('b') })], [], 2, 0],
    ['own district skipped', [e({ issuingDistrict: '310118' }), e()], [], 1, 1],
    ['already held skipped (re-import)', [e()], [entryKey(e())], 0, 1],
    ['duplicate within the file', [e(), e()], [], 1, 1],
    ['same hash, other decision is a new entry', [e(), e({ decisionRef: '二' })], [entryKey(e())], 1, 1],
    ['empty list', [], [], 0, 0],
  ];
  it.each(cases)('%s', (_n, entries, known, add, skipped) => {
    const r = planBanImport(entries, '310118', new Set(known));
    expect(r.add).toHaveLength(add);
    expect(r.skipped).toBe(skipped);
  });
});

describe('validateRecord', () => {
  const today = '2026-03-01';
  const base: CreateRecordBody = {
    kind: 'process_assessment',
    date: '2026-02-01',
    grade: 'good',
    description: '年度考核',
  };
  const cases: [string, Partial<CreateRecordBody>, string | null, string | null][] = [
    ['process assessment ok', {}, null, null],
    ['future date', { date: '2026-03-02' }, 'date', 'in_future'],
    ['bad date', { date: '2026-02-30' }, 'date', 'invalid_date'],
    ['assessment without grade', { grade: undefined }, 'grade', 'required'],
    ['skill on a process assessment', { skill: 'caregiver' }, 'skill', 'not_applicable'],
    ['skill assessment ok', { kind: 'skill_assessment', skill: 'infant_carer', grade: 'passed' }, null, null],
    ['skill assessment without skill', { kind: 'skill_assessment' }, 'skill', 'required'],
    ['reward ok', { kind: 'reward', grade: undefined, decisionRef: '青卫〔2026〕3号' }, null, null],
    ['reward without decision', { kind: 'reward', grade: undefined }, 'decisionRef', 'required'],
    ['penalty with grade', { kind: 'penalty', decisionRef: 'X', grade: 'failed' }, 'grade', 'not_applicable'],
  ];
  it.each(cases)('%s', (_n, change, field, rule) => {
    const errors = validateRecord({ ...base, ...change } as CreateRecordBody, today);
    if (field === null) expect(errors).toEqual([]);
    else {
      expect(errors[0]).toMatchObject({ field, rule });
      expect(errors[0]!.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(errors[0]!.message_en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('subsidyEligible', () => {
  const listed = ['caregiver', 'infant_carer'];
  const cases: [string, Parameters<typeof subsidyEligible>[0], boolean][] = [
    ['passed caregiver', { kind: 'skill_assessment', skill: 'caregiver', grade: 'passed' }, true],
    ['excellent infant carer', { kind: 'skill_assessment', skill: 'infant_carer', grade: 'excellent' }, true],
    ['failed', { kind: 'skill_assessment', skill: 'caregiver', grade: 'failed' }, false],
    ['not on the list', { kind: 'skill_assessment', skill: 'nutritionist', grade: 'passed' }, false],
    ['a process assessment', { kind: 'process_assessment', skill: null, grade: 'excellent' }, false],
  ];
  it.each(cases)('%s', (_n, r, want) => expect(subsidyEligible(r, listed)).toBe(want));
  it('the list is open: a longer list admits more', () =>
    expect(
      subsidyEligible({ kind: 'skill_assessment', skill: 'nutritionist', grade: 'good' }, [
        ...listed,
        'nutritionist',
      ]),
    ).toBe(true));
  it('isPass', () => expect([isPass('good'), isPass('failed'), isPass(null)]).toEqual([true, false, false]));
});
