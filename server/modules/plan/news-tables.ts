/** The portal's notices, policy documents and guidance (plan module, news.ts). */
import { index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { NEWS_KINDS, NEWS_STATUSES } from '../../../domain/contracts/plan-news.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

export const planNews = pgTable(
  'plan_news',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    kind: enumText('kind', NEWS_KINDS).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    body: text('body').notNull(),
    source: varchar('source', { length: 200 }),
    status: enumText('status', NEWS_STATUSES).notNull(),
    publishedAt: tz('published_at'),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('plan_news_published_idx').on(t.districtCode, t.status, t.publishedAt),
    ...enumChecks(t),
  ],
);
comment(
  planNews,
  ['门户通知公告、政策文件与宣传引导', "The portal's notices, policy documents and guidance"],
  {
    districtCode: DISTRICT,
    id: ['条目 ID（UUIDv7）', 'Item id (UUIDv7)'],
    kind: ['类型：notice 通知公告 / policy 政策文件 / guidance 宣传引导', 'Kind: notice / policy / guidance'],
    title: ['标题', 'Title'],
    body: ['正文（纯文本，按行分段）', 'Text (plain, paragraphs by line breaks)'],
    source: ['来源或文号', 'Source or document number'],
    status: [
      '状态：draft 草稿 / published 已发布 / withdrawn 已撤回',
      'Status: draft / published / withdrawn',
    ],
    publishedAt: ['最近一次发布时间', 'Last published at'],
    createdBy: ['撰写人账号 ID', 'Author account id'],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic lock)'],
  },
);
