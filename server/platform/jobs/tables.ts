import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { JOB_STATUSES, type JobStatusName } from '../../../domain/contracts/jobs.ts';
import { comment } from '../comments.ts';
import { enumChecks, enumText } from '../enum-columns.ts';
import { DISTRICT_COMMENT, districtCode, tz, users } from '../tables.ts';

export { JOB_STATUSES };
export type JobStatus = JobStatusName;

export const jobs = pgTable(
  'jobs',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    kind: varchar('kind', { length: 64 }).notNull(),
    payload: jsonb('payload').notNull(),
    idempotencyKey: varchar('idempotency_key', { length: 200 }),
    status: enumText('status', JOB_STATUSES).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: tz('run_at').notNull(),
    claimedAt: tz('claimed_at'),
    claimedBy: varchar('claimed_by', { length: 100 }),
    leaseUntil: tz('lease_until'),
    errorName: varchar('error_name', { length: 100 }),
    errorCode: varchar('error_code', { length: 100 }),
    errorMessage: text('error_message'),
    progressDone: integer('progress_done'),
    progressTotal: integer('progress_total'),
    result: jsonb('result'),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    finishedAt: tz('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('jobs_idempotency_uq').on(t.districtCode, t.kind, t.idempotencyKey),
    foreignKey({
      name: 'jobs_created_by_fk',
      columns: [t.districtCode, t.createdBy],
      foreignColumns: [users.districtCode, users.id],
    }),
    index('jobs_created_by_idx').on(t.districtCode, t.createdBy),
    index('jobs_due_idx').on(t.status, t.runAt),
    index('jobs_district_status_idx').on(t.districtCode, t.status, t.updatedAt),
    ...enumChecks(t),
  ],
);
comment(jobs, ['后台任务队列', 'Background job queue'], {
  districtCode: DISTRICT_COMMENT,
  id: ['任务 ID（UUIDv7）', 'Job id (UUIDv7)'],
  kind: ['任务类型', 'Job kind'],
  payload: ['任务参数（JSON，不含个人信息）', 'Job parameters (JSON, no personal data)'],
  idempotencyKey: ['幂等键（同区同类型唯一）', 'Idempotency key (unique per district and kind)'],
  status: ['状态：queued/running/succeeded/failed', 'Status: queued/running/succeeded/failed'],
  attempts: ['已尝试次数', 'Attempts made'],
  maxAttempts: ['最多尝试次数', 'Maximum attempts'],
  runAt: ['最早执行时间（重试退避后）', 'Earliest run time (after retry backoff)'],
  claimedAt: ['被领取时间', 'Claimed at'],
  claimedBy: ['领取的工作进程', 'Worker that claimed it'],
  leaseUntil: ['租约到期时间（过期则可被重新领取）', 'Lease expiry (re-claimable after it)'],
  errorName: ['最近错误的类型名', 'Last error: name'],
  errorCode: ['最近错误的错误码（仅业务错误）', 'Last error: code (domain errors only)'],
  errorMessage: ['最近错误的说明（仅业务错误）', 'Last error: message (domain errors only)'],
  progressDone: ['进度：已完成数', 'Progress: done'],
  progressTotal: ['进度：总数', 'Progress: total'],
  result: ['执行结果（JSON）', 'Result (JSON)'],
  createdBy: ['发起账号 ID（系统任务为空）', 'Account that started it (null for system jobs)'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  finishedAt: ['完成或失败时间', 'Finished or failed at'],
});
