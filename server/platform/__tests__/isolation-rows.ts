/**
 * Issue 15: the rows of district B that B's demo does not make — import runs with their errors, a large
 * export and its job, uploaded files of each kind, a parent's account — made through B's own users and
 * the real API (the accounts of institution admins and the parent are test setup, as the demo makes
 * them), so that tenant-isolation.test.ts can probe the routes that read them.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../test/app.ts';
import { csvText, multipartBody, SAMPLE_FILES } from '../../../test/factories/inputs.ts';
import { seedDemoAccounts } from '../../demo/accounts.ts';
import { Rng } from '../../demo/rng.ts';
import { institutionExport } from '../../modules/institutions/export.ts';

/** In every file B uploads (its name and its cells): an answer to A that holds it shows B's upload. */
export const MARKER = 'songjiang-only-b7c4e1';

export interface MadeRows {
  /** Ids made here, by table: the probe tries them first. */
  first: Map<string, string[]>;
  /** Which of B's sessions made (and so may open) an id. */
  owner: Map<string, string>;
  /** An owner id → the ids made under it (an inspection → its photo): nested routes look them up so. */
  linked: Map<string, string[]>;
  /** Attempts that made nothing (the kind stays unproven; the test prints them). */
  missed: string[];
}

type Rows = { rows: Record<string, unknown>[] };
type Session = { username: string; cookie: string };

/** The text of every cell of a workbook (a spreadsheet answer is compressed: its bytes hide its text). */
export async function workbookText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => {
      row.eachCell((c) => {
        out.push(String(c.text ?? ''));
      });
    }),
  );
  return out.join('\n');
}

/** The files each upload route takes, and B rows it may be made on (columns named as the route's params). */
function uploads(B: string) {
  return [
    {
      url: '/api/v1/institutions/:id/documents?category=other',
      tables: { id: 'institutions' },
      rows: sql`select id::text as id, id::text as inst from institutions where district_code = ${B}
                and status in ('draft', 'operating') order by status, id limit 3`,
    },
    {
      url: '/api/v1/supervision/inspections/:id/items/:itemCode/photos',
      tables: { id: 'supervision_inspections' },
      rows: sql`select i.id::text as id, i.institution_id::text as inst, (
                  select it->>'code' from supervision_checklists c, jsonb_array_elements(c.items) it
                  where c.district_code = i.district_code and i.checklist_ids ? c.id::text limit 1) as "itemCode"
                from supervision_inspections i where i.district_code = ${B} and i.status <> 'signed'
                order by i.id limit 3`,
    },
    {
      url: '/api/v1/supervision/rectifications/:id/evidence',
      tables: { id: 'supervision_rectifications' },
      rows: sql`select id::text as id, institution_id::text as inst from supervision_rectifications
                where district_code = ${B} and status = 'open' order by id limit 3`,
    },
    {
      url: '/api/v1/quality/evaluations/:id/evidence',
      tables: { id: 'quality_evaluations' },
      rows: sql`select e.id::text as id, e.institution_id::text as inst from quality_evaluations e
                join quality_rounds r on r.district_code = e.district_code and r.id = e.round_id
                where e.district_code = ${B} and r.status = 'open' and e.kind in ('self', 'commissioned')
                order by e.kind desc, e.id limit 3`,
    },
    {
      url: '/api/v1/plan/tasks/reports/:id/files',
      tables: { id: 'plan_task_reports' },
      rows: sql`select id::text as id from plan_task_reports where district_code = ${B} order by id limit 3`,
    },
    {
      url: '/api/v1/workforce/staff/:id/certificates/:certificateId/scan',
      tables: { id: 'workforce_staff', certificateId: 'workforce_certificates' },
      rows: sql`select staff_id::text as id, id::text as "certificateId" from workforce_certificates
                where district_code = ${B} order by id limit 2`,
    },
    {
      url: '/api/v1/workforce/staff/:id/checks/:checkId/scan',
      tables: { id: 'workforce_staff', checkId: 'staff_record_checks' },
      rows: sql`select staff_id::text as id, id::text as "checkId" from staff_record_checks
                where district_code = ${B} order by id limit 2`,
    },
  ];
}

