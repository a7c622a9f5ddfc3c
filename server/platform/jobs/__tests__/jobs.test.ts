/** The job queue on a real database: enqueue in a transaction, idempotency, progress, retries, failure. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.ts';
import { TestClock } from '../../clock.ts';
import { DomainError } from '../../errors.ts';
import { auditLog } from '../../tables.ts';
import { createJobs, type Jobs, SYSTEM_ACTOR } from '../index.ts';
import { backoffMs } from '../queue.ts';
import { jobs as jobsTable } from '../tables.ts';

const D = '310118';
let database: TestDatabase;
let clock: TestClock;
let jobs: Jobs;
const seen: string[] = [];
let failures = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  clock = new TestClock('2026-03-02T01:00:00Z');
  jobs = createJobs({ db: database.db, clock, workerId: 'test-worker' });
  jobs.define(
    'test.echo',
    async (p, ctx) => {
      seen.push(p.word);
      await ctx.progress(1, 2);
      await ctx.progress(2, 2);
      return { echoed: p.word, attempt: ctx.attempt };
    },
    { payload: z.strictObject({ word: z.string() }) },
  );
  jobs.define(
    'test.flaky',
    async () => {
      failures++;
      throw new DomainError('conflict.duplicate');
    },
    { maxAttempts: 3 },
  );
  jobs.define('test.progress_in_tx', async (_p, ctx) => {
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await ctx.progress(5, 10);
      await ctx.progress(10, 10);
    });
    return 'ok';
  });
  jobs.define('test.audited', async (_p, ctx) => {
    await ctx.db.transaction((tx) => ctx.audit(tx, { action: 'test.job_write', objectId: ctx.jobId }));
  });
});
afterAll(() => database.close());

const enqueue = (job: Parameters<Jobs['enqueue']>[1]) =>
  database.db.transaction((tx) => jobs.enqueue(tx, job));

describe('jobs', () => {
  it('runs an enqueued job once, stores its result and progress, and runDue() reports how many ran', async () => {
    const id = await enqueue({ districtCode: D, kind: 'test.echo', payload: { word: 'hello' } });
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    const row = await jobs.get(D, id);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      progressDone: 2,
      progressTotal: 2,
      result: { echoed: 'hello', attempt: 1 },
      leaseUntil: null,
    });
    expect(seen).toEqual(['hello']);
    expect(await jobs.get('310117', id)).toBeUndefined();
  });

  it('returns the existing job for a repeated idempotency key, and nothing is enqueued when the transaction rolls back', async () => {
    const a = await enqueue({
      districtCode: D,
      kind: 'test.echo',
      payload: { word: 'k' },
      idempotencyKey: 'k1',
    });
    const b = await enqueue({
      districtCode: D,
      kind: 'test.echo',
      payload: { word: 'k' },
      idempotencyKey: 'k1',
    });
    expect(b).toBe(a);
    await expect(
      database.db.transaction(async (tx) => {
        await jobs.enqueue(tx, { districtCode: D, kind: 'test.echo', payload: { word: 'lost' } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const n = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobsTable)
      .where(sql`${jobsTable.payload}->>'word' in ('k', 'lost')`);
    expect(n[0]?.n).toBe(1);
    await jobs.runDue();
  });

  it('refuses a payload that does not match the kind’s schema at enqueue time', async () => {
    await expect(enqueue({ districtCode: D, kind: 'test.echo', payload: { word: 1 } })).rejects.toThrow();
    await expect(enqueue({ districtCode: D, kind: 'test.nope', payload: {} })).rejects.toThrow(
      /undefined kind/,
    );
  });

  it('does not run a job before its run_at', async () => {
    const id = await enqueue({
      districtCode: D,
      kind: 'test.echo',
      payload: { word: 'later' },
      runAt: new Date(clock.now().getTime() + 3600_000),
    });
    expect(await jobs.runDue()).toBe(0);
    clock.advanceMinutes(61);
    expect(await jobs.runDue()).toBe(1);
    expect((await jobs.get(D, id))?.status).toBe('succeeded');
  });

  it('retries a throwing job with exponential backoff, then marks it failed with its error code', async () => {
    failures = 0;
    const id = await enqueue({ districtCode: D, kind: 'test.flaky', payload: {} });
    expect(await jobs.runDue()).toBe(1);
    let row = await jobs.get(D, id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, errorCode: 'conflict.duplicate' });
    expect(row!.runAt.getTime() - clock.now().getTime()).toBe(backoffMs(1));
    expect(await jobs.runDue()).toBe(0); // not before the backoff
    clock.advance(backoffMs(1));
    expect(await jobs.runDue()).toBe(1);
    row = await jobs.get(D, id);
    expect(row!.runAt.getTime() - clock.now().getTime()).toBe(backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    clock.advance(backoffMs(2));
    expect(await jobs.runDue()).toBe(1);
    row = await jobs.get(D, id);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      errorName: 'DomainError',
      errorCode: 'conflict.duplicate',
    });
    expect(row!.finishedAt).not.toBeNull();
    clock.advance(backoffMs(10));
    expect(await jobs.runDue()).toBe(0);
    expect(failures).toBe(3);
  });

  it('re-claims a running job whose lease expired (its worker died)', async () => {
    const id = await enqueue({ districtCode: D, kind: 'test.echo', payload: { word: 'orphan' } });
    // Another worker claimed it and died: running, lease in the past relative to the clock later.
    await database.db
      .update(jobsTable)
      .set({
        status: 'running',
        attempts: 1,
        claimedBy: 'dead-worker',
        claimedAt: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 60_000),
      })
      .where(eq(jobsTable.id, id));
    expect(await jobs.runDue()).toBe(0); // lease still held
    clock.advanceMinutes(2);
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.get(D, id)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      claimedBy: 'test-worker',
    });
  });

  it('accepts progress reported inside the handler’s own transaction (no self-deadlock on one connection)', async () => {
    const id = await enqueue({ districtCode: D, kind: 'test.progress_in_tx', payload: {} });
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.get(D, id)).toMatchObject({ status: 'succeeded', progressDone: 10, progressTotal: 10 });
  });

  it('audits a job’s own writes as the system actor', async () => {
    const id = await enqueue({ districtCode: D, kind: 'test.audited', payload: {} });
    await jobs.runDue();
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(entry).toMatchObject({
      action: 'test.job_write',
      actorUsername: SYSTEM_ACTOR,
      actorId: null,
      requestId: `job:${id}`,
    });
  });

  it('never lets two runners claim the same job (FOR UPDATE SKIP LOCKED)', async () => {
    await database.exec('CREATE TABLE IF NOT EXISTS claim_runs (job_id uuid NOT NULL, worker text NOT NULL)');
    const runners = ['a', 'b'].map((w) => {
      const r = createJobs({ db: database.db, clock, workerId: `runner-${w}` });
      r.define('test.claim', async (_p, ctx) => {
        await ctx.db.execute(sql`insert into claim_runs (job_id, worker) values (${ctx.jobId}, ${w})`);
        await new Promise((res) => setTimeout(res, 5));
      });
      return r;
    });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(
        await database.db.transaction((tx) =>
          runners[0]!.enqueue(tx, { districtCode: D, kind: 'test.claim', payload: {} }),
        ),
      );
    const counts = await Promise.all(runners.map((r) => r.runDue()));
    expect(counts[0]! + counts[1]!).toBe(20);
    const rows = (await database.db.execute(
      sql`select job_id::text as id, count(*)::int as n from claim_runs group by job_id`,
    )) as unknown as { rows: { id: string; n: number }[] };
    expect(rows.rows).toHaveLength(20);
    expect(rows.rows.every((r) => r.n === 1)).toBe(true);
    for (const id of ids) expect((await runners[0]!.get(D, id))?.attempts).toBe(1);
  });
});
