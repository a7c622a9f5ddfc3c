/**
 * The queue's SQL: insert (idempotent), claim with `FOR UPDATE SKIP LOCKED`, finish, retry, fail.
 * The same statements run on PGlite and PostgreSQL. Time always comes from the caller's clock.
 */
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { DomainError, errorDef } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { type JobStatus, jobs } from './tables.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  districtCode: string;
  kind: string;
  payload: unknown;
  idempotencyKey?: string | undefined;
  runAt?: Date | undefined;
  createdBy?: string | undefined;
  maxAttempts: number;
}

/** Insert a job; with an idempotency key already used by this district and kind, return that job's id. */
export async function insertJob(tx: Db, now: Date, job: NewJob): Promise<string> {
  const id = uuidv7(now.getTime());
  const inserted = await tx
    .insert(jobs)
    .values({
      districtCode: job.districtCode,
      id,
      kind: job.kind,
      payload: job.payload ?? null,
      idempotencyKey: job.idempotencyKey ?? null,
      status: 'queued',
      maxAttempts: job.maxAttempts,
      runAt: job.runAt ?? now,
      createdBy: job.createdBy ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [jobs.districtCode, jobs.kind, jobs.idempotencyKey] })
    .returning({ id: jobs.id });
  if (inserted[0]) return inserted[0].id;
  const [existing] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.districtCode, job.districtCode),
        eq(jobs.kind, job.kind),
        eq(jobs.idempotencyKey, job.idempotencyKey ?? ''),
      ),
    );
  if (!existing) throw new Error('jobs: idempotent insert found no row');
  return existing.id;
}

/**
 * Claim one due job of the given kinds: queued and due, or running with an expired lease (its worker
 * died). Concurrent workers skip each other's locked rows, so no job is claimed twice.
 */
export async function claimJob(
  db: Db,
  now: Date,
  kinds: string[],
  workerId: string,
  leaseMs: number,
): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const due = db
    .select({ districtCode: jobs.districtCode, id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, kinds),
        lt(jobs.attempts, jobs.maxAttempts),
        or(
          and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
          and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, now)),
        ),
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      claimedAt: now,
      claimedBy: workerId,
      leaseUntil: new Date(now.getTime() + leaseMs),
      updatedAt: now,
    })
    .where(sql`(${jobs.districtCode}, ${jobs.id}) in (${due})`)
    .returning();
  return row;
}

/** Running jobs whose worker died after their last allowed attempt: failed, so they are not lost silently. */
export async function failAbandoned(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      errorName: 'LeaseExpired',
      errorCode: null,
      errorMessage: 'the worker stopped during the last attempt',
      leaseUntil: null,
      finishedAt: now,
      updatedAt: now,
    })
    .where(
      and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, now), sql`${jobs.attempts} >= ${jobs.maxAttempts}`),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Only the worker that holds the claim may change a running job. */
const held = (row: JobRow, workerId: string) =>
  and(
    eq(jobs.districtCode, row.districtCode),
    eq(jobs.id, row.id),
    eq(jobs.status, 'running'),
    eq(jobs.claimedBy, workerId),
  );

export async function recordProgress(
  db: Db,
  row: JobRow,
  workerId: string,
  now: Date,
  leaseMs: number,
  progress?: { done: number; total: number },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      ...(progress ? { progressDone: progress.done, progressTotal: progress.total } : {}),
      leaseUntil: new Date(now.getTime() + leaseMs),
      updatedAt: now,
    })
    .where(held(row, workerId));
}

export async function markSucceeded(
  db: Db,
  row: JobRow,
  workerId: string,
  now: Date,
  result: unknown,
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'succeeded',
      result: result === undefined ? null : result,
      leaseUntil: null,
      errorName: null,
      errorCode: null,
      errorMessage: null,
      finishedAt: now,
      updatedAt: now,
    })
    .where(held(row, workerId));
}

/** What is kept of an error: its name always; code and message only for DomainErrors (no personal data). */
export function describeError(e: unknown): { name: string; code: string | null; message: string | null } {
  if (e instanceof DomainError) return { name: 'DomainError', code: e.code, message: errorDef(e.code).en };
  const name = e instanceof Error ? e.name : typeof e;
  return { name: name.slice(0, 100), code: null, message: null };
}

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at 6 h. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
}

export async function markFailedAttempt(
  db: Db,
  row: JobRow,
  workerId: string,
  now: Date,
  e: unknown,
): Promise<JobStatus> {
  const err = describeError(e);
  const final = row.attempts >= row.maxAttempts;
  await db
    .update(jobs)
    .set({
      status: final ? 'failed' : 'queued',
      runAt: final ? row.runAt : new Date(now.getTime() + backoffMs(row.attempts)),
      errorName: err.name,
      errorCode: err.code,
      errorMessage: err.message,
      leaseUntil: null,
      finishedAt: final ? now : null,
      updatedAt: now,
    })
    .where(held(row, workerId));
  return final ? 'failed' : 'queued';
}
