/**
 * The import-commit kill drill of bench/faults.ts (issue 15), one function for every importer on the
 * kit: the district officer uploads a generated CSV, the dry run is clean, the commit job starts; once
 * `killAfter` batches (of the kit's 1,000 rows) are recorded the server gets SIGKILL. On the database the
 * restart finds, in SQL: every batch the run's audit trail records is there in full and nothing else
 * (the file's records in are exactly its first batches, each once), what the subject stores with a
 * record is there with it (`contents`), the run says so (`committing`, done = inserted = those rows)
 * and its job is `running` on attempt 1 (claimed by the dead process). After the restart a second
 * commit is refused (409), the job is claimed again when its lease runs out and completes the run once:
 * every record of the file exactly once, the run `committed` with done = inserted = the file's rows,
 * the batch entries' inserted counts adding up to them, one job, succeeded on attempt 2, a further
 * commit refused; then the subject's `after` (the birth records: the same file imported again adds and
 * changes nothing).
 * Subjects: institutions (a status-history row each) and the families' birth records (a child by its
 * ID's blind index, its guardians, its family).
 */
import pg from 'pg';
import { parseKeyRing } from '../server/platform/crypto/keys.ts';
import { indexValue, installKeyRing } from '../server/platform/personal-data.ts';
import {
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
  multipartBody,
} from '../test/factories/inputs.ts';
import { BIRTH_RECORD_HEADERS, birthRecordRow } from './birth-records.ts';
import { type BenchServer, login } from './server-process.ts';

/** The import kit's rows per commit transaction (server/platform/import/service.ts BATCH). */
export const IMPORT_BATCH = 1000;

/** The drill's verdicts and helpers, from faults.ts. */
export interface DrillTools {
  check(ok: boolean, what: string): void;
  verifyAudit(dbUrl: string, when: string): void;
  /** The served process's job lease in seconds: a killed job is claimed again this long after its last renewal. */
  leaseSeconds: number;
}

interface Subject {
  /** The kit's kind: routes /api/v1/<kind>/imports, audit action and job kind `<kind>.import`. */
  kind: 'institutions' | 'families';
  title: string;
  rows: number;
  killAfter: number;
  csv: string;
  /** The 0-based file positions of the file's records in the database, one per stored record. */
  present(c: pg.Client): Promise<number[]>;
  /** The subject's own checks of what is stored with the file's first `rows` records, and nothing else. */
  contents(c: pg.Client, o: { rows: number; runId: string; when: string }): Promise<void>;
  /** After the run is committed and checked. */
  after?(c: pg.Client, o: { url: string; cookie: string }): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Requests shed with 503 server.overloaded (a busy event loop) and asked again, as a client would. */
let overloaded = 0;

type RunView = { status: string; doneRows: number; insertedRows: number };

/** POST …/commit; a 503 `server.overloaded` (the loop was busy, e.g. right after a dry run) is asked again. */
async function commitRequest(url: string, kind: string, runId: string, cookie: string) {
  for (let i = 0; ; i++) {
    const r = await fetch(`${url}/api/v1/${kind}/imports/${runId}/commit`, {
      method: 'POST',
      headers: { cookie },
    });
    if (r.status !== 503 || i === 10) return r;
    overloaded++;
    await sleep(1000);
  }
}

/** Upload + dry run of a CSV as the district officer. */
async function upload(url: string, kind: string, cookie: string, csv: string) {
  const form = multipartBody(`faults-${kind}.csv`, 'text/csv', Buffer.from(csv));
  const up = await fetch(`${url}/api/v1/${kind}/imports`, {
    method: 'POST',
    headers: { ...form.headers, cookie },
    body: form.payload,
  });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
  return (await up.json()) as { id: string; totalRows: number; errorCount: number; existingRows: number };
}

/** GET …/imports/{id} until the run is no longer committing (or `seconds` pass); its last view. */
async function waitRun(url: string, kind: string, runId: string, cookie: string, seconds: number) {
  let view: RunView = { status: '', doneRows: 0, insertedRows: 0 };
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const g = await fetch(`${url}/api/v1/${kind}/imports/${runId}`, { headers: { cookie } });
    if (g.ok) view = (await g.json()) as RunView;
    else overloaded += g.status === 503 ? 1 : 0; // shed while the job converts a batch: ask again
    if (g.ok && view.status !== 'committing') break;
    await sleep(500);
  }
  return view;
}

