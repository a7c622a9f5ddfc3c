/**
 * Personal data cost (issue 8, Numbers):
 * 1. Seal (AES-256-GCM) + blind index (HMAC-SHA-256) of 100k citizen ID numbers: per-value cost, with
 *    the GB 11643 validation every input goes through anyway as the in-run baseline (ratio).
 * 2. Lookup by blind index on 1M rows: the plan must be an index scan (EXPLAIN printed; exit 1 if not),
 *    and the time of 1,000 lookups against 1,000 primary-key lookups on the same table (ratio).
 *
 *   node --import tsx bench/personal-data.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *                                               BENCH_PGLITE=1 for embedded PGlite; BENCH_ROWS, default 1000000)
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { validateCitizenId } from '../domain/rules/ids.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { demoDirectorId } from '../server/modules/institutions/demo.ts';
import { generateKeyRing } from '../server/platform/crypto/keys.ts';
import { indexValue, installKeyRing, openValue, protect } from '../server/platform/personal-data.ts';

const N = 100_000;
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const LOOKUPS = 1000;
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

installKeyRing(generateKeyRing());
const ids = Array.from({ length: N }, (_, n) => demoDirectorId(n));

function perValue(label: string, fn: (id: string) => unknown): number {
  for (let i = 0; i < 2000; i++) fn(ids[i]!); // warm-up
  const t0 = performance.now();
  for (const id of ids) fn(id);
  const us = ((performance.now() - t0) * 1000) / N;
  console.log(`  ${label.padEnd(42)} ${us.toFixed(2).padStart(7)} µs/value`);
  return us;
}

console.log(`1. ${N.toLocaleString('en')} citizen ID numbers`);
const base = perValue('validate (GB 11643, baseline)', (id) => validateCitizenId(id, '2026-12-01'));
const both = perValue('seal + blind index (protect)', (id) => protect('citizen_id', id));
const sealed = ids.slice(0, N).map((id) => protect('citizen_id', id).sealed);
let k = 0;
const opened = perValue('open (decrypt)', () => openValue('citizen_id', sealed[k++ % N]!));
console.log(
  `  ratio protect/validate ${(both / base).toFixed(1)}×, open/validate ${(opened / base).toFixed(1)}×`,
);

async function database(): Promise<{ db: Database; name: string; drop: () => Promise<void> }> {
  if (process.env.BENCH_PGLITE === '1') {
    const db = await openDatabase({});
    return { db, name: 'PGlite (in memory)', drop: () => db.close() };
  }
  const name = `tuoyu_bench_pd_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: BASE_URL });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString(), poolSize: 2 });
  return {
    db,
    name: 'PostgreSQL',
    drop: async () => {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const { db, name, drop } = await database();
const rows = async (q: string, params: unknown[] = []) => {
  const chunks = q.split(/\$\d+/);
  const query = sql.join(
    chunks.flatMap((c, i) => (i < params.length ? [sql.raw(c), sql`${params[i]}`] : [sql.raw(c)])),
    sql.raw(''),
  );
  return ((await db.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
};
try {
  console.log(`\n2. lookup by blind index on ${ROWS.toLocaleString('en')} rows (${name})`);
  // The shape of an encrypted column with its blind index, as institutions has it (Citus rule).
  await db.exec(`CREATE TABLE pd_bench (district_code varchar(6) NOT NULL, id bigint NOT NULL,
    secret text, secret_bidx varchar(64), PRIMARY KEY (district_code, id))`);
  const t0 = performance.now();
  // Filler rows: same length and alphabet as real indexes (sha256 of the row number), made in SQL.
  await db.exec(`INSERT INTO pd_bench SELECT '310118', g, 'pd1.e1.' || md5(g::text),
    'i1.' || rtrim(translate(encode(sha256(g::text::bytea), 'base64'), '+/', '-_'), '=')
    FROM generate_series(${LOOKUPS + 1}, ${ROWS}) g`);
  // Real rows: sealed and indexed here, the ones we look up.
  const real = ids.slice(0, LOOKUPS).map((id, n) => ({ n: n + 1, ...protect('citizen_id', id) }));
  for (let i = 0; i < real.length; i += 250) {
    const part = real.slice(i, i + 250);
    await rows(
      `INSERT INTO pd_bench VALUES ${part.map((_, j) => `('310118', $${3 * j + 1}, $${3 * j + 2}, $${3 * j + 3})`).join(',')}`,
      part.flatMap((r) => [r.n, r.sealed, r.index]),
    );
  }
  await db.exec('CREATE UNIQUE INDEX pd_bench_bidx_uq ON pd_bench (district_code, secret_bidx)');
  await db.exec('ANALYZE pd_bench');
  console.log(`  loaded and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const probe = indexValue('citizen_id', ids[LOOKUPS / 2]!);
  const plan = await rows(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id, secret FROM pd_bench WHERE district_code = '310118' AND secret_bidx = $1`,
    [probe],
  );
  const text = plan.map((r) => String(Object.values(r)[0])).join('\n');
  console.log(text.replace(/^/gm, '    '));
  const indexScan = /Index (Only )?Scan using pd_bench_bidx_uq/.test(text);

  const time = async (label: string, q: string, args: unknown[][]) => {
    const s = performance.now();
    for (const a of args) {
      const r = await rows(q, a);
      if (r.length !== 1) throw new Error(`${label}: expected one row`);
    }
    const ms = (performance.now() - s) / args.length;
    console.log(`  ${label.padEnd(42)} ${(ms * 1000).toFixed(0).padStart(7)} µs/lookup`);
    return ms;
  };
  const byPk = await time(
    'by primary key (baseline)',
    `SELECT id, secret FROM pd_bench WHERE district_code = '310118' AND id = $1`,
    real.map((r) => [r.n]),
  );
  const byIdx = await time(
    'by blind index (HMAC computed per lookup)',
    `SELECT id, secret FROM pd_bench WHERE district_code = '310118' AND secret_bidx = $1`,
    ids.slice(0, LOOKUPS).map((id) => [indexValue('citizen_id', id)]),
  );
  console.log(`  ratio blind index/primary key ${(byIdx / byPk).toFixed(2)}×`);
  console.log(indexScan ? '  plan: index scan ✓' : '  plan: NOT an index scan ✗');
  if (!indexScan) process.exitCode = 1;
} finally {
  await drop();
}
