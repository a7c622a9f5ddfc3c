/**
 * Public search throughput: the real app (buildApp: policy hook, zod validation and serialisation,
 * drizzle) against a bare Fastify + pg route running the same SQL statement (publicSearchSql), in the
 * same run, at 1× (demo, 110 institutions) and 10× data, on PostgreSQL. Prints req/s and ratios.
 *
 *   node --import tsx bench/public-search.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *                                               BENCH_SECONDS per run, default 5)
 * Creates and drops its own database. Measured cost of the app over the bare route (CPU profile, 1×):
 * zod response validation + serialisation ≈ 5–8 % of main-thread CPU (kept: it strips any key the
 * public contract does not name), the policy hook and request context ≈ 1 %; the rest is shared.
 */
import { randomBytes } from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import Fastify from 'fastify';
import pg from 'pg';
import { publicSearchQuery } from '../domain/contracts/institution.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { Rng } from '../server/demo/rng.ts';
import { seedInstitutionsDemo } from '../server/modules/institutions/demo.ts';
import { type PublicRow, publicSearchSql, toPublicSummary } from '../server/modules/institutions/public.ts';
import { systemClock } from '../server/platform/clock.ts';
import { generateKeyRing } from '../server/platform/crypto/keys.ts';
import { installKeyRing } from '../server/platform/personal-data.ts';

// The demo registry seals the directors' ID numbers: bench keys, thrown away with the database.
installKeyRing(generateKeyRing());

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DISTRICT = '310118';
const QUERIES = {
  'by distance, full-day, page 1': 'lat=31.15&lng=121.12&serviceForm=full_day&pageSize=20',
  'by name, age 20 months, inclusive': 'ageMonths=20&inclusiveOnly=true&pageSize=20',
};

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  await c.query(text);
  await c.end();
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
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

/** req/s of one URL: 10 connections for SECONDS seconds. */
async function measure(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, workers: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** App and bare alternately, ROUNDS times each after a warm-up, to even out drift on a shared machine. */
async function compare(appUrl: string, bareUrl: string) {
  await autocannon({ url: appUrl, connections: 10, duration: 2 });
  await autocannon({ url: bareUrl, connections: 10, duration: 2 });
  const app: number[] = [];
  const bare: number[] = [];
  let errors = 0;
  let p99 = '';
  for (let i = 0; i < ROUNDS; i++) {
    const a = await measure(appUrl);
    const b = await measure(bareUrl);
    app.push(a.rps);
    bare.push(b.rps);
    errors += a.errors + b.errors;
    p99 = `${a.p99} / ${b.p99}`;
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ratios = app.map((a, i) => a / bare[i]!).sort((x, y) => x - y);
  return { app: mean(app), bare: mean(bare), median: ratios[Math.floor(ratios.length / 2)]!, p99, errors };
}

/** The bare baseline: Fastify without schemas or hooks, pg directly, the same statement and mapping. */
async function bareServer(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const dialect = new PgDialect();
  const app = Fastify();
  app.get('/bare', async (req) => {
    const q = publicSearchQuery.parse(req.query);
    const { sql, params } = dialect.sqlToQuery(publicSearchSql(DISTRICT, q));
    const rows = (await pool.query<PublicRow>(sql, params)).rows;
    return {
      items: rows.map(toPublicSummary),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const close = async () => {
    await app.close();
    await pool.end();
  };
  return { address, close };
}

async function main() {
  const name = `tuoyu_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 10 });
  try {
    const migration = await migrate(database);
    await seedReference(database.db);
    const now = new Date();
    const config = {
      ...loadConfig({ NODE_ENV: 'production', DATA_DIR: '.tmp/bench-data', LOG_LEVEL: 'silent' }),
      webDir: '/nonexistent',
    };
    const { app } = await buildApp({ database, clock: systemClock, config, migration });
    const appAddress = await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = await bareServer(u.toString());
    console.log(
      `PostgreSQL ${name}; ${SECONDS} s per run, 10 connections, autocannon in a worker thread, app and bare alternated, ${ROUNDS} rounds\n`,
    );
    console.log(
      'data  query                                  app req/s   bare req/s   ratio (mean, median of rounds)   p99 app / bare (ms)',
    );
    let copies = 0;
    for (const scale of [1, 10]) {
      while (copies < scale) {
        await seedInstitutionsDemo(database.db, {
          district: DISTRICT,
          rng: new Rng(20210827 + copies),
          now,
          copy: copies,
        });
        copies++;
      }
      await database.exec('ANALYZE');
      for (const [label, qs] of Object.entries(QUERIES)) {
        const r = await compare(
          `${appAddress}/api/v1/public/institutions?${qs}`,
          `${bare.address}/bare?${qs}`,
        );
        if (r.errors) console.log(`  errors or non-2xx answers: ${r.errors}`);
        console.log(
          `${String(scale * 110).padEnd(5)} ${label.padEnd(38)} ${r.app.toFixed(0).padStart(9)} ${r.bare.toFixed(0).padStart(12)}   ${(r.app / r.bare).toFixed(2)}, ${r.median.toFixed(2)}                     ${r.p99}`,
        );
      }
    }
    await app.close();
    await bare.close();
  } finally {
    await database.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
