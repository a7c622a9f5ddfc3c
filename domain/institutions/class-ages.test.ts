import { describe, expect, it } from 'vitest';
import { classAgeMonths } from './class-ages.ts';

describe('classAgeMonths', () => {
  it('lists the months some class takes: min ≤ m < max, overlaps once, gaps left out', () => {
    expect(
      classAgeMonths([
        { minAgeMonths: 18, maxAgeMonths: 24 },
        { minAgeMonths: 12, maxAgeMonths: 20 },
        { minAgeMonths: 30, maxAgeMonths: 32 },
      ]),
    ).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 30, 31]);
    expect(classAgeMonths([])).toEqual([]);
    expect(classAgeMonths([{ minAgeMonths: 70, maxAgeMonths: 90 }])).toEqual([70, 71, 72]);
  });
});
