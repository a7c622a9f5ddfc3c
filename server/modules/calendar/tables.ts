/**
 * The district's locally entered years of the working-day calendar (issue 18, ADR 0011). Citus rule:
 * district_code first in the primary key and the unique indexes. One draft and one confirmed entry
 * per year at most (partial unique indexes); older confirmed entries become `superseded`.
 */
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { CALENDAR_YEAR_STATUSES } from '../../../domain/contracts/calendar.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

export interface StoredHolidayRange {
  festival: string;
  from: string;
  to: string;
}

export const calendarYears = pgTable(
  'calendar_years',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    noticeTitle: varchar('notice_title', { length: 200 }).notNull(),
    noticeNumber: varchar('notice_number', { length: 50 }).notNull(),
    noticeDate: date('notice_date', { mode: 'string' }).notNull(),
    holidays: jsonb('holidays').$type<StoredHolidayRange[]>().notNull(),
    workdays: jsonb('workdays').$type<string[]>().notNull(),
    status: enumText('status', CALENDAR_YEAR_STATUSES).notNull(),
    enteredById: uuid('entered_by_id').notNull(),
    enteredBy: varchar('entered_by', { length: 64 }).notNull(),
    enteredAt: tz('entered_at').notNull(),
    decidedById: uuid('decided_by_id'),
    decidedBy: varchar('decided_by', { length: 64 }),
    decidedAt: tz('decided_at'),
    decisionReason: varchar('decision_reason', { length: 500 }),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('calendar_years_one_draft_uq').on(t.districtCode, t.year).where(sql`${t.status} = 'draft'`),
    uniqueIndex('calendar_years_one_confirmed_uq')
      .on(t.districtCode, t.year)
      .where(sql`${t.status} = 'confirmed'`),
    index('calendar_years_year_idx').on(t.districtCode, t.year, t.status),
    ...enumChecks(t),
  ],
);
comment(
  calendarYears,
  [
    '本区录入的节假日安排年度（工作日历）',
    'Holiday-notice years entered by the district (working-day calendar)',
  ],
  {
    districtCode: DISTRICT,
    id: ['记录 ID（UUIDv7）', 'Entry id (UUIDv7)'],
    year: ['年度', 'Year'],
    noticeTitle: [
      '通知标题（国务院办公厅关于某年部分节假日安排的通知）',
      "Notice title (the State Council General Office's holiday notice)",
    ],
    noticeNumber: [
      '通知文号（如国办发明电〔YYYY〕N号，未公布时为空）',
      'Notice number (empty when not published)',
    ],
    noticeDate: ['通知发布日期', 'Date the notice was issued'],
    holidays: [
      '放假时段：[{festival 节日, from 起, to 止}]（含首尾）',
      'Holiday ranges: [{festival, from, to}] (inclusive)',
    ],
    workdays: ['调休上班日（周末上班）列表', 'Adjusted working days (weekend days worked)'],
    status: [
      '状态：draft 草稿/confirmed 已确认/rejected 已驳回/withdrawn 已撤回/superseded 已被替代',
      'Status: draft/confirmed/rejected/withdrawn/superseded',
    ],
    enteredById: ['录入人账号 ID', 'Entered by (account id)'],
    enteredBy: ['录入人用户名', 'Entered by (username)'],
    enteredAt: ['录入时间', 'Entered at'],
    decidedById: [
      '确认/驳回/撤回人账号 ID（确认人须不同于录入人）',
      'Decided by (account id; a confirmer differs from the enterer)',
    ],
    decidedBy: ['确认/驳回/撤回人用户名', 'Decided by (username)'],
    decidedAt: ['确认/驳回/撤回时间', 'Decided at'],
    decisionReason: ['驳回或撤回理由', 'Reason for rejecting or withdrawing'],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);
