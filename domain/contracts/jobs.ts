/** Background jobs as the console sees them: status, progress, result and error of one job; the failed list. */
import { z } from 'zod';
import { pageOf, paginationQuery } from './common.ts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatusName = z.infer<typeof jobStatusSchema>;

export const jobErrorSchema = z.object({
  /** Error type name; the code and texts are given for domain errors only (never personal data). */
  name: z.string(),
  code: z.string().nullable(),
  message_zh: z.string().nullable(),
  message_en: z.string().nullable(),
});

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: jobStatusSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  result: z.unknown().nullable(),
  error: jobErrorSchema.nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobSchema>;

export const jobListQuery = paginationQuery.extend({
  status: jobStatusSchema.optional(),
  kind: z.string().max(64).optional(),
});
/** The list leaves out each job's result (it can be large); GET /jobs/{id} has it. */
export const jobSummarySchema = jobSchema.omit({ result: true });
export const jobPage = pageOf(jobSummarySchema);
