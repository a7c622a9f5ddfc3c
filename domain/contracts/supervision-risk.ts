/** Risk per institution (issue 10): the list with its signals, score, level and draw weight. */
import { z } from 'zod';

export const RISK_LEVELS = ['high', 'elevated', 'low'] as const;
export const riskQuery = z.strictObject({
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  level: z.enum(RISK_LEVELS).optional(),
});
export const riskSignalsSchema = z.object({
  seriousFindings: z.number().int(),
  overdueRectifications: z.number().int(),
  uncertifiedStaff: z.number().int(),
  expiringCertificates: z.number().int(),
  ratioBreaches: z.number().int(),
  /** Open or substantiated complaints of the last 12 months (null: not counted). */
  complaints: z.number().int().nullable(),
});
export const riskAnswer = z.object({
  asOf: z.string(),
  complaintsRecorded: z.boolean(),
  counts: z.object({ high: z.number().int(), elevated: z.number().int() }),
  items: z.array(
    z.object({
      institutionId: z.uuid(),
      name: z.string(),
      townCode: z.string(),
      signals: riskSignalsSchema,
      score: z.number().int(),
      level: z.enum(RISK_LEVELS),
      drawWeight: z.number().int(),
    }),
  ),
});
export type RiskAnswer = z.infer<typeof riskAnswer>;
