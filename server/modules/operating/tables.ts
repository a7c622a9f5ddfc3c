/**
 * Tables of the inclusive-care operating subsidy (普惠托育运营补贴, issue 17). Citus rule: district_code
 * first in every primary key and unique index. The district's settings (one row) and the amounts per
 * child per month it enters, each with its effective date and citation (appended, never overwritten:
 * a month is paid at the amount in force on its first day).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  OPERATING_CLAIM_STATUSES,
  OPERATING_MAX_MIN_DAYS,
  type OperatingClaimLine,
} from '../../../domain/contracts/operating.ts';
import { comment, pd } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';

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

/**
 * The minimum attended days through time: one row per month a change took effect (the month it was made
 * in, China time), so a claim for an earlier month keeps the minimum that was in force then (the
 * settings row holds today's value and the optimistic-lock version).
 */
export const operatingMinDays = pgTable(
  'operating_min_days',
  {
    districtCode: districtCode(),
    effectiveMonth: date('effective_month', { mode: 'string' }).notNull(),
    minAttendedDays: integer('min_attended_days').notNull(),
    recordedBy: varchar('recorded_by', { length: 64 }).notNull(),
    recordedAt: tz('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.effectiveMonth] }),
    check(
      'operating_min_days_range_ck',
      sql`${t.minAttendedDays} between 1 and ${sql.raw(String(OPERATING_MAX_MIN_DAYS))}`,
    ),
    check('operating_min_days_first_ck', sql`extract(day from ${t.effectiveMonth}) = 1`),
  ],
);
comment(
  operatingMinDays,
  [
    '最少出勤天数的历次设定（自设定当月起生效；此前月份沿用当时的值）',
    'The minimum attended days through time (in force from the month of the change; earlier months keep theirs)',
  ],
  {
    districtCode: DISTRICT,
    effectiveMonth: ['生效月份（当月 1 日）', 'Effective month (its 1st day)'],
    minAttendedDays: ['最少出勤天数', 'Minimum attended days'],
    recordedBy: ['设定人用户名', 'Set by (username)'],
    recordedAt: ['设定时间', 'Set at'],
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

/** A class's roster for the attendance register: minimal (name, birth month), no ID numbers. */
export const operatingChildren = pgTable(
  'operating_children',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    classId: uuid('class_id').notNull(),
    childName: varchar('child_name', { length: 40 }).notNull(),
    birthMonth: varchar('birth_month', { length: 7 }).notNull(),
    /** The first day the child is no longer in the class (离园); null while enrolled. */
    leftOn: date('left_on', { mode: 'string' }),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'operating_children_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'operating_children_class_fk',
      columns: [t.districtCode, t.classId],
      foreignColumns: [institutionClasses.districtCode, institutionClasses.id],
    }).onDelete('cascade'),
    index('operating_children_institution_idx').on(t.districtCode, t.institutionId),
    index('operating_children_class_idx').on(t.districtCode, t.classId),
  ],
);
comment(
  operatingChildren,
  [
    '运营补贴出勤登记：班级幼儿名册（仅姓名与出生年月）',
    'Attendance register: a class roster (name and birth month only)',
  ],
  {
    districtCode: DISTRICT,
    id: ['名册幼儿 ID（UUIDv7）', 'Roster child id (UUIDv7)'],
    institutionId: ['机构 ID', 'Institution id'],
    classId: ['班级 ID', 'Class id'],
    childName: ['幼儿姓名（列表中脱敏）', "Child's name (masked in lists)", pd.plain('name')],
    birthMonth: ['出生年月（YYYY-MM）', 'Birth month (YYYY-MM)'],
    leftOn: [
      '离园日期（自该日起不在本班，之前的出勤保留）；在园为空',
      'Left on: the first day no longer in the class (earlier attendance kept); null while enrolled',
    ],
    createdBy: ['登记人用户名', 'Entered by (username)'],
    createdAt: ['登记时间', 'Entered at'],
  },
);

