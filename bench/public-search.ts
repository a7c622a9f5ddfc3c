/**
 * Public search at national scale: the real app (buildApp: policy hook, zod validation and serialisation,
 * drizzle) against a bare Fastify + pg route running the same SQL statements (publicSearch with a pg
 * pool instead of drizzle: the district's data version, the count when the filter set's total is not
 * kept at that version (ADR 0034), then the page), in the same run, at 1×, 10×, 100× and 1,100× the demo's institutions (1× = Qingpu, 110 institutions; the
 * whole country ≈ 1,100× ≈ 121,000), on PostgreSQL. Prints req/s, median (p50) and p99 latency, the
 * app/bare ratio, the growth of the median against 1×, and the EXPLAIN of every query at the largest
 * scale with a check that no table is read by a sequential scan.
 *
 *   node --import tsx bench/public-search.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *                                               BENCH_SECONDS per run, default 4; BENCH_ROUNDS, default 3;
 *                                               BENCH_SCALES, default 1,10,100,1100; BENCH_KEEP=1 keeps
 *                                               the database)
 *
 * Scale data: 1× is the demo registry of 310118 (seedInstitutionsDemo). Every further 110 institutions
 * are copies of those 110 drawn with the seeded PRNG (Rng 20261204): a district out of ten (310118 and
 * nine others, so the searched district grows too: 1/10 of the growth lands in it — ≈12,000
 * institutions at 1,100×, a city-sized tenant), a position jittered by up to ±0.05° around the
 * district's own centre, and a fresh id and credit code; their classes are copied with them. Director
 * fields are left empty on copies (the public search never reads them).
 *
 * Creates and drops its own database. Measured cost of the app over the bare route (CPU profile, 1×,
 * 2026-12-04): zod response validation + serialisation ≈ 5–8 % of main-thread CPU (kept: it strips any
 * key the public contract does not name), the policy hook and request context ≈ 1 %; the rest is shared.
 * Since 2026-12-07 the check parses on zod's compiled path instead of encoding (server/platform/serializer.ts:
 * a page of 20 ≈ 60 µs instead of ≈ 100–140 µs). Both routes' totals are checked against the table first
 * (exit 1 on a wrong one); both are started afresh at each scale (the copies are written without audit).
 */
import { randomBytes } from 'node:crypto';
import { eq, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import Fastify from 'fastify';
import pg from 'pg';
import { type PublicSearchQuery, publicSearchQuery } from '../domain/contracts/institution.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { type Db, openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { Rng } from '../server/demo/rng.ts';
import { seedInstitutionsDemo } from '../server/modules/institutions/demo.ts';
import {
  publicCountSql,
  publicSearch,
  publicSearchSql,
  type TotalOf,
} from '../server/modules/institutions/public.ts';
import { institutionClasses, institutions } from '../server/modules/institutions/tables.ts';
import { districtDataVersionSql } from '../server/platform/answer-cache.ts';
import { systemClock } from '../server/platform/clock.ts';
import { generateKeyRing } from '../server/platform/crypto/keys.ts';
import { installKeyRing } from '../server/platform/personal-data.ts';

// The demo registry seals the directors' ID numbers: bench keys, thrown away with the database.
installKeyRing(generateKeyRing());

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SCALES = (process.env.BENCH_SCALES ?? '1,10,100,1100').split(',').map(Number);
/** Keep the database at the end (its name is printed) to read its plans by hand. */
const KEEP = process.env.BENCH_KEEP === '1';
const DISTRICT = '310118';
/** The searched district and nine others (centres: lat, lng), one in ten of the scale copies each. */
const DISTRICTS: [string, number, number][] = [
  ['310118', 0, 0],
  ['310117', 0.0, 0.1],
  ['310112', 0.0, 0.25],
  ['310114', 0.25, 0.1],
  ['310113', 0.3, 0.3],
  ['310101', 0.08, 0.37],
  ['320583', 0.2, -0.2],
  ['330411', -0.3, -0.2],
  ['110105', 8.8, -5.3],
  ['440305', -8.6, -7.2],
];
const QUERIES: Record<string, string> = {
  'by distance, full-day, page 1': 'lat=31.15&lng=121.12&serviceForm=full_day&pageSize=20',
  'by name, age 20 months, inclusive': 'ageMonths=20&inclusiveOnly=true&pageSize=20',
  'by distance, page 3': 'lat=31.15&lng=121.12&pageSize=20&page=3',
};

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  await c.query(text);
  await c.end();
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (o: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
}) => Promise<AutocannonResult>;
// autocannon ships no types; the load runs in a worker thread so it does not share the servers' event loop.
const autocannon = (await import('autocannon' as string)).default as Autocannon;

