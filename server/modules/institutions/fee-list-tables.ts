/**
 * The published fee list (收费公示, issue 17): versions per institution (one draft, one published, the
 * earlier ones superseded and kept) and their items. Citus rule: district_code in every key; items are
 * reached only through their version, versions only through an institution found in scope.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
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
import { FEE_ITEM_KINDS, FEE_LIST_STATES, FEE_UNITS } from '../../../domain/contracts/fee-list.ts';
import { SERVICE_FORMS } from '../../../domain/contracts/institution-enums.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { institutions } from './tables.ts';

export const institutionFeeLists = pgTable(
  'institution_fee_lists',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    state: enumText('state', FEE_LIST_STATES).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    basis: varchar('basis', { length: 500 }).notNull().default(''),
    serviceContent: varchar('service_content', { length: 1000 }).notNull().default(''),
    refundRule: varchar('refund_rule', { length: 1000 }).notNull().default(''),
    publishedAt: tz('published_at'),
    publishedBy: uuid('published_by'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'institution_fee_lists_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }).onDelete('cascade'),
    index('institution_fee_lists_institution_idx').on(t.districtCode, t.institutionId, t.state),
    // One draft and one list in force per institution; superseded versions are kept.
    uniqueIndex('institution_fee_lists_one_draft_uq')
      .on(t.districtCode, t.institutionId)
      .where(sql`state = 'draft'`),
    uniqueIndex('institution_fee_lists_one_published_uq')
      .on(t.districtCode, t.institutionId)
      .where(sql`state = 'published'`),
    check(
      'institution_fee_lists_published_ck',
      sql`${t.state} = 'draft' or (${t.publishedAt} is not null and ${t.effectiveFrom} is not null)`,
    ),
    ...enumChecks(t),
  ],
);
comment(institutionFeeLists, ['机构收费公示清单（版本）', 'Published fee lists of institutions (versions)'], {
  districtCode: DISTRICT,
  id: ['清单版本 ID（UUIDv7）', 'Fee list version id (UUIDv7)'],
  institutionId: ['机构 ID', 'Institution id'],
  state: [
    '状态：draft 草稿/published 公示中/superseded 已被新版本替代',
    'State: draft/published (in force)/superseded',
  ],
  effectiveFrom: ['执行日期（发布时必填）', 'Effective date (required to publish)'],
  basis: [
    '收费依据（普惠价核定文件文号或说明，自由文本）',
    'Price basis (the approval of the inclusive price: document number or note; free text)',
  ],
  serviceContent: [
    '服务内容（收费所含的服务：时段、餐点、活动等，自由文本）',
    'Service content: what the charges cover (hours, meals, activities; free text)',
  ],
  refundRule: [
    '退费规则（请假、退托时如何退费，自由文本）',
    'Refund rule: how fees are refunded on absence or leaving (free text)',
  ],
  publishedAt: ['公示（发布）时间', 'Published at'],
  publishedBy: ['发布人用户 ID', 'Published by (user id)'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
});

export const institutionFeeItems = pgTable(
  'institution_fee_items',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    feeListId: uuid('fee_list_id').notNull(),
    position: integer('position').notNull(),
    kind: enumText('kind', FEE_ITEM_KINDS).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    unit: enumText('unit', FEE_UNITS).notNull(),
    serviceForm: enumText('service_form', SERVICE_FORMS),
    optional: boolean('optional').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'institution_fee_items_list_fk',
      columns: [t.districtCode, t.feeListId],
      foreignColumns: [institutionFeeLists.districtCode, institutionFeeLists.id],
    }).onDelete('cascade'),
    index('institution_fee_items_list_idx').on(t.districtCode, t.feeListId, t.position),
    check('institution_fee_items_amount_ck', sql`${t.amountFen} >= 0`),
    ...enumChecks(t),
  ],
);
comment(institutionFeeItems, ['收费公示清单项目', 'Items of a published fee list'], {
  districtCode: DISTRICT,
  id: ['项目 ID', 'Item id'],
  feeListId: ['所属清单版本 ID', 'Fee list version id'],
  position: ['显示顺序', 'Display order'],
  kind: ['类别：care 保育（教育）费/meals 伙食费/other 其他服务性收费', 'Kind: care/meals/other'],
  name: ['收费项目名称', 'Item name'],
  amountFen: ['收费标准（分，≥ 0）', 'Amount (fen, ≥ 0)'],
  unit: [
    '计费单位：month 月/day 日/hour 小时/term 学期/year 年/once 一次性',
    'Unit: month/day/hour/term/year/once',
  ],
  serviceForm: [
    '适用服务形式：full_day 全日制/half_day 半日制/hourly 计时制；空 = 各形式通用',
    'Service form it applies to; null = all forms',
  ],
  optional: ['是否自愿选择（代办、延时等）', 'Optional (chosen by the family, e.g. 代办费)'],
});

/**
 * The institutions the flag applies to: listed on the portal (filed or operating, with seats — a kindergarten
 * without toddler classes has none and is not on the portal, as in public.ts).
 */
export const FLAGGED_STATUSES = ['filed', 'operating'] as const;

/** SQL: an inclusive listed institution with no list in force (the institutions list's `feeList=missing`). */
export const missingFeeListWhere = () =>
  and(
    eq(institutions.inclusive, true),
    inArray(institutions.status, [...FLAGGED_STATUSES]),
    sql`${institutions.seats} > 0`,
    sql`not exists (select 1 from ${institutionFeeLists} where ${institutionFeeLists.districtCode} = ${institutions.districtCode}
      and ${institutionFeeLists.institutionId} = ${institutions.id} and ${institutionFeeLists.state} = 'published')`,
  );
