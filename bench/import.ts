/**
 * Institutions import throughput (issue 8, "Numbers"): the platform import (dry run + commit, the same
 * code the route and the job run) of N institution-shaped CSV rows against, in the same run,
 *   - a raw COPY of the same file into a text staging table (PostgreSQL only; target ≥ 0.4×),
 *   - row-by-row INSERTs into the institutions table, one statement per row, timed on a sample and
 *     extrapolated to N (target ≥ 10×), and
 *   - the write floor: one set-based INSERT … SELECT of the same N rows (already converted) into
 *     tables shaped like the targets (same indexes, CHECKs and foreign key): what any importer pays.
 * The dry run (upload) and the commit (the job) run in two child processes, as in production (the
 * upload is an HTTP request holding the file, ≤ 20 MiB by the files kit; the job streams the stored
 * file from the FileStorage), so each peak RSS (maxRSS) is that step's alone: 10k vs 100k rows
 * should be about flat for the commit.
 *
 *   node --import tsx bench/import.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test:
 *                                        a database bench_import_<random> is made there and dropped after;
 *                                        BENCH_ROWS, default 100000; PGlite on disk when PostgreSQL is absent;
 *                                        BENCH_IMPORT=birth_records for the families' birth-record import;
 *                                        BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each child there;
 *                                        BENCH_BASELINES, default copy,floor,rows: which baselines to run —
 *                                        `copy` the raw COPY, `floor` the write floor, `rows` row by row;
 *                                        e.g. BENCH_BASELINES=copy for a 100k memory run, skipping the
 *                                        floor's copies and row by row's 3,000-record sample)
 *
 * BENCH_IMPORT=birth_records (issue 11): the health commission's birth records (a child, its ID number
 * sealed with a blind index, one guardian with a sealed mobile, the community) through the families
 * import; the floor copies the committed families, children and guardians into target-shaped tables;
 * row by row is what a naive importer does per record: three INSERTs (family, child, guardian) with the
 * values already sealed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { birthRecordImport } from '../server/modules/families/import.ts';
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
import { generateKeyRing, parseKeyRing, serializeKeyRing } from '../server/platform/crypto/keys.ts';
import { localFileStorage } from '../server/platform/files/storage.ts';
import type { ImportDefinition } from '../server/platform/import/definition.ts';
import { createImportService } from '../server/platform/import/service.ts';
import { createJobs } from '../server/platform/jobs/index.ts';
import { installKeyRing, protect } from '../server/platform/personal-data.ts';
import { buildCommunity } from '../test/factories/families.ts';
import { BIRTH_RECORD_HEADERS, birthRecordRow } from './birth-records.ts';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const DISTRICT = '310118';
/** The children's V8 heap cap: an import that held its rows in memory would fail under it. */
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 192);
/** Names of the large file's rows start with this (the floor copies them). */
const LARGE_FIRST = 20_000_000;
const BASELINES = new Set((process.env.BENCH_BASELINES ?? 'copy,floor,rows').split(',').map((b) => b.trim()));
for (const b of BASELINES)
  if (!['copy', 'floor', 'rows'].includes(b)) throw new Error(`BENCH_BASELINES: unknown baseline ${b}`);
const SUBJECT = process.env.BENCH_IMPORT === 'birth_records' ? 'birth_records' : 'institutions';
// One key ring for the parent and both children (the dry run's and the commit's blind indexes must agree).
if (!process.env.TUOYU_KEYS) process.env.TUOYU_KEYS = serializeKeyRing(generateKeyRing());
installKeyRing(parseKeyRing(process.env.TUOYU_KEYS, 'TUOYU_KEYS'));

/** Synthetic communities of 朱家角镇 the birth records name (the register is checked by the import). */
const COMMUNITIES = Array.from({ length: 8 }, (_, i) => `310118102${String(i + 1).padStart(3, '0')}`);

/** Birth record n of the bench's files: a mother, born before the first of last month (bench/birth-records.ts). */
const birthRow = (n: number) => birthRecordRow(n, { label: '基准', communities: COMMUNITIES });

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

