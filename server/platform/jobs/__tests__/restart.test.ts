/**
 * Restart safety: a child process claims a job and is killed with SIGKILL mid-job; a new runner, once
 * the lease has expired, runs the job again to completion, and its effect exists exactly once.
 * Runs on a PGlite data folder (default) or on the PostgreSQL test database (TEST_DATABASE_URL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.ts';
import { type Database, openDatabase } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import { TestClock } from '../../clock.ts';
import { createJobs } from '../index.ts';
import { defineRestartJob, EFFECTS_DDL, effectCount, RESTART_KIND } from './restart-fixture.ts';

const D = '310118';
let dir: string | undefined;
let pgDatabase: TestDatabase | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await pgDatabase?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function runChildUntilStarted(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'restart-child.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /STARTED ([0-9a-f-]{36})/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before the job started: ${err}`)));
  });
}

describe('jobs survive kill -9', () => {
  it('runs a job interrupted by SIGKILL again after restart, to completion, exactly once', async () => {
    let env: Record<string, string>;
    if (process.env.TEST_DATABASE_URL) {
      pgDatabase = await createTestDatabase();
      env = { RESTART_DB_URL: pgDatabase.url! };
    } else {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-restart-'));
      env = { RESTART_DATA_DIR: path.join(dir, 'pglite'), RESTART_DB_URL: '' };
    }
    if (dir) {
      const setup = await openDatabase({ dataDir: path.join(dir, 'pglite') });
      await migrate(setup);
      await setup.close();
    }
    const dataDir = dir ? path.join(dir, 'pglite') : undefined;
    // PGlite: a new handle each time (one process at a time on a data folder).
    const openIt = async (): Promise<Database> => pgDatabase ?? openDatabase({ dataDir });

    // Enqueue the job (clock: now, so the child's system clock finds it due).
    let database = await openIt();
    await database.exec(EFFECTS_DDL);
    const start = new TestClock(new Date());
    const enqueuer = createJobs({ db: database.db, clock: start });
    defineRestartJob(enqueuer, { hangOnFirstAttempt: false });
    const jobId = await database.db.transaction((tx) =>
      enqueuer.enqueue(tx, { districtCode: D, kind: RESTART_KIND, payload: {} }),
    );
    if (!pgDatabase) await database.close();

    // The child claims it, writes inside its transaction, and is killed mid-job.
    const started = await runChildUntilStarted(env);
    expect(started).toBe(jobId);
    const exited = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGKILL');
    await exited;
    child = undefined;

    // A new runner: nothing is claimed while the dead worker's lease holds; after it, one run completes.
    database = await openIt();
    const clock = new TestClock(new Date());
    const runner = createJobs({ db: database.db, clock, workerId: 'restarted', leaseMs: 60_000 });
    defineRestartJob(runner, { hangOnFirstAttempt: false });
    const before = await runner.get(D, jobId);
    expect(before).toMatchObject({ status: 'running', attempts: 1, claimedBy: 'child' });
    expect(await runner.runDue()).toBe(0);
    clock.advanceMinutes(2);
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(await runner.get(D, jobId)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      claimedBy: 'restarted',
      result: { done: true },
    });
    expect(await effectCount(database.db, jobId)).toBe(1);
    if (!pgDatabase) await database.close();
  }, 120_000);
});
