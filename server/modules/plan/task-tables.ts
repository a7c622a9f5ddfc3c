/**
 * The annex's responsibilities (附件：任务分工方案, issue 13): which department accounts speak for which
 * unit, each unit's quarterly progress report on each of its tasks, and the joint meeting's yearly review.
 * The tasks and units themselves are data (domain/plan/tasks.ts), not rows.
 */
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { REPORT_STATUSES, UNITS } from '../../../domain/plan/tasks.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

export const planUnitMembers = pgTable(
  'plan_unit_members',
  {
    districtCode: districtCode(),
    userId: uuid('user_id').notNull(),
    unit: enumText('unit', UNITS).notNull(),
    assignedBy: uuid('assigned_by'),
    assignedAt: tz('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.userId] }), ...enumChecks(t)],
);
comment(planUnitMembers, ['部门联络员所属责任单位', "The unit a department liaison's account reports for"], {
  districtCode: DISTRICT,
  userId: ['账号 ID（department 角色）', 'Account id (role department)'],
  unit: ['责任单位代码（domain/plan/tasks.ts）', 'Unit code (domain/plan/tasks.ts)'],
  assignedBy: ['指定人账号 ID', 'Assigned by (account id)'],
  assignedAt: ['指定时间', 'Assigned at'],
});

export const planTaskReports = pgTable(
  'plan_task_reports',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    taskCode: varchar('task_code', { length: 8 }).notNull(),
    unit: enumText('unit', UNITS).notNull(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    status: enumText('status', REPORT_STATUSES).notNull(),
    progress: text('progress').notNull(),
    evidence: varchar('evidence', { length: 500 }),
    submittedBy: uuid('submitted_by'),
    submittedAt: tz('submitted_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('plan_task_reports_quarter_uq').on(t.districtCode, t.taskCode, t.unit, t.year, t.quarter),
    index('plan_task_reports_year_idx').on(t.districtCode, t.year),
    ...enumChecks(t),
  ],
);
comment(planTaskReports, ['任务分工季度进展报告', 'Quarterly progress reports on the annex tasks'], {
  districtCode: DISTRICT,
  id: ['报告 ID（UUIDv7）', 'Report id (UUIDv7)'],
  taskCode: ['任务代码（T01–T21）', 'Task code (T01–T21)'],
  unit: ['填报单位', 'Reporting unit'],
  year: ['年度', 'Year'],
  quarter: ['季度（1–4）', 'Quarter (1–4)'],
  status: ['进展：on_track 按计划 / delayed 滞后 / done 已完成', 'Progress: on_track / delayed / done'],
  progress: ['进展说明（纯文本）', 'Progress (plain text)'],
  evidence: ['佐证材料（文号、链接或说明）', 'Evidence (document numbers, links or a description)'],
  submittedBy: ['填报人账号 ID', 'Submitted by (account id)'],
  submittedAt: ['填报时间（最近一次）', 'Submitted at (latest)'],
  version: ['版本号（乐观锁；每次修改加一）', 'Version (optimistic lock)'],
});

export type MeetingConclusion = { taskCode: string; conclusion: string };

export const planJointMeetings = pgTable(
  'plan_joint_meetings',
  {
    districtCode: districtCode(),
    year: smallint('year').notNull(),
    heldOn: varchar('held_on', { length: 10 }).notNull(),
    summary: text('summary').notNull(),
    conclusions: jsonb('conclusions').$type<MeetingConclusion[]>().notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: tz('recorded_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.year] })],
);
comment(planJointMeetings, ['联席会议年度审议', "The joint meeting's yearly review"], {
  districtCode: DISTRICT,
  year: ['审议年度', 'Year reviewed'],
  heldOn: ['会议日期 YYYY-MM-DD', 'Held on (YYYY-MM-DD)'],
  summary: ['会议纪要（纯文本）', 'Minutes (plain text)'],
  conclusions: ['逐项任务结论 [{taskCode, conclusion}]', 'Conclusions per task [{taskCode, conclusion}]'],
  recordedBy: ['记录人账号 ID', 'Recorded by (account id)'],
  recordedAt: ['记录时间', 'Recorded at'],
  version: ['版本号（乐观锁）', 'Version (optimistic lock)'],
});
