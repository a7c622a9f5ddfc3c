/** Tables of the Supervision (issue 10) module (district_code first in every key; docs/MODULES.md step 4). */
import {
  type AnyPgColumn,
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
import { DRAW_LEVELS, DRAW_PLAN_STATUSES } from '../../../domain/contracts/supervision.ts';
import {
  CHECKLIST_CATEGORIES,
  type ChecklistCategory,
  type ChecklistItem,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  type ItemResult,
  RECTIFICATION_STATUSES,
  SEVERITIES,
} from '../../../domain/contracts/supervision-inspections.ts';
import { UNITS, type Unit } from '../../../domain/plan/tasks.ts';
import type { DrawConflict, DrawInspector, DrawResult, DrawTarget } from '../../../domain/rules/draw.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { institutions } from '../institutions/tables.ts';

/** A monthly double-random draw plan: committed (pools + commitment published), then drawn once. */
export const supervisionDrawPlans = pgTable(
  'supervision_draw_plans',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    level: enumText('level', DRAW_LEVELS).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    status: enumText('status', DRAW_PLAN_STATUSES).notNull(),
    sampleSize: integer('sample_size').notNull(),
    inspectorsPerTarget: integer('inspectors_per_target').notNull(),
    commitment: varchar('commitment', { length: 64 }).notNull(),
    secretHex: varchar('secret_hex', { length: 64 }).notNull(),
    targets: jsonb('targets').$type<DrawTarget[]>().notNull(),
    inspectors: jsonb('inspectors').$type<DrawInspector[]>().notNull(),
    conflicts: jsonb('conflicts').$type<DrawConflict[]>().notNull(),
    targetsPoolHash: varchar('targets_pool_hash', { length: 64 }).notNull(),
    inspectorsPoolHash: varchar('inspectors_pool_hash', { length: 64 }).notNull(),
    conflictsHash: varchar('conflicts_hash', { length: 64 }).notNull(),
    result: jsonb('result').$type<DrawResult>(),
    committedById: uuid('committed_by_id').notNull(),
    committedAt: tz('committed_at').notNull(),
    drawnById: uuid('drawn_by_id'),
    drawnAt: tz('drawn_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('supervision_draw_plans_month_uq').on(t.districtCode, t.divisionCode, t.month),
    index('supervision_draw_plans_status_idx').on(t.districtCode, t.status, t.month),
    ...enumChecks(t),
  ],
);
comment(
  supervisionDrawPlans,
  [
    '双随机抽查计划（每月；区级或街镇级；承诺—揭示可验证抽签）',
    'Monthly double-random draw plans (commit-reveal, verifiable)',
  ],
  {
    districtCode: DISTRICT,
    id: ['计划 ID（UUIDv7）', 'Plan id (UUIDv7)'],
    month: ['抽查月份 YYYY-MM', 'Month YYYY-MM'],
    level: ['层级：district 区级/town 街镇级', 'Level: district/town'],
    divisionCode: ['抽查范围区划代码（区或街镇）', 'Division drawn from (district or town code)'],
    status: ['状态：committed 已承诺/drawn 已抽取', 'Status: committed/drawn'],
    sampleSize: ['抽取机构数', 'Number of institutions drawn'],
    inspectorsPerTarget: ['每个对象检查人员数（≥2）', 'Inspectors per target (≥ 2)'],
    commitment: [
      '承诺值：秘密的 SHA-256（抽签前公布）',
      'Commitment: SHA-256 of the secret (published before the draw)',
    ],
    secretHex: ['抽签秘密（十六进制；抽签后才公开）', 'Draw secret (hex; made public only after the draw)'],
    targets: ['检查对象名录：[{id 机构 ID, weight 风险权重}]', 'Target pool: [{id, weight}]'],
    inspectors: ['检查人员名录：[{id 账号 ID}]', 'Inspector pool: [{id}]'],
    conflicts: ['回避关系：[{inspectorId, targetId}]', 'Conflict pairs: [{inspectorId, targetId}]'],
    targetsPoolHash: ['检查对象名录哈希', 'Hash of the target pool'],
    inspectorsPoolHash: ['检查人员名录哈希', 'Hash of the inspector pool'],
    conflictsHash: ['回避关系哈希', 'Hash of the conflict pairs'],
    result: ['抽签结果（tuoyu-draw-v1）', 'Draw result (tuoyu-draw-v1)'],
    committedById: ['承诺人账号 ID', 'Committed by (account id)'],
    committedAt: ['承诺时间', 'Committed at'],
    drawnById: ['抽签人账号 ID', 'Drawn by (account id)'],
    drawnAt: ['抽签时间', 'Drawn at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

// ── Checklists, inspections, rectification ──────────────────────────────────────────────────────

const fk = (
  name: string,
  cols: [AnyPgColumn, AnyPgColumn],
  target: { districtCode: AnyPgColumn; id: AnyPgColumn },
) => foreignKey({ name, columns: cols, foreignColumns: [target.districtCode, target.id] });

/** One published version of a district's checklist template for one category. */
export const supervisionChecklists = pgTable(
  'supervision_checklists',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    category: enumText('category', CHECKLIST_CATEGORIES).notNull(),
    version: integer('version').notNull(),
    items: jsonb('items').$type<ChecklistItem[]>().notNull(),
    publishedById: uuid('published_by_id'),
    publishedAt: tz('published_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('supervision_checklists_version_uq').on(t.districtCode, t.category, t.version),
    ...enumChecks(t),
  ],
);
comment(
  supervisionChecklists,
  ['检查表模板版本（按类别；发布新版本即修改）', 'Checklist template versions per category'],
  {
    districtCode: DISTRICT,
    id: ['模板版本 ID（UUIDv7）', 'Template version id (UUIDv7)'],
    category: ['类别：安全防控/卫生保健/消防安全/食品安全/收费规范/人员管理/应急预案', 'Category'],
    version: ['版本号（类别内递增）', 'Version (increasing per category)'],
    items: [
      '检查条目：[{code 编号, severity 一般/较重/严重, points 分值, zh, en}]',
      'Items [{code, severity, points, zh, en}]',
    ],
    publishedById: ['发布人账号 ID（示例模板为空）', 'Published by (account id; empty for the sample set)'],
    publishedAt: ['发布时间', 'Published at'],
  },
);

/** A joint special check (联合检查 / 专项检查): themes, departments, a window of days and the teams. */
export const supervisionSpecialChecks = pgTable(
  'supervision_special_checks',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    title: varchar('title', { length: 60 }).notNull(),
    level: enumText('level', DRAW_LEVELS).notNull(),
    divisionCode: varchar('division_code', { length: 12 }).notNull(),
    categories: jsonb('categories').$type<ChecklistCategory[]>().notNull(),
    leadUnit: enumText('lead_unit', UNITS).notNull(),
    units: jsonb('units').$type<Unit[]>().notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    teams: jsonb('teams')
      .$type<{ institutionId: string; members: { userId: string; unit: Unit }[] }[]>()
      .notNull(),
    createdById: uuid('created_by_id').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('supervision_special_checks_division_idx').on(t.districtCode, t.divisionCode, t.startDate),
    ...enumChecks(t),
  ],
);
comment(
  supervisionSpecialChecks,
  [
    '联合（专项）检查：主题、参加部门、期限与检查组',
    'Joint special checks: themes, departments, window, teams',
  ],
  {
    districtCode: DISTRICT,
    id: ['检查 ID（UUIDv7）', 'Check id (UUIDv7)'],
    title: ['检查名称', 'Title'],
    level: ['层级：district 区级/town 街镇级', 'Level: district/town'],
    divisionCode: ['组织检查的区划代码', 'Division organising the check'],
    categories: ['检查主题（检查表类别）', 'Themes (checklist categories)'],
    leadUnit: ['牵头部门（责任单位代码）', 'Lead department (unit code)'],
    units: ['参加部门（责任单位代码，至少两个）', 'Departments taking part (unit codes, two or more)'],
    startDate: ['开始日期', 'First day'],
    endDate: ['结束日期', 'Last day'],
    teams: [
      '检查组：[{institutionId 机构, members [{userId 检查人员, unit 所代表部门}]}]',
      'Teams [{institutionId, members [{userId, unit}]}]',
    ],
    createdById: ['创建人账号 ID', 'Created by (account id)'],
    createdAt: ['创建时间', 'Created at'],
  },
);

/** An inspection: a drawn (target, inspectors) pair of a run draw, or an institution's monthly self-check. */
export const supervisionInspections = pgTable(
  'supervision_inspections',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    kind: enumText('kind', INSPECTION_KINDS).notNull(),
    planId: uuid('plan_id'),
    specialCheckId: uuid('special_check_id'),
    month: varchar('month', { length: 7 }).notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    inspectorIds: jsonb('inspector_ids').$type<string[]>().notNull(),
    checklistIds: jsonb('checklist_ids').$type<string[]>().notNull(),
    results: jsonb('results').$type<ItemResult[]>().notNull(),
    signoffs: jsonb('signoffs').$type<{ userId: string; at: string }[]>().notNull(),
    status: enumText('status', INSPECTION_STATUSES).notNull(),
    score: integer('score'),
    signedAt: tz('signed_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('supervision_inspections_plan_fk', [t.districtCode, t.planId], supervisionDrawPlans),
    fk('supervision_inspections_institution_fk', [t.districtCode, t.institutionId], institutions),
    uniqueIndex('supervision_inspections_pair_uq').on(t.districtCode, t.planId, t.institutionId),
    fk('supervision_inspections_special_fk', [t.districtCode, t.specialCheckId], supervisionSpecialChecks),
    uniqueIndex('supervision_inspections_special_uq').on(t.districtCode, t.specialCheckId, t.institutionId),
    index('supervision_inspections_institution_idx').on(t.districtCode, t.institutionId, t.month),
    index('supervision_inspections_town_idx').on(t.districtCode, t.townCode, t.month),
    ...enumChecks(t),
  ],
);
comment(
  supervisionInspections,
  ['检查记录（双随机抽查任务或机构月度自查）', 'Inspection records (drawn checks and monthly self-checks)'],
  {
    districtCode: DISTRICT,
    id: ['检查 ID（UUIDv7）', 'Inspection id (UUIDv7)'],
    kind: ['类型：draw 双随机抽查/self_check 机构自查/special 联合检查', 'Kind: draw/self_check/special'],
    planId: ['抽查计划 ID（自查、联合检查为空）', 'Draw plan id (empty for a self-check or a joint check)'],
    specialCheckId: ['联合检查 ID（其他类型为空）', 'Joint special check id (empty for other kinds)'],
    month: ['检查月份 YYYY-MM', 'Month YYYY-MM'],
    institutionId: ['被检查机构 ID', 'Institution inspected'],
    townCode: ['机构所在街镇代码', 'Town code of the institution'],
    inspectorIds: [
      '检查人员账号 ID（自查为机构管理员）',
      'Inspector account ids (the admin for a self-check)',
    ],
    checklistIds: ['所用检查表模板版本 ID', 'Checklist template version ids used'],
    results: ['逐项结果：[{itemCode, outcome pass/finding, note}]', 'Results per item'],
    signoffs: ['签字：[{userId, at}]', 'Sign-offs [{userId, at}]'],
    status: ['状态：open 记录中/signed 已签字', 'Status: open/signed'],
    score: ['得分 0–100（签字后）', 'Score 0–100 (after sign-off)'],
    signedAt: ['全部签字时间', 'Signed by all at'],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

/** A rectification item made from one finding of a signed inspection. */
export const supervisionRectifications = pgTable(
  'supervision_rectifications',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    inspectionId: uuid('inspection_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    category: enumText('category', CHECKLIST_CATEGORIES).notNull(),
    itemCode: varchar('item_code', { length: 40 }).notNull(),
    severity: enumText('severity', SEVERITIES).notNull(),
    note: varchar('note', { length: 500 }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: enumText('status', RECTIFICATION_STATUSES).notNull(),
    evidenceText: varchar('evidence_text', { length: 2000 }),
    evidenceSubmittedAt: tz('evidence_submitted_at'),
    returnReason: varchar('return_reason', { length: 500 }),
    closedById: uuid('closed_by_id'),
    closedAt: tz('closed_at'),
    escalatedAt: tz('escalated_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('supervision_rectifications_inspection_fk', [t.districtCode, t.inspectionId], supervisionInspections),
    fk('supervision_rectifications_institution_fk', [t.districtCode, t.institutionId], institutions),
    uniqueIndex('supervision_rectifications_item_uq').on(t.districtCode, t.inspectionId, t.itemCode),
    index('supervision_rectifications_institution_idx').on(t.districtCode, t.institutionId, t.status),
    index('supervision_rectifications_town_idx').on(t.districtCode, t.townCode, t.status, t.deadline),
    ...enumChecks(t),
  ],
);
comment(
  supervisionRectifications,
  ['整改事项（由检查发现问题生成）', 'Rectification items (from inspection findings)'],
  {
    districtCode: DISTRICT,
    id: ['整改事项 ID（UUIDv7）', 'Rectification id (UUIDv7)'],
    inspectionId: ['来源检查 ID', 'Inspection it came from'],
    institutionId: ['整改机构 ID', 'Institution'],
    townCode: ['机构所在街镇代码', 'Town code of the institution'],
    category: ['检查表类别', 'Checklist category'],
    itemCode: ['检查条目编号', 'Checklist item code'],
    severity: ['严重程度：minor 一般/major 较重/serious 严重', 'Severity: minor/major/serious'],
    note: ['问题描述', 'Finding note'],
    deadline: ['整改期限（按严重程度，地方实施细则）', 'Deadline (by severity; local implementing rule)'],
    status: [
      '状态：open 待整改/evidence_submitted 已提交材料/closed 已销项',
      'Status: open/evidence_submitted/closed',
    ],
    evidenceText: ['整改说明', 'Evidence text'],
    evidenceSubmittedAt: ['整改材料提交时间', 'Evidence submitted at'],
    returnReason: ['退回理由', 'Reason for return'],
    closedById: ['销项人账号 ID', 'Closed by (account id)'],
    closedAt: ['销项时间', 'Closed at'],
    escalatedAt: [
      '逾期上报时间（逾期未整改：已通知街镇并将机构转为整改中）',
      'Escalated at (overdue: the town was told and the institution moved to rectifying)',
    ],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);
