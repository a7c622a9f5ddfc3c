/**
 * Tables of the Quality evaluation (issue 12) module. Citus rule: district_code first in every key and
 * foreign key; UUIDv7 ids; every foreign key indexed. Points are stored as integer tenths.
 */
import {
  type AnyPgColumn,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  EVALUATION_KINDS,
  EVALUATION_STATUSES,
  type FrameworkDimension,
  GRADES,
  type GradeBands,
  IMPROVEMENT_STATUSES,
  PUBLICATIONS,
  ROUND_STATUSES,
} from '../../../domain/contracts/quality.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { institutions } from '../institutions/tables.ts';

const fk = (
  name: string,
  cols: [AnyPgColumn, AnyPgColumn],
  target: { districtCode: AnyPgColumn; id: AnyPgColumn },
) => foreignKey({ name, columns: cols, foreignColumns: [target.districtCode, target.id] });

const common = {
  createdAt: ['创建时间', 'Created at'] as [string, string],
  updatedAt: ['更新时间', 'Updated at'] as [string, string],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'] as [string, string],
};

export const qualityFrameworks = pgTable(
  'quality_frameworks',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    code: varchar('code', { length: 32 }).notNull(),
    revision: integer('revision').notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    sample: boolean('sample').notNull().default(false),
    dimensions: jsonb('dimensions').$type<FrameworkDimension[]>().notNull(),
    gradeBands: jsonb('grade_bands').$type<GradeBands>().notNull(),
    maxPoints: integer('max_points').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('quality_frameworks_code_rev_uq').on(t.districtCode, t.code, t.revision),
  ],
);
comment(qualityFrameworks, ['质量评估指标体系（按版本）', 'Quality indicator frameworks (versioned)'], {
  districtCode: DISTRICT,
  id: ['指标体系版本 ID（UUIDv7）', 'Framework version id (UUIDv7)'],
  code: ['指标体系编码（同一编码的各版本）', 'Framework code (shared by its versions)'],
  revision: ['版本号（同一编码内递增）', 'Revision (increasing within a code)'],
  name: ['名称', 'Name'],
  sample: ['是否为示例（待替换为正式文本）', 'A sample, to be replaced by the official text'],
  dimensions: [
    '维度 → 指标 → 分值、评分要点、是否一票否决（JSON）',
    'Dimensions → items → points, guidance, veto (JSON)',
  ],
  gradeBands: [
    '等级分数线（占满分百分比：优秀/良好/合格）',
    'Grade bands (percent of the maximum: excellent/good/qualified)',
  ],
  maxPoints: ['满分（各指标分值之和）', 'Maximum (sum of item points)'],
  createdBy: ['创建人账号 ID', 'Created by (account id)'],
  ...common,
});

export const qualityRounds = pgTable(
  'quality_rounds',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    frameworkId: uuid('framework_id').notNull(),
    status: enumText('status', ROUND_STATUSES).notNull(),
    weightSelf: integer('weight_self').notNull(),
    weightPeer: integer('weight_peer').notNull(),
    weightCommissioned: integer('weight_commissioned').notNull(),
    reviewersPerInstitution: integer('reviewers_per_institution').notNull(),
    selfDeadline: tz('self_deadline').notNull(),
    reviewDeadline: tz('review_deadline').notNull(),
    blind: boolean('blind').notNull(),
    publication: enumText('publication', PUBLICATIONS).notNull(),
    drawCommitment: varchar('draw_commitment', { length: 64 }).notNull(),
    drawSecret: varchar('draw_secret', { length: 64 }).notNull(),
    drawSeed: varchar('draw_seed', { length: 64 }),
    drawResult: jsonb('draw_result'),
    drawnAt: tz('drawn_at'),
    completedAt: tz('completed_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('quality_rounds_framework_fk', [t.districtCode, t.frameworkId], qualityFrameworks),
    index('quality_rounds_framework_idx').on(t.districtCode, t.frameworkId),
    index('quality_rounds_year_idx').on(t.districtCode, t.year),
    ...enumChecks(t),
  ],
);
comment(qualityRounds, ['质量评估轮次', 'Quality evaluation rounds'], {
  districtCode: DISTRICT,
  id: ['轮次 ID（UUIDv7）', 'Round id (UUIDv7)'],
  year: ['评估年度', 'Year'],
  name: ['轮次名称', 'Name'],
  frameworkId: ['所用指标体系版本', 'Framework version used'],
  status: ['状态：open 进行中/completed 已完成', 'Status: open/completed'],
  weightSelf: ['自评权重（%）', 'Self-evaluation weight (%)'],
  weightPeer: ['同行互评权重（%）', 'Peer review weight (%)'],
  weightCommissioned: ['委托评估权重（%）', 'Commissioned evaluation weight (%)'],
  reviewersPerInstitution: ['每家机构的互评机构数（≥ 2）', 'Peer reviewers per institution (≥ 2)'],
  selfDeadline: ['自评截止时间', 'Self-evaluation deadline'],
  reviewDeadline: ['互评与委托评估截止时间', 'Peer and commissioned deadline'],
  blind: [
    '是否匿名互评（被评机构看不到评审机构）',
    'Blind (the evaluated institution does not see its reviewers)',
  ],
  publication: [
    '公开方式：none 不公开/grade 仅等级/grade_and_dimensions 等级与维度得分',
    'Publication: none/grade/grade_and_dimensions',
  ],
  drawCommitment: [
    '互评抽取承诺值（密钥的 SHA-256，开轮时公布）',
    'Peer-draw commitment (SHA-256 of the secret, published at opening)',
  ],
  drawSecret: [
    '互评抽取密钥（抽取后公布，之前不对外）',
    'Peer-draw secret (revealed after the draw, hidden before)',
  ],
  drawSeed: ['抽取种子（由密钥与名单哈希导出）', 'Draw seed (from the secret and the pool hashes)'],
  drawResult: ['抽取结果（算法、哈希、分配，JSON）', 'Draw result (algorithm, hashes, assignments; JSON)'],
  drawnAt: ['抽取时间', 'Drawn at'],
  completedAt: ['完成（计算结果）时间', 'Completed (results computed) at'],
  createdBy: ['创建人账号 ID', 'Created by (account id)'],
  ...common,
});

