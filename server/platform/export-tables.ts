/** Export files made in the background (large exports): the download link points at one of these rows. */
import { index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { EXPORT_FILE_STATUSES, FILE_FORMATS } from '../../domain/contracts/import.ts';
import { comment } from './comments.ts';
import { enumChecks, enumText } from './enum-columns.ts';
import { DISTRICT_COMMENT, districtCode, tz } from './tables.ts';

export const exportFiles = pgTable(
  'export_files',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    format: enumText('format', FILE_FORMATS).notNull(),
    status: enumText('status', EXPORT_FILE_STATUSES).notNull(),
    createdBy: uuid('created_by').notNull(),
    fileKey: varchar('file_key', { length: 64 }),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    rows: integer('rows').notNull().default(0),
    jobId: uuid('job_id'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('export_files_created_by_idx').on(t.districtCode, t.createdBy, t.createdAt),
    ...enumChecks(t),
  ],
);
comment(exportFiles, ['后台生成的导出文件', 'Export files made in the background'], {
  districtCode: DISTRICT_COMMENT,
  id: ['导出文件 ID（UUIDv7）', 'Export file id (UUIDv7)'],
  kind: ['导出内容（如 institutions）', 'What is exported (e.g. institutions)'],
  format: ['文件格式：xlsx/csv', 'File format: xlsx/csv'],
  status: ['状态：pending 生成中/ready 可下载/failed 失败', 'Status: pending/ready/failed'],
  createdBy: ['申请导出的账号 ID（仅本人可下载）', 'Requesting account id (only it may download)'],
  fileKey: ['文件存储键（随机）', 'File storage key (random)'],
  fileName: ['下载文件名', 'Download file name'],
  rows: ['导出行数', 'Rows exported'],
  jobId: ['生成文件的后台任务 ID', 'Background job that makes the file'],
  createdAt: ['申请时间', 'Requested at'],
  updatedAt: ['更新时间', 'Updated at'],
});