export async function makeRowsOfB(
  t: TestApp,
  o: {
    district: string;
    password: string;
    now: Date;
    sessions: Session[];
    login: (username: string) => Promise<string>;
  },
): Promise<MadeRows> {
  const B = o.district;
  const made: MadeRows = { first: new Map(), owner: new Map(), linked: new Map(), missed: [] };
  const put = (table: string, id: string, cookie: string) => {
    made.first.set(table, [...(made.first.get(table) ?? []), id]);
    made.owner.set(id, cookie);
  };
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(q)) as unknown as Rows).rows;
  const post = (url: string, cookie: string, file: { name: string; type: string; data: Buffer }) => {
    const m = multipartBody(file.name, file.type, file.data);
    return t.app.inject({ method: 'POST', url, headers: { cookie, ...m.headers }, payload: m.payload });
  };

  // 1. Import runs: each module's template, its headers and one row of nonsense (the marker in every
  // cell) — the dry run stores the run with that row's errors. Uploaded by the first of B's users allowed.
  const bases = t.routes
    .filter((r) => r.method === 'POST' && /^\/api\/v1\/.*\/imports$/.test(r.url))
    .map((r) => r.url)
    .sort();
  for (const base of bases) {
    let done = false;
    for (const s of o.sessions) {
      const tpl = await t.call('GET', `${base}/template`, { cookie: s.cookie });
      if (tpl.statusCode !== 200) continue;
      const ws = new ExcelJS.Workbook();
      await ws.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const head = (ws.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
      const csv = Buffer.from(csvText([head, head.map(() => MARKER)]));
      const kind = base.split('/').slice(3, -1).join('-');
      const res = await post(base, s.cookie, { name: `${MARKER}-${kind}.csv`, type: 'text/csv', data: csv });
      if (res.statusCode !== 201) continue;
      put('import_runs', res.json().id, s.cookie);
      done = true;
      break;
    }
    if (!done) made.missed.push(`import ${base}`);
  }

  // 2. A large export (above the sync limit: a job writes the file) and its job, by B's officer.
  const officer = o.sessions[0]!;
  institutionExport.syncMaxRows = 1;
  try {
    const res = await t.call('GET', '/api/v1/institutions/export', { cookie: officer.cookie });
    if (res.statusCode === 202) {
      const { exportId, jobId } = res.json() as { exportId: string; jobId: string };
      await t.jobs.runDue();
      put('export_files', exportId, officer.cookie);
      put('jobs', jobId, officer.cookie);
    } else made.missed.push(`export ${res.statusCode}`);
  } finally {
    institutionExport.syncMaxRows = undefined;
  }

  // 3. An open inspection to take photos (B's demo inspections are all signed): an institution's monthly
  // self-check, by B's institution admin. Then one uploaded file of each kind, by the first of B's users
  // allowed (an institution's own admin, made for the row's institution, where only it may upload).
  const selfCheck = await (async () => {
    for (const s of o.sessions)
      for (const month of ['2026-03', '2026-02']) {
        const res = await t.call('POST', '/api/v1/supervision/self-checks', {
          cookie: s.cookie,
          body: { month },
        });
        if (res.statusCode === 201) return res.statusCode;
        if (res.statusCode === 403) break;
      }
    return null;
  })();
  if (!selfCheck) made.missed.push('self-check');
  const admins = new Map<string, string>();
  const adminOf = async (institutionId: string) => {
    if (!admins.has(institutionId)) {
      const username = `b-admin-${admins.size + 1}`;
      await t.createUser(
        username,
        'institution_admin',
        { kind: 'institution', institutionId },
        { district: B },
      );
      admins.set(institutionId, await o.login(username));
    }
    return admins.get(institutionId)!;
  };
  for (const spec of uploads(B)) {
    let done = false;
    const answers = new Set<string>();
    const candidates = await rows(spec.rows);
    for (const row of candidates) {
      const values = row as Record<string, string>;
      const url = spec.url.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(values[p] ?? 'x'));
      const cookies = [
        ...(values.inst ? [await adminOf(values.inst)] : []),
        ...o.sessions.map((s) => s.cookie),
      ];
      for (const cookie of cookies) {
        const before = await rows(sql`select id::text as id from attachments where district_code = ${B}`);
        const res = await post(url, cookie, {
          name: `${MARKER}.png`,
          type: 'image/png',
          data: SAMPLE_FILES.png,
        });
        if (res.statusCode !== 201) {
          answers.add(`${res.statusCode} ${res.json().code ?? ''}`);
          continue;
        }
        const had = new Set(before.map((r) => String(r.id)));
        const [file] = (await rows(sql`select id::text as id from attachments where district_code = ${B}`))
          .map((r) => String(r.id))
          .filter((id) => !had.has(id));
        put('attachments', file!, cookie);
        for (const [param, table] of Object.entries(spec.tables)) put(table, values[param]!, cookie);
        // The route that reads it names the owner, then the file (or the certificate/check it scans).
        const nested = Object.keys(spec.tables)[1];
        const child = nested ? values[nested]! : file!;
        made.linked.set(values.id!, [...(made.linked.get(values.id!) ?? []), child]);
        done = true;
        break;
      }
      if (done) break;
    }
    if (!done) made.missed.push(`upload ${spec.url} (${candidates.length} rows: ${[...answers].join(', ')})`);
  }

  // 4. A parent of B, as the demo makes Qingpu's (seedDemoAccounts), for B's first family.
  const [family] = await rows(
    sql`select id::text as id from families where district_code = ${B}
        and id::text not in (select id::text from families where district_code <> ${B}) order by id limit 1`,
  );
  const familyId = String(family!.id);
  await seedDemoAccounts(
    t.database.db,
    B,
    [{ username: 'parent', displayName: '家长 测试', role: 'parent', scope: { kind: 'family', familyId } }],
    o.password,
    o.now,
    new Rng(310_117),
  );
  put('families', familyId, await o.login('parent'));
  return made;
}