export const qualityParticipants = pgTable(
  'quality_participants',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    roundId: uuid('round_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    operator: varchar('operator', { length: 100 }),
    totalTenths: integer('total_tenths'),
    percentTenths: integer('percent_tenths'),
    grade: enumText('grade', GRADES),
    vetoed: boolean('vetoed').notNull().default(false),
    dimensionTenths: jsonb('dimension_tenths').$type<Record<string, number>>(),
    demonstration: boolean('demonstration').notNull().default(false),
    demonstrationAt: tz('demonstration_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('quality_participants_round_inst_uq').on(t.districtCode, t.roundId, t.institutionId),
    fk('quality_participants_round_fk', [t.districtCode, t.roundId], qualityRounds),
    fk('quality_participants_inst_fk', [t.districtCode, t.institutionId], institutions),
    index('quality_participants_inst_idx').on(t.districtCode, t.institutionId),
    ...enumChecks(t),
  ],
);
comment(qualityParticipants, ['参评机构及其结果', 'Participating institutions and their results'], {
  districtCode: DISTRICT,
  id: ['参评记录 ID（UUIDv7）', 'Participant id (UUIDv7)'],
  roundId: ['所属轮次', 'Round'],
  institutionId: ['参评机构', 'Institution'],
  townCode: ['机构所在街镇（开轮时）', "Institution's town (at opening)"],
  operator: [
    '举办者（同一举办者的机构不互评；未声明为空）',
    'Owner/operator (same operator never reviews; empty if not declared)',
  ],
  totalTenths: ['加权总分（0.1 分为单位）', 'Weighted total (tenths of a point)'],
  percentTenths: ['得分率（0.1% 为单位）', 'Percent of the maximum (tenths of a percent)'],
  grade: ['等级：excellent 优秀/good 良好/qualified 合格/unqualified 不合格', 'Grade'],
  vetoed: ['是否触发一票否决', 'A veto item failed'],
  dimensionTenths: ['各维度加权得分（0.1 分，JSON）', 'Weighted score per dimension (tenths; JSON)'],
  demonstration: ['是否确认为示范性托育机构', 'Confirmed as a demonstration institution'],
  demonstrationAt: ['确认示范时间', 'Confirmed as demonstration at'],
  ...common,
});

export const qualityEvaluations = pgTable(
  'quality_evaluations',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    roundId: uuid('round_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    kind: enumText('kind', EVALUATION_KINDS).notNull(),
    status: enumText('status', EVALUATION_STATUSES).notNull(),
    reviewerInstitutionId: uuid('reviewer_institution_id'),
    submittedBy: uuid('submitted_by'),
    scores: jsonb('scores')
      .$type<{ itemCode: string; score: number; vetoed: boolean; note: string }[]>()
      .notNull()
      .default([]),
    comment: varchar('comment', { length: 2000 }).notNull().default(''),
    totalTenths: integer('total_tenths'),
    vetoed: boolean('vetoed').notNull().default(false),
    submittedAt: tz('submitted_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('quality_evaluations_round_fk', [t.districtCode, t.roundId], qualityRounds),
    fk('quality_evaluations_participant_fk', [t.districtCode, t.participantId], qualityParticipants),
    fk('quality_evaluations_inst_fk', [t.districtCode, t.institutionId], institutions),
    fk('quality_evaluations_reviewer_fk', [t.districtCode, t.reviewerInstitutionId], institutions),
    index('quality_evaluations_round_idx').on(t.districtCode, t.roundId),
    index('quality_evaluations_participant_idx').on(t.districtCode, t.participantId),
    index('quality_evaluations_inst_idx').on(t.districtCode, t.institutionId),
    index('quality_evaluations_reviewer_idx').on(t.districtCode, t.reviewerInstitutionId),
    ...enumChecks(t),
  ],
);
comment(qualityEvaluations, ['评估表（自评、互评、委托评估）', 'Evaluations (self, peer, commissioned)'], {
  districtCode: DISTRICT,
  id: ['评估表 ID（UUIDv7）', 'Evaluation id (UUIDv7)'],
  roundId: ['所属轮次', 'Round'],
  participantId: ['被评参评记录', 'Participant evaluated'],
  institutionId: ['被评机构', 'Institution evaluated'],
  townCode: ['被评机构所在街镇', "Evaluated institution's town"],
  kind: ['类型：self 自评/peer 同行互评/commissioned 委托评估', 'Kind: self/peer/commissioned'],
  status: ['状态：assigned 待评/submitted 已提交', 'Status: assigned/submitted'],
  reviewerInstitutionId: ['评审机构（同行互评）', 'Reviewing institution (peer review)'],
  submittedBy: ['提交人账号 ID', 'Submitted by (account id)'],
  scores: ['各指标得分 [{itemCode, score, vetoed, note}]（JSON）', 'Scores per item (JSON)'],
  comment: ['总体评语', 'Overall comment'],
  totalTenths: ['总分（0.1 分为单位）', 'Total (tenths of a point)'],
  vetoed: ['是否判定否决项不达标', 'A veto item failed'],
  submittedAt: ['提交时间', 'Submitted at'],
  ...common,
});

export const qualityRoundEvaluators = pgTable(
  'quality_round_evaluators',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    roundId: uuid('round_id').notNull(),
    userId: uuid('user_id').notNull(),
    username: varchar('username', { length: 64 }).notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('quality_round_evaluators_uq').on(t.districtCode, t.roundId, t.userId),
    fk('quality_round_evaluators_round_fk', [t.districtCode, t.roundId], qualityRounds),
    index('quality_round_evaluators_user_idx').on(t.districtCode, t.userId),
  ],
);
comment(qualityRoundEvaluators, ['轮次的委托评估人员', 'Evaluator accounts assigned to a round'], {
  districtCode: DISTRICT,
  id: ['记录 ID（UUIDv7）', 'Id (UUIDv7)'],
  roundId: ['轮次', 'Round'],
  userId: ['评估人员账号 ID（evaluator 角色）', 'Evaluator account id'],
  username: ['评估人员用户名', 'Evaluator username'],
  assignedBy: ['指派人账号 ID', 'Assigned by (account id)'],
  createdAt: common.createdAt,
});

export const qualityImprovements = pgTable(
  'quality_improvements',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    dimensionCode: varchar('dimension_code', { length: 32 }).notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: enumText('status', IMPROVEMENT_STATUSES).notNull(),
    doneAt: tz('done_at'),
    doneNote: varchar('done_note', { length: 500 }),
    createdBy: uuid('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('quality_improvements_participant_fk', [t.districtCode, t.participantId], qualityParticipants),
    index('quality_improvements_participant_idx').on(t.districtCode, t.participantId),
    index('quality_improvements_inst_idx').on(t.districtCode, t.institutionId),
    ...enumChecks(t),
  ],
);
comment(qualityImprovements, ['整改提升计划事项', 'Improvement plan items'], {
  districtCode: DISTRICT,
  id: ['事项 ID（UUIDv7）', 'Item id (UUIDv7)'],
  participantId: ['所属参评记录', 'Participant'],
  institutionId: ['机构', 'Institution'],
  townCode: ['机构所在街镇', "Institution's town"],
  title: ['整改事项', 'What to improve'],
  dimensionCode: ['对应维度编码（可空）', 'Dimension code (may be empty)'],
  dueDate: ['计划完成日期', 'Due date'],
  status: ['状态：open 进行中/done 已完成', 'Status: open/done'],
  doneAt: ['完成时间', 'Done at'],
  doneNote: ['完成情况说明', 'Completion note'],
  createdBy: ['创建人账号 ID', 'Created by (account id)'],
  ...common,
});
