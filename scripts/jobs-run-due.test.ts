/** `npm run jobs:run-due` against a real configured database: runs the scheduled platform jobs once. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { jobs } from '../server/platform/jobs/tables.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';

let dir: string | undefined;
let pgDatabase: TestDatabase | undefined;
afterAll(async () => {
  await pgDatabase?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run jobs:run-due', () => {
  it('enqueues the current period of each schedule, runs it, and reports how many ran', async () => {
    let env: Record<string, string>;
    if (process.env.TEST_DATABASE_URL) {
      pgDatabase = await createTestDatabase();
      env = { DATABASE_URL: pgDatabase.url ?? '' };
    } else {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-jobs-cli-'));
      env = { DATA_DIR: dir, DATABASE_URL: '' };
    }
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/jobs-run-due.ts'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('ran 6 job(s)');
    const database = pgDatabase ?? (await openDatabase({ dataDir: `${dir}/pglite` }));
    const rows = await database.db.select().from(jobs);
    expect(rows.map((r) => `${r.kind}:${r.status}`).sort()).toEqual([
      'audit.verify_chain:succeeded',
      'calendar.holiday_alert:succeeded',
      'exchange.webhooks:succeeded',
      'families.retention:succeeded',
      'supervision.camera_probe:succeeded',
      'supervision.escalate_overdue:succeeded',
    ]);
    if (!pgDatabase) await database.close();
  }, 120_000);
});
