/**
 * `npm run backup` / `npm run restore` round trip on the database this run uses (PGlite folder, or
 * PostgreSQL with pg_dump/pg_restore when TEST_DATABASE_URL is set): the demo district, an uploaded
 * file and audit entries are backed up, restored into an empty deployment, and compared — row count of
 * every table, the audit chain verifies on the restored copy, the file's bytes. The keys never travel
 * in the archive, and a restore without them (or with other keys) writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { recordAudit, sealAudit, verifyAuditChain } from '../server/platform/audit/service.ts';
import { generateKeyRing, keyFileOf, writeKeyFile } from '../server/platform/crypto/keys.ts';
import { localFileStorage, newStorageKey } from '../server/platform/files/storage.ts';
import { installKeyRing } from '../server/platform/personal-data.ts';
import { backup, countRows, type Target } from './backup.ts';
import { restore } from './restore.ts';

const pgUrl = inject('testDatabaseUrl');
const created: string[] = [];
const dirs: string[] = [];

async function newPgDatabase(): Promise<string> {
  const name = `tuoyu_bk_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

const tmp = (label: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), `tuoyu-${label}-`));
  dirs.push(d);
  return d;
};

/** A deployment folder (DATA_DIR) plus, on PostgreSQL, an empty database of its own. */
async function deployment(label: string): Promise<Target> {
  return { dataDir: tmp(label), databaseUrl: pgUrl ? await newPgDatabase() : undefined, env: {} };
}

/** Raw SQL on either driver (PGlite's own client, or the pg pool behind drizzle). */
const queryable = (d: Database) =>
  d.pglite ?? {
    query: async <T>(text: string) => ({
      rows: ((await d.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows,
    }),
  };

const open = (t: Target): Promise<Database> =>
  openDatabase(t.databaseUrl ? { url: t.databaseUrl, poolSize: 2 } : { dataDir: `${t.dataDir}/pglite` });

const envOf = (t: Target) => ({
  ...process.env,
  DATA_DIR: t.dataDir,
  DATABASE_URL: t.databaseUrl ?? '',
  TUOYU_KEYS: '',
  NODE_ENV: 'test',
});

const cli = (script: string, t: Target, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: envOf(t),
    encoding: 'utf8',
  });

let source: Target;
let sourceCounts: Record<string, number>;
let fileKey: string;
const fileBytes = randomBytes(5000);

beforeAll(async () => {
  source = await deployment('src');
  const ring = generateKeyRing();
  writeKeyFile(keyFileOf(source.dataDir), ring);
  installKeyRing(ring);
  const database = await open(source);
  await migrate(database);
  await seedReference(database.db);
  const now = new Date('2026-03-02T01:00:00Z');
  await seedDemo(database.db, {
    district: '310118',
    password: 'demo-Pass-2026',
    dataDir: source.dataDir,
    now,
  });
  const ctx = { actor: null, districtCode: '310118', ip: '127.0.0.1', requestId: null, now };
  for (let i = 0; i < 5; i++)
    await database.db.transaction((tx) => recordAudit(tx, ctx, { action: 'test.backup', changes: { i } }));
  fileKey = newStorageKey();
  await localFileStorage(path.join(source.dataDir, 'files')).put(fileKey, fileBytes);
  await sealAudit(database.db); // as `npm start` leaves a deployment (ADR 0017)
  sourceCounts = await countRows(queryable(database));
  await database.close();
}, 120_000);

afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (pgUrl && created.length) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

describe('backup and restore', () => {
  it('round-trips: every table’s row count, the audit chain and a file’s bytes; no key in the archive', async () => {
    const out = path.join(tmp('out'), 'backup');
    const b = cli('backup', source, out);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/audit chain OK \(\d+ entries\)/);
    // The archive holds the database, the files and a manifest — never the key file or key bytes.
    const listing = readdirSync(out, { recursive: true }).map(String);
    expect(listing).not.toContain('keys.json');
    const keyText = readFileSync(keyFileOf(source.dataDir), 'utf8');
    const e1 = (JSON.parse(keyText) as { encryption: { keys: { e1: string } } }).encryption.keys.e1;
    expect(readFileSync(path.join(out, 'manifest.json'), 'utf8')).not.toContain(e1);

    const target = await deployment('dst');
    copyFileSync(keyFileOf(source.dataDir), keyFileOf(target.dataDir)); // the keys come back from their own place
    const r = cli('restore', target, out);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^restored: \d+ tables/);
    expect(r.status).toBe(0);

    // Checked here independently of the script's own report.
    const restored = await open(target);
    const counts = await countRows(queryable(restored));
    const chain = await verifyAuditChain(restored.db);
    await restored.close();
    expect(counts).toEqual(sourceCounts);
    expect(sourceCounts['public.institutions']).toBeGreaterThan(100);
    expect(sourceCounts['public.audit_log']).toBeGreaterThanOrEqual(5);
    expect(chain.ok).toBe(true);
    expect(chain.count).toBe(sourceCounts['public.audit_log']);
    const back = await localFileStorage(path.join(target.dataDir, 'files')).get(fileKey);
    expect(back?.equals(fileBytes)).toBe(true);
  }, 120_000);

  it('refuses to back up without a configured key, and to restore without the same keys — writing nothing', async () => {
    const noKeys = { ...source, dataDir: tmp('nokeys') };
    await expect(backup(noKeys, path.join(tmp('o'), 'b'))).rejects.toThrow(/no personal-data keys/);

    const out = path.join(tmp('out2'), 'backup');
    await backup(source, out);
    const bare = await deployment('bare');
    await expect(restore(bare, out)).rejects.toThrow(/put the key file back first/);
    writeKeyFile(keyFileOf(bare.dataDir), generateKeyRing());
    await expect(restore(bare, out)).rejects.toThrow(/encryption key e1 .* is a different key/);
    // Nothing was written: no PGlite folder, no table in the PostgreSQL database, no file.
    expect(existsSync(path.join(bare.dataDir, 'pglite'))).toBe(false);
    expect(existsSync(path.join(bare.dataDir, 'files'))).toBe(false);
    if (bare.databaseUrl) {
      const c = new pg.Client({ connectionString: bare.databaseUrl });
      await c.connect();
      const { rows } = await c.query(
        `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      );
      await c.end();
      expect(rows[0].n).toBe(0);
    }
  }, 120_000);

  it('will not overwrite a deployment that already has data unless --force', async () => {
    const out = path.join(tmp('out3'), 'backup');
    await backup(source, out);
    await expect(restore(source, out)).rejects.toThrow(/not empty|tables/);
    const r = await restore(source, out, { force: true });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  }, 120_000);
});
