/**
 * The yearly renewal of the childcare subsidy (年度复核, issue 17; domain/subsidy/renewal.ts, ADR 0027):
 * the district opens a year's renewals, the town of the child's hukou confirms each or stops it with a
 * reason. A local choice — no public text gives the procedure. One zod source for the routes, the
 * OpenAPI document and the console.
 */
import { z } from 'zod';
import { pageOf, paginationQuery, versionField } from './common.ts';
import { END_REASONS, RENEWAL_STATES } from './subsidy.ts';

export { RENEWAL_STATES };
export const RENEWAL_ACTIONS = ['confirm', 'stop'] as const;
/** Why a renewal stops: the application's stop reasons (death, emigration, hukou moved, other). */
export const RENEWAL_STOP_REASONS = END_REASONS;
export type RenewalState = (typeof RENEWAL_STATES)[number];
export type RenewalAction = (typeof RENEWAL_ACTIONS)[number];

/** Renewals exist from the scheme's second year (2025 approvals are renewed for 2026). */
export const FIRST_RENEWAL_YEAR = 2026;
const year = z.number().int().min(FIRST_RENEWAL_YEAR).max(2100);

export const renewalOpenBody = z.strictObject({
  year: year.describe('the year renewed (this year or next)'),
});
export const renewalOpenResult = z.object({
  year: z.number().int(),
  opened: z.number().int().describe('renewals opened by this call'),
  existing: z.number().int().describe('renewals of the year that were there already'),
});

export const renewalSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  applicationNo: z.string(),
  childName: z.string().describe('masked'),
  childIdNumber: z.string().describe('masked'),
  townCode: z.string(),
  year: z.number().int(),
  state: z.enum(RENEWAL_STATES),
  stopReason: z.enum(RENEWAL_STOP_REASONS).nullable(),
  note: z.string().nullable(),
  openedAt: z.string(),
  decidedAt: z.string().nullable(),
  permittedActions: z.array(z.enum(RENEWAL_ACTIONS)),
  version: z.number().int(),
});
export type Renewal = z.infer<typeof renewalSchema>;
export const renewalPage = pageOf(renewalSchema);

const townCode = z
  .string()
  .regex(/^\d{9}$/)
  .optional();
export const renewalListQuery = paginationQuery.extend({
  year: z.coerce.number().int().min(FIRST_RENEWAL_YEAR).max(2100).optional(),
  state: z.enum(RENEWAL_STATES).optional(),
  townCode,
});
export const renewalCountsQuery = z.strictObject({
  year: z.coerce.number().int().min(FIRST_RENEWAL_YEAR).max(2100),
  townCode,
});
export const renewalCounts = z.object({
  year: z.number().int(),
  open: z.number().int(),
  confirmed: z.number().int(),
  stopped: z.number().int(),
});

export const renewalDecisionBody = z.strictObject({
  action: z.enum(RENEWAL_ACTIONS),
  stopReason: z.enum(RENEWAL_STOP_REASONS).optional(),
  note: z.string().trim().max(500).optional(),
  version: versionField,
});
export type RenewalDecisionBody = z.infer<typeof renewalDecisionBody>;
