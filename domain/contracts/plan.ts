/**
 * Plan and funding (issue 13): the shapes of the plan-target dashboard, the drill-down and the
 * successor plan. The rows come from the district pack's structured targets (domain/plan/targets.ts);
 * status per domain/plan/status.ts.
 */
import { z } from 'zod';
import { TARGET_KEYS } from '../../server/platform/targets.ts';
import { PLAN_TARGET_STATUSES } from '../plan/status.ts';
import { pageOf, paginationQuery } from './common.ts';

export { PLAN_TARGET_STATUSES, type PlanTargetStatus } from '../plan/status.ts';
export const PLAN_TARGET_SCOPES = ['district', 'town'] as const;
export const PLAN_COMPARISONS = ['>=', '<=', '='] as const;
export const PLAN_VERSION_STATUSES = ['active', 'superseded'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / Date must be YYYY-MM-DD');

export const planTargetsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2099).optional(),
  town: z
    .string()
    .regex(/^\d{9}$/, '街镇代码应为 9 位数字 / The town code must be 9 digits')
    .optional(),
});

export const measureSchema = z.object({
  value: z.number(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  unit: z.enum(['count', 'share', 'hours']),
  byTown: z.record(z.string(), z.number()).optional(),
});

export const planTargetSchema = z.object({
  id: z.uuid(),
  key: z.enum(TARGET_KEYS),
  seedId: z.string(),
  titleZh: z.string(),
  citation: z.string(),
  scope: z.enum(PLAN_TARGET_SCOPES),
  townCode: z.string().nullable(),
  year: z.number().int().nullable(),
  comparison: z.enum(PLAN_COMPARISONS),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The source module, or null when none is registered ("no data source yet"). */
  sourceModule: z.string().nullable(),
  measured: measureSchema.nullable(),
  /** The measured value on the target's scale (a share against a % target as a percentage). */
  scaled: z.number().nullable(),
  status: z.enum(PLAN_TARGET_STATUSES),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const planVersionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  docNumber: z.string(),
  citation: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  predecessorId: z.uuid().nullable(),
  status: z.enum(PLAN_VERSION_STATUSES),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planDashboardSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  version: planVersionSchema.nullable(),
  /** True when the year lies after the plan's period and no successor plan exists. */
  carriedForward: z.boolean(),
  /** The plan year whose targets are carried forward. */
  carriedFromYear: z.number().int().nullable(),
  targets: z.array(planTargetSchema),
});
export type PlanDashboard = z.infer<typeof planDashboardSchema>;

export const planTargetParams = z.strictObject({ id: z.uuid() });
export const drillQuery = paginationQuery.extend({
  year: z.coerce.number().int().min(2000).max(2099).optional(),
});

export const drillRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  townCode: z.string().optional(),
  counts: z.boolean(),
  note: z.string().optional(),
});
export const drillPageSchema = pageOf(drillRowSchema).extend({
  target: planTargetSchema,
});
export type DrillPage = z.infer<typeof drillPageSchema>;

export const trendQuery = z.strictObject({ key: z.enum(TARGET_KEYS) });
export const trendSchema = z.object({
  key: z.enum(TARGET_KEYS),
  points: z.array(
    z.object({ year: z.number().int(), scaled: z.number().nullable(), status: z.enum(PLAN_TARGET_STATUSES) }),
  ),
});

export const createSuccessorBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  docNumber: z.string().trim().min(1).max(60),
  citation: z.string().trim().min(1).max(300),
  periodStart: isoDate,
  periodEnd: isoDate,
});
export type CreateSuccessorBody = z.infer<typeof createSuccessorBody>;

/** The portal's yearly target table: the numbers only (no drill-down, no town rows). */
export const publicPlanSchema = z.object({
  year: z.number().int(),
  version: planVersionSchema
    .pick({ title: true, docNumber: true, periodStart: true, periodEnd: true })
    .nullable(),
  carriedForward: z.boolean(),
  carriedFromYear: z.number().int().nullable(),
  targets: z.array(
    planTargetSchema.pick({
      key: true,
      titleZh: true,
      citation: true,
      comparison: true,
      value: true,
      valueMax: true,
      unit: true,
      scaled: true,
      status: true,
    }),
  ),
});
export type PublicPlan = z.infer<typeof publicPlanSchema>;
export const publicPlanQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2099).optional(),
});
