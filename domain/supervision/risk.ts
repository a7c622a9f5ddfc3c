/**
 * Risk score of an institution (issue 10 "Risk score per institution … feeding the draw weights; a
 * high-risk list"; 35号 二、(二)2 建立风险预警; 国办发〔2015〕58号: more sampling where complaints or
 * anomalies exist). Pure: the signals come from supervision's rectifications, workforce's compliance
 * and public complaints. The points and thresholds are a platform choice (docs/RULES.md),
 * each signal capped at 5 so one kind cannot swamp the rest.
 */
import { riskWeight } from '../rules/draw.ts';

export interface RiskSignals {
  /** Findings of severity major or serious in the last 12 months. */
  seriousFindings: number;
  /** Rectifications past their deadline and not closed. */
  overdueRectifications: number;
  /** Active staff who are not certified (no valid certificate their post needs). */
  uncertifiedStaff: number;
  /** Certificates of active staff expiring within 30 days. */
  expiringCertificates: number;
  /** Classes below their staffing rule (ratio, 两教一保, family point). */
  ratioBreaches: number;
  /** Complaints substantiated or open in the last 12 months (null: not counted). */
  complaints: number | null;
}

export const RISK_POINTS: Readonly<Record<keyof RiskSignals, number>> = {
  seriousFindings: 3,
  overdueRectifications: 4,
  uncertifiedStaff: 2,
  expiringCertificates: 1,
  ratioBreaches: 3,
  complaints: 2,
};
export const RISK_CAP = 5;
export const RISK_THRESHOLDS = { high: 12, elevated: 5 } as const;
export type RiskLevel = 'high' | 'elevated' | 'low';

const capped = (n: number | null) => Math.max(0, Math.min(RISK_CAP, Math.floor(n ?? 0)));

export function riskScore(s: RiskSignals): number {
  return (Object.keys(RISK_POINTS) as (keyof RiskSignals)[]).reduce(
    (sum, k) => sum + RISK_POINTS[k] * capped(s[k]),
    0,
  );
}

export function riskLevel(score: number): RiskLevel {
  return score >= RISK_THRESHOLDS.high ? 'high' : score >= RISK_THRESHOLDS.elevated ? 'elevated' : 'low';
}

/**
 * The draw weight of an institution: the draw's default rule (1 + complaints + abnormal records, each
 * capped at 5), with the abnormal records being serious findings, overdue rectifications, ratio breaches
 * and uncertified staff. An institution without signals weighs 1.
 */
export function drawWeightOf(s: RiskSignals): number {
  return riskWeight({
    complaints: s.complaints ?? 0,
    abnormalRecords: s.seriousFindings + s.overdueRectifications + s.ratioBreaches + s.uncertifiedStaff,
  });
}

export const NO_SIGNALS: RiskSignals = {
  seriousFindings: 0,
  overdueRectifications: 0,
  uncertifiedStaff: 0,
  expiringCertificates: 0,
  ratioBreaches: 0,
  complaints: null,
};
