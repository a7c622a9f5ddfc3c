/**
 * A commit whose process dies right after a batch's transaction committed (kill -9, the connection
 * gone): the run must say exactly what is in — the batch's rows, its audit entry and the run's
 * progress are one transaction — and the resumed commit must count every row once. Before the
 * progress moved into the batch's transaction, the run said 0 rows done with 1,000 rows in, and the
 * resumed commit, finding them present, reported 1,500 inserted rows for 2,500 written.
 * bench/faults.ts does the same with the real server and SIGKILL. And a commit whose process died
 * in its job's last attempt: the run must not stay `committing` for ever — it is failed, and
 * committed again.
 */
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import type { Db } from '../../db/client.ts';
import {
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
} from '../../modules/institutions/factories.ts';
import { institutionImport } from '../../modules/institutions/import.ts';
import { institutions } from '../../modules/institutions/tables.ts';
import type { Actor, RequestContext } from '../context.ts';
import { memoryFileStorage } from '../files/storage.ts';
import { uuidv7 } from '../ids.ts';
import { createJobs } from '../jobs/index.ts';
import { jobs as jobsTable } from '../jobs/tables.ts';
import { auditLog } from '../tables.ts';
import { createImportService } from './service.ts';
import { importRuns } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The database as the dying process sees it: once `die()` is armed, nothing after the next commit reaches it. */
function dyingDb(db: Db) {
  let armed = false;
  let dead = false;
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (dead) throw new Error('connection terminated (the process was killed)');
      const v = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      if (prop !== 'transaction') return v.bind(target);
      return async (...args: unknown[]) => {
        const result = await (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (armed) dead = true;
        return result;
      };
    },
  });
  return { db: proxy as Db, die: () => (armed = true) };
}

it('a commit killed right after a batch committed: the run records that batch, the resumed commit counts every row once', async () => {
  const db = t.database.db;
  const storage = memoryFileStorage();
  const kind = 'crash_institutions';
  const def = { ...institutionImport, kind };
  const userId = await t.createUser('crash-importer', 'district_officer', {
    kind: 'division',
    divisionCode: DISTRICT,
  });
  const actor: Actor = {
    userId,
    username: 'crash-importer',
    districtCode: DISTRICT,
    role: 'district_officer',
    scope: { kind: 'division', divisionCode: DISTRICT },
    sessionId: 'test',
  };
  const ctx: RequestContext = {
    actor,
    districtCode: DISTRICT,
    ip: null,
    requestId: 'test',
    now: t.clock.now(),
  };
  const rows = Array.from({ length: 2_500 }, (_, i) =>
    importRowOf(
      buildInstitutionInput({ creditCode: creditCodeFor(78_000_000 + i), name: `青浦区断电测试托育园${i}` }),
    ),
  );

  // The process that dies: its own jobs (never run here) and a database that goes away after a commit.
  const dying = dyingDb(db);
  const before = createImportService(
    { db: dying.db, storage, jobs: createJobs({ db, clock: t.clock }), batchSize: 1000 },
    def,
  );
  const run = await before.upload(ctx, actor, {
    fileName: 'crash.csv',
    data: Buffer.from(csvText([IMPORT_HEADERS, ...rows])),
  });
  expect(run.errorCount).toBe(0);
  await before.startCommit(ctx, actor, run.id, async () => uuidv7());
  dying.die();
  await expect(before.runCommit(ctx, actor, run.id)).rejects.toThrow(/connection terminated/);

  const count = async () =>
    (await db.select().from(institutions).where(like(institutions.name, '青浦区断电测试托育园%'))).length;
  const audited = async () => {
    const [r] = await db
      .execute<{ rows: string; inserted: string }>(
        sql`select coalesce(sum((changes->>'rows')::int), 0) as rows, coalesce(sum((changes->>'inserted')::int), 0) as inserted
          from audit_log where action = ${`${kind}.import`} and object_id = ${run.id}`,
      )
      .then((r) => (r as unknown as { rows: { rows: string; inserted: string }[] }).rows);
    return { rows: Number(r!.rows), inserted: Number(r!.inserted) };
  };
  const runRow = async () =>
    (
      await db
        .select()
        .from(importRuns)
        .where(and(eq(importRuns.id, run.id), eq(importRuns.kind, kind)))
    )[0]!;

  // What the restarted server finds: the first batch in, with its audit entry, and the run saying so.
  expect(await count()).toBe(1_000);
  expect(await audited()).toEqual({ rows: 1_000, inserted: 1_000 });
  expect(await runRow()).toMatchObject({ status: 'committing', doneRows: 1_000, insertedRows: 1_000 });

  // The job resumes (its lease expired) in the restarted process: the rest is added, every row once.
  const after = createImportService(
    { db, storage, jobs: createJobs({ db, clock: t.clock }), batchSize: 1000 },
    def,
  );
  await after.runCommit(ctx, actor, run.id);
  expect(await count()).toBe(2_500);
  expect(await runRow()).toMatchObject({ status: 'committed', doneRows: 2_500, insertedRows: 2_500 });
  expect((await audited()).inserted).toBe(2_500);
});

