/**
 * Tables of the Plan and funding (issue 13) module (district_code first in every key; docs/MODULES.md
 * step 4). A plan version is one district action plan (the 2021–2023 plan, 青府办发〔2021〕35号, and any
 * successor the district creates); its targets are rows, seeded from the pack's structured targets.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
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
  FUNDING_FLOOR_SCOPES,
  FUNDING_RATE_SOURCES,
  PLAN_COMPARISONS,
  PLAN_TARGET_SCOPES,
  PLAN_VERSION_STATUSES,
} from '../../../domain/contracts/plan.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { TARGET_KEYS } from '../../platform/targets.ts';
import { institutions } from '../institutions/tables.ts';

export const planVersions = pgTable(
  'plan_versions',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    code: varchar('code', { length: 40 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    docNumber: varchar('doc_number', { length: 60 }).notNull(),
    citation: varchar('citation', { length: 300 }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    predecessorId: uuid('predecessor_id'),
    status: enumText('status', PLAN_VERSION_STATUSES).notNull(),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('plan_versions_code_uq').on(t.districtCode, t.code),
    index('plan_versions_period_idx').on(t.districtCode, t.periodStart),
    ...enumChecks(t),
  ],
);
comment(planVersions, ['区托育服务行动计划版本', "The district's childcare action plans (versions)"], {
  districtCode: DISTRICT,
  id: ['计划版本 ID（UUIDv7）', 'Plan version id (UUIDv7)'],
  code: ['版本代码（如 qp-2021）', 'Version code (e.g. qp-2021)'],
  title: ['计划名称', 'Plan title'],
  docNumber: ['文号（如 青府办发〔2021〕35号）', 'Document number'],
  citation: ['出处（文件及条款）', 'Citation (document and article)'],
  periodStart: ['计划期起（含，文件施行日）', 'Period start (inclusive; the effective date)'],
  periodEnd: ['计划期止（含）', 'Period end (inclusive)'],
  predecessorId: [
    '前一版本 ID（接续计划复制自该版本）',
    'Predecessor version (a successor is copied from it)',
  ],
  status: ['状态：active 有效/superseded 已被接续', 'Status: active/superseded'],
  createdBy: ['创建人用户名（系统种子为 seed）', 'Created by (username; seed for the seeded plan)'],
  createdAt: ['创建时间', 'Created at'],
});

export const planTargets = pgTable(
  'plan_targets',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    versionId: uuid('version_id').notNull(),
    seedId: varchar('seed_id', { length: 80 }).notNull(),
    targetKey: enumText('target_key', TARGET_KEYS).notNull(),
    scope: enumText('scope', PLAN_TARGET_SCOPES).notNull(),
    townCode: varchar('town_code', { length: 12 }),
    year: integer('year'),
    comparison: enumText('comparison', PLAN_COMPARISONS).notNull(),
    value: doublePrecision('value'),
    valueMax: doublePrecision('value_max'),
    unit: varchar('unit', { length: 20 }).notNull(),
    titleZh: varchar('title_zh', { length: 200 }).notNull(),
    citation: varchar('citation', { length: 300 }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'plan_targets_version_fk',
      columns: [t.districtCode, t.versionId],
      foreignColumns: [planVersions.districtCode, planVersions.id],
    }),
    index('plan_targets_version_idx').on(t.districtCode, t.versionId, t.year),
    index('plan_targets_town_idx').on(t.districtCode, t.townCode),
    uniqueIndex('plan_targets_seed_uq').on(
      t.districtCode,
      t.versionId,
      t.seedId,
      sql`coalesce(${t.townCode}, '')`,
      sql`coalesce(${t.year}, 0)`,
    ),
    ...enumChecks(t),
  ],
);
comment(
  planTargets,
  [
    '行动计划目标（每年或全期一行，区级及街镇级）',
    'Plan targets (one row per year or per period; district and town)',
  ],
  {
    districtCode: DISTRICT,
    id: ['目标 ID（UUIDv7）', 'Target id (UUIDv7)'],
    versionId: ['所属计划版本 ID', 'Plan version id'],
    seedId: ['规则包中的目标编号（如 qp-new-inclusive-points）', "The target's id in the rule pack"],
    targetKey: [
      '指标键（由登记的数据源计算，见 server/platform/targets.ts）',
      'Target key (measured by a registered source)',
    ],
    scope: ['范围：district 全区/town 街镇', 'Scope: district/town'],
    townCode: ['街镇代码（范围为街镇时）', 'Town code (town-scoped targets)'],
    year: ['计划年度（全期目标为空）', 'Plan year (null for a whole-period target)'],
    comparison: ['比较方式：>= / <= / =', 'Comparison: >=, <=, ='],
    value: [
      '目标值（文件未给数值时为空，仅显示实测值）',
      'Target value (null when the plan gives no number)',
    ],
    valueMax: ['目标区间上限（如每年新增 2~3 个）', 'Upper end of a target range (e.g. 2–3 a year)'],
    unit: ['单位', 'Unit'],
    titleZh: ['目标表述（文件原文）', "The target's wording in the plan"],
    citation: ['出处（文号及条款）', 'Citation (document and article)'],
    periodStart: [
      '考核期起（含；首年自施行日起）',
      'Period start (inclusive; the first year from the effective date)',
    ],
    periodEnd: ['考核期止（含）', 'Period end (inclusive)'],
    createdAt: ['创建时间', 'Created at'],
  },
);

/** Per-pupil rates (生均拨款定额) of kindergartens with toddler classes, one per fiscal year (issue 13, funding). */
export const planFundingRates = pgTable(
  'plan_funding_rates',
  {
    districtCode: districtCode(),
    institutionId: uuid('institution_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    perPupilRateFen: integer('per_pupil_rate_fen').notNull(),
    source: enumText('source', FUNDING_RATE_SOURCES).notNull(),
    updatedBy: varchar('updated_by', { length: 64 }).notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.institutionId, t.fiscalYear] }),
    foreignKey({
      name: 'plan_funding_rates_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }).onDelete('cascade'),
    index('plan_funding_rates_year_idx').on(t.districtCode, t.fiscalYear),
    check('plan_funding_rates_rate_ck', sql`${t.perPupilRateFen} >= 0`),
    ...enumChecks(t),
  ],
);
comment(
  planFundingRates,
  [
    '幼儿园生均拨款定额（按财政年度，用于托班经费测算）',
    'Per-pupil rates of kindergartens per fiscal year (toddler-class funding)',
  ],
  {
    districtCode: DISTRICT,
    institutionId: ['幼儿园（机构 ID，须有托班）', 'Kindergarten (institution id; has toddler classes)'],
    fiscalYear: ['财政年度', 'Fiscal year'],
    perPupilRateFen: ['生均拨款定额（分，整数，≥0）', 'Per-pupil rate (integer fen, ≥ 0)'],
    source: ['来源：entered 录入/imported 导入', 'Source: entered/imported'],
    updatedBy: ['最后修改人用户名', 'Last changed by (username)'],
    updatedAt: ['最后修改时间', 'Last changed at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

/** The district's funding settings: where the pupil floor applies (default per kindergarten). */
export const planFundingSettings = pgTable(
  'plan_funding_settings',
  {
    districtCode: districtCode(),
    floorScope: enumText('floor_scope', FUNDING_FLOOR_SCOPES).notNull(),
    updatedBy: varchar('updated_by', { length: 64 }).notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.districtCode] }), ...enumChecks(t)],
);
comment(
  planFundingSettings,
  ['托班经费测算设置（每区一行）', "The district's toddler-class funding settings (one row)"],
  {
    districtCode: DISTRICT,
    floorScope: [
      '20 人保底的适用范围：kindergarten 按园（全园托班合计）/class 按班',
      'Where the 20-pupil floor applies: kindergarten (all toddler classes together)/class (each class)',
    ],
    updatedBy: ['最后修改人用户名', 'Last changed by (username)'],
    updatedAt: ['最后修改时间', 'Last changed at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);