async function measure(url: string) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, workers: 1 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** App and bare alternately, ROUNDS times each after a warm-up, to even out drift on a shared machine. */
async function compare(appUrl: string, bareUrl: string) {
  await autocannon({ url: appUrl, connections: 10, duration: 2 });
  await autocannon({ url: bareUrl, connections: 10, duration: 2 });
  const app: Awaited<ReturnType<typeof measure>>[] = [];
  const bare: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    app.push(await measure(appUrl));
    bare.push(await measure(bareUrl));
  }
  return {
    app: median(app.map((r) => r.rps)),
    bare: median(bare.map((r) => r.rps)),
    ratio: median(app.map((a, i) => a.rps / bare[i]!.rps)),
    p50: median(app.map((r) => r.p50)),
    p99: median(app.map((r) => r.p99)),
    bareP50: median(bare.map((r) => r.p50)),
    errors: [...app, ...bare].reduce((s, r) => s + r.errors, 0),
  };
}

/**
 * The app's totals as the bare route keeps them: the same statements (the district's data version, then
 * the count only when the filter set's kept total is of another version), a plain Map (ADR 0034).
 */
function keptTotals(pool: pg.Pool): TotalOf {
  const dialect = new PgDialect();
  const kept = new Map<string, { version: number; n: number }>();
  return async (key, count) => {
    const { sql, params } = dialect.sqlToQuery(districtDataVersionSql(DISTRICT));
    const version = Number((await pool.query<{ v: string }>(sql, params)).rows[0]!.v);
    const known = kept.get(key);
    if (known?.version === version) return known.n;
    const n = await count();
    kept.set(key, { version, n });
    return n;
  };
}

