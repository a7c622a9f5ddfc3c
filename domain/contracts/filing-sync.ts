/** Filing sync with the national system (docs/filing-sync.md): the export's query. */
import { z } from 'zod';

/** The longest range one export covers (a year and a day). */
export const NATIONAL_EXPORT_MAX_DAYS = 366;
const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

export const nationalExportQuery = z
  .strictObject({
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
    /** First day (China date, inclusive). */
    from: z.iso.date(),
    /** Last day (China date, inclusive). */
    to: z.iso.date(),
  })
  .refine((q) => q.to >= q.from, {
    path: ['to'],
    message: '结束日期不能早于开始日期 / The end date cannot precede the start date',
  })
  .refine((q) => day(q.to) - day(q.from) < NATIONAL_EXPORT_MAX_DAYS, {
    path: ['to'],
    message: `日期范围不能超过 ${NATIONAL_EXPORT_MAX_DAYS} 天 / The range cannot exceed ${NATIONAL_EXPORT_MAX_DAYS} days`,
  });
export type NationalExportQuery = z.infer<typeof nationalExportQuery>;

/** Where one institution's national sync stands. */
export const NATIONAL_SYNC_STATE_VALUES = ['queued', 'synced', 'failed', 'differs'] as const;
export const nationalSyncState = z.enum(NATIONAL_SYNC_STATE_VALUES);

export const nationalSyncQuery = z.strictObject({
  state: nationalSyncState.optional(),
});
export type NationalSyncQuery = z.infer<typeof nationalSyncQuery>;

export const fieldDifferenceSchema = z.object({
  field: z.string(),
  zh: z.string(),
  en: z.string(),
  registry: z.string(),
  national: z.string(),
});

export const nationalSyncItem = z.object({
  institutionId: z.uuid(),
  institutionName: z.string(),
  lastRecordId: z.string().nullable(),
  state: nationalSyncState,
  attempts: z.number().int(),
  lastAttemptAt: z.iso.datetime().nullable(),
  resultAt: z.iso.datetime().nullable(),
  message: z.string().nullable(),
  differences: z.array(fieldDifferenceSchema),
});
export type NationalSyncItem = z.infer<typeof nationalSyncItem>;

/** `enabled: false` when NATIONAL_FILING_URL is unset: sync is off and nothing is queued (said, not silent). */
export const nationalSyncList = z.object({
  enabled: z.boolean(),
  items: z.array(nationalSyncItem),
});
export type NationalSyncList = z.infer<typeof nationalSyncList>;

export const nationalResendResponse = z.object({ jobId: z.uuid() });
