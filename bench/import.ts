/**
 * Institutions import throughput (issue 8, "Numbers"): the platform import (dry run + commit, the same
 * code the route and the job run) of N institution-shaped CSV rows against, in the same run,
 *   - a raw COPY of the same file into a text staging table (PostgreSQL only; target ≥ 0.4×), and
 *   - row-by-row INSERTs into the institutions table, one statement per row (target ≥ 10×).
 * Each import runs in a child process, so its peak RSS (maxRSS) is that of the import alone
 * (10k and 100k rows: memory should stay flat). Prints rows/s and ratios.
 *
 *   node --import tsx bench/import.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *                                        BENCH_ROWS, default 100000; PGlite in memory when PostgreSQL is absent)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import {
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
} from '../server/modules/institutions/factories.ts';
import { institutionImport } from '../server/modules/institutions/import.ts';
import { systemClock } from '../server/platform/clock.ts';
import type { Actor, RequestContext } from '../server/platform/context.ts';
import { memoryFileStorage } from '../server/platform/files/storage.ts';
import { createImportService } from '../server/platform/import/service.ts';
import { createJobs } from '../server/platform/jobs/index.ts';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const DISTRICT = '310118';
/** The children's V8 heap cap: an import that held its rows in memory would fail under it. */
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 192);

async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function admin(text: string) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  await c.query(text);
  await c.end();
}

function writeCsv(n: number, first: number): string {
  const file = path.join(os.tmpdir(), `tuoyu-import-bench-${n}-${randomBytes(3).toString('hex')}.csv`);
  const rows = [IMPORT_HEADERS];
  for (let i = 0; i < n; i++)
    rows.push(
      importRowOf(
        buildInstitutionInput({ creditCode: creditCodeFor(first + i), name: `青浦区基准托育园${first + i}` }),
      ),
    );
  writeFileSync(file, csvText(rows));
  chmodSync(file, 0o644); // the PostgreSQL server reads it for COPY
  return file;
}

/** The child: import one file through the platform service; print seconds and peak RSS as JSON. */
async function child(url: string | undefined, file: string) {
  const database = await openDatabase(url ? { url, poolSize: 4 } : {});
  if (!url) {
    await migrate(database);
    await seedReference(database.db);
  }
  const jobs = createJobs({ db: database.db, clock: systemClock });
  const imports = createImportService(
    { db: database.db, storage: memoryFileStorage(), jobs },
    institutionImport,
  );
  const actor: Actor = {
    userId: '0190a000-0000-7000-8000-000000000001',
    username: 'bench',
    districtCode: DISTRICT,
    role: 'district_officer',
    scope: { kind: 'division', divisionCode: DISTRICT },
    sessionId: 'bench',
  };
  const ctx: RequestContext = {
    actor,
    districtCode: DISTRICT,
    ip: null,
    requestId: 'bench',
    now: new Date(),
  };
  const data = readFileSync(file);
  const t0 = performance.now();
  const run = await imports.upload(ctx, actor, { fileName: 'bench.csv', data });
  const t1 = performance.now();
  if (run.errorCount) throw new Error(`bench file has ${run.errorCount} errors`);
  const done = await imports.runCommit(ctx, actor, run.id);
  const t2 = performance.now();
  await database.close();
  console.log(
    JSON.stringify({
      checkS: (t1 - t0) / 1000,
      commitS: (t2 - t1) / 1000,
      inserted: done.inserted,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

function runChild(url: string | undefined, file: string) {
  const res = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'bench/import.ts', '--child', url ?? '', file],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (res.status !== 0) throw new Error(`import child failed: ${res.stderr.slice(-2000)}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as {
    checkS: number;
    commitS: number;
    inserted: number;
    maxRssMb: number;
  };
}

async function main() {
  const onPg = await postgresAvailable();
  let url: string | undefined;
  let name = '';
  if (onPg) {
    name = `tuoyu_bench_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(BASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    const database = await openDatabase({ url });
    await migrate(database);
    await seedReference(database.db);
    await database.close();
  }
  console.log(
    `database: ${onPg ? 'PostgreSQL' : 'PGlite (in memory; no COPY baseline)'}; rows: ${ROWS}; import heap cap ${HEAP_MB} MB`,
  );
  const small = writeCsv(10_000, 10_000_000);
  const large = writeCsv(ROWS, 20_000_000);
  try {
    const r10k = runChild(url, small);
    // PGlite in memory: each child has its own database, so both sizes start empty.
    const rBig = runChild(url, large);
    const importRate = ROWS / (rBig.checkS + rBig.commitS);
    console.log(
      `import 10k: check ${r10k.checkS.toFixed(1)} s, commit ${r10k.commitS.toFixed(1)} s, peak RSS ${r10k.maxRssMb} MB`,
    );
    console.log(
      `import ${ROWS / 1000}k: check ${rBig.checkS.toFixed(1)} s, commit ${rBig.commitS.toFixed(1)} s, ` +
        `${Math.round(importRate)} rows/s, peak RSS ${rBig.maxRssMb} MB (inserted ${rBig.inserted})`,
    );
    if (!url) return;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`CREATE TABLE staging (${IMPORT_HEADERS.map((_, i) => `c${i} text`).join(', ')})`);
    const t0 = performance.now();
    await c.query(`COPY staging FROM '${large}' WITH (FORMAT csv, HEADER true)`);
    const copyRate = ROWS / ((performance.now() - t0) / 1000);
    // Row by row: one INSERT statement per row (autocommit), on a sample, as rows/s.
    const SAMPLE = 3_000;
    const t1 = performance.now();
    for (let i = 0; i < SAMPLE; i++) {
      const v = buildInstitutionInput({ creditCode: creditCodeFor(60_000_000 + i) });
      await c.query(
        `INSERT INTO institutions (district_code, id, name, credit_code, kind, ownership, inclusive, service_forms,
           address, town_code, lat, lng, public_phone, opening_hours, fee_full_day_fen, fee_half_day_fen, fee_hourly_fen,
           meals_provided, director_name, status, created_at, updated_at)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'draft', now(), now())`,
        [
          DISTRICT,
          v.name,
          v.creditCode,
          v.kind,
          v.ownership,
          v.inclusive,
          v.serviceForms,
          v.address,
          v.townCode,
          v.lat,
          v.lng,
          v.publicPhone,
          v.openingHours,
          v.fees?.fullDayMonthlyFen ?? null,
          v.fees?.halfDayMonthlyFen ?? null,
          v.fees?.hourlyFen ?? null,
          v.mealsProvided,
          v.directorName,
        ],
      );
    }
    const rowRate = SAMPLE / ((performance.now() - t1) / 1000);
    await c.end();
    const commitRate = ROWS / rBig.commitS;
    console.log(`raw COPY into staging: ${Math.round(copyRate)} rows/s`);
    console.log(`row-by-row INSERT (${SAMPLE} rows): ${Math.round(rowRate)} rows/s`);
    console.log(
      `ratio import/COPY: ${(importRate / copyRate).toFixed(2)}× (target ≥ 0.4×); commit alone ${(commitRate / copyRate).toFixed(2)}×`,
    );
    console.log(`ratio import/row-by-row: ${(importRate / rowRate).toFixed(1)}× (target ≥ 10×)`);
  } finally {
    rmSync(small, { force: true });
    rmSync(large, { force: true });
    if (name) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] || undefined, process.argv[4]!);
else await main();