/** One mark per child per day present (the daily tick list of a class). */
export const operatingAttendance = pgTable(
  'operating_attendance',
  {
    districtCode: districtCode(),
    childId: uuid('child_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    institutionId: uuid('institution_id').notNull(),
    classId: uuid('class_id').notNull(),
    markedBy: varchar('marked_by', { length: 64 }).notNull(),
    markedAt: tz('marked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.childId, t.day] }),
    foreignKey({
      name: 'operating_attendance_child_fk',
      columns: [t.districtCode, t.childId],
      foreignColumns: [operatingChildren.districtCode, operatingChildren.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'operating_attendance_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'operating_attendance_class_fk',
      columns: [t.districtCode, t.classId],
      foreignColumns: [institutionClasses.districtCode, institutionClasses.id],
    }).onDelete('cascade'),
    index('operating_attendance_class_day_idx').on(t.districtCode, t.classId, t.day),
    index('operating_attendance_institution_idx').on(t.districtCode, t.institutionId, t.day),
  ],
);
comment(
  operatingAttendance,
  [
    '运营补贴出勤登记：每日出勤记录（每名幼儿每天一条）',
    'Attendance register: one mark per child per day present',
  ],
  {
    districtCode: DISTRICT,
    childId: ['名册幼儿 ID', 'Roster child id'],
    day: ['出勤日期（须为工作日）', 'Day attended (a working day)'],
    institutionId: ['机构 ID', 'Institution id'],
    classId: ['班级 ID', 'Class id'],
    markedBy: ['登记人用户名', 'Marked by (username)'],
    markedAt: ['登记时间', 'Marked at'],
  },
);

/** An institution's monthly claim, built from the attendance register (one per institution per month). */
export const operatingClaims = pgTable(
  'operating_claims',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    status: enumText('status', OPERATING_CLAIM_STATUSES).notNull(),
    minAttendedDays: integer('min_attended_days').notNull(),
    lines: jsonb('lines').$type<OperatingClaimLine[]>().notNull(),
    countedChildMonths: integer('counted_child_months').notNull(),
    rateFen: integer('rate_fen'),
    totalFen: integer('total_fen'),
    reason: varchar('reason', { length: 300 }),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: tz('created_at').notNull(),
    submittedAt: tz('submitted_at'),
    decidedBy: varchar('decided_by', { length: 64 }),
    decidedAt: tz('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('operating_claims_institution_month_uq').on(t.districtCode, t.institutionId, t.month),
    index('operating_claims_month_status_idx').on(t.districtCode, t.month, t.status),
    foreignKey({
      name: 'operating_claims_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }).onDelete('cascade'),
    ...enumChecks(t),
  ],
);
comment(
  operatingClaims,
  [
    '普惠托育运营补贴月度申报（按出勤登记生成，每机构每月一份）',
    'Monthly operating-subsidy claims (built from the attendance register; one per institution per month)',
  ],
  {
    districtCode: DISTRICT,
    id: ['申报 ID（UUIDv7）', 'Claim id (UUIDv7)'],
    institutionId: ['机构 ID', 'Institution id'],
    townCode: ['机构所在街镇代码（生成时）', "The institution's town code (when built)"],
    month: ['申报月份（YYYY-MM）', 'Claim month (YYYY-MM)'],
    status: [
      '状态：draft/submitted/approved/rejected/returned',
      'Status: draft/submitted/approved/rejected/returned',
    ],
    minAttendedDays: ['生成时的最少出勤天数', 'Minimum attended days used'],
    lines: ['各班人·月明细（不含姓名）', 'Per-class child-months (no names)'],
    countedChildMonths: ['计补人·月数', 'Counted child-months'],
    rateFen: [
      '当月 1 日生效的每人每月标准（分；空为未设定）',
      'Amount in force on the 1st (fen; null = not set)',
    ],
    totalFen: ['申报金额（分；空为未设定）', 'Claim total (fen; null = not set)'],
    reason: ['驳回或退回理由', 'Reason for rejecting or returning'],
    createdBy: ['生成人用户名', 'Built by (username)'],
    createdAt: ['生成时间', 'Built at'],
    submittedAt: ['提交时间', 'Submitted at'],
    decidedBy: ['审核人用户名', 'Decided by (username)'],
    decidedAt: ['审核时间', 'Decided at'],
  },
);
