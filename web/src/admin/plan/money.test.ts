import { describe, expect, it } from 'vitest';
import { fenOfYuan, yuan } from './money.ts';

describe('yuan from fen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [3_000_030, '¥30,000.30'],
    [113, '¥1.13'],
    [-250, '-¥2.50'],
    [null, '—'],
  ])('%s fen → %s', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it.each([
    [1000.01, 100_001],
    [0.29, 29],
    [13_400, 1_340_000],
    [null, null],
  ])('%s yuan → %s fen', (v, fen) => {
    expect(fenOfYuan(v)).toBe(fen);
  });
});
