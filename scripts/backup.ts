/**
 * `npm run backup -- <out-folder>`: one consistent backup of the configured deployment, for both databases.
 *
 *   <out>/manifest.json     format, time, database kind, row count of every table, audit chain count,
 *                           every uploaded file's size and sha256, the key ids and a key fingerprint
 *   <out>/database.dump     PostgreSQL: `pg_dump -Fc` taken on the same snapshot as the row counts
 *   <out>/pglite.tar.gz     PGlite: the data folder's tarball (PGlite's own dumpDataDir)
 *   <out>/files/…           DATA_DIR/files, the uploaded files, same layout
 *
 * The personal-data keys are never in the archive: the backup refuses to run when no key is configured
 * (TUOYU_KEYS or DATA_DIR/keys.json), because a backup whose keys are lost cannot be read; it records
 * only the key ids and an HMAC fingerprint of each key (the key cannot be derived from it), so
 * `npm run restore` can tell whether the keys it is given are the ones the data was sealed with.
 * Keep the key file in a different place from the backups (docs/DEPLOY.md).
 *
 * PGlite is embedded and single-process: stop the server before backing up its folder.
 */
import { spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { sealAudit, verifyAuditChain } from '../server/platform/audit/service.ts';
import type { KeySet } from '../server/platform/crypto/cipher.ts';
import { type KeyRing, keyFileOf, parseKeyRing } from '../server/platform/crypto/keys.ts';

export const BACKUP_FORMAT = 'tuoyu-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** Rows per table (schema.table), counted on the snapshot the dump was taken from. */
  rowCounts: Record<string, number>;
  /** Entries of the audit chain, verified before the dump. */
  auditEntries: number;
  files: { path: string; bytes: number; sha256: string }[];
  /** Key ids and fingerprints: HMAC-SHA256(key, "tuoyu-backup-fingerprint"), first 16 hex. Never a key. */
  keys: { encryption: Record<string, string>; blindIndex: Record<string, string> };
}

export interface Target {
  /** DATA_DIR: the PGlite folder (dataDir/pglite), the files (dataDir/files) and the key file live here. */
  dataDir: string;
  /** postgres://… or undefined for PGlite. */
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
}

/** The configured keys (TUOYU_KEYS or DATA_DIR/keys.json) or undefined; never creates a key file. */
export function configuredKeys(t: Target): { ring: KeyRing; source: string } | undefined {
  const env = t.env ?? process.env;
  if (env.TUOYU_KEYS) return { ring: parseKeyRing(env.TUOYU_KEYS, 'TUOYU_KEYS'), source: 'TUOYU_KEYS' };
  const file = keyFileOf(t.dataDir);
  if (!existsSync(file)) return undefined;
  return { ring: parseKeyRing(readFileSync(file, 'utf8'), file), source: file };
}

const fingerprints = (s: KeySet) =>
  Object.fromEntries(
    [...s.keys].map(([id, k]) => [
      id,
      createHmac('sha256', k).update('tuoyu-backup-fingerprint').digest('hex').slice(0, 16),
    ]),
  );

export function keyFingerprints(ring: KeyRing): BackupManifest['keys'] {
  return { encryption: fingerprints(ring.encryption), blindIndex: fingerprints(ring.blindIndex) };
}

/** Every file under `root`, relative paths with '/', sorted. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

export const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Queryable {
  query<T>(text: string): Promise<{ rows: T[] }>;
}

const TABLES_SQL = `select table_schema as s, table_name as t from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
  order by 1, 2`;

/** Row count of every table in the database (schema.table → rows). */
export async function countRows(q: Queryable): Promise<Record<string, number>> {
  const tables = (await q.query<{ s: string; t: string }>(TABLES_SQL)).rows;
  const counts: Record<string, number> = {};
  for (const { s, t } of tables) {
    const ident = `"${s.replaceAll('"', '""')}"."${t.replaceAll('"', '""')}"`;
    const [row] = (await q.query<{ n: number }>(`select count(*)::int as n from ${ident}`)).rows;
    counts[`${s}.${t}`] = row?.n ?? 0;
  }
  return counts;
}

