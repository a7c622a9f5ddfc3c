/**
 * Fault drill (issue 15): the real server (bench/server-process.ts) killed with SIGKILL in the middle of a
 * write burst, then started again on the same database. Checks, in SQL on the database itself:
 * - nothing committed is lost: every write the server acknowledged (201 with an id) is there;
 * - nothing is half-written: every roster row written has its audit entry (same transaction) and no
 *   audit entry names a row that is not there;
 * - the audit chain verifies after the restart (entries committed but not yet sealed when the process
 *   died are sealed by the start-up, ADR 0017);
 * - the restarted server answers and takes writes again.
 * Then an import's commit killed (issue 15): the district officer uploads a CSV of FAULT_IMPORT_ROWS
 * generated institutions (the test factories), the dry run is clean, the commit job starts; once
 * FAULT_IMPORT_KILL_AFTER batches (of the kit's 1,000 rows) are recorded the server gets SIGKILL. On
 * the database the restart finds, in SQL: every batch the run's audit trail records is there in full
 * (its rows, one status-history row each) and no row is there without its batch's entry (the rows in
 * are exactly the file's first batches), the run says so (`committing`, done/inserted rows = the
 * batches in) and its job is still `running` on its first attempt (claimed by the dead process). After
 * the restart a second commit is refused (409: one job per run), the job is claimed again when its
 * lease (JOB_LEASE_SECONDS, 10 s here) runs out and completes the run once: every row of the file
 * exactly once, one history row each, the run `committed` with done = inserted = the file's rows, the
 * audit entries' inserted counts adding up to them, one job, succeeded on its second attempt.
 * Then PostgreSQL itself restarted under load: a private cluster (initdb in a temporary folder on a free
 * port, run as the `postgres` user; skipped with a note where that is not possible) serves a second
 * server; while requests keep coming the cluster is stopped for a few seconds and started again:
 * `/api/health` must answer 503 during the outage and 200 after it, and the same server process (no
 * restart of its own) must answer reads and take writes again.
 * Exit 1 on any of these. Jobs killed mid-run are proven by server/platform/jobs restart.test.ts (a
 * child process killed mid-job, the job completed once by the next runner).
 *
 * Run: node --import tsx bench/faults.ts   (FAULT_WRITES, default 400; FAULT_KILL_AFTER, default 150;
 * FAULT_IMPORT_ROWS, default 6000; FAULT_IMPORT_KILL_AFTER, batches, default 2)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
  multipartBody,
} from '../test/factories/inputs.ts';
import {
  type BenchServer,
  demoInstitutionClass,
  freePort,
  login,
  startBenchServer,
} from './server-process.ts';

const WRITES = Number(process.env.FAULT_WRITES ?? 400);
const KILL_AFTER = Number(process.env.FAULT_KILL_AFTER ?? 150);
const IMPORT_ROWS = Number(process.env.FAULT_IMPORT_ROWS ?? 6000);
const IMPORT_KILL_AFTER = Number(process.env.FAULT_IMPORT_KILL_AFTER ?? 2);
/** The import kit's rows per commit transaction (server/platform/import/service.ts BATCH). */
const IMPORT_BATCH = 1000;
/** The served process's job lease: a job killed mid-run is claimed again this long after its last renewal. */
const JOB_LEASE_SECONDS = 10;
const IN_FLIGHT = 10;

let failed = false;
/** Requests shed with 503 server.overloaded (a busy event loop) and asked again, as a client would. */
let overloaded = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

