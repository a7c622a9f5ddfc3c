/**
 * The annex's responsibilities (附件：任务分工方案, issue 13): tasks with their units' quarterly reports,
 * a liaison's report, the unit a liaison speaks for, the joint meeting's yearly review. One zod source
 * for the server and the console.
 */
import { z } from 'zod';
import { REPORT_STATUSES, UNITS } from '../plan/tasks.ts';
import { versionField } from './common.ts';

const taskCode = z.string().regex(/^T\d{2}$/);
const year = z.coerce.number().int().min(2021).max(2100);

export const tasksQuery = z.strictObject({ year: year.optional() });
export const taskParams = z.strictObject({ code: taskCode });
export const meetingParams = z.strictObject({ year });
export const memberParams = z.strictObject({ userId: z.uuid() });

export const taskReportBody = z.strictObject({
  year: z.number().int().min(2021).max(2100),
  quarter: z.number().int().min(1).max(4),
  status: z.enum(REPORT_STATUSES),
  progress: z.string().trim().min(2).max(2000),
  evidence: z.string().trim().max(500).optional(),
  /** The report's version when changing one already submitted for the quarter; null for a new one. */
  version: versionField.nullable(),
});
export type TaskReportBody = z.infer<typeof taskReportBody>;

/** A file attached to a report as evidence (files kit, purpose task_report_evidence). */
export const reportFileSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export const reportFileList = z.object({ items: z.array(reportFileSchema) });
export const reportParams = z.strictObject({ id: z.uuid() });
export const reportFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

export const taskReportSchema = z.object({
  id: z.uuid(),
  status: z.enum(REPORT_STATUSES),
  progress: z.string(),
  evidence: z.string().nullable(),
  /** Evidence files (documents, photos, spreadsheets) attached by the unit. */
  files: z.array(reportFileSchema),
  submittedAt: z.string(),
  version: z.number().int(),
});

export const QUARTER_STATES = ['reported', 'overdue', 'due', 'future'] as const;
export const taskSchema = z.object({
  code: z.string(),
  project: z.string(),
  zh: z.string(),
  lead: z.array(z.enum(UNITS)),
  cooperating: z.array(z.enum(UNITS)),
  /** The caller's unit is named on the task (a liaison reports on it). */
  mine: z.boolean(),
  quarters: z.array(
    z.object({
      quarter: z.number().int(),
      dueOn: z.string(),
      units: z.array(
        z.object({
          unit: z.enum(UNITS),
          state: z.enum(QUARTER_STATES),
          report: taskReportSchema.nullable(),
        }),
      ),
    }),
  ),
});
export type TaskRow = z.infer<typeof taskSchema>;

export const meetingBody = z.strictObject({
  heldOn: z.iso.date(),
  summary: z.string().trim().min(2).max(4000),
  conclusions: z.array(z.strictObject({ taskCode, conclusion: z.string().trim().min(1).max(1000) })).max(21),
  version: versionField.nullable(),
});
export const meetingSchema = z.object({
  year: z.number().int(),
  heldOn: z.string(),
  summary: z.string(),
  conclusions: z.array(z.object({ taskCode: z.string(), conclusion: z.string() })),
  recordedAt: z.string(),
  version: z.number().int(),
});

export const tasksAnswer = z.object({
  year: z.number().int(),
  today: z.string(),
  citation: z.object({ docNumber: z.string(), article: z.string() }),
  /** After the plan period (2023): the annex is carried forward until a successor plan; the statement says so. */
  statement: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** The caller's unit (a liaison) or null. */
  unit: z.enum(UNITS).nullable(),
  projects: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  tasks: z.array(taskSchema),
  overdue: z.number().int(),
  meeting: meetingSchema.nullable(),
});
export type TasksAnswer = z.infer<typeof tasksAnswer>;

export const memberBody = z.strictObject({ unit: z.enum(UNITS) });
export const memberList = z.object({
  items: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      username: z.string(),
      unit: z.enum(UNITS).nullable(),
    }),
  ),
});
