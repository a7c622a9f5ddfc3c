/**
 * `npm run restore -- <backup-folder> [--force]`: put a backup (scripts/backup.ts) back into the configured
 * deployment (DATA_DIR, DATABASE_URL), then prove it: the row count of every table equals the manifest,
 * the audit chain verifies with the same number of entries, every uploaded file's sha256 matches.
 *
 * Before anything is written it checks the keys: the configured keys (TUOYU_KEYS or DATA_DIR/keys.json,
 * brought back from wherever they are kept apart from the backups) must include every key id of the
 * manifest with the same fingerprint; otherwise the sealed personal data could not be read, and nothing
 * is restored. The target must be empty (no PGlite folder, no tables in the PostgreSQL database, no file
 * under DATA_DIR/files that differs) unless --force: then the PGlite folder is moved aside
 * (pglite.before-restore-<time>) and PostgreSQL objects are dropped by `pg_restore --clean`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { verifyAuditChain } from '../server/platform/audit/service.ts';
import {
  BACKUP_FORMAT,
  type BackupManifest,
  configuredKeys,
  configuredTarget,
  countRows,
  keyFingerprints,
  libpqArgs,
  run,
  sha256File,
  type Target,
} from './backup.ts';

export interface RestoreReport {
  ok: boolean;
  problems: string[];
  tables: number;
  rows: number;
  auditEntries: number;
  files: number;
}

export function readManifest(from: string): BackupManifest {
  const file = path.join(from, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} not found: not a backup folder`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (m.format !== BACKUP_FORMAT) throw new Error(`${file}: format must be ${BACKUP_FORMAT}`);
  return m;
}

/** Every key of the backup must be configured with the same fingerprint. Returns the problems. */
export function checkKeys(t: Target, m: BackupManifest): string[] {
  const keys = configuredKeys(t);
  if (!keys)
    return [
      'no personal-data keys configured (TUOYU_KEYS or DATA_DIR/keys.json): put the key file back first; the backup does not contain it',
    ];
  const have = keyFingerprints(keys.ring);
  const problems: string[] = [];
  for (const set of ['encryption', 'blindIndex'] as const)
    for (const [id, fp] of Object.entries(m.keys[set])) {
      if (!(id in have[set])) problems.push(`${set} key ${id} is not in ${keys.source}`);
      else if (have[set][id] !== fp) problems.push(`${set} key ${id} in ${keys.source} is a different key`);
    }
  return problems;
}

export async function restore(
  t: Target,
  from: string,
  opts: { force?: boolean } = {},
): Promise<RestoreReport> {
  const m = readManifest(from);
  const kind = t.databaseUrl ? 'postgres' : 'pglite';
  if (m.database !== kind) throw new Error(`the backup is of ${m.database}; the target is ${kind}`);
  const keyProblems = checkKeys(t, m);
  if (keyProblems.length > 0) throw new Error(`keys: ${keyProblems.join('; ')}`);

  // Files first checked, then everything written: a differing file already in place stops the restore.
  const filesRoot = path.join(t.dataDir, 'files');
  for (const f of m.files) {
    const dest = path.join(filesRoot, f.path);
    if (existsSync(dest) && sha256File(dest) !== f.sha256 && !opts.force)
      throw new Error(`${dest} exists with other bytes (use --force to overwrite)`);
  }

  let counts: Record<string, number>;
  let chain: Awaited<ReturnType<typeof verifyAuditChain>>;
  if (t.databaseUrl) {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    const [{ n } = { n: 0 }] = (
      await client.query<{ n: number }>(
        `select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
      )
    ).rows;
    await client.end();
    if (n > 0 && !opts.force)
      throw new Error(`the target database has ${n} tables (use --force to replace them)`);
    const { dbArgs, env } = libpqArgs(t.databaseUrl);
    await run(
      'pg_restore',
      [
        '--no-owner',
        '--exit-on-error',
        '--single-transaction',
        ...(n > 0 ? ['--clean', '--if-exists'] : []),
        ...dbArgs,
        path.join(from, 'database.dump'),
      ],
      env,
    );
    const check = new pg.Client({ connectionString: t.databaseUrl });
    await check.connect();
    counts = await countRows(check);
    await check.end();
    const database = await openDatabase({ url: t.databaseUrl, poolSize: 2 });
    chain = await verifyAuditChain(database.db);
    await database.close();
  } else {
    const dir = path.join(t.dataDir, 'pglite');
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      if (!opts.force) throw new Error(`${dir} is not empty (use --force to move it aside)`);
      renameSync(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    }
    const tarball = readFileSync(path.join(from, 'pglite.tar.gz'));
    const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([new Uint8Array(tarball)]) });
    try {
      counts = await countRows(database.pglite!);
      chain = await verifyAuditChain(database.db);
    } finally {
      await database.close();
    }
  }

  for (const f of m.files) {
    const dest = path.join(filesRoot, f.path);
    mkdirSync(path.dirname(dest), { recursive: true, mode: 0o700 });
    copyFileSync(path.join(from, 'files', f.path), dest);
  }

  const problems: string[] = [];
  for (const [table, n] of Object.entries(m.rowCounts))
    if (counts[table] !== n) problems.push(`${table}: ${counts[table] ?? 'missing'} rows, backup had ${n}`);
  for (const table of Object.keys(counts))
    if (!(table in m.rowCounts)) problems.push(`${table}: not in the backup`);
  if (!chain.ok) problems.push(`audit chain broken at seq ${chain.brokenAt}: ${chain.reason}`);
  else if (chain.count !== m.auditEntries)
    problems.push(`audit chain has ${chain.count} entries, backup had ${m.auditEntries}`);
  for (const f of m.files) {
    const dest = path.join(filesRoot, f.path);
    if (!existsSync(dest) || sha256File(dest) !== f.sha256) problems.push(`file ${f.path}: bytes differ`);
  }
  return {
    ok: problems.length === 0,
    problems,
    tables: Object.keys(counts).length,
    rows: Object.values(counts).reduce((s, n) => s + n, 0),
    auditEntries: chain.count,
    files: m.files.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const from = args.find((a) => !a.startsWith('--'));
  if (!from) {
    console.error('usage: npm run restore -- <backup folder> [--force]');
    process.exit(2);
  }
  try {
    const r = await restore(configuredTarget(), path.resolve(from), { force: args.includes('--force') });
    if (r.ok)
      console.log(
        `restored: ${r.tables} tables, ${r.rows} rows equal to the backup; audit chain OK (${r.auditEntries} entries); ${r.files} files, sha256 equal`,
      );
    else {
      console.log(`restored with differences:\n  ${r.problems.join('\n  ')}`);
      process.exitCode = 1;
    }
  } catch (e) {
    console.error(`restore failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