const server = await startBenchServer('faults', undefined, { JOB_LEASE_SECONDS: String(JOB_LEASE_SECONDS) });
try {
  const { url } = server;
  const { cookie, classId } = await demoInstitutionClass(url);
  // A class of its own for the burst: a new class is not at hand through the API without a filing
  // change, so the burst adds roster children to the demo class; the checks count only the burst's
  // own names ("故障演练…").
  const acknowledged: string[] = [];
  const refused: number[] = [];
  let sent = 0;
  let killed = false;
  console.log(
    `write burst: up to ${WRITES} roster additions, ${IN_FLIGHT} in flight; SIGKILL after ${KILL_AFTER} acknowledged`,
  );
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (sent < WRITES && !killed) {
        const i = sent++;
        try {
          const r = await fetch(`${url}/api/v1/operating/classes/${classId}/roster`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ name: `故障演练${i}`, birthMonth: '2024-06' }),
          });
          if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
          else refused.push(r.status);
        } catch {
          // the connection died with the process: not acknowledged
        }
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = true;
          await server.kill9();
        }
      }
    }),
  );
  console.log(
    `  sent ${sent}, acknowledged ${acknowledged.length}, refused ${refused.length}${refused.length ? ` (${[...new Set(refused)].join(', ')})` : ''}; killed: ${killed}`,
  );
  check(killed, 'the server was killed mid-burst');

  const t0 = performance.now();
  await server.restart();
  console.log(`restarted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const c = new pg.Client({ connectionString: server.dbUrl });
  await c.connect();
  try {
    const rows = await c.query<{ id: string }>(
      `select id::text from operating_children where class_id = $1 and id = any($2::uuid[])`,
      [classId, acknowledged],
    );
    const present = new Set(rows.rows.map((r) => r.id));
    check(
      acknowledged.every((id) => present.has(id)),
      `every acknowledged write is there (${present.size}/${acknowledged.length})`,
    );
    const all = await c.query<{ id: string }>(`select id::text from operating_children where class_id = $1`, [
      classId,
    ]);
    const audits = await c.query<{ object_id: string }>(
      `select object_id from audit_log where action = 'operating.roster_add'`,
    );
    const audited = new Map<string, number>();
    for (const a of audits.rows) audited.set(a.object_id, (audited.get(a.object_id) ?? 0) + 1);
    const rowIds = new Set(all.rows.map((r) => r.id));
    const burstRows = all.rows.filter((r) => audited.has(r.id) || acknowledged.includes(r.id));
    check(
      all.rows.every((r) => audited.get(r.id) === 1),
      `every roster row has exactly one audit entry (${all.rows.length} rows, ${burstRows.length} from the burst incl. unacknowledged commits: ${burstRows.length - acknowledged.length})`,
    );
    check(
      [...audited.keys()].every((id) => rowIds.has(id)),
      'no audit entry names a roster row that is not there',
    );
  } finally {
    await c.end();
  }

  const verify = await fetch(`${url}/api/health`);
  check(verify.ok, '/api/health answers after the restart');
  verifyAudit(server.dbUrl, 'on the restarted database');
  const again = await demoInstitutionClass(url);
  const r = await fetch(`${url}/api/v1/operating/classes/${again.classId}/roster`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: again.cookie },
    body: JSON.stringify({ name: '故障演练之后', birthMonth: '2024-06' }),
  });
  check(r.status === 201, `a write after the restart is taken (${r.status})`);
  await importKilled(server);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await server.close();
}
await postgresOutage();
console.log(failed ? '\nfault drill: FAILED' : '\nfault drill: every check passed');
process.exit(failed ? 1 : 0);

/** POST …/commit; a 503 `server.overloaded` (the loop was busy, e.g. right after a dry run) is asked again. */
async function commitRequest(url: string, runId: string, cookie: string) {
  for (let i = 0; ; i++) {
    const r = await fetch(`${url}/api/v1/institutions/imports/${runId}/commit`, {
      method: 'POST',
      headers: { cookie },
    });
    if (r.status !== 503 || i === 10) return r;
    overloaded++;
    await sleep(1000);
  }
}

/** An import's commit killed with SIGKILL after some batches, the server restarted, the job resumed. */
async function importKilled(server: BenchServer) {
  const { url } = server;
  const FIRST = 83_000_000;
  const codes = Array.from({ length: IMPORT_ROWS }, (_, i) => creditCodeFor(FIRST + i));
  const index = new Map(codes.map((c, i) => [c, i]));
  const batches = Math.ceil(IMPORT_ROWS / IMPORT_BATCH);
  console.log(
    `\nimport commit killed: ${IMPORT_ROWS} institutions (${batches} batches of ${IMPORT_BATCH}), SIGKILL once ${IMPORT_KILL_AFTER} batch(es) are recorded`,
  );
  const csv = csvText([
    IMPORT_HEADERS,
    ...codes.map((creditCode, i) =>
      importRowOf(buildInstitutionInput({ creditCode, name: `青浦区故障导入演练托育园${i}` })),
    ),
  ]);
  let cookie = await login(url, 'district');
  const form = multipartBody('faults-import.csv', 'text/csv', Buffer.from(csv));
  const t0 = performance.now();
  const up = await fetch(`${url}/api/v1/institutions/imports`, {
    method: 'POST',
    headers: { ...form.headers, cookie },
    body: form.payload,
  });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const run = (await up.json()) as {
    id: string;
    totalRows: number;
    errorCount: number;
    existingRows: number;
  };
  console.log(`  dry run in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  check(
    run.totalRows === IMPORT_ROWS && run.errorCount === 0 && run.existingRows === 0,
    `the dry run is clean: ${run.totalRows} rows, ${run.errorCount} errors, ${run.existingRows} existing`,
  );
  const commit = await commitRequest(url, run.id, cookie);
  const { jobId } = (await commit.json()) as { jobId: string };
  check(commit.status === 202, `the commit is accepted (${commit.status}), job ${jobId}`);

  const c = new pg.Client({ connectionString: server.dbUrl });
  await c.connect();
  const runRow = async () =>
    (
      await c.query<{ status: string; done_rows: number; inserted_rows: number }>(
        'select status, done_rows, inserted_rows from import_runs where id = $1',
        [run.id],
      )
    ).rows[0]!;
  const jobRow = async () =>
    (
      await c.query<{ status: string; attempts: number }>('select status, attempts from jobs where id = $1', [
        jobId,
      ])
    ).rows[0]!;
  /** The run's batch entries: how many, the rows they cover and the rows they say they inserted. */
  const batchEntries = async () => {
    const q = await c.query<{ entries: string; rows: string; inserted: string }>(
      `select count(*) as entries, coalesce(sum((changes->>'rows')::int), 0) as rows,
              coalesce(sum((changes->>'inserted')::int), 0) as inserted
         from audit_log where action = 'institutions.import' and object_id = $1`,
      [run.id],
    );
    const r = q.rows[0]!;
    return { entries: Number(r.entries), rows: Number(r.rows), inserted: Number(r.inserted) };
  };
  /** The file's institutions in the table, with how many 'import' history rows each has. */
  const imported = async () =>
    (
      await c.query<{ credit_code: string; history: string }>(
        `select i.credit_code, (select count(*) from institution_status_history h
                                  where h.district_code = i.district_code and h.institution_id = i.id
                                    and h.action = 'import') as history
           from institutions i where i.credit_code = any($1::text[])`,
        [codes],
      )
    ).rows;
  try {
    // Kill once the run records the batches: polled in SQL (the same row GET …/imports/{id} reads).
    let seen = { status: 'committing', done_rows: 0, inserted_rows: 0 };
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      seen = await runRow();
      if (seen.status !== 'committing' || seen.done_rows >= IMPORT_KILL_AFTER * IMPORT_BATCH) break;
      await sleep(20);
    }
    const killedMid = seen.status === 'committing' && seen.done_rows < IMPORT_ROWS;
    if (killedMid) await server.kill9();
    check(
      killedMid,
      `the server was killed mid-commit: ${seen.done_rows} rows recorded when the kill was sent, i.e. while batch ${seen.done_rows / IMPORT_BATCH + 1} of ${batches} was being written (status ${seen.status})`,
    );
    if (!killedMid) return;

    // What the restart finds (read before it, on the same database: nothing runs on it meanwhile).
    const at = await runRow();
    const entries = await batchEntries();
    const rows = await imported();
    const positions = rows.map((r) => index.get(r.credit_code)!).sort((a, b) => a - b);
    const recordedBatches = at.done_rows / IMPORT_BATCH;
    console.log(
      `  at the kill: ${entries.entries} batch entries in the audit trail, ${rows.length} rows in, run ${at.status} with ${at.done_rows} done / ${at.inserted_rows} inserted; nothing of batch ${recordedBatches + 1} on (in flight or next: rolled back with the process)`,
    );
    check(
      entries.entries > 0 &&
        entries.rows === entries.entries * IMPORT_BATCH &&
        entries.inserted === rows.length,
      `every batch the audit trail records is there in full (${entries.entries} entries for ${entries.rows} rows, ${entries.inserted} inserted; ${rows.length} rows in)`,
    );
    check(
      positions.every((p, i) => p === i) && rows.length % IMPORT_BATCH === 0,
      `no partial batch: the rows in are exactly the file's first ${rows.length / IMPORT_BATCH} batch(es) (rows 1–${rows.length})`,
    );
    check(
      rows.every((r) => Number(r.history) === 1),
      'every imported row has exactly one status-history entry (same transaction)',
    );
    const orphans = await c.query(
      `select 1 from institution_status_history h where h.action = 'import'
          and not exists (select 1 from institutions i where i.district_code = h.district_code and i.id = h.institution_id)`,
    );
    check(orphans.rowCount === 0, `no history entry names a missing institution (${orphans.rowCount})`);
    check(
      at.status === 'committing' && at.done_rows === rows.length && at.inserted_rows === rows.length,
      `the run says what is in: ${at.status}, ${at.done_rows} rows done, ${at.inserted_rows} inserted`,
    );
    const jobAtKill = await jobRow();
    check(
      jobAtKill.status === 'running' && jobAtKill.attempts === 1,
      `its job is left running on attempt ${jobAtKill.attempts} (${jobAtKill.status}), to be claimed again when the lease runs out`,
    );

    const t1 = performance.now();
    await server.restart();
    console.log(`  restarted in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    cookie = await login(url, 'district');
    const again = await commitRequest(url, run.id, cookie);
    const againBody = (await again.json()) as { code?: string };
    check(
      again.status === 409,
      `a second commit while it is committing is refused: ${again.status} ${againBody.code ?? ''}`,
    );
    let view = { status: '', doneRows: 0, insertedRows: 0 };
    const deadline = Date.now() + (JOB_LEASE_SECONDS + 90) * 1000;
    while (Date.now() < deadline) {
      const g = await fetch(`${url}/api/v1/institutions/imports/${run.id}`, { headers: { cookie } });
      if (g.ok) view = (await g.json()) as typeof view;
      else overloaded += g.status === 503 ? 1 : 0; // shed while the job converts a batch: ask again
      if (g.ok && view.status !== 'committing') break;
      await sleep(500);
    }
    console.log(
      `  resumed and finished ${((performance.now() - t1) / 1000).toFixed(1)} s after the restart began: ${view.status}, ${view.doneRows} done, ${view.insertedRows} inserted`,
    );
    check(
      view.status === 'committed' && view.doneRows === IMPORT_ROWS && view.insertedRows === IMPORT_ROWS,
      `the resumed commit completes the run: ${view.status}, ${view.doneRows}/${IMPORT_ROWS} done, ${view.insertedRows} inserted`,
    );
    const final = await imported();
    check(
      final.length === IMPORT_ROWS && new Set(final.map((r) => r.credit_code)).size === IMPORT_ROWS,
      `every row of the file is there exactly once (${final.length}/${IMPORT_ROWS})`,
    );
    check(
      final.every((r) => Number(r.history) === 1),
      'every imported row has exactly one status-history entry after the resumption',
    );
    const after = await batchEntries();
    check(
      after.inserted === IMPORT_ROWS,
      `the audit trail's batches add up to the file: ${after.entries} entries, ${after.inserted} inserted (the resumed attempt went over the ${after.rows - IMPORT_ROWS} rows already in again, adding none of them)`,
    );
    const jobsOfRun = await c.query<{ id: string; status: string; attempts: number }>(
      `select id::text, status, attempts from jobs where kind = 'institutions.import' and payload->>'runId' = $1`,
      [run.id],
    );
    const job = jobsOfRun.rows[0];
    check(
      jobsOfRun.rowCount === 1 && job?.status === 'succeeded' && job.attempts === 2,
      `one job for the run, resumed once: ${jobsOfRun.rowCount} job(s), ${job?.status} on attempt ${job?.attempts}`,
    );
    const once = await commitRequest(url, run.id, cookie);
    check(once.status === 409, `a committed run is not committed again (${once.status})`);
    if (overloaded)
      console.log(`  (${overloaded} request(s) shed with 503 server.overloaded and asked again)`);
    verifyAudit(server.dbUrl, 'after the import');
  } finally {
    await c.end();
  }
}