/** The run's batch entries in the audit trail: how many, the rows they cover and those they inserted. */
async function batchEntries(c: pg.Client, kind: string, runId: string) {
  const q = await c.query<{ entries: string; rows: string; inserted: string }>(
    `select count(*) as entries, coalesce(sum((changes->>'rows')::int), 0) as rows,
            coalesce(sum((changes->>'inserted')::int), 0) as inserted
       from audit_log where action = $1 and object_id = $2`,
    [`${kind}.import`, runId],
  );
  const r = q.rows[0]!;
  return { entries: Number(r.entries), rows: Number(r.rows), inserted: Number(r.inserted) };
}

/** Uploads, commits and waits for a whole import (no kill): the run's last view. */
async function importWhole(url: string, kind: string, cookie: string, csv: string, leaseSeconds: number) {
  const run = await upload(url, kind, cookie, csv);
  const commit = await commitRequest(url, kind, run.id, cookie);
  if (commit.status !== 202) throw new Error(`commit: ${commit.status} ${await commit.text()}`);
  return { run, view: await waitRun(url, kind, run.id, cookie, leaseSeconds + 90) };
}

/** An import's commit killed with SIGKILL after some batches, the server restarted, the job resumed. */
async function importKilled(server: BenchServer, s: Subject, t: DrillTools) {
  const { url } = server;
  const { check } = t;
  const base = `/api/v1/${s.kind}/imports`;
  const batches = Math.ceil(s.rows / IMPORT_BATCH);
  console.log(
    `\nimport commit killed (${base}): ${s.rows} ${s.title} (${batches} batches of ${IMPORT_BATCH}), SIGKILL once ${s.killAfter} batch(es) are recorded`,
  );
  let cookie = await login(url, 'district');
  const t0 = performance.now();
  const run = await upload(url, s.kind, cookie, s.csv);
  console.log(`  dry run in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  check(
    run.totalRows === s.rows && run.errorCount === 0 && run.existingRows === 0,
    `the dry run is clean: ${run.totalRows} rows, ${run.errorCount} errors, ${run.existingRows} existing`,
  );
  const commit = await commitRequest(url, s.kind, run.id, cookie);
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
  /** The file's first `n` records are in, each once, and no other record of the file. */
  const exactlyFirst = (positions: number[], n: number) =>
    positions.length === n && positions.every((p, i) => p === i);
  try {
    // Kill once the run records the batches: polled in SQL (the same row GET …/imports/{id} reads).
    let seen = { status: 'committing', done_rows: 0, inserted_rows: 0 };
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      seen = await runRow();
      if (seen.status !== 'committing' || seen.done_rows >= s.killAfter * IMPORT_BATCH) break;
      await sleep(20);
    }
    const killedMid = seen.status === 'committing' && seen.done_rows < s.rows;
    if (killedMid) await server.kill9();
    check(
      killedMid,
      `the server was killed mid-commit: ${seen.done_rows} rows recorded when the kill was sent, i.e. while batch ${seen.done_rows / IMPORT_BATCH + 1} of ${batches} was being written (status ${seen.status})`,
    );
    if (!killedMid) return;

    // What the restart finds (read before it, on the same database: nothing runs on it meanwhile).
    const at = await runRow();
    const entries = await batchEntries(c, s.kind, run.id);
    const positions = (await s.present(c)).sort((a, b) => a - b);
    console.log(
      `  at the kill: ${entries.entries} batch entries in the audit trail, ${positions.length} records in, run ${at.status} with ${at.done_rows} done / ${at.inserted_rows} inserted; nothing of batch ${at.done_rows / IMPORT_BATCH + 1} on (in flight or next: rolled back with the process)`,
    );
    check(
      entries.entries > 0 &&
        entries.rows === entries.entries * IMPORT_BATCH &&
        entries.inserted === positions.length,
      `every batch the audit trail records is there in full (${entries.entries} entries for ${entries.rows} rows, ${entries.inserted} inserted; ${positions.length} records in)`,
    );
    check(
      exactlyFirst(positions, entries.rows),
      `no partial batch: the records in are exactly the file's first ${entries.entries} batch(es) (rows 1–${entries.rows}), each once`,
    );
    await s.contents(c, { rows: positions.length, runId: run.id, when: 'at the kill' });
    check(
      at.status === 'committing' &&
        at.done_rows === positions.length &&
        at.inserted_rows === positions.length,
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
    const again = await commitRequest(url, s.kind, run.id, cookie);
    const againBody = (await again.json()) as { code?: string };
    check(
      again.status === 409,
      `a second commit while it is committing is refused: ${again.status} ${againBody.code ?? ''}`,
    );
    const view = await waitRun(url, s.kind, run.id, cookie, t.leaseSeconds + 90);
    console.log(
      `  resumed and finished ${((performance.now() - t1) / 1000).toFixed(1)} s after the restart began: ${view.status}, ${view.doneRows} done, ${view.insertedRows} inserted`,
    );
    check(
      view.status === 'committed' && view.doneRows === s.rows && view.insertedRows === s.rows,
      `the resumed commit completes the run: ${view.status}, ${view.doneRows}/${s.rows} done, ${view.insertedRows} inserted`,
    );
    const final = (await s.present(c)).sort((a, b) => a - b);
    check(
      exactlyFirst(final, s.rows),
      `every record of the file is there exactly once (${final.length}/${s.rows}, ${new Set(final).size} distinct)`,
    );
    await s.contents(c, { rows: s.rows, runId: run.id, when: 'after the resumption' });
    const after = await batchEntries(c, s.kind, run.id);
    check(
      after.inserted === s.rows,
      `the audit trail's batches add up to the file: ${after.entries} entries, ${after.inserted} inserted (the resumed attempt went over the ${after.rows - s.rows} rows already in again, adding none of them)`,
    );
    const jobsOfRun = await c.query<{ id: string; status: string; attempts: number }>(
      `select id::text, status, attempts from jobs where kind = $1 and payload->>'runId' = $2`,
      [`${s.kind}.import`, run.id],
    );
    const job = jobsOfRun.rows[0];
    check(
      jobsOfRun.rowCount === 1 && job?.status === 'succeeded' && job.attempts === 2,
      `one job for the run, resumed once: ${jobsOfRun.rowCount} job(s), ${job?.status} on attempt ${job?.attempts}`,
    );
    const once = await commitRequest(url, s.kind, run.id, cookie);
    check(once.status === 409, `a committed run is not committed again (${once.status})`);
    await s.after?.(c, { url, cookie });
    if (overloaded)
      console.log(`  (${overloaded} request(s) shed with 503 server.overloaded and asked again)`);
    t.verifyAudit(server.dbUrl, `after the ${s.title} import`);
  } finally {
    await c.end();
  }
}