it('a commit whose process died in its last attempt: the run says failed, not committing, and is committed again', async () => {
  const db = t.database.db;
  const jobs = createJobs({ db, clock: t.clock });
  const kind = 'abandoned_institutions';
  const imports = createImportService(
    { db, storage: memoryFileStorage(), jobs },
    { ...institutionImport, kind },
  );
  const userId = await t.createUser('abandoned-importer', 'district_officer', {
    kind: 'division',
    divisionCode: DISTRICT,
  });
  const actor: Actor = {
    userId,
    username: 'abandoned-importer',
    districtCode: DISTRICT,
    role: 'district_officer',
    scope: { kind: 'division', divisionCode: DISTRICT },
    sessionId: 'test',
  };
  const ctxAt = (): RequestContext => ({
    actor,
    districtCode: DISTRICT,
    ip: null,
    requestId: 'test',
    now: t.clock.now(),
  });
  const rows = Array.from({ length: 30 }, (_, i) =>
    importRowOf(
      buildInstitutionInput({ creditCode: creditCodeFor(79_000_000 + i), name: `青浦区放弃测试托育园${i}` }),
    ),
  );
  const run = await imports.upload(ctxAt(), actor, {
    fileName: 'abandoned.csv',
    data: Buffer.from(csvText([IMPORT_HEADERS, ...rows])),
  });
  const started = await imports.commit(ctxAt(), actor, run.id);
  // Its third attempt's process was killed: the job is running, out of attempts, its lease over.
  await db
    .update(jobsTable)
    .set({
      status: 'running',
      attempts: 3,
      claimedBy: 'dead',
      leaseUntil: new Date(t.clock.now().getTime() - 1000),
    })
    .where(eq(jobsTable.id, started.jobId!));
  await jobs.runDue(); // the runner gives the job up (LeaseExpired); no import code runs
  expect((await jobs.get(DISTRICT, started.jobId!))?.status).toBe('failed');

  expect((await imports.get(ctxAt(), actor, run.id)).status).toBe('failed');
  // That change of state is audited once (a second read finds it failed already).
  expect((await imports.get(ctxAt(), actor, run.id)).status).toBe('failed');
  const entries = await db.select().from(auditLog).where(eq(auditLog.objectId, run.id));
  expect(entries.filter((e) => e.action.endsWith('.import_failed'))).toHaveLength(1);
  t.clock.advanceMinutes(1);
  const again = await imports.commit(ctxAt(), actor, run.id);
  expect(again.status).toBe('committing');
  expect(again.jobId).not.toBe(started.jobId);
  await jobs.runDue();
  expect(await imports.get(ctxAt(), actor, run.id)).toMatchObject({ status: 'committed', insertedRows: 30 });
  expect(
    (await db.select().from(institutions).where(like(institutions.name, '青浦区放弃测试托育园%'))).length,
  ).toBe(30);
});
