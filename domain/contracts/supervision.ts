/**
 * Supervision (issue 10): verifiable double-random draws (双随机一公开, 国办发〔2015〕58号). Shapes only;
 * the draw is domain/rules/draw.ts, the public verification domain/supervision/verify.ts.
 */
import { z } from 'zod';
import { uuidSchema } from './common.ts';

export const DRAW_PLAN_STATUSES = ['committed', 'drawn'] as const;
export type DrawPlanStatus = (typeof DRAW_PLAN_STATUSES)[number];
export const DRAW_LEVELS = ['district', 'town'] as const;
export type DrawLevel = (typeof DRAW_LEVELS)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM / Month must be YYYY-MM');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** Commit a monthly draw plan: the pools are taken from the register now and their hashes published. */
export const createDrawPlanBody = z.strictObject({
  month,
  /** The district code (district-level plan) or a town code in the caller's scope (town-level plan). */
  divisionCode: z.string().regex(/^\d{6,12}$/),
  sampleSize: z.number().int().min(1).max(5000),
  inspectorsPerTarget: z.number().int().min(2).max(10).default(2),
});
export type CreateDrawPlanBody = z.infer<typeof createDrawPlanBody>;

export const drawPlanParams = z.strictObject({ id: uuidSchema });

export const drawTargetSchema = z.strictObject({ id: z.string(), weight: z.number().int() });
export const drawInspectorSchema = z.strictObject({ id: z.string() });
export const drawConflictSchema = z.strictObject({ inspectorId: z.string(), targetId: z.string() });
export const drawAssignmentSchema = z.strictObject({
  targetId: z.string(),
  inspectorIds: z.array(z.string()),
});
export const drawResultSchema = z.strictObject({
  algorithm: z.literal('tuoyu-draw-v1'),
  commitment: hex64,
  targetsPoolHash: hex64,
  inspectorsPoolHash: hex64,
  conflictsHash: hex64,
  seed: hex64,
  sampleSize: z.number().int(),
  inspectorsPerTarget: z.number().int(),
  assignments: z.array(drawAssignmentSchema),
});

/**
 * A draw as published on the portal: before the draw only the commitment and the pools (with their
 * hashes); after it also the secret and the result, so anyone can recompute it.
 */
export const publishedDrawSchema = z.strictObject({
  id: uuidSchema,
  month,
  level: z.enum(DRAW_LEVELS),
  divisionCode: z.string(),
  status: z.enum(DRAW_PLAN_STATUSES),
  committedAt: z.string(),
  drawnAt: z.string().nullable(),
  commitment: hex64,
  sampleSize: z.number().int(),
  inspectorsPerTarget: z.number().int(),
  targets: z.array(drawTargetSchema),
  inspectors: z.array(drawInspectorSchema),
  conflicts: z.array(drawConflictSchema),
  targetsPoolHash: hex64,
  inspectorsPoolHash: hex64,
  conflictsHash: hex64,
  /** Names of the drawn institutions and inspectors (display only; not part of the verification). */
  targetNames: z.record(z.string(), z.string()),
  inspectorNames: z.record(z.string(), z.string()),
  secretHex: z.string().nullable(),
  result: drawResultSchema.nullable(),
});
export type PublishedDraw = z.infer<typeof publishedDrawSchema>;

export const drawPlanSummarySchema = z.strictObject({
  id: uuidSchema,
  month,
  level: z.enum(DRAW_LEVELS),
  divisionCode: z.string(),
  status: z.enum(DRAW_PLAN_STATUSES),
  sampleSize: z.number().int(),
  targetsPool: z.number().int(),
  inspectorsPool: z.number().int(),
  commitment: hex64,
  committedAt: z.string(),
  drawnAt: z.string().nullable(),
});
export type DrawPlanSummary = z.infer<typeof drawPlanSummarySchema>;

export const drawPlanListSchema = z.strictObject({ items: z.array(drawPlanSummarySchema) });
