/**
 * Tables of the inclusive-care operating subsidy (普惠托育运营补贴, issue 17). Citus rule: district_code
 * first in every primary key and unique index. The district's settings (one row) and the amounts per
 * child per month it enters, each with its effective date and citation (appended, never overwritten:
 * a month is paid at the amount in force on its first day).
 */
import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { OPERATING_MAX_MIN_DAYS } from '../../../domain/contracts/operating.ts';
import { comment } from '../../platform/comments.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

export const operatingSettings = pgTable(
  'operating_settings',
  {
    districtCode: districtCode(),
    minAttendedDays: integer('min_attended_days').notNull(),
    updatedBy: varchar('updated_by', { length: 64 }).notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode] }),
    check(
      'operating_settings_min_days_ck',
      sql`${t.minAttendedDays} between 1 and ${sql.raw(String(OPERATING_MAX_MIN_DAYS))}`,
    ),
  ],
);
comment(
  operatingSettings,
  ['普惠托育运营补贴设置（每区一行）', "The district's operating-subsidy settings (one row)"],
  {
    districtCode: DISTRICT,
    minAttendedDays: [
      '当月出勤满多少天计为一个“人·月”（本地设定，默认 10 天，非政策原文）',
      'Minimum attended days for a child-month to count (a local choice, default 10, not from a text)',
    ],
    updatedBy: ['最后修改人用户名', 'Last changed by (username)'],
    updatedAt: ['最后修改时间', 'Last changed at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

export const operatingRates = pgTable(
  'operating_rates',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    citation: varchar('citation', { length: 300 }).notNull(),
    recordedBy: varchar('recorded_by', { length: 64 }).notNull(),
    recordedAt: tz('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('operating_rates_effective_uq').on(t.districtCode, t.effectiveFrom),
    check('operating_rates_amount_ck', sql`${t.amountFen} > 0`),
  ],
);
comment(
  operatingRates,
  [
    '普惠托育运营补贴标准（每人每月，按生效日期追加）',
    'Operating-subsidy amounts per child per month (appended by effective date)',
  ],
  {
    districtCode: DISTRICT,
    id: ['标准 ID（UUIDv7）', 'Amount id (UUIDv7)'],
    effectiveFrom: [
      '生效日期（当月 1 日生效的标准适用于该月）',
      'Effective from (a month takes the amount in force on its 1st)',
    ],
    amountFen: ['每人每月补贴金额（分，>0）', 'Amount per child per month (fen, > 0)'],
    citation: ['依据（区文件文号、条款）', 'Citation (district document number, article)'],
    recordedBy: ['录入人用户名', 'Recorded by (username)'],
    recordedAt: ['录入时间', 'Recorded at'],
  },
);
