/** Tables of the Supervision (issue 10) module (district_code first in every key; docs/MODULES.md step 4). */
import { index, integer, jsonb, pgTable, primaryKey, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { DRAW_LEVELS, DRAW_PLAN_STATUSES } from '../../../domain/contracts/supervision.ts';
import type { DrawConflict, DrawInspector, DrawResult, DrawTarget } from '../../../domain/rules/draw.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

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
