/** Import and export contracts shared by every module's import routes and the console's import page. */
import { z } from 'zod';

export const rowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  field: z.string(),
  rule: z.string(),
  message_zh: z.string(),
  message_en: z.string(),
});
export type RowErrorView = z.infer<typeof rowErrorSchema>;

export const IMPORT_STATUSES = ['checked', 'invalid', 'committing', 'committed', 'failed'] as const;
/** File formats read by imports and written by exports. */
export const FILE_FORMATS = ['xlsx', 'csv'] as const;
/** A background export file's state. */
export const EXPORT_FILE_STATUSES = ['pending', 'ready', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importRunSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  format: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Rows whose natural key is already present: skipped on commit. */
  existingRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first 1000 errors; the downloadable report has all of them. */
  errors: z.array(rowErrorSchema),
  errorsTruncated: z.boolean(),
  doneRows: z.number().int(),
  insertedRows: z.number().int(),
  /** The background job of the commit (its progress and errors: GET /api/v1/jobs/{id}). */
  jobId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type ImportRun = z.infer<typeof importRunSchema>;

export const importRunParams = z.strictObject({ runId: z.uuid() });
export const exportFileParams = z.strictObject({ exportId: z.uuid() });

/** Above this many rows an export is made in the background (202 with a download link). */
export const EXPORT_SYNC_MAX_ROWS = 10_000;

/** The answer of an export that became a background file. */
export const exportJobSchema = z.object({
  exportId: z.uuid(),
  jobId: z.uuid(),
  status: z.enum(EXPORT_FILE_STATUSES),
  downloadUrl: z.string(),
});
