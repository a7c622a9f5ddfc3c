/**
 * Pre-hire record checks (入职查询, issue 17) through the API: a hire without the checks is a 400
 * naming the field and the document, nothing written; a check dated after the start or after today
 * likewise; a `found` result blocks the employment, keeps the check, tells the district officers and is
 * audited; a returning person's checks are reused; recording and reading a person's checks follows the
 * guard (another institution's admin: 404); the reference number is not in the audit trail.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { multipartBody } from '../../../test/factories/inputs.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaffInput, syntheticChecks } from '../../../test/factories/workforce.ts';

let t: TestApp;
let instA: InstitutionDetail;
let instB: InstitutionDetail;
let district: string;
let adminA: string;
let adminB: string;

const TABLES = ['workforce_staff', 'workforce_employments', 'staff_record_checks', 'audit_log'] as const;
const counts = async () => Promise.all(TABLES.map((x) => countRows(t, x)));
const n = async (q: string) =>
  ((await t.database.db.execute(sql.raw(q))) as unknown as { rows: { n: number }[] }).rows[0]!.n;
const hire = (cookie: string, body: unknown) => t.call('POST', '/api/v1/workforce/staff', { cookie, body });

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  instA = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '查询甲园',
    now,
  });
  instB = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '查询乙园',
    now,
  });
  await t.createUser('rc-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('rc-admin-a', 'institution_admin', { kind: 'institution', institutionId: instA.id });
  await t.createUser('rc-admin-b', 'institution_admin', { kind: 'institution', institutionId: instB.id });
  district = await t.login('rc-district');
  adminA = await t.login('rc-admin-a');
  adminB = await t.login('rc-admin-b');
}, 60_000);
afterAll(() => t.close());

describe('a hire without qualifying checks: 400 naming the field and the rule, nothing written', () => {
  const base = () => buildStaffInput(instA.id, { startDate: '2026-02-01' });
  const withChecks = (b: ReturnType<typeof base>, checks: unknown) => ({
    ...b,
    employment: { ...b.employment, checks },
  });
  it.each<[string, (b: ReturnType<typeof base>) => unknown, string, string]>([
    ['no checks at all', (b) => withChecks(b, undefined), 'employment.checks', 'record_check_missing'],
    [
      'only the query',
      (b) => withChecks(b, b.employment.checks!.slice(0, 1)),
      'employment.checks',
      'record_check_missing',
    ],
    [
      'the certificate dated after the start',
      (b) =>
        withChecks(b, [b.employment.checks![0], { ...b.employment.checks![1], checkedOn: '2026-02-02' }]),
      'employment.checks',
      'record_check_after_start',
    ],
    [
      'a check dated after today',
      (b) =>
        withChecks(b, [b.employment.checks![0], { ...b.employment.checks![1], checkedOn: '2099-01-01' }]),
      'employment.checks.1.checkedOn',
      'in_future',
    ],
    [
      'an unknown result',
      (b) => withChecks(b, [{ ...b.employment.checks![0], result: 'maybe' }, b.employment.checks![1]]),
      'employment.checks.0.result',
      'invalid_value',
    ],
    [
      'an empty reference number',
      (b) => withChecks(b, [{ ...b.employment.checks![0], referenceNumber: ' ' }, b.employment.checks![1]]),
      'employment.checks.0.referenceNumber',
      'too_small',
    ],
  ])('%s', async (_name, change, field, rule) => {
    const before = await counts();
    const res = await hire(adminA, change(base()));
    expect(res.statusCode, res.body).toBe(400);
    const e = res.json().errors[0];
    expect(e).toMatchObject({ field, rule });
    expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message_en).toMatch(/[a-z]/);
    if (rule.startsWith('record_check'))
      expect(`${e.message_zh}${e.message_en}`).toMatch(/高检发〔2020〕14号|WS\/T 821/);
    expect(await counts()).toEqual(before);
  });
});

describe('a found result', () => {
  it('blocks the hire (409), keeps the checks, tells the district officers, audited', async () => {
    const body = buildStaffInput(instA.id, { name: '查询有记录' });
    body.employment.checks![0]!.result = 'found';
    const checksBefore = await countRows(t, 'staff_record_checks');
    const res = await hire(adminA, body);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'workforce.record_check_found' });
    expect(res.json().errors[0]).toMatchObject({ field: 'employment.checks', rule: 'record_check_found' });
    expect(await countRows(t, 'staff_record_checks')).toBe(checksBefore + 2);
    const who = (await t.call('GET', '/api/v1/workforce/staff?q=查询有记录', { cookie: district })).json()
      .items[0];
    const d = (await t.call('GET', `/api/v1/workforce/staff/${who.id}`, { cookie: district })).json();
    expect(d.employments.map((e: { status: string }) => e.status)).toEqual(['blocked']);
    const notes = (await t.call('GET', '/api/v1/notifications', { cookie: district })).json();
    expect(
      notes.items.some(
        (x: { kind: string }) =>
          x.kind === 'workforce.record_check_found' && JSON.stringify(x).includes('查询甲园'),
      ),
    ).toBe(true);
    expect(
      await n(
        `select count(*)::int as n from audit_log where action = 'workforce.hire_blocked' and object_id = '${who.id}'`,
      ),
    ).toBe(1);
    // a later clear check does not lift it: a record found bars the hire
    const again = await t.call('POST', `/api/v1/workforce/staff/${who.id}/employments`, {
      cookie: adminA,
      body: { ...body.employment, checks: syntheticChecks(body.employment.startDate) },
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('workforce.record_check_found');
  });

  it('recorded on its own, it tells the district officers too', async () => {
    const d = (await hire(adminA, buildStaffInput(instA.id, { name: '后查有记录' }))).json();
    const res = await t.call('POST', `/api/v1/workforce/staff/${d.id}/checks`, {
      cookie: adminA,
      body: {
        institutionId: instA.id,
        kind: 'no_criminal_record',
        result: 'found',
        checkedOn: '2026-02-25',
        referenceNumber: 'WF-FOUND-1',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'no_criminal_record',
      result: 'found',
      institutionName: '查询甲园',
    });
    const notes = (await t.call('GET', '/api/v1/notifications', { cookie: district })).json();
    expect(
      notes.items.filter((x: { kind: string }) => x.kind === 'workforce.record_check_found').length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('a returning person and the routes', () => {
  let id: string;
  let employmentId: string;
  let version: number;
  const REF = 'CX-SECRET-77821';

  it('a hire records the checks for the institution; the reference number stays out of the audit trail', async () => {
    const body = buildStaffInput(instA.id, { name: '回聘人员', startDate: '2026-01-10' });
    body.employment.checks![0]!.referenceNumber = REF;
    const res = await hire(adminA, body);
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    employmentId = res.json().employments[0].id;
    version = res.json().employments[0].version;
    const list = (await t.call('GET', `/api/v1/workforce/staff/${id}/checks`, { cookie: adminA })).json();
    expect(list.items.map((c: { kind: string; result: string }) => `${c.kind}:${c.result}`).sort()).toEqual([
      'no_criminal_record:clear',
      'sex_offence_query:clear',
    ]);
    expect(list.items.find((c: { kind: string }) => c.kind === 'sex_offence_query')).toMatchObject({
      referenceNumber: REF,
      institutionId: instA.id,
      fileId: null,
    });
    expect(
      await n(`select count(*)::int as n from audit_log where action = 'workforce.record_check'`),
    ).toBeGreaterThanOrEqual(2);
    expect(await n(`select count(*)::int as n from audit_log where changes::text like '%${REF}%'`)).toBe(0);
  });

  it('ended and hired again without checks in the body: the checks on record are reused', async () => {
    const end = await t.call('POST', `/api/v1/workforce/staff/${id}/employments/${employmentId}/end`, {
      cookie: adminA,
      body: { endDate: '2026-01-31', version },
    });
    expect(end.statusCode, end.body).toBe(200);
    const before = await countRows(t, 'staff_record_checks');
    const res = await t.call('POST', `/api/v1/workforce/staff/${id}/employments`, {
      cookie: adminA,
      body: { institutionId: instA.id, post: 'caregiver', startDate: '2026-02-15' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await countRows(t, 'staff_record_checks')).toBe(before);
  });

  it('another institution cannot read or record the checks of a person not theirs (404); the district can', async () => {
    expect((await t.call('GET', `/api/v1/workforce/staff/${id}/checks`, { cookie: adminB })).statusCode).toBe(
      404,
    );
    const before = await countRows(t, 'staff_record_checks');
    const body = {
      institutionId: instB.id,
      kind: 'sex_offence_query',
      result: 'clear',
      checkedOn: '2026-02-20',
      referenceNumber: 'CX-B-1',
    };
    const res = await t.call('POST', `/api/v1/workforce/staff/${id}/checks`, { cookie: adminB, body });
    expect(res.statusCode).toBe(404);
    // admin A may not record for institution B
    const other = await t.call('POST', `/api/v1/workforce/staff/${id}/checks`, { cookie: adminA, body });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0]).toMatchObject({ field: 'institutionId', rule: 'out_of_scope' });
    expect(await countRows(t, 'staff_record_checks')).toBe(before);
    expect(
      (await t.call('GET', `/api/v1/workforce/staff/${id}/checks`, { cookie: district })).statusCode,
    ).toBe(200);
  });

  it('a check dated after today is a 400 naming checkedOn; nothing written', async () => {
    const before = await countRows(t, 'staff_record_checks');
    const res = await t.call('POST', `/api/v1/workforce/staff/${id}/checks`, {
      cookie: adminA,
      body: {
        institutionId: instA.id,
        kind: 'sex_offence_query',
        result: 'clear',
        checkedOn: '2099-01-01',
        referenceNumber: 'CX-F',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'checkedOn', rule: 'in_future' });
    expect(await countRows(t, 'staff_record_checks')).toBe(before);
  });

  it('a scan on a check: uploaded by the employer, downloaded by readers, 404 for another institution', async () => {
    const list = (await t.call('GET', `/api/v1/workforce/staff/${id}/checks`, { cookie: adminA })).json();
    const checkId = list.items[0].id;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const m = multipartBody('receipt.pdf', 'application/pdf', pdf);
    const url = `/api/v1/workforce/staff/${id}/checks/${checkId}/scan`;
    const up = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: adminA, ...m.headers },
      payload: m.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const after = (await t.call('GET', `/api/v1/workforce/staff/${id}/checks`, { cookie: adminA })).json();
    expect(after.items[0].fileId).toBe(up.json().fileId);
    const down = await t.call('GET', url, { cookie: district });
    expect(down.statusCode).toBe(200);
    expect((await t.call('GET', url, { cookie: adminB })).statusCode).toBe(404);
    const m2 = multipartBody('receipt.pdf', 'application/pdf', pdf);
    const upB = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: adminB, ...m2.headers },
      payload: m2.payload,
    });
    expect(upB.statusCode).toBe(404);
  });
});