/** The institutions drill: generated institutions (the test factories), one status-history row each. */
export async function institutionsKilled(
  server: BenchServer,
  o: { rows: number; killAfter: number },
  t: DrillTools,
) {
  const FIRST = 83_000_000;
  const codes = Array.from({ length: o.rows }, (_, i) => creditCodeFor(FIRST + i));
  const index = new Map(codes.map((c, i) => [c, i]));
  const csv = csvText([
    IMPORT_HEADERS,
    ...codes.map((creditCode, i) =>
      importRowOf(buildInstitutionInput({ creditCode, name: `青浦区故障导入演练托育园${i}` })),
    ),
  ]);
  /** The file's institutions in the table, with how many 'import' history rows each has. */
  const imported = async (c: pg.Client) =>
    (
      await c.query<{ credit_code: string; history: string }>(
        `select i.credit_code, (select count(*) from institution_status_history h
                                  where h.district_code = i.district_code and h.institution_id = i.id
                                    and h.action = 'import') as history
           from institutions i where i.credit_code = any($1::text[])`,
        [codes],
      )
    ).rows;
  await importKilled(
    server,
    {
      kind: 'institutions',
      title: 'institutions',
      ...o,
      csv,
      present: async (c) => (await imported(c)).map((r) => index.get(r.credit_code)!),
      async contents(c, { when }) {
        const rows = await imported(c);
        t.check(
          rows.every((r) => Number(r.history) === 1),
          `every imported institution has exactly one status-history entry, ${when} (same transaction)`,
        );
        const orphans = await c.query(
          `select 1 from institution_status_history h where h.action = 'import'
              and not exists (select 1 from institutions i where i.district_code = h.district_code and i.id = h.institution_id)`,
        );
        t.check(
          orphans.rowCount === 0,
          `no history entry names a missing institution, ${when} (${orphans.rowCount})`,
        );
      },
    },
    t,
  );
}

/**
 * The birth-record drill (families): generated records (bench/birth-records.ts) in the demo district's
 * communities, a mother each and a father in every third. A record is found by its child's ID number's
 * blind index (computed here with the served process's key ring; nothing is opened or printed).
 */
