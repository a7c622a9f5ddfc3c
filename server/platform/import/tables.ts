/**
 * Import runs: one row per uploaded file, from the dry run to the commit. The file itself is kept in
 * the FileStorage under `file_key`; the row holds the counts, the first errors and the progress.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { FILE_FORMATS, IMPORT_STATUSES } from '../../../domain/contracts/import.ts';
import { comment } from '../comments.ts';
import { enumChecks, enumText } from '../enum-columns.ts';
import { DISTRICT_COMMENT, districtCode, tz } from '../tables.ts';
import type { RowError } from './definition.ts';

export const importRuns = pgTable(
  'import_runs',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    status: enumText('status', IMPORT_STATUSES).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    fileKey: varchar('file_key', { length: 64 }).notNull(),
    fileSha256: varchar('file_sha256', { length: 64 }),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    format: enumText('format', FILE_FORMATS).notNull(),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    existingRows: integer('existing_rows').notNull(),
    errorCount: integer('error_count').notNull(),
    errors: jsonb('errors').$type<RowError[]>().notNull(),
    doneRows: integer('done_rows').notNull().default(0),
    insertedRows: integer('inserted_rows').notNull().default(0),
    jobId: uuid('job_id'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('import_runs_created_by_idx').on(t.districtCode, t.createdBy, t.createdAt),
    ...enumChecks(t),
  ],
);
comment(importRuns, ['数据导入批次（预检到提交）', 'Import runs (dry run to commit)'], {
  districtCode: DISTRICT_COMMENT,
  id: ['导入批次 ID（UUIDv7）', 'Import run id (UUIDv7)'],
  kind: ['导入类型（如 institutions）', 'What is imported (e.g. institutions)'],
  status: [
    '状态：checked 预检通过/invalid 有错误/committing 提交中/committed 已提交/failed 失败',
    'Status: checked/invalid/committing/committed/failed',
  ],
  divisionCode: ['上传者的管辖区划代码', "The uploader's division scope code"],
  createdBy: ['上传者账号 ID', 'Uploading account id'],
  fileKey: ['文件存储键（随机）', 'File storage key (random)'],
  fileSha256: [
    '文件 SHA-256（提交时未变且范围未变则沿用预检结论）',
    "File SHA-256 (the commit reuses the dry run's verdict while it and the scope are unchanged)",
  ],
  fileName: ['上传的文件名', 'Uploaded file name'],
  format: ['文件格式：xlsx/csv', 'File format: xlsx/csv'],
  totalRows: ['数据行数', 'Data rows'],
  validRows: ['通过校验的行数', 'Rows that passed the checks'],
  existingRows: ['已存在（按自然键跳过）的行数', 'Rows already present (skipped by natural key)'],
  errorCount: ['错误总数', 'Number of errors'],
  errors: ['前 1000 条错误（行、列、规则、中英文说明）', 'First 1000 errors (row, column, rule, zh/en text)'],
  doneRows: ['已处理行数（进度）', 'Rows done (progress)'],
  insertedRows: ['实际新增行数', 'Rows inserted'],
  jobId: ['执行提交的后台任务 ID', 'Background job that runs the commit'],
  createdAt: ['上传时间', 'Uploaded at'],
  updatedAt: ['更新时间', 'Updated at'],
});
