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
  jsonb,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  FUNDING_FLOOR_SCOPES,
  FUNDING_RATE_SOURCES,
  type FundingSubsidyItem,
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

/**
 * District funding-value versions (issue 13, ADR 0028): appended, never changed; the budget of a fiscal year
 * uses the latest whose effective date is on or before 31 December of the year, else the rule pack.
 */
export const planFundingVersions = pgTable(
  'plan_funding_versions',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    versionNo: integer('version_no').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    citationIssuer: varchar('citation_issuer', { length: 100 }).notNull(),
    citationDocNumber: varchar('citation_doc_number', { length: 100 }).notNull(),
    citationTitle: varchar('citation_title', { length: 200 }).notNull(),
    citationDate: date('citation_date', { mode: 'string' }).notNull(),
    multiplierNumerator: integer('multiplier_numerator').notNull(),
    multiplierDenominator: integer('multiplier_denominator').notNull(),
    pupilFloor: integer('pupil_floor').notNull(),
    teachersPerClass: integer('teachers_per_class').notNull(),
    caregiversPerClass: integer('caregivers_per_class').notNull(),
    trainingSubsidies: jsonb('training_subsidies').$type<FundingSubsidyItem[]>().notNull(),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('plan_funding_versions_no_uq').on(t.districtCode, t.versionNo),
    uniqueIndex('plan_funding_versions_effective_uq').on(t.districtCode, t.effectiveFrom),
    check(
      'plan_funding_versions_values_ck',
      sql`${t.multiplierNumerator} > 0 and ${t.multiplierDenominator} > 0 and ${t.pupilFloor} >= 0
        and ${t.teachersPerClass} >= 0 and ${t.caregiversPerClass} >= 0`,
    ),
  ],
);
comment(
  planFundingVersions,
  [
    '区级托班经费标准版本（按生效日期追加；无版本时用规则包）',
    "The district's toddler-class funding values, appended by effective date (none: the rule pack)",
  ],
  {
    districtCode: DISTRICT,
    id: ['版本 ID（UUIDv7）', 'Version id (UUIDv7)'],
    versionNo: [
      '版本号（本区 1、2、…；新建时核对，防并发覆盖）',
      'Version number (1, 2, … per district; checked on create)',
    ],
    effectiveFrom: [
      '生效日期（某财政年度用 12 月 31 日前最新生效的版本）',
      'Effective from (a fiscal year uses the latest in force on 31 December)',
    ],
    citationIssuer: ['依据：发文机关', 'Citation: issuer'],
    citationDocNumber: ['依据：文号', 'Citation: document number'],
    citationTitle: ['依据：文件标题', 'Citation: document title'],
    citationDate: ['依据：发文日期', 'Citation: document date'],
    multiplierNumerator: ['托班生均倍数分子（×分子/分母）', 'Multiplier numerator (× numerator/denominator)'],
    multiplierDenominator: ['托班生均倍数分母', 'Multiplier denominator'],
    pupilFloor: ['保底人数（不足按此计）', 'Pupil floor (fewer are counted as this many)'],
    teachersPerClass: ['每班教师编制', 'Teachers per toddler class'],
    caregiversPerClass: ['每班保育员编制', 'Caregivers per toddler class'],
    trainingSubsidies: [
      '培训费补贴清单：[{occupation 鉴定项目, amountFen 每人金额（分）}]',
      'Training-fee subsidy list: [{occupation, amountFen per person (fen)}]',
    ],
    createdBy: ['创建人用户名', 'Created by (username)'],
    createdAt: ['创建时间', 'Created at'],
  },
);