export async function birthRecordsKilled(
  server: BenchServer,
  o: { rows: number; killAfter: number },
  t: DrillTools,
) {
  installKeyRing(parseKeyRing(server.keys, 'the bench server'));
  const FIRST = 700_000; // sequences 700+ per birth day: none of the demo's children (501–…)
  const c0 = new pg.Client({ connectionString: server.dbUrl });
  await c0.connect();
  const communities = (
    await c0.query<{ code: string }>(
      `select code from family_communities where district_code = '310118' order by code`,
    )
  ).rows.map((r) => r.code);
  await c0.end();
  const father = (i: number) => i % 3 === 2;
  const rows = Array.from({ length: o.rows }, (_, i) =>
    birthRecordRow(FIRST + i, { label: '故障演练', communities, father: father(i) }),
  );
  const bidx = rows.map((r) => indexValue('citizen_id', r[1]!) as string);
  const index = new Map(bidx.map((b, i) => [b, i]));
  const csv = csvText([BIRTH_RECORD_HEADERS, ...rows]);
  /** The file's children in the table (by blind index) with their families' guardians' relations in order. */
  const children = async (c: pg.Client) =>
    (
      await c.query<{ bidx: string; relations: string[]; siblings: string }>(
        `select c.id_number_bidx as bidx,
                array(select g.relation from family_guardians g
                       where g.district_code = c.district_code and g.family_id = c.family_id order by g.position) as relations,
                (select count(*) from family_children s
                  where s.district_code = c.district_code and s.family_id = c.family_id) as siblings
           from family_children c where c.district_code = '310118' and c.id_number_bidx = any($1::text[])`,
        [bidx],
      )
    ).rows;
  /** The families (children, guardians) written since the run was made: the import's and nothing else. */
  const written = async (c: pg.Client, runId: string) => {
    const q = await c.query<{ families: string; children: string; guardians: string; fingerprint: string }>(
      `with f as (select f.* from families f, import_runs r
                   where r.id = $1 and f.district_code = '310118' and f.created_at >= r.created_at)
       select (select count(*) from f) as families,
              (select count(*) from family_children c join f on f.district_code = c.district_code and f.id = c.family_id) as children,
              (select count(*) from family_guardians g join f on f.district_code = g.district_code and f.id = g.family_id) as guardians,
              md5(concat(
                (select string_agg(concat_ws('|', f.id, f.version, f.updated_at, f.address, f.community_code), ',' order by f.id) from f),
                (select string_agg(concat_ws('|', c.id, c.updated_at, c.id_number, c.child_name), ',' order by c.id)
                   from family_children c join f on f.district_code = c.district_code and f.id = c.family_id),
                (select string_agg(concat_ws('|', g.id, g.mobile, g.relation, g.guardian_name), ',' order by g.id)
                   from family_guardians g join f on f.district_code = g.district_code and f.id = g.family_id))) as fingerprint`,
      [runId],
    );
    const r = q.rows[0]!;
    return {
      families: Number(r.families),
      children: Number(r.children),
      guardians: Number(r.guardians),
      fingerprint: r.fingerprint,
    };
  };
  const guardiansOf = (n: number) =>
    Array.from({ length: n }, (_, i) => (father(i) ? 2 : 1)).reduce((a, b) => a + b, 0);
  let runOfFile = '';
  await importKilled(
    server,
    {
      kind: 'families',
      title: 'birth records',
      ...o,
      csv,
      present: async (c) => (await children(c)).map((r) => index.get(r.bidx)!),
      async contents(c, { rows: n, runId, when }) {
        runOfFile = runId;
        const found = await children(c);
        t.check(
          found.every((r) => {
            const i = index.get(r.bidx)!;
            const want = father(i) ? ['mother', 'father'] : ['mother'];
            return Number(r.siblings) === 1 && r.relations.join() === want.join();
          }),
          `every child in has its family of one child and its guardians (mother, father in every third), ${when}`,
        );
        const w = await written(c, runId);
        t.check(
          w.families === n && w.children === n && w.guardians === guardiansOf(n),
          `nothing without its batch: the families written since the upload are the ${n} records' (${w.families} families, ${w.children} children, ${w.guardians}/${guardiansOf(n)} guardians), ${when}`,
        );
      },
      async after(c, { url, cookie }) {
        // The same file again: the dry run finds every record, the commit adds and changes nothing.
        const before = await written(c, runOfFile);
        const { run, view } = await importWhole(url, 'families', cookie, csv, t.leaseSeconds);
        t.check(
          run.errorCount === 0 && run.existingRows === o.rows,
          `a re-import of the same file: the dry run finds every record existing (${run.existingRows}/${o.rows}, ${run.errorCount} errors)`,
        );
        const entries = await batchEntries(c, 'families', run.id);
        const now = await written(c, runOfFile);
        const final = (await children(c)).length;
        t.check(
          view.status === 'committed' &&
            view.insertedRows === 0 &&
            entries.inserted === 0 &&
            final === o.rows,
          `the re-import commits adding nothing: ${view.status}, ${view.insertedRows} inserted (audit: ${entries.inserted}), ${final} children of the file`,
        );
        t.check(
          now.fingerprint === before.fingerprint && now.guardians === before.guardians,
          `…and changes nothing: families, children and guardians as before (md5 of ids, versions, sealed values ${now.fingerprint === before.fingerprint ? 'equal' : 'differ'})`,
        );
      },
    },
    t,
  );
}
