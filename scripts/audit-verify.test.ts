/** `npm run audit:verify` against a real configured database: OK <count>, then a tampered row → exit 1. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { recordAudit } from '../server/platform/audit/service.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';

let env: Record<string, string>;
let database: Database | TestDatabase;
let dir: string | undefined;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env = { DATABASE_URL: (database as TestDatabase).url ?? '' };
  } else {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-verify-'));
    database = await openDatabase({ dataDir: `${dir}/pglite` });
    await migrate(database);
    env = { DATA_DIR: dir, DATABASE_URL: '' };
  }
  const ctx = {
    actor: null,
    districtCode: '310118',
    ip: '127.0.0.1',
    requestId: null,
    now: new Date('2026-03-01T00:00:00Z'),
  };
  for (let i = 0; i < 3; i++)
    await database.db.transaction((tx) => recordAudit(tx, ctx, { action: 'test.event', changes: { i } }));
  if (dir) await database.close();
});
afterAll(async () => {
  if (!dir) await database.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = () =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('npm run audit:verify', () => {
  it('prints OK <count> on an intact chain, and the first broken entry with exit 1 after tampering', async () => {
    const ok = run();
    expect(ok.stdout.trim()).toBe('OK 3');
    expect(ok.status).toBe(0);
    const db = dir ? await openDatabase({ dataDir: `${dir}/pglite` }) : database;
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await db.exec(`UPDATE audit_log SET changes = '{"i": 99}' WHERE seq = 2`);
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    if (dir) await db.close();
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/BROKEN at seq 2/);
  });
});
