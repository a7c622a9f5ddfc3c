/**
 * Background jobs kept in the database (docs/kit/jobs.md). A module `define`s a kind with its handler,
 * `enqueue`s inside its own (audited) transaction, and the runner claims due jobs with
 * `FOR UPDATE SKIP LOCKED`, retries with exponential backoff and marks a job failed after its last
 * attempt. A claim holds a lease, renewed while the handler runs; a job whose worker died (kill -9) is
 * claimed again once the lease expires. Jobs run at least once: handlers make their writes idempotent
 * (keyed by `ctx.jobId`, or all in one transaction).
 */
import { hostname } from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { type AuditEvent, recordAudit } from '../audit/service.ts';
import type { Clock } from '../clock.ts';
import type { RequestContext } from '../context.ts';
import { uuidv7 } from '../ids.ts';
import {
  claimJob,
  failAbandoned,
  insertJob,
  type JobRow,
  markFailedAttempt,
  markSucceeded,
  recordProgress,
} from './queue.ts';
import { type Schedule, ScheduleClock } from './schedules.ts';
import { jobs as jobsTable } from './tables.ts';

export type { JobRow } from './queue.ts';

/** The account name written in the audit trail for a job's own writes. */
export const SYSTEM_ACTOR = 'system:jobs';

export interface JobContext {
  db: Db;
  clock: Clock;
  jobId: string;
  districtCode: string;
  attempt: number;
  /**
   * Report progress (rows done / total); also renews the lease. Written on its own connection right
   * away (visible in GET /jobs/{id} while the job runs); safe to call inside the handler's transaction.
   */
  progress(done: number, total: number): Promise<void>;
  /** Audit a write the job makes, inside `tx`, as the system actor (`system:jobs`). */
  audit(tx: Db, event: AuditEvent): Promise<void>;
}
export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<unknown /* stored as result */>;

export interface Jobs {
  define<P>(
    kind: string,
    handler: JobHandler<P>,
    opts?: { maxAttempts?: number; payload?: z.ZodType<P> },
  ): void;
  /** Inside the caller's transaction; returns the job id (the existing one for a repeated idempotency key). */
  enqueue(
    tx: Db,
    job: {
      districtCode: string;
      kind: string;
      payload: unknown;
      idempotencyKey?: string;
      runAt?: Date;
      createdBy?: string;
    },
  ): Promise<string>;
  /** Tests and the CLI: run every job due now, explicitly, until none is left; returns how many ran. */
  runDue(): Promise<number>;
  get(districtCode: string, id: string): Promise<JobRow | undefined>;
  start(): void; // poll loop + cron (server start)
  stop(): Promise<void>; // finish the running job, stop polling
}

export interface JobsDeps {
  db: Db;
  clock: Clock;
  workerId?: string;
  /** Districts the cron schedules run for (default: none, so no scheduled job is enqueued). */
  districtCodes?: string[];
  /** Cron schedules (default: none); server/platform/jobs/schedules.ts holds the deployment's list. */
  schedules?: readonly Schedule[];
  /** How long a claim lasts without a renewal (default 5 min). */
  leaseMs?: number;
  /** Poll interval of the loop started by start() (default 5 s). */
  pollMs?: number;
  /** Told about a failure of the loop itself (not of a job): the error's name only, never its message. */
  onLoopError?: (errorName: string) => void;
}

interface Definition {
  handler: JobHandler<unknown>;
  maxAttempts: number;
  payload: z.ZodType<unknown> | undefined;
}