function verifyAudit(dbUrl: string, when: string) {
  const audit = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
    env: { ...process.env, DATABASE_URL: dbUrl },
    encoding: 'utf8',
  });
  check(audit.status === 0 && /OK/.test(audit.stdout), `audit:verify ${when}: ${audit.stdout.trim()}`);
}

/** A private PostgreSQL cluster (this machine's PostgreSQL binaries, run as `postgres`), or null. */
function privateCluster(port: number) {
  const bin = '/usr/lib/postgresql/15/bin';
  if (!existsSync(`${bin}/initdb`) || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  const as = (cmd: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', ...cmd], { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  as([`${bin}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const ctl = (action: 'start' | 'stop') =>
    as([
      `${bin}/pg_ctl`,
      '-D',
      data,
      '-w',
      '-m',
      'fast',
      '-l',
      path.join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      action,
    ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl('start'),
    stop: () => ctl('stop'),
    remove() {
      try {
        ctl('stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresOutage() {
  const cluster = privateCluster(await freePort());
  if (!cluster) {
    console.log('\nPostgreSQL restart under load: skipped (needs root and /usr/lib/postgresql/15/bin)');
    return;
  }
  console.log('\nPostgreSQL restarted under load (a private cluster):');
  let s2: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  try {
    cluster.start();
    s2 = await startBenchServer('outage', cluster.url);
    const { url } = s2;
    const pid = s2.child.pid;
    const statuses: number[] = [];
    let running = true;
    // Steady traffic through the outage: public search, 20 a second.
    const traffic = (async () => {
      while (running) {
        try {
          statuses.push((await fetch(`${url}/api/v1/public/institutions?pageSize=5`)).status);
        } catch {
          statuses.push(0);
        }
        await sleep(50);
      }
    })();
    await sleep(1500);
    cluster.stop();
    const t0 = performance.now();
    await sleep(1000);
    const during = await fetch(`${url}/api/health`);
    check(during.status === 503, `/api/health answers 503 while the database is down (${during.status})`);
    await sleep(2000);
    cluster.start();
    let back = 0;
    for (let i = 0; i < 60 && !back; i++) {
      if ((await fetch(`${url}/api/health`)).status === 200) back = performance.now();
      else await sleep(500);
    }
    check(back > 0, `/api/health answers 200 again ${((back - t0) / 1000).toFixed(1)} s after the stop`);
    await sleep(1000);
    running = false;
    await traffic;
    check(s2.child.pid === pid && s2.child.exitCode === null, 'the same server process served throughout');
    const bad = statuses.filter((c) => c !== 200);
    check(
      bad.every((c) => c === 503),
      `during the outage reads answer 503 (retry), never 500 or a hang: ${bad.length} of ${statuses.length} not 200 (${[...new Set(bad)].join(', ') || 'none'})`,
    );
    const after = statuses.slice(-10);
    check(
      after.every((c) => c === 200),
      `reads answer 200 again (last 10: ${after.join(' ')})`,
    );
    const again = await demoInstitutionClass(url);
    const w = await fetch(`${url}/api/v1/operating/classes/${again.classId}/roster`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: again.cookie },
      body: JSON.stringify({ name: '停库之后', birthMonth: '2024-06' }),
    });
    check(w.status === 201, `a write after the database came back is taken (${w.status})`);
  } catch (e) {
    failed = true;
    console.error(e);
  } finally {
    await s2?.close().catch(() => {});
    cluster.remove();
  }
}
