/**
 * Joint special checks (联合检查 / 专项检查, issue 10; 35号: "joint special checks", town joint
 * enforcement): the district or a town plans a check on chosen themes (checklist categories) with
 * several departments taking part; each chosen institution gets a team of at least two inspectors
 * from at least two of those departments. Each team's inspection is an ordinary inspection record
 * (kind `special`): same checklists, sign-off, findings and rectification.
 */
import { z } from 'zod';
import { UNITS } from '../plan/tasks.ts';
import { uuidSchema } from './common.ts';
import { CHECKLIST_CATEGORIES, inspectionSummarySchema } from './supervision-inspections.ts';

/** The departments a joint check draws on: the plan annex's responsible units (domain/plan/tasks.ts). */
export const SPECIAL_UNITS = UNITS;
export type SpecialUnit = (typeof UNITS)[number];
/** At most this many days from the first to the last day of a check (a platform choice, docs/RULES.md). */
export const SPECIAL_MAX_DAYS = 92;
export const SPECIAL_STATUSES = ['planned', 'in_progress', 'completed', 'overdue'] as const;
export type SpecialStatus = (typeof SPECIAL_STATUSES)[number];

export const specialMemberSchema = z.strictObject({
  userId: uuidSchema,
  /** The department this inspector represents in this check. */
  unit: z.enum(UNITS),
});
export const specialTargetSchema = z.strictObject({
  institutionId: uuidSchema,
  members: z.array(specialMemberSchema).min(2).max(8),
});

export const specialCheckBody = z.strictObject({
  title: z.string().trim().min(2).max(60),
  /** The district (a district-level check) or one town. */
  divisionCode: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码：6 或 9 位数字 / Division code: 6 or 9 digits'),
  categories: z.array(z.enum(CHECKLIST_CATEGORIES)).min(1).max(CHECKLIST_CATEGORIES.length),
  /** The department leading the check (one of `units`). */
  leadUnit: z.enum(UNITS),
  /** The departments taking part: at least two. */
  units: z.array(z.enum(UNITS)).min(2).max(UNITS.length),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  targets: z.array(specialTargetSchema).min(1).max(200),
});
export type SpecialCheckBody = z.infer<typeof specialCheckBody>;

const memberOut = z.strictObject({ userId: z.string(), name: z.string(), unit: z.enum(UNITS) });

export const specialCheckSummarySchema = z.strictObject({
  id: uuidSchema,
  title: z.string(),
  level: z.enum(['district', 'town']),
  divisionCode: z.string(),
  categories: z.array(z.enum(CHECKLIST_CATEGORIES)),
  leadUnit: z.enum(UNITS),
  units: z.array(z.enum(UNITS)),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(SPECIAL_STATUSES),
  targets: z.number().int(),
  signed: z.number().int(),
  findings: z.number().int(),
  createdAt: z.string(),
});
export type SpecialCheckSummary = z.infer<typeof specialCheckSummarySchema>;
export const specialCheckListSchema = z.strictObject({ items: z.array(specialCheckSummarySchema) });

export const specialCheckDetailSchema = z.strictObject({
  ...specialCheckSummarySchema.shape,
  teams: z.array(
    z.strictObject({
      institutionId: uuidSchema,
      members: z.array(memberOut),
      /** The team's inspection record (null where the caller may not see it). */
      inspection: inspectionSummarySchema.nullable(),
    }),
  ),
});
export type SpecialCheckDetail = z.infer<typeof specialCheckDetailSchema>;
export const specialCheckParams = z.strictObject({ id: uuidSchema });

/** Inspector accounts that can be put on a team for a check of the division. */
export const specialInspectorQuery = z.strictObject({
  divisionCode: z.string().regex(/^\d{6}(\d{3})?$/, '区划代码：6 或 9 位数字 / Division code: 6 or 9 digits'),
});
export const specialInspectorListSchema = z.strictObject({
  items: z.array(z.strictObject({ id: uuidSchema, name: z.string(), divisionCode: z.string() })),
});