/** The bare baseline: Fastify without schemas or hooks, pg directly, the same statements and mapping. */
async function bareServer(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // The database is dropped WITH (FORCE) at the end: a connection still idle then must not crash the run.
  pool.on('error', () => {});
  const dialect = new PgDialect();
  const totals = keptTotals(pool);
  const app = Fastify();
  app.get('/bare', async (req) => {
    const q = publicSearchQuery.parse(req.query);
    return publicSearch(
      async <T>(query: SQL) => {
        const { sql, params } = dialect.sqlToQuery(query);
        return (await pool.query(sql, params)).rows as T[];
      },
      DISTRICT,
      q,
      totals,
    );
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const close = async () => {
    await app.close();
    await pool.end();
  };
  return { address, close };
}

/** Grow the registry to `scale` × 110 institutions with seeded copies of the 310118 demo rows. */
async function scaleUp(db: Db, from: number, to: number, rng: Rng) {
  const template = await db.select().from(institutions).where(eq(institutions.districtCode, DISTRICT));
  const classes = await db
    .select()
    .from(institutionClasses)
    .where(eq(institutionClasses.districtCode, DISTRICT));
  const classesOf = new Map<string, (typeof classes)[number][]>();
  for (const c of classes) classesOf.set(c.institutionId, [...(classesOf.get(c.institutionId) ?? []), c]);
  const base = template.filter((t) => t.status !== 'draft').slice(0, 110);
  const rows: (typeof institutions.$inferInsert)[] = [];
  const classRows: (typeof institutionClasses.$inferInsert)[] = [];
  const flush = async () => {
    for (let i = 0; i < rows.length; i += 400) await db.insert(institutions).values(rows.slice(i, i + 400));
    for (let i = 0; i < classRows.length; i += 800)
      await db.insert(institutionClasses).values(classRows.slice(i, i + 800));
    rows.length = 0;
    classRows.length = 0;
  };
  const ms = Date.parse('2026-01-01T00:00:00Z');
  for (let copy = from; copy < to; copy++) {
    for (let k = 0; k < 110; k++) {
      const t = base[k % base.length]!;
      const [district, dLat, dLng] = rng.pick(DISTRICTS);
      const id = rng.uuid(ms + copy * 1000 + k);
      const n = copy * 110 + k;
      rows.push({
        ...t,
        districtCode: district,
        id,
        creditCode: `91${district}${String(n).padStart(10, '0')}`,
        name: `${t.name}${copy}`,
        namePinyin: `${t.namePinyin}${String(copy).padStart(4, '0')}`,
        lat: t.lat + dLat + (rng.next() - 0.5) * 0.1,
        lng: t.lng + dLng + (rng.next() - 0.5) * 0.1,
        directorIdNumber: null,
        directorIdNumberBidx: null,
        directorMobile: null,
      });
      for (const c of classesOf.get(t.id) ?? [])
        classRows.push({ ...c, districtCode: district, id: rng.uuid(ms + n), institutionId: id });
    }
    if (rows.length >= 4000) await flush();
  }
  await flush();
}

/** Median ms of 41 sequential publicSearch calls on one connection: the SQL's own cost, little queueing. */
async function statementMs(pool: pg.Pool, q: PublicSearchQuery): Promise<number> {
  const dialect = new PgDialect();
  const rowsOf = async <T>(query: SQL) => {
    const { sql, params } = dialect.sqlToQuery(query);
    return (await pool.query(sql, params)).rows as T[];
  };
  const totals = keptTotals(pool);
  const times: number[] = [];
  for (let i = 0; i < 41; i++) {
    const t0 = performance.now();
    await publicSearch(rowsOf, DISTRICT, q, totals);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function explain(pool: pg.Pool, q: PublicSearchQuery, candidates?: number) {
  const { sql, params } = new PgDialect().sqlToQuery(
    candidates === -1 ? publicCountSql(DISTRICT, q) : publicSearchSql(DISTRICT, q, candidates),
  );
  const rows = (await pool.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params)).rows;
  return rows.map((r) => r['QUERY PLAN']);
}

async function main() {
  const name = `tuoyu_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 10 });
  const pool = new pg.Pool({ connectionString: u.toString(), max: 1 });
  pool.on('error', () => {});
  let failed = false;
  try {
    const migration = await migrate(database);
    await seedReference(database.db);
    const now = new Date();
    const config = {
      ...loadConfig({ NODE_ENV: 'production', DATA_DIR: '.tmp/bench-data', LOG_LEVEL: 'silent' }),
      webDir: '/nonexistent',
    };
    // The app and the bare route are started afresh at every scale: the scale copies are written straight
    // into the tables, without audit entries, so the totals both keep per data version (ADR 0034) would
    // still be the smaller scale's — as after any backfill outside the app, a restart is what counts again.
    const start = async () => {
      const { app } = await buildApp({ database, clock: systemClock, config, migration });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const bare = await bareServer(u.toString());
      const close = async () => {
        await app.close();
        await bare.close();
      };
      return { address, bare, close };
    };
    console.log(
      `PostgreSQL ${name}; ${SECONDS} s per run, 10 connections, autocannon in a worker thread, app and bare alternated, ${ROUNDS} rounds (medians)\n`,
    );
    console.log(
      'institutions (in 310118)  query                                app req/s  bare req/s  app/bare  p50 app/bare (ms)  p99 app  p50 vs 1×  SQL ms (1 conn)  vs 1×',
    );
    await seedInstitutionsDemo(database.db, { district: DISTRICT, rng: new Rng(20210827), now });
    const rng = new Rng(20261204);
    let copies = 1;
    let servers: Awaited<ReturnType<typeof start>> | undefined;
    const firstP50: Record<string, number> = {};
    const firstSql: Record<string, number> = {};
    const verdicts: string[] = [];
    for (const scale of SCALES) {
      if (scale > copies) {
        await scaleUp(database.db, copies, scale, rng);
        copies = scale;
      }
      await database.exec('VACUUM ANALYZE'); // what autovacuum does on a live server: visibility map for index-only counts
      await servers?.close();
      servers = await start();
      const [{ total, here } = { total: 0, here: 0 }] = (
        await pool.query<{ total: number; here: number }>(
          `select count(*)::int as total, (count(*) filter (where district_code = '${DISTRICT}'))::int as here from institutions`,
        )
      ).rows;
      for (const [label, qs] of Object.entries(QUERIES)) {
        const appUrl = `${servers.address}/api/v1/public/institutions?${qs}`;
        const bareUrl = `${servers.bare.address}/bare?${qs}`;
        // Right answers first: both routes' totals are the count taken straight from the table.
        const q = publicSearchQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
        const { sql: countText, params } = new PgDialect().sqlToQuery(publicCountSql(DISTRICT, q));
        const [{ n } = { n: -1 }] = (await pool.query<{ n: number }>(countText, params)).rows;
        for (const url of [appUrl, bareUrl]) {
          const got = ((await (await fetch(url)).json()) as { total: number }).total;
          if (got !== n) {
            console.log(`  WRONG TOTAL from ${url}: ${got}, the table has ${n}`);
            failed = true;
          }
        }
        const r = await compare(appUrl, bareUrl);
        if (r.errors) {
          console.log(`  errors or non-2xx answers: ${r.errors}`);
          failed = true;
        }
        firstP50[label] ??= Math.max(r.p50, 1);
        const growth = Math.max(r.p50, 1) / firstP50[label]!;
        const ms = await statementMs(pool, q);
        firstSql[label] ??= ms;
        console.log(
          `${`${total} (${here})`.padEnd(25)} ${label.padEnd(36)} ${r.app.toFixed(0).padStart(9)} ${r.bare.toFixed(0).padStart(11)}  ${r.ratio.toFixed(2).padStart(8)}  ${`${r.p50} / ${r.bareP50}`.padStart(17)}  ${String(r.p99).padStart(7)}  ${growth.toFixed(2).padStart(9)}  ${ms.toFixed(2).padStart(15)}  ${(ms / firstSql[label]!).toFixed(2).padStart(5)}`,
        );
        if (scale === SCALES[SCALES.length - 1]) {
          verdicts.push(
            `${label}: p50 ${growth.toFixed(2)}× of 1× (target ≤ 3) ${growth <= 3 ? 'OK' : 'MISSED'}; SQL alone ${(ms / firstSql[label]!).toFixed(2)}× of 1×; app/bare ${r.ratio.toFixed(2)} (target ≥ 0.8) ${r.ratio >= 0.8 ? 'OK' : 'MISSED'}`,
          );
        }
      }
    }
    console.log(
      `\nTargets at ${SCALES[SCALES.length - 1]}× (p50 rounded up to 1 ms, autocannon's resolution):`,
    );
    for (const v of verdicts) console.log(`  ${v}`);
    console.log(`\nEXPLAIN at ${SCALES[SCALES.length - 1]}×:`);
    for (const [label, qs] of Object.entries(QUERIES)) {
      const q = publicSearchQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
      // The count, and the page as publicSearch first runs it (by distance: 2·(offset+limit)+20 candidates).
      const first = q.lat === undefined ? undefined : ((q.page - 1) * q.pageSize + q.pageSize) * 2 + 20;
      for (const [what, c] of [
        ['count', -1],
        ['page', first],
      ] as const) {
        const plan = await explain(pool, q, c);
        const seq = plan.filter((l) => /Seq Scan/.test(l));
        console.log(
          `-- ${label}, ${what}: ${seq.length === 0 ? 'no sequential scan' : `SEQUENTIAL SCAN: ${seq.join('; ')}`}`,
        );
        for (const l of plan) console.log(`   ${l}`);
        // Below 100× a sequential scan can be the planner's right choice on so few rows: not a failure.
        if (seq.length > 0 && SCALES[SCALES.length - 1]! >= 100) failed = true;
      }
    }
    await servers?.close();
  } finally {
    await pool.end();
    await database.close();
    if (KEEP) console.log(`\nkept database ${name} (BENCH_KEEP=1): drop it by hand`);
    else await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  if (failed) process.exitCode = 1;
}

await main();