/** Run a command; reject with its stderr (never its environment) when it fails. */
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: env ?? process.env });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`)),
    );
  });
}

/** libpq reads the password from PGPASSWORD, so it never appears in the process list. */
export function libpqArgs(url: string): { dbArgs: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbArgs: ['--dbname', u.toString()], env };
}

export async function backup(t: Target, out: string): Promise<BackupManifest> {
  const keys = configuredKeys(t);
  if (!keys)
    throw new Error(
      `no personal-data keys configured (TUOYU_KEYS or ${keyFileOf(t.dataDir)}): a backup without its keys cannot be read. Back up the key file first, apart from the database.`,
    );
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty`);
  mkdirSync(out, { recursive: true, mode: 0o700 });

  let rowCounts: Record<string, number>;
  let auditEntries: number;
  if (t.databaseUrl) {
    // Link the committed audit entries into the chain first (ADR 0017), so the counts below are final.
    const sealing = await openDatabase({ url: t.databaseUrl, poolSize: 1 });
    try {
      await sealAudit(sealing.db);
    } finally {
      await sealing.close();
    }
    // Counts, the audit check and pg_dump all read one exported snapshot: they describe the same data.
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const [snap] = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows;
      rowCounts = await countRows(client);
      const { dbArgs, env } = libpqArgs(t.databaseUrl);
      await run(
        'pg_dump',
        [
          '--format=custom',
          '--no-owner',
          `--snapshot=${snap!.id}`,
          '--file',
          path.join(out, 'database.dump'),
          ...dbArgs,
        ],
        env,
      );
      await client.query('commit');
    } finally {
      await client.end();
    }
    const database = await openDatabase({ url: t.databaseUrl, poolSize: 2 });
    try {
      const chain = await verifyAuditChain(database.db);
      if (!chain.ok) throw new Error(`audit chain broken at seq ${chain.brokenAt}: ${chain.reason}`);
      auditEntries = chain.count;
    } finally {
      await database.close();
    }
  } else {
    const dir = path.join(t.dataDir, 'pglite');
    if (!existsSync(dir)) throw new Error(`no PGlite database at ${dir}`);
    const database = await openDatabase({ dataDir: dir });
    try {
      const client = database.pglite!;
      await sealAudit(database.db); // before counting (ADR 0017)
      rowCounts = await countRows(client);
      const chain = await verifyAuditChain(database.db);
      if (!chain.ok) throw new Error(`audit chain broken at seq ${chain.brokenAt}: ${chain.reason}`);
      auditEntries = chain.count;
      const tarball = await client.dumpDataDir('gzip');
      writeFileSync(path.join(out, 'pglite.tar.gz'), Buffer.from(await tarball.arrayBuffer()), {
        mode: 0o600,
      });
    } finally {
      await database.close();
    }
  }

  const filesRoot = path.join(t.dataDir, 'files');
  const files = listFiles(filesRoot).map((rel) => {
    const abs = path.join(filesRoot, rel);
    return { path: rel, bytes: statSync(abs).size, sha256: sha256File(abs) };
  });
  if (files.length > 0) cpSync(filesRoot, path.join(out, 'files'), { recursive: true });

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    database: t.databaseUrl ? 'postgres' : 'pglite',
    rowCounts,
    auditEntries,
    files,
    keys: keyFingerprints(keys.ring),
  };
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** The process's own target: DATA_DIR and DATABASE_URL as the server reads them. */
export function configuredTarget(env: NodeJS.ProcessEnv = process.env): Target {
  const config = loadConfig(env);
  return { dataDir: config.dataDir, databaseUrl: config.databaseUrl, env };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: npm run backup -- <empty or new folder>');
    process.exit(2);
  }
  try {
    const m = await backup(configuredTarget(), path.resolve(out));
    const rows = Object.values(m.rowCounts).reduce((s, n) => s + n, 0);
    console.log(
      `backup ${m.database} → ${out}: ${Object.keys(m.rowCounts).length} tables, ${rows} rows, audit chain OK (${m.auditEntries} entries), ${m.files.length} files; keys not included (ids ${Object.keys(m.keys.encryption).join(', ')} / ${Object.keys(m.keys.blindIndex).join(', ')})`,
    );
  } catch (e) {
    console.error(`backup failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
