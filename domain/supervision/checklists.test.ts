import { describe, expect, it } from 'vitest';
import { CHECKLIST_CATEGORIES } from '../contracts/supervision-inspections.ts';
import {
  checklistScore,
  RECTIFICATION_DEADLINE_CITATION,
  rectificationDeadline,
  resultProblems,
  SAMPLE_CHECKLISTS,
} from './checklists.ts';
import { rectificationLifecycle } from './lifecycle.ts';

const items = SAMPLE_CHECKLISTS.fire; // serious 10, major 5, minor 2

describe('rectification deadline by severity (local implementing rule)', () => {
  it.each([
    ['2026-03-02', 'serious', '2026-03-09'],
    ['2026-03-02', 'major', '2026-03-17'],
    ['2026-03-02', 'minor', '2026-04-01'],
    ['2026-12-28', 'serious', '2027-01-04'],
  ] as const)('%s %s → %s', (date, severity, deadline) => {
    expect(rectificationDeadline(date, severity)).toBe(deadline);
  });
  it('carries its citation', () => expect(RECTIFICATION_DEADLINE_CITATION).toContain('地方实施细则'));
});

describe('checklist score and result problems', () => {
  it.each([
    [['pass', 'pass', 'pass'], 100],
    [['finding', 'pass', 'pass'], 41], // 7 of 17 points
    [['pass', 'pass', 'finding'], 88],
    [['finding', 'finding', 'finding'], 0],
  ] as const)('%j → %i', (outcomes, score) => {
    const results = items.map((i, k) => ({ itemCode: i.code, outcome: outcomes[k]!, note: 'n' }));
    expect(checklistScore(items, results)).toBe(score);
  });
  it('unknown items, duplicates and findings without a note are named', () => {
    expect(
      resultProblems(items, [
        { itemCode: 'fire-01', outcome: 'pass' },
        { itemCode: 'fire-01', outcome: 'pass' },
        { itemCode: 'fire-09', outcome: 'pass' },
        { itemCode: 'fire-02', outcome: 'finding', note: ' ' },
      ]),
    ).toEqual([
      { itemCode: 'fire-01', rule: 'duplicate' },
      { itemCode: 'fire-09', rule: 'unknown_item' },
      { itemCode: 'fire-02', rule: 'note_required' },
    ]);
  });
  it('the sample set covers the seven categories with unique item codes', () => {
    expect(Object.keys(SAMPLE_CHECKLISTS)).toEqual([...CHECKLIST_CATEGORIES]);
    const codes = Object.values(SAMPLE_CHECKLISTS).flatMap((l) => l.map((i) => i.code));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('rectification lifecycle: in order only', () => {
  it.each([
    ['open', 'submit_evidence', true],
    ['open', 'verify', false],
    ['open', 'return', false],
    ['evidence_submitted', 'verify', true],
    ['evidence_submitted', 'submit_evidence', false],
    ['closed', 'return', false],
    ['closed', 'submit_evidence', false],
  ] as const)('%s —%s→ allowed: %s', (state, action, ok) => {
    expect(rectificationLifecycle.check(state, action, 'r').ok).toBe(ok);
  });
  it('return needs a reason; the institution submits, supervisors verify', () => {
    expect(rectificationLifecycle.check('evidence_submitted', 'return')).toMatchObject({ ok: false });
    expect(rectificationLifecycle.permitted('open', 'owner', () => true)).toEqual(['submit_evidence']);
    expect(rectificationLifecycle.permitted('evidence_submitted', 'supervisor', () => true)).toEqual([
      'verify',
      'return',
    ]);
    expect(rectificationLifecycle.permitted('evidence_submitted', 'owner', () => true)).toEqual([]);
    expect(rectificationLifecycle.terminal()).toEqual(['closed']);
  });
});
