/**
 * Tables of the childcare-subsidy casework (育儿补贴, issue 17). Citus rule: district_code first in
 * every primary key, unique index and foreign key; an index on every foreign key. The child's and the
 * applicant's ID numbers, the mobile and the bank account are sealed (AES-256-GCM); the child's ID has
 * a keyed blind index (one application per child). The guard scopes applications by the hukou town
 * (the town checks them) and by family (a parent, when the child is in the families register).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  ACCOUNT_KINDS,
  APPLICANT_RELATIONS,
  BATCH_STATUSES,
  END_REASONS,
  LINE_STATUSES,
  RENEWAL_STATES,
  SUBSIDY_STATUSES,
} from '../../../domain/contracts/subsidy.ts';
import { comment, pd } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { blindIndex, encryptedText } from '../../platform/personal-data.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

export const subsidyApplications = pgTable(
  'subsidy_applications',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    applicationNo: varchar('application_no', { length: 40 }).notNull(),
    childName: varchar('child_name', { length: 50 }).notNull(),
    childIdNumber: encryptedText('child_id_number').notNull(),
    childIdBidx: blindIndex('child_id_bidx').notNull(),
    childBirthDate: date('child_birth_date', { mode: 'string' }).notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    localHukou: boolean('local_hukou').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    hukouFrom: date('hukou_from', { mode: 'string' }),
    applicantName: varchar('applicant_name', { length: 50 }).notNull(),
    applicantRelation: enumText('applicant_relation', APPLICANT_RELATIONS).notNull(),
    applicantMobile: encryptedText('applicant_mobile').notNull(),
    bankName: varchar('bank_name', { length: 50 }).notNull(),
    accountKind: enumText('account_kind', ACCOUNT_KINDS).notNull(),
    bankAccount: encryptedText('bank_account').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: enumText('status', SUBSIDY_STATUSES).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    reason: varchar('reason', { length: 500 }),
    endsOn: date('ends_on', { mode: 'string' }),
    endReason: enumText('end_reason', END_REASONS),
    familyId: uuid('family_id'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('subsidy_applications_no_uq').on(t.districtCode, t.applicationNo),
    uniqueIndex('subsidy_applications_child_uq').on(t.districtCode, t.childIdBidx),
    index('subsidy_applications_town_idx').on(t.districtCode, t.townCode, t.status, t.dueOn),
    index('subsidy_applications_family_idx').on(t.districtCode, t.familyId),
    check('subsidy_applications_end_ck', sql`(${t.endsOn} is null) = (${t.endReason} is null)`),
    ...enumChecks(t),
  ],
);
comment(
  subsidyApplications,
  ['育儿补贴申请（国家育儿补贴信息系统推送）', 'Childcare subsidy applications (from the national system)'],
  {
    districtCode: DISTRICT,
    id: ['申请 ID（UUIDv7）', 'Application id (UUIDv7)'],
    applicationNo: ['国家系统申请编号', "The national system's application number"],
    childName: ['婴幼儿姓名', "Child's name", pd.plain('name')],
    childIdNumber: [
      '婴幼儿公民身份号码（AES-256-GCM 加密）',
      "Child's citizen ID number (AES-256-GCM encrypted)",
      pd.encrypted('citizen_id', { blindIndex: 'childIdBidx' }),
    ],
    childIdBidx: [
      '婴幼儿身份号码盲索引（一孩一申请）',
      "Blind index of the child's ID number (one application a child)",
      pd.blindIndex('citizen_id'),
    ],
    childBirthDate: ['出生日期', 'Birth date'],
    townCode: ['户籍所在街镇代码（负责审核）', 'Town of the hukou (checks the application)'],
    localHukou: ['是否本市户籍', 'Hukou in the city (Shanghai)'],
    adoptedOn: ['收养日期（收养的婴幼儿）', 'Adoption date (an adopted child)'],
    hukouFrom: ['户籍迁入本市日期', 'Date the hukou moved into the city'],
    applicantName: ['申请人姓名', "Applicant's name", pd.plain('name')],
    applicantRelation: [
      '申请人与婴幼儿关系：mother/father/guardian 监护人/welfare_institution 儿童福利机构',
      'Applicant: mother/father/guardian/welfare_institution',
    ],
    applicantMobile: ['申请人手机号码（加密）', "Applicant's mobile (encrypted)", pd.encrypted('phone')],
    bankName: ['开户银行', 'Bank'],
    accountKind: ['账户类型：card 银行卡/passbook 存折', 'Account kind: card/passbook'],
    bankAccount: [
      '收款账号（加密，显示后四位）',
      'Bank account (encrypted; last four digits shown)',
      pd.encrypted('bank_account'),
    ],
    appliedOn: ['申请日期', 'Applied on'],
    dueOn: [
      '审核期限（申请日起 30 个工作日；日历未覆盖时为空）',
      'Review due (30 working days; null while the calendar does not cover it)',
    ],
    status: [
      '状态：submitted 待审核/approved 通过/rejected 不予通过/stopped 停发',
      'Status: submitted/approved/rejected/stopped',
    ],
    decidedOn: ['审核日期', 'Decided on'],
    decidedBy: ['审核人账号 ID', 'Deciding account'],
    reason: ['审核意见、停发或更正说明', 'Reason of a rejection, stop or correction'],
    endsOn: ['停发事由发生日期（当月起不再补贴）', 'Date of the stopping event (its month is not due)'],
    endReason: [
      '停发事由：death 死亡/emigration 出国定居/hukou_moved 户籍迁出/other 其他',
      'Stop reason: death/emigration/hukou_moved/other',
    ],
    familyId: [
      '婴幼儿家庭 ID（在家庭名录中时；家长可查看）',
      'Family id when the child is in the families register (the parent sees it)',
    ],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

export const subsidyBatches = pgTable(
  'subsidy_batches',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    throughMonth: varchar('through_month', { length: 7 }).notNull(),
    status: enumText('status', BATCH_STATUSES).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    submittedAt: tz('submitted_at'),
    paidAt: tz('paid_at'),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('subsidy_batches_year_idx').on(t.districtCode, t.year),
    ...enumChecks(t),
  ],
);
comment(subsidyBatches, ['育儿补贴发放批次', 'Childcare subsidy payment batches'], {
  districtCode: DISTRICT,
  id: ['批次 ID', 'Batch id'],
  year: ['补贴年度', 'Year paid for'],
  throughMonth: ['本批发放至月份（YYYY-MM）', 'Last month paid in the batch (YYYY-MM)'],
  status: ['状态：draft 草稿/submitted 已报财政/paid 已发放', 'Status: draft/submitted (to finance)/paid'],
  createdBy: ['生成人账号 ID', 'Created by'],
  createdAt: ['生成时间', 'Created at'],
  submittedAt: ['报送财政时间', 'Submitted to the finance bureau at'],
  paidAt: ['发放完成时间', 'Paid at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const subsidyBatchLines = pgTable(
  'subsidy_batch_lines',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    batchId: uuid('batch_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    fromMonth: varchar('from_month', { length: 7 }).notNull(),
    toMonth: varchar('to_month', { length: 7 }).notNull(),
    months: integer('months').notNull(),
    amount: integer('amount').notNull(),
    status: enumText('status', LINE_STATUSES).notNull(),
    returnReason: varchar('return_reason', { length: 500 }),
    returnedAt: tz('returned_at'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'subsidy_batch_lines_batch_fk',
      columns: [t.districtCode, t.batchId],
      foreignColumns: [subsidyBatches.districtCode, subsidyBatches.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'subsidy_batch_lines_application_fk',
      columns: [t.districtCode, t.applicationId],
      foreignColumns: [subsidyApplications.districtCode, subsidyApplications.id],
    }),
    index('subsidy_batch_lines_batch_idx').on(t.districtCode, t.batchId, t.townCode),
    index('subsidy_batch_lines_application_idx').on(t.districtCode, t.applicationId),
    check(
      'subsidy_batch_lines_months_ck',
      sql`${t.months} > 0 and ${t.amount} >= 0 and ${t.fromMonth} <= ${t.toMonth}`,
    ),
    ...enumChecks(t),
  ],
);
comment(
  subsidyBatchLines,
  ['育儿补贴发放明细（每批每孩一行）', 'Childcare subsidy payment lines (one a child per batch)'],
  {
    districtCode: DISTRICT,
    id: ['明细 ID', 'Line id'],
    batchId: ['批次 ID', 'Batch id'],
    applicationId: ['申请 ID', 'Application id'],
    townCode: ['户籍街镇代码（按街镇汇总）', 'Hukou town (totals per town)'],
    fromMonth: ['起始月份', 'First month paid'],
    toMonth: ['截止月份', 'Last month paid'],
    months: ['月数', 'Months'],
    amount: ['金额（元）', 'Amount (yuan)'],
    status: ['状态：pending 待发放/paid 已发放/returned 退回', 'Status: pending/paid/returned (by the bank)'],
    returnReason: ['退回原因（如账户有误）', 'Why it was returned (e.g. a wrong account)'],
    returnedAt: ['退回时间', 'Returned at'],
    createdAt: ['创建时间', 'Created at'],
  },
);

/** The yearly renewal (年度复核, ADR 0027): one a year per approved application, opened by the district. */
export const subsidyRenewals = pgTable(
  'subsidy_renewals',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    year: integer('year').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    state: enumText('state', RENEWAL_STATES).notNull(),
    stopReason: enumText('stop_reason', END_REASONS),
    note: varchar('note', { length: 500 }),
    openedBy: uuid('opened_by').notNull(),
    openedAt: tz('opened_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: tz('decided_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('subsidy_renewals_application_year_uq').on(t.districtCode, t.applicationId, t.year),
    index('subsidy_renewals_year_idx').on(t.districtCode, t.year, t.townCode, t.state),
    foreignKey({
      name: 'subsidy_renewals_application_fk',
      columns: [t.districtCode, t.applicationId],
      foreignColumns: [subsidyApplications.districtCode, subsidyApplications.id],
    }),
    check(
      'subsidy_renewals_stop_ck',
      sql`(${t.state} = 'stopped') = (${t.stopReason} is not null) and (${t.state} = 'open') = (${t.decidedAt} is null)`,
    ),
    ...enumChecks(t),
  ],
);
comment(
  subsidyRenewals,
  [
    '育儿补贴年度复核（每份通过的申请每年一条；本区自定程序）',
    'Yearly renewals of childcare subsidies (one per approved application a year; a local procedure)',
  ],
  {
    districtCode: DISTRICT,
    id: ['复核 ID（UUIDv7）', 'Renewal id (UUIDv7)'],
    applicationId: ['育儿补贴申请 ID', 'Application id'],
    year: [
      '复核年度（该年度的补贴月份须复核确认后发放）',
      'Year renewed (its months are paid once confirmed)',
    ],
    townCode: ['户籍街镇代码（负责复核）', 'Hukou town (confirms or stops the renewal)'],
    state: ['状态：open 待复核/confirmed 已确认/stopped 已停发', 'State: open/confirmed/stopped'],
    stopReason: [
      '停发事由：death 死亡/emigration 出国定居/hukou_moved 户籍迁出/other 其他',
      'Stop reason: death/emigration/hukou_moved/other',
    ],
    note: ['复核说明', 'Note of the decision'],
    openedBy: ['发起复核的区级账号 ID', 'District account that opened the year'],
    openedAt: ['发起时间', 'Opened at'],
    decidedBy: ['复核人账号 ID', 'Deciding account'],
    decidedAt: ['复核时间', 'Decided at'],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);
