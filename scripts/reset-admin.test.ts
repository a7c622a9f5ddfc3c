/** `npm run reset-admin` against a real configured database: admin reset once, business account refused. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { scopeColumns } from '../server/platform/auth/sessions.ts';
import { uuidv7 } from '../server/platform/ids.ts';
import { hashPassword, verifyPassword } from '../server/platform/passwords.ts';
import { auditLog, loginAttempts, users } from '../server/platform/tables.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';

let env: Record<string, string>;
let database: Database | TestDatabase;
let dir: string | undefined;
const D = '310118';

async function open() {
  return dir ? openDatabase({ dataDir: `${dir}/pglite` }) : database;
}
async function done(db: Database | TestDatabase) {
  if (dir) await db.close();
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env = { DATABASE_URL: (database as TestDatabase).url ?? '' };
  } else {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-reset-'));
    database = await openDatabase({ dataDir: `${dir}/pglite` });
    await migrate(database);
    env = { DATA_DIR: dir, DATABASE_URL: '' };
  }
  const now = new Date();
  const hash = await hashPassword('Old-Admin-Pass-2026!');
  for (const [username, role] of [
    ['secadmin', 'security_admin'],
    ['officer', 'district_officer'],
  ] as const)
    await database.db.insert(users).values({
      districtCode: D,
      id: uuidv7(),
      username,
      displayName: username,
      passwordHash: hash,
      role,
      ...scopeColumns({ kind: 'division', divisionCode: D }),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  await database.db.insert(loginAttempts).values({
    districtCode: D,
    username: 'secadmin',
    failures: 0,
    lockedUntil: new Date(Date.now() + 3600_000),
    updatedAt: now,
  });
  if (dir) await database.close();
});
afterAll(async () => {
  if (!dir) await database.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reset-admin.ts', ...args], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });

describe('npm run reset-admin', () => {
  it('resets an admin password once: printed, must change, unlocked, audited', async () => {
    const res = run('secadmin');
    expect(res.status, res.stderr).toBe(0);
    const password = /shown once[^:]*: (\S+)/.exec(res.stdout)?.[1];
    expect(password).toBeTruthy();
    const db = await open();
    const [u] = await db.db
      .select()
      .from(users)
      .where(and(eq(users.districtCode, D), eq(users.username, 'secadmin')));
    expect(u!.mustChangePassword).toBe(true);
    expect(await verifyPassword(password!, u!.passwordHash)).toBe(true);
    expect(await verifyPassword('Old-Admin-Pass-2026!', u!.passwordHash)).toBe(false);
    expect(await db.db.select().from(loginAttempts).where(eq(loginAttempts.username, 'secadmin'))).toEqual(
      [],
    );
    const entries = await db.db.select().from(auditLog).where(eq(auditLog.action, 'users.reset_admin_cli'));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.objectId).toBe(u!.id);
    expect(JSON.stringify(entries[0]!.changes)).not.toContain(password!);
    await done(db);
  });

  it('refuses a business account and an unknown name (exit 2, nothing changed)', async () => {
    const biz = run('officer');
    expect(biz.status).toBe(2);
    expect(biz.stderr).toMatch(/administrator accounts only/);
    const none = run('nobody');
    expect(none.status).toBe(2);
    const db = await open();
    const [u] = await db.db.select().from(users).where(eq(users.username, 'officer'));
    expect(await verifyPassword('Old-Admin-Pass-2026!', u!.passwordHash)).toBe(true);
    expect(
      await db.db.select().from(auditLog).where(eq(auditLog.action, 'users.reset_admin_cli')),
    ).toHaveLength(1);
    await done(db);
  });
});