export function createJobs(deps: JobsDeps): Jobs {
  const { db, clock } = deps;
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const pollMs = deps.pollMs ?? 5_000;
  const defs = new Map<string, Definition>();
  const schedules = new ScheduleClock(deps.schedules ?? [], deps.districtCodes ?? []);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopping = true;

  async function runOne(row: JobRow): Promise<void> {
    const def = defs.get(row.kind);
    if (!def) throw new Error(`jobs: claimed a job of unknown kind ${row.kind}`);
    const heartbeat = setInterval(
      () => void recordProgress(db, row, workerId, clock.now(), leaseMs).catch(() => {}),
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    // Progress writes are queued, not awaited by the handler: a handler may report progress inside its
    // own transaction, where a write on another connection would wait for it (PGlite has one).
    let progressWrites: Promise<void> = Promise.resolve();
    const ctx: JobContext = {
      db,
      clock,
      jobId: row.id,
      districtCode: row.districtCode,
      attempt: row.attempts,
      progress: (done, total) => {
        const at = clock.now();
        progressWrites = progressWrites
          .then(() => recordProgress(db, row, workerId, at, leaseMs, { done, total }))
          .catch(() => {});
        return Promise.resolve();
      },
      audit: (tx, event) =>
        recordAudit(tx, systemContext(row, clock.now()), {
          ...event,
          username: event.username ?? SYSTEM_ACTOR,
        }),
    };
    try {
      const payload = def.payload ? def.payload.parse(row.payload) : row.payload;
      const result = await def.handler(payload, ctx);
      await progressWrites;
      await markSucceeded(db, row, workerId, clock.now(), result);
    } catch (e) {
      await progressWrites;
      await markFailedAttempt(db, row, workerId, clock.now(), e);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Enqueue the current period of each schedule, then run due jobs until none is left. */
  async function drain(fromLoop: boolean): Promise<number> {
    for (const s of schedules.due(clock.now())) {
      if (!defs.has(s.kind)) continue;
      await db.transaction((tx) =>
        api.enqueue(tx, { districtCode: s.districtCode, kind: s.kind, payload: {}, idempotencyKey: s.key }),
      );
      schedules.done(s);
    }
    await failAbandoned(db, clock.now());
    let n = 0;
    for (;;) {
      if (fromLoop && stopping) break;
      const row = await claimJob(db, clock.now(), [...defs.keys()], workerId, leaseMs);
      if (!row) break;
      await runOne(row);
      n++;
    }
    return n;
  }
  const api: Jobs = {
    define(kind, handler, opts = {}) {
      if (defs.has(kind)) throw new Error(`jobs: kind ${kind} defined twice`);
      defs.set(kind, {
        handler: handler as JobHandler<unknown>,
        maxAttempts: opts.maxAttempts ?? 5,
        payload: opts.payload as z.ZodType<unknown> | undefined,
      });
    },
    async enqueue(tx, job) {
      const def = defs.get(job.kind);
      if (!def) throw new Error(`jobs: enqueue of undefined kind ${job.kind}`);
      const payload = def.payload ? def.payload.parse(job.payload) : job.payload;
      return insertJob(tx, clock.now(), { ...job, payload, maxAttempts: def.maxAttempts });
    },
    runDue() {
      const p = running.then(() => drain(false));
      running = p.catch(() => {});
      return p;
    },
    async get(districtCode, id) {
      const [row] = await db
        .select()
        .from(jobsTable)
        .where(and(eq(jobsTable.districtCode, districtCode), eq(jobsTable.id, id)));
      return row;
    },
    start() {
      if (!stopping) return;
      stopping = false;
      const tick = () => {
        timer = undefined;
        if (stopping) return;
        const p = running
          .then(() => drain(true))
          .catch((e: unknown) => deps.onLoopError?.(e instanceof Error ? e.name : typeof e));
        running = p;
        void p.then(() => {
          if (!stopping) timer = setTimeout(tick, pollMs);
        });
      };
      tick();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
  return api;
}

/** The request context of a job's own writes: no account; the audit trail names the system actor. */
export function systemContext(row: { districtCode: string; id: string }, now: Date): RequestContext {
  return { actor: null, districtCode: row.districtCode, ip: null, requestId: `job:${row.id}`, now };
}
