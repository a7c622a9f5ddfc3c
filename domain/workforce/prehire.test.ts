import { describe, expect, it } from 'vitest';
import type { RecordCheckRequirement } from '../policy/types.ts';
import { workforcePolicy } from './policy.ts';
import { checkDateErrors, oldestAccepted, preHireDecision, type RecordedCheck } from './prehire.ts';

const required = workforcePolicy('310118', '2026-03-02').recordChecks;
const START = '2026-03-01';
const sex = (result: 'clear' | 'found', checkedOn = '2026-02-10'): RecordedCheck => ({
  kind: 'sex_offence_query',
  result,
  checkedOn,
});
const ncr = (result: 'clear' | 'found', checkedOn = '2026-02-10'): RecordedCheck => ({
  kind: 'no_criminal_record',
  result,
  checkedOn,
});
const rules = (d: ReturnType<typeof preHireDecision>) => (d.ok ? [] : d.errors.map((e) => e.rule));

describe('the pack: the two pre-hire checks', () => {
  it('requires both kinds with their documents, unverified, and no validity window', () => {
    expect(required.map((r) => r.kind)).toEqual(['sex_offence_query', 'no_criminal_record']);
    expect(required[0]!.docNumber).toBe('高检发〔2020〕14号');
    expect(required[1]!.docNumber).toBe('WS/T 821—2023');
    expect(required.every((r) => r.validityDays === null)).toBe(true);
    const p = workforcePolicy('310118', '2026-03-02');
    expect(p.citations.recordChecks?.docNumber).toBe('高检发〔2020〕14号');
  });
  it('is not in force before the 2020 opinion', () => {
    expect(workforcePolicy('310118', '2020-08-19').recordChecks).toEqual([]);
  });
});

describe('preHireDecision (pack as shipped: no window)', () => {
  it.each<[string, RecordedCheck[], string[]]>([
    ['both clear before the start', [sex('clear'), ncr('clear')], []],
    ['both clear on the start date', [sex('clear', START), ncr('clear', START)], []],
    ['years old: no window is applied', [sex('clear', '2019-01-01'), ncr('clear', '2015-06-01')], []],
    ['none', [], ['record_check_missing', 'record_check_missing']],
    ['the certificate missing', [sex('clear')], ['record_check_missing']],
    ['the query missing', [ncr('clear')], ['record_check_missing']],
    [
      'the query dated after the start',
      [sex('clear', '2026-03-02'), ncr('clear')],
      ['record_check_after_start'],
    ],
    ['a found query', [sex('found'), ncr('clear')], ['record_check_found']],
    [
      'a found certificate beside a clear one',
      [sex('clear'), ncr('clear'), ncr('found', '2026-02-20')],
      ['record_check_found'],
    ],
    ['an earlier clear and a later good one', [sex('clear', '2026-04-01'), sex('clear'), ncr('clear')], []],
  ])('%s', (_name, checks, expected) => {
    expect(rules(preHireDecision(checks, START, required))).toEqual(expected);
  });

  it('says found and which kind, naming the field and the document in zh and en', () => {
    const d = preHireDecision([sex('found'), ncr('clear')], START, required, (k) => `checks.${k}`);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.found).toBe(true);
    expect(d.foundKinds).toEqual(['sex_offence_query']);
    expect(d.errors[0]!.field).toBe('checks.sex_offence_query');
    expect(d.errors[0]!.message_zh).toContain('高检发〔2020〕14号');
    expect(d.errors[0]!.message_en).toContain('高检发〔2020〕14号');
  });

  it('missing is not found', () => {
    const d = preHireDecision([], START, required);
    expect(d.ok || d.found).toBe(false);
  });

  it('nothing required: allowed', () => {
    expect(preHireDecision([], START, []).ok).toBe(true);
  });
});

describe('preHireDecision with a validity window from a pack', () => {
  const windowed: RecordCheckRequirement[] = required.map((r) => ({ ...r, validityDays: 90 }));
  it('the earliest accepted day', () => {
    expect(oldestAccepted(START, 90)).toBe('2025-12-01');
    expect(oldestAccepted(START, null)).toBeNull();
  });
  it.each<[string, string, string[]]>([
    ['on the first day of the window', '2025-12-01', []],
    ['one day too old', '2025-11-30', ['record_check_expired', 'record_check_expired']],
    ['recent', '2026-02-28', []],
  ])('%s', (_n, checkedOn, expected) => {
    expect(
      rules(preHireDecision([sex('clear', checkedOn), ncr('clear', checkedOn)], START, windowed)),
    ).toEqual(expected);
  });
});

describe('checkDateErrors', () => {
  it('refuses a check dated after today', () => {
    expect(checkDateErrors('2026-03-03', '2026-03-02', 'checkedOn')[0]?.rule).toBe('in_future');
    expect(checkDateErrors('2026-03-02', '2026-03-02', 'checkedOn')).toEqual([]);
  });
});