function writeCsv(n: number, first: number, dir: string): string {
  const file = path.join(dir, `rows-${first}-${n}.csv`); // two files of one size (BENCH_ROWS=10000) stay apart
  const birth = SUBJECT === 'birth_records';
  // Birth records: the two files take disjoint record numbers (10k from 0, the large one after it).
  const rows = [birth ? BIRTH_RECORD_HEADERS : IMPORT_HEADERS];
  for (let i = 0; i < n; i++)
    rows.push(
      birth
        ? birthRow((first === LARGE_FIRST ? 10_000 : 0) + i)
        : importRowOf(
            buildInstitutionInput({
              creditCode: creditCodeFor(first + i),
              name: `青浦区基准托育园${first + i}`,
            }),
          ),
    );
  writeFileSync(file, csvText(rows));
  chmodSync(file, 0o644); // the PostgreSQL server reads it for COPY
  return file;
}

const ACTOR: Actor = {
  userId: '0190a000-0000-7000-8000-000000000001',
  username: 'bench',
  districtCode: DISTRICT,
  role: 'district_officer',
  scope: { kind: 'division', divisionCode: DISTRICT },
  sessionId: 'bench',
};

/**
 * A child: one step of the import through the platform service, with the stored files under
 * `storageDir` (local FileStorage, streamed on commit). Prints seconds and peak RSS as JSON.
 *   upload <db> <storageDir> <csv file>   → { runId, seconds, maxRssMb }
 *   commit <db> <storageDir> <runId>      → { seconds, inserted, maxRssMb }
 */
