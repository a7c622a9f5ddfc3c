/**
 * Emergency drills (issue 10: "Emergency plans and drills per institution (kind, date, participants);
 * drills overdue this year"). The institution records each drill it runs under its emergency plans; the
 * district and towns see who has not drilled within DRILL_INTERVAL_DAYS.
 */
import { z } from 'zod';
import { uuidSchema } from './common.ts';

export const DRILL_KINDS = ['fire', 'earthquake', 'intrusion', 'epidemic', 'food', 'other'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];
/** A drill at least every half year (a platform choice, docs/RULES.md): none within this many days is overdue. */
export const DRILL_INTERVAL_DAYS = 183;

export const drillBody = z.strictObject({
  institutionId: uuidSchema,
  kind: z.enum(DRILL_KINDS),
  /** Not in the future and not more than a year back (checked against today on the server). */
  drillDate: z.iso.date(),
  /** Staff taking part. */
  staff: z.number().int().min(1).max(500),
  /** Children taking part (0 for a staff-only drill). */
  children: z.number().int().min(0).max(1000),
  note: z.string().trim().max(500).optional(),
});
export type DrillBody = z.infer<typeof drillBody>;

export const drillSchema = z.strictObject({
  id: uuidSchema,
  institutionId: uuidSchema,
  institutionName: z.string(),
  townCode: z.string(),
  kind: z.enum(DRILL_KINDS),
  drillDate: z.string(),
  staff: z.number().int(),
  children: z.number().int(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export const drillListQuery = z.strictObject({ institutionId: uuidSchema.optional() });
export const drillListSchema = z.strictObject({ items: z.array(drillSchema) });

export const drillOverdueSchema = z.strictObject({
  asOf: z.string(),
  intervalDays: z.number().int(),
  /** Institutions in service in scope without a drill since this date. */
  since: z.string(),
  items: z.array(
    z.strictObject({
      institutionId: uuidSchema,
      name: z.string(),
      townCode: z.string(),
      lastDrill: z.string().nullable(),
    }),
  ),
  /** Institutions in service in scope (the denominator). */
  total: z.number().int(),
});
