/**
 * One table for the files of every module. An attachment belongs to an owner (owner_type + owner_id,
 * e.g. 'institution' + the institution's id); the owner's module decides who may see it. The bytes
 * live in FileStorage under `storage_key` (random, never from the upload). Rows are immutable.
 * Citus rule: district_code first in the primary key and the unique key.
 */
import { index, integer, pgTable, primaryKey, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { comment } from '../comments.ts';
import { DISTRICT_COMMENT, districtCode, tz } from '../tables.ts';

export const attachments = pgTable(
  'attachments',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    ownerType: varchar('owner_type', { length: 40 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    purpose: varchar('purpose', { length: 40 }).notNull(),
    category: varchar('category', { length: 40 }),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: varchar('storage_key', { length: 100 }).notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: tz('uploaded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('attachments_storage_key_uq').on(t.districtCode, t.storageKey),
    index('attachments_owner_idx').on(t.districtCode, t.ownerType, t.ownerId, t.uploadedAt),
  ],
);
comment(attachments, ['附件（各模块上传的文件）', 'Attachments (files uploaded to any module)'], {
  districtCode: DISTRICT_COMMENT,
  id: ['附件 ID（UUIDv7）', 'Attachment id (UUIDv7)'],
  ownerType: ['所属对象类型（如 institution）', 'Owner type (e.g. institution)'],
  ownerId: ['所属对象 ID', 'Owner id'],
  purpose: [
    '用途（决定允许的文件类型与大小，见 server/platform/files/purposes.ts）',
    'Purpose (sets the accepted kinds and size; server/platform/files/purposes.ts)',
  ],
  category: ['模块内的分类（如备案材料类别），可空', "The module's own category (e.g. filing document kind)"],
  fileName: [
    '文件名（已清理：去除路径、控制字符与双向控制符）',
    'File name (cleaned of paths, controls, bidi)',
  ],
  contentType: ['按文件内容识别的类型', 'Content type detected from the bytes'],
  sizeBytes: ['存储大小（字节，去除元数据后）', 'Stored size in bytes (after metadata stripping)'],
  sha256: ['存储内容的 SHA-256', 'SHA-256 of the stored content'],
  storageKey: ['存储名（随机）', 'Storage key (random)'],
  uploadedBy: ['上传人账号 ID', 'Uploader account id'],
  uploadedAt: ['上传时间', 'Uploaded at'],
});
