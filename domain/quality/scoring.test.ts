import { describe, expect, it } from 'vitest';
import type { FrameworkDimension, ScoreEntry } from '../contracts/quality.ts';
import {
  checkScores,
  combine,
  divHalfUp,
  gradeOf,
  maxPoints,
  percentTenths,
  scoreEvaluation,
} from './scoring.ts';

const dims: FrameworkDimension[] = [
  {
    code: 'A',
    name: 'A',
    items: [
      { code: 'a1', name: 'a1', points: 10, guidance: '', veto: false },
      { code: 'a2', name: 'a2', points: 5, guidance: '', veto: true },
    ],
  },
  { code: 'B', name: 'B', items: [{ code: 'b1', name: 'b1', points: 5, guidance: '', veto: false }] },
];
const e = (itemCode: string, score: number, vetoed = false): ScoreEntry => ({
  itemCode,
  score,
  vetoed,
  note: '',
});
const bands = { excellent: 90, good: 80, qualified: 60 };

describe('checkScores', () => {
  it.each([
    ['all items within points', [e('a1', 10), e('a2', 5), e('b1', 0)], []],
    ['a score above the item points', [e('a1', 10.5), e('a2', 5), e('b1', 5)], [['scores.0.score', 'max']]],
    [
      'an unknown item',
      [e('zz', 1), e('a1', 1), e('a2', 1), e('b1', 1)],
      [['scores.0.itemCode', 'unknown_item']],
    ],
    [
      'a duplicate item',
      [e('a1', 1), e('a1', 2), e('a2', 1), e('b1', 1)],
      [['scores.1.itemCode', 'duplicate']],
    ],
    ['a missing item', [e('a1', 1), e('a2', 1)], [['scores', 'missing_item']]],
    [
      'veto on a non-veto item',
      [e('a1', 1, true), e('a2', 1), e('b1', 1)],
      [['scores.0.vetoed', 'not_veto_item']],
    ],
  ] as const)('%s', (_name, entries, expected) => {
    expect(checkScores(dims, entries as unknown as ScoreEntry[]).map((x) => [x.field, x.rule])).toEqual(
      expected,
    );
  });
});

describe('scoreEvaluation', () => {
  it('sums tenths per dimension and flags a failed veto item', () => {
    expect(scoreEvaluation(dims, [e('a1', 7.5), e('a2', 5), e('b1', 2.5)])).toEqual({
      dimensions: { A: 125, B: 25 },
      total: 150,
      vetoed: false,
    });
    expect(scoreEvaluation(dims, [e('a1', 10), e('a2', 0, true), e('b1', 5)]).vetoed).toBe(true);
  });
});

describe('combine (weights, rounding)', () => {
  const s = (A: number, B: number, vetoed = false) => ({ dimensions: { A, B }, total: A + B, vetoed });
  it.each([
    // name, weights, sources, expected dimensions
    [
      'self only',
      { self: 100, peer: 0, commissioned: 0 },
      { self: s(100, 40), peers: [] },
      { A: 100, B: 40 },
    ],
    [
      '20/30/50',
      { self: 20, peer: 30, commissioned: 50 },
      { self: s(150, 50), peers: [s(100, 40), s(110, 30)], commissioned: s(120, 50) },
      { A: 122, B: 46 },
    ], // 121.5 and 45.5 round half up
    // peers mean 101.5 tenths·0.3 + … : 0.2·100 + 0.3·(101+102)/2 + 0.5·100 = 20 + 30.45 + 50 = 100.45 → 100 (half up on tenths of tenths)
    [
      'half-up rounding',
      { self: 20, peer: 30, commissioned: 50 },
      { self: s(100, 0), peers: [s(101, 0), s(102, 0)], commissioned: s(100, 0) },
      { A: 100, B: 0 },
    ],
    [
      'exact half rounds up',
      { self: 50, peer: 50, commissioned: 0 },
      { self: s(1, 0), peers: [s(2, 0)] },
      { A: 2, B: 0 },
    ],
  ] as const)('%s', (_n, w, src, expected) => {
    expect(combine(['A', 'B'], w, src as never)?.dimensions).toEqual(expected);
  });
  it('is incomplete while a weighted source is missing, not when its weight is 0', () => {
    expect(
      combine(['A', 'B'], { self: 20, peer: 30, commissioned: 50 }, { self: s(1, 1), peers: [s(1, 1)] }),
    ).toBeNull();
    expect(
      combine(['A', 'B'], { self: 50, peer: 50, commissioned: 0 }, { self: s(1, 1), peers: [s(1, 1)] }),
    ).not.toBeNull();
  });
  it('a veto in any source carries to the result', () => {
    expect(
      combine(
        ['A', 'B'],
        { self: 50, peer: 50, commissioned: 0 },
        { self: s(100, 50), peers: [s(100, 50, true)] },
      )?.vetoed,
    ).toBe(true);
  });
});

describe('grades', () => {
  it.each([
    [180, 20, false, 'excellent'], // exactly 90 %
    [179, 20, false, 'good'], // 89.5 %: below the floor even though it rounds to 90
    [160, 20, false, 'good'],
    [159, 20, false, 'qualified'],
    [120, 20, false, 'qualified'],
    [119, 20, false, 'unqualified'],
    [200, 20, true, 'unqualified'], // veto overrides full marks
  ] as const)('%i tenths of %i points, veto %s → %s', (total, max, veto, grade) => {
    expect(gradeOf(total, max, bands, veto)).toBe(grade);
  });
  it('percent in tenths, half up', () => {
    expect(percentTenths(179, 20)).toBe(895);
    expect(percentTenths(1, 3)).toBe(33);
    expect(maxPoints(dims)).toBe(20);
    expect(divHalfUp(5, 10)).toBe(1);
    expect(divHalfUp(4, 10)).toBe(0);
  });
});