async function child(step: string, db: string, storageDir: string, arg: string) {
  const database = await openDatabase(db.startsWith('postgres') ? { url: db, poolSize: 4 } : { dataDir: db });
  const jobs = createJobs({ db: database.db, clock: systemClock });
  const def = (
    SUBJECT === 'birth_records' ? birthRecordImport({ clock: systemClock }) : institutionImport
  ) as ImportDefinition<unknown>;
  const imports = createImportService({ db: database.db, storage: localFileStorage(storageDir), jobs }, def);
  const ctx: RequestContext = {
    actor: ACTOR,
    districtCode: DISTRICT,
    ip: null,
    requestId: 'bench',
    now: new Date(),
  };
  // What the process holds before the step (node, tsx, the modules): the step's own memory is above it.
  const baseRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const t0 = performance.now();
  let out: Record<string, unknown>;
  if (step === 'upload') {
    // As the route hands it over: the whole upload as a Buffer (the files kit caps it at 20 MiB).
    const run = await imports.upload(ctx, ACTOR, { fileName: 'bench.csv', data: readFileSync(arg) });
    if (run.errorCount) throw new Error(`bench file has ${run.errorCount} errors`);
    out = { runId: run.id };
  } else {
    const done = await imports.runCommit(ctx, ACTOR, arg);
    out = { inserted: done.inserted };
  }
  const seconds = (performance.now() - t0) / 1000;
  await database.close();
  console.log(
    JSON.stringify({
      ...out,
      seconds,
      baseRssMb,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

function runChild(...args: string[]) {
  const res = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each child (upload and commit) written there.
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      '--import',
      'tsx',
      'bench/import.ts',
      '--child',
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (res.status !== 0) throw new Error(`import child failed: ${res.stderr.slice(-2000)}`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as {
    runId: string;
    seconds: number;
    inserted: number;
    baseRssMb: number;
    maxRssMb: number;
  };
}

const rss = (r: { baseRssMb: number; maxRssMb: number }) =>
  `${r.maxRssMb} MB, +${r.maxRssMb - r.baseRssMb} MB`;

/** Dry run then commit of one file, each in its own process. */
function importFile(db: string, storageDir: string, file: string) {
  const up = runChild('upload', db, storageDir, file);
  const commit = runChild('commit', db, storageDir, up.runId);
  return { checkS: up.seconds, commitS: commit.seconds, inserted: commit.inserted, up, commit };
}

const ms = (s: number) => `${Math.round(s * 1000).toLocaleString('en')} ms`;

async function main() {
  const onPg = await postgresAvailable();
  const work = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-import-bench-'));
  chmodSync(work, 0o755); // the PostgreSQL server reads the CSV for COPY
  const storageDir = path.join(work, 'files');
  let db: string;
  let name = '';
  if (onPg) {
    name = `bench_import_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(BASE_URL);
    u.pathname = `/${name}`;
    db = u.toString();
  } else db = path.join(work, 'pglite');
  const database = await openDatabase(onPg ? { url: db } : { dataDir: db });
  await migrate(database);
  await seedReference(database.db);
  if (SUBJECT === 'birth_records')
    for (const code of COMMUNITIES)
      await buildCommunity(database.db, { code, name: `基准社区${code.slice(-3)}` });
  await database.close();
  console.log(
    `${SUBJECT}; database: ${onPg ? `PostgreSQL (${name})` : 'PGlite on disk (no COPY baseline)'}; rows: ${ROWS}; ` +
      `children's heap cap ${HEAP_MB} MB; load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  const small = writeCsv(10_000, 10_000_000, work);
  const large = writeCsv(ROWS, LARGE_FIRST, work);
  try {
    const r10k = importFile(db, storageDir, small);
    const largeFrom = new Date(); // rows of the large import are created after this (the floor copies them)
    const rBig = importFile(db, storageDir, large);
    const kitS = rBig.checkS + rBig.commitS;
    console.log(
      `import 10k: dry run ${ms(r10k.checkS)} (peak RSS ${rss(r10k.up)} over the loaded process), ` +
        `commit ${ms(r10k.commitS)} (peak RSS ${rss(r10k.commit)})`,
    );
    console.log(
      `import ${ROWS / 1000}k: dry run ${ms(rBig.checkS)} (peak RSS ${rss(rBig.up)}), ` +
        `commit ${ms(rBig.commitS)} (peak RSS ${rss(rBig.commit)}); total ${ms(kitS)}, ` +
        `${Math.round(ROWS / kitS).toLocaleString('en')} rows/s (inserted ${rBig.inserted})`,
    );
    console.log(
      `peak RSS 10k → ${ROWS / 1000}k: commit ${r10k.commit.maxRssMb} → ${rBig.commit.maxRssMb} MB ` +
        `(streamed from the FileStorage), dry run ${r10k.up.maxRssMb} → ${rBig.up.maxRssMb} MB ` +
        `(holds the upload as the route hands it over)`,
    );
    if (!onPg) return;
    const c = new pg.Client({ connectionString: db });
    c.on('error', () => {}); // the database is dropped WITH (FORCE) at the end, even after a failure
    await c.connect();
    let copyS = Number.NaN;
    let floorS = Number.NaN;
    let rowByRowS = Number.NaN;
    let t = performance.now();
    // Raw COPY of the same file into a text staging table.
    if (BASELINES.has('copy')) {
      const width = SUBJECT === 'birth_records' ? BIRTH_RECORD_HEADERS.length : IMPORT_HEADERS.length;
      await c.query(
        `CREATE TABLE staging (${Array.from({ length: width }, (_, i) => `c${i} text`).join(', ')})`,
      );
      t = performance.now();
      await c.query(`COPY staging FROM '${large}' WITH (FORMAT csv, HEADER true)`);
      copyS = (performance.now() - t) / 1000;
    }
    const SAMPLE = 3_000;
    if (SUBJECT === 'birth_records') {
      if (BASELINES.has('floor')) {
        // The write floor: the committed families, children and guardians into target-shaped tables.
        const since = largeFrom.toISOString();
        await c.query(`CREATE TABLE floor_fam_src AS SELECT * FROM families WHERE created_at >= '${since}'`);
        await c.query(
          `CREATE TABLE floor_child_src AS SELECT c.* FROM family_children c JOIN floor_fam_src f ON f.id = c.family_id`,
        );
        await c.query(
          `CREATE TABLE floor_guard_src AS SELECT g.* FROM family_guardians g JOIN floor_fam_src f ON f.id = g.family_id`,
        );
        await c.query('CREATE TABLE floor_fam (LIKE families INCLUDING ALL)');
        await c.query('CREATE TABLE floor_child (LIKE family_children INCLUDING ALL)');
        await c.query('CREATE TABLE floor_guard (LIKE family_guardians INCLUDING ALL)');
        for (const tbl of ['floor_child', 'floor_guard'])
          await c.query(
            `ALTER TABLE ${tbl} ADD FOREIGN KEY (district_code, family_id) REFERENCES floor_fam (district_code, id)`,
          );
        t = performance.now();
        await c.query('INSERT INTO floor_fam SELECT * FROM floor_fam_src');
        await c.query('ANALYZE floor_fam');
        await c.query('INSERT INTO floor_child SELECT * FROM floor_child_src');
        await c.query('INSERT INTO floor_guard SELECT * FROM floor_guard_src');
        floorS = (performance.now() - t) / 1000;
      }
      // Row by row: per record three INSERT statements (autocommit), values already sealed.
      t = performance.now();
      if (BASELINES.has('rows'))
        for (let i = 0; i < SAMPLE; i++) {
          const r = birthRow(900_000 + i); // sequences 900+ per day: none of the imported records
          const child = protect('citizen_id', r[1]!);
          const mobile = protect('phone', r[6]!);
          const fam = randomUUID();
          await c.query(
            `INSERT INTO families (district_code, id, town_code, community_code, address, resident, source, created_at, updated_at)
           VALUES ($1, $2, '310118102', $3, $4, true, 'birth_record', now(), now())`,
            [DISTRICT, fam, r[13], r[12]],
          );
          await c.query(
            `INSERT INTO family_children (district_code, id, family_id, child_name, id_number, id_number_bidx, birth_date, sex, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now())`,
            [
              DISTRICT,
              randomUUID(),
              fam,
              r[0],
              child.sealed,
              child.index,
              r[2],
              r[3] === '男' ? 'male' : 'female',
            ],
          );
          await c.query(
            `INSERT INTO family_guardians (district_code, id, family_id, position, guardian_name, relation, mobile, created_at)
           VALUES ($1, $2, $3, 0, $4, 'mother', $5, now())`,
            [DISTRICT, randomUUID(), fam, r[4], mobile.sealed],
          );
        }
    } else {
      if (BASELINES.has('floor')) {
        // The write floor: the same rows, already converted, into tables shaped like the targets.
        await c.query(
          `CREATE TABLE floor_src AS SELECT * FROM institutions WHERE name LIKE '青浦区基准托育园${String(LARGE_FIRST)[0]}%'`,
        );
        await c.query(
          `CREATE TABLE floor_hist_src AS SELECT h.* FROM institution_status_history h JOIN floor_src s ON s.id = h.institution_id`,
        );
        await c.query('CREATE TABLE floor_inst (LIKE institutions INCLUDING ALL)');
        await c.query('CREATE TABLE floor_hist (LIKE institution_status_history INCLUDING ALL)');
        await c.query(
          'ALTER TABLE floor_hist ADD FOREIGN KEY (district_code, institution_id) REFERENCES floor_inst (district_code, id)',
        );
        t = performance.now();
        await c.query('INSERT INTO floor_inst SELECT * FROM floor_src');
        // Statistics first, as the kit's commit does: without them the FK checks may scan the district.
        await c.query('ANALYZE floor_inst');
        await c.query('INSERT INTO floor_hist SELECT * FROM floor_hist_src');
        floorS = (performance.now() - t) / 1000;
      }
      // Row by row: one INSERT statement per row (autocommit), on a sample, extrapolated to ROWS.
      t = performance.now();
      if (BASELINES.has('rows'))
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
    }
    if (BASELINES.has('rows')) rowByRowS = ((performance.now() - t) / 1000) * (ROWS / SAMPLE);
    await c.end();
    const n = `${ROWS / 1000}k rows`;
    const has = (b: string) => BASELINES.has(b);
    if (has('copy')) console.log(`raw COPY into a text staging table (${n}): ${ms(copyS)}`);
    if (has('floor'))
      console.log(`write floor, set-based INSERT … SELECT into target-shaped tables (${n}): ${ms(floorS)}`);
    if (has('rows'))
      console.log(
        `row-by-row INSERT: ${ms(rowByRowS)} for ${n} (extrapolated from ${SAMPLE.toLocaleString('en')} rows)`,
      );
    if (has('copy'))
      console.log(
        `ratio import/COPY: ${(copyS / kitS).toFixed(3)}× (target ≥ 0.4×); commit alone ${(copyS / rBig.commitS).toFixed(3)}×` +
          (has('floor') ? `; write floor alone ${(copyS / floorS).toFixed(3)}×` : ''),
      );
    if (has('rows')) console.log(`ratio import/row-by-row: ${(rowByRowS / kitS).toFixed(1)}× (target ≥ 10×)`);
    if (has('floor'))
      console.log(
        `ratio commit/write floor: ${(floorS / rBig.commitS).toFixed(2)}× (1 = only the target tables' own cost)`,
      );
    const skipped = ['copy', 'floor', 'rows'].filter((b) => !has(b));
    if (skipped.length) console.log(`baselines not run (BENCH_BASELINES): ${skipped.join(', ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (name) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

if (process.argv[2] === '--child')
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!, process.argv[6]!);
else await main();
