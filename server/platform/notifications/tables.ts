/** In-app notifications, one row per recipient account. */
import { foreignKey, index, pgTable, primaryKey, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { comment } from '../comments.ts';
import { DISTRICT_COMMENT, districtCode, tz, users } from '../tables.ts';

export const notifications = pgTable(
  'notifications',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    kind: varchar('kind', { length: 64 }).notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    link: varchar('link', { length: 500 }),
    dedupeKey: varchar('dedupe_key', { length: 200 }),
    createdAt: tz('created_at').notNull(),
    readAt: tz('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('notifications_dedupe_uq').on(t.districtCode, t.accountId, t.dedupeKey),
    foreignKey({
      name: 'notifications_account_fk',
      columns: [t.districtCode, t.accountId],
      foreignColumns: [users.districtCode, users.id],
    }).onDelete('cascade'),
    index('notifications_account_idx').on(t.districtCode, t.accountId, t.createdAt),
  ],
);
comment(
  notifications,
  ['站内通知（每个接收账号一行）', 'In-app notifications (one row per recipient account)'],
  {
    districtCode: DISTRICT_COMMENT,
    id: ['通知 ID（UUIDv7）', 'Notification id (UUIDv7)'],
    accountId: ['接收账号 ID', 'Recipient account id'],
    kind: ['通知类型', 'Notification kind'],
    titleZh: ['标题（中文）', 'Title (Chinese)'],
    titleEn: ['标题（英文）', 'Title (English)'],
    bodyZh: ['正文（中文，不含个人信息）', 'Body (Chinese, no personal data)'],
    bodyEn: ['正文（英文，不含个人信息）', 'Body (English, no personal data)'],
    link: ['控制台内的链接路径', 'Link path inside the console'],
    dedupeKey: ['去重键（同一账号同一键只通知一次）', 'Dedupe key (one notification per account and key)'],
    createdAt: ['创建时间', 'Created at'],
    readAt: ['已读时间（未读为空）', 'Read at (null while unread)'],
  },
);
