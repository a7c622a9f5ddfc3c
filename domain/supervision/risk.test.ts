import { describe, expect, it } from 'vitest';
import { drawWeightOf, NO_SIGNALS, riskLevel, riskScore } from './risk.ts';

describe('risk score', () => {
  it.each([
    [NO_SIGNALS, 0, 'low', 1],
    [{ ...NO_SIGNALS, expiringCertificates: 2 }, 2, 'low', 1],
    [{ ...NO_SIGNALS, overdueRectifications: 1, ratioBreaches: 1 }, 7, 'elevated', 3],
    [{ ...NO_SIGNALS, seriousFindings: 2, overdueRectifications: 2 }, 14, 'high', 5],
    [{ ...NO_SIGNALS, complaints: 3, uncertifiedStaff: 1 }, 8, 'elevated', 5],
    // each signal capped at 5; the draw weight at 1 + 5 + 5
    [{ ...NO_SIGNALS, seriousFindings: 40, complaints: 40 }, 25, 'high', 11],
    [{ ...NO_SIGNALS, uncertifiedStaff: -3 }, 0, 'low', 1],
  ])('%j → score %i, %s, weight %i', (s, score, level, weight) => {
    expect(riskScore(s)).toBe(score);
    expect(riskLevel(riskScore(s))).toBe(level);
    expect(drawWeightOf(s)).toBe(weight);
  });
});
