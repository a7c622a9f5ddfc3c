/**
 * The staff import (issue 9): a dry run names each bad row's column and rule in Chinese and English
 * (checksum, under 18, unknown post, unknown institution, an institution outside the caller's scope, a
 * care post held elsewhere, a banned person — the district officers told and the attempt audited) and
 * writes nothing; the commit registers people sealed and hires them, audited as the single hire is; the
 * same file again adds nothing; a registered person gets the employment only.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { commitRun, uploadCsv } from '../../../test/factories/imports.ts';
import { multipartBody } from '../../../test/factories/inputs.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaffInput, syntheticCitizenId, syntheticMobile } from '../../../test/factories/workforce.ts';
import { STAFF_IMPORT_COLUMNS } from './import.ts';

let t: TestApp;
let instA: InstitutionDetail;
let instB: InstitutionDetail;
let instX: InstitutionDetail;
const URL = '/api/v1/workforce/imports';
const HEAD = STAFF_IMPORT_COLUMNS.map((c) => c.zh);
const cookies = new Map<string, string>();
const cookieOf = async (who: string) => {
  if (!cookies.has(who)) cookies.set(who, await t.login(who));
  return cookies.get(who)!;
};
const as = async (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await cookieOf(who), ...(body !== undefined ? { body } : {}) });
const upload = async (who: string, rows: string[][]) => uploadCsv(t, URL, await cookieOf(who), HEAD, rows);
const commit = async (who: string, runId: string) => commitRun(t, URL, await cookieOf(who), runId);
const n = async (q: string) =>
  ((await t.database.db.execute(sql.raw(q))) as unknown as { rows: { n: number }[] }).rows[0]!.n;

const SO = 'employment.checks.sex_offence_query';
const NC = 'employment.checks.no_criminal_record';
/** The two clear pre-hire record checks of a good row. */
const CHECKS: Record<string, string> = {
  [`${SO}.result`]: '无记录',
  [`${SO}.checkedOn`]: '2026-02-20',
  [`${SO}.referenceNumber`]: 'CX-IMPORT-1',
  [`${NC}.result`]: '无记录',
  [`${NC}.checkedOn`]: '2026-02-18',
  [`${NC}.referenceNumber`]: 'WF-IMPORT-1',
};
/** No check columns: the person's checks on record are used. */
const NO_CHECKS = Object.fromEntries(Object.keys(CHECKS).map((k) => [k, '']));

/** A row by field (STAFF_IMPORT_COLUMNS' order); a good caregiver at institution A by default. */
function row(o: Record<string, string> = {}): string[] {
  const v: Record<string, string> = {
    name: '导入人员',
    idNumber: syntheticCitizenId('1992-04-04', true),
    mobile: syntheticMobile(),
    education: '大专',
    'employment.institutionCode': instA.creditCode,
    'employment.post': '保育人员',
    'employment.startDate': '2026-03-01',
    ...CHECKS,
    ...o,
  };
  return STAFF_IMPORT_COLUMNS.map((c) => v[c.field] ?? '');
}
const rulesOf = (run: { errors: { row: number; field: string; rule: string }[] }) =>
  run.errors.map((e) => `${e.row}:${e.field}:${e.rule}`);

const elsewhere = syntheticCitizenId('1985-05-05', true); // a caregiver at X
const banned = syntheticCitizenId('1980-06-06', false);

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  instA = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '导入甲园',
    now,
  });
  instB = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '导入乙园',
    now,
  });
  instX = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: XUJING,
    name: '徐泾导入园',
    now,
  });
  await t.createUser('im-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('im-town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('im-admin', 'institution_admin', { kind: 'institution', institutionId: instA.id });
  await t.createUser('im-admin-x', 'institution_admin', { kind: 'institution', institutionId: instX.id });
  const hired = await as(
    'im-admin-x',
    'POST',
    '/api/v1/workforce/staff',
    buildStaffInput(instX.id, { name: '徐泾保育', idNumber: elsewhere }),
  );
  expect(hired.statusCode, hired.body).toBe(201);
  const ban = await as('im-district', 'POST', '/api/v1/workforce/bans', {
    person: { name: '禁入人员', idType: 'citizen_id', idNumber: banned },
    reason: '虐待婴幼儿',
    decisionRef: '青卫健〔2026〕3号',
    decisionDate: '2026-02-01',
  });
  expect(ban.statusCode, ban.body).toBe(201);
  await t.jobs.runDue();
}, 60_000);
afterAll(() => t.close());

describe('the staff import', () => {
  it('each bad row names its column and rule in Chinese and English; nothing is written; the commit is refused', async () => {
    const staffBefore = await countRows(t, 'workforce_staff');
    const empBefore = await countRows(t, 'workforce_employments');
    const good = syntheticCitizenId('1991-01-01', true);
    const res = await upload('im-admin', [
      row({ idNumber: good, name: '好行' }),
      row({ idNumber: `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}` }), // checksum
      row({ idNumber: syntheticCitizenId('2010-01-01', true) }), // 16 at hire
      row({ 'employment.post': '园长助理' }), // unknown post
      row({ 'employment.institutionCode': '52310118MJ0000000X' }), // not registered
      row({ 'employment.institutionCode': instX.creditCode }), // another institution
      row({ idNumber: elsewhere, name: '徐泾保育' }), // a care post at X already
      row({ idNumber: banned, name: '禁入人员', 'employment.post': '厨师' }), // on the ban list
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ status: 'invalid', totalRows: 8, validRows: 1 });
    expect(rulesOf(run)).toEqual([
      '3:idNumber:id.check_character',
      '4:idNumber:under_18',
      '5:employment.post:invalid_value',
      '6:employment.institutionCode:unknown_institution',
      '7:employment.institutionCode:out_of_scope',
      '8:employment.post:already_employed',
      '9:idNumber:banned',
    ]);
    for (const e of run.errors) {
      expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message_en).toMatch(/[a-z]/);
      expect(e.column).not.toBe('');
    }
    const byRule = (rule: string) => run.errors.find((e: { rule: string }) => e.rule === rule);
    expect(byRule('invalid_value')).toMatchObject({ column: '岗位' });
    expect(byRule('invalid_value').message_zh).toContain('保育人员');
    expect(byRule('out_of_scope').message_en).toContain('your own institution');
    // the other institution is not the caller's to see: not named
    expect(byRule('already_employed').message_zh).not.toContain('徐泾导入园');
    expect(byRule('banned').message_en).toContain('lifetime ban list');
    expect(await countRows(t, 'workforce_staff')).toBe(staffBefore);
    expect(await countRows(t, 'workforce_employments')).toBe(empBefore);
    expect((await as('im-admin', 'POST', `${URL}/${run.id}/commit`)).statusCode).toBe(409);
    expect(await countRows(t, 'workforce_staff')).toBe(staffBefore);
    // the banned row: the district officers are told and the attempt is audited, as on a single hire
    const notes = (await as('im-district', 'GET', '/api/v1/notifications')).json();
    expect(
      notes.items.some(
        (x: { kind: string; bodyZh?: string; body?: string }) =>
          x.kind === 'workforce.ban_match' && JSON.stringify(x).includes('导入甲园'),
      ),
    ).toBe(true);
    expect(
      await n(
        `select count(*)::int as n from audit_log where action = 'workforce.hire_blocked' and object_type = 'import_run' and object_id = '${run.id}'`,
      ),
    ).toBe(1);
    expect(
      await n(`select count(*)::int as n from audit_log where action = 'workforce_staff.import_check'`),
    ).toBeGreaterThanOrEqual(1);
    // the error report: every row with its errors
    const report = await as('im-admin', 'GET', `${URL}/${run.id}/errors`);
    expect(report.statusCode).toBe(200);
  });

  it('the district sees the other institution named; a town officer does not hire, by form or by file (403)', async () => {
    const d = (await upload('im-district', [row({ idNumber: elsewhere, name: '徐泾保育' })])).json();
    expect(rulesOf(d)).toEqual(['2:employment.post:already_employed']);
    expect(d.errors[0].message_zh).toContain('徐泾导入园');
    const runs = await countRows(t, 'import_runs');
    const town = await upload('im-town', [row({ 'employment.institutionCode': instB.creditCode })]);
    expect(town.statusCode).toBe(403);
    expect(await countRows(t, 'import_runs')).toBe(runs);
  });

  it('commits people sealed and hired, audited; the same file again adds nothing', async () => {
    const id1 = syntheticCitizenId('1993-03-03', true);
    const m1 = syntheticMobile();
    const rows = [
      row({ idNumber: id1, name: '导入甲', mobile: m1, 'employment.post': '负责人', managementYears: '5' }),
      row({
        name: 'Anna Example',
        idType: '护照',
        idNumber: 'E1234567',
        birthDate: '1990-01-01',
        sex: '女',
        nationality: '法国',
        'employment.post': '教师',
        'employment.socialInsurance': '否',
      }),
    ];
    const first = (await upload('im-admin', rows)).json();
    expect(first).toMatchObject({ status: 'checked', errorCount: 0, validRows: 2, existingRows: 0 });
    const staffBefore = await countRows(t, 'workforce_staff');
    expect(await commit('im-admin', first.id)).toMatchObject({ status: 'committed', insertedRows: 2 });
    expect(await countRows(t, 'workforce_staff')).toBe(staffBefore + 2);
    const list = (await as('im-admin', 'GET', '/api/v1/workforce/staff?q=导入甲')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ post: 'director', institutionId: instA.id });
    expect(list.items[0].idNumber).toContain('*');
    const anna = (await as('im-admin', 'GET', '/api/v1/workforce/staff?q=Anna')).json().items[0];
    const detail = (await as('im-admin', 'GET', `/api/v1/workforce/staff/${anna.id}`)).json();
    expect(detail).toMatchObject({ idType: 'passport', nationality: '法国', sex: 'female' });
    expect(detail.employments[0]).toMatchObject({
      post: 'teacher',
      socialInsurance: false,
      labourContract: true,
    });
    // sealed: no clear number or mobile anywhere in the table
    const dump = JSON.stringify(await t.database.db.execute(sql`select * from workforce_staff`));
    expect(dump).not.toContain(id1);
    expect(dump).not.toContain('E1234567');
    expect(dump).not.toContain(m1);
    // audited as the single hire is, plus the kit's batch entry
    for (const action of ['workforce.staff_create', 'workforce.hire'])
      expect(
        await n(
          `select count(*)::int as n from audit_log where action = '${action}' and request_id like 'job:%'`,
        ),
      ).toBe(2);
    expect(await n(`select count(*)::int as n from audit_log where action = 'workforce_staff.import'`)).toBe(
      1,
    );

    const again = (await upload('im-admin', rows)).json();
    expect(again).toMatchObject({ errorCount: 0, existingRows: 2 });
    expect(await commit('im-admin', again.id)).toMatchObject({ status: 'committed', insertedRows: 0 });
    expect(await countRows(t, 'workforce_staff')).toBe(staffBefore + 2);
  });

  it('a registered person gets the employment only; a second care post in one file is refused', async () => {
    const staffBefore = await countRows(t, 'workforce_staff');
    const twice = syntheticCitizenId('1994-04-04', false);
    const res = (
      await upload('im-district', [
        row({ idNumber: elsewhere, name: '徐泾保育', 'employment.post': '保健员', ...NO_CHECKS }), // not a care post; checks on record reused
        row({ idNumber: twice, name: '两处' }),
        row({ idNumber: twice, name: '两处', 'employment.institutionCode': instB.creditCode }),
      ])
    ).json();
    expect(rulesOf(res)).toEqual(['4:employment.post:already_employed']);
    const ok = (
      await upload('im-district', [
        row({ idNumber: elsewhere, name: '徐泾保育', 'employment.post': '保健员', ...NO_CHECKS }),
      ])
    ).json();
    expect(ok).toMatchObject({ errorCount: 0, existingRows: 0 });
    expect(await commit('im-district', ok.id)).toMatchObject({ status: 'committed', insertedRows: 1 });
    expect(await countRows(t, 'workforce_staff')).toBe(staffBefore);
    const who = (await as('im-district', 'GET', '/api/v1/workforce/staff?q=徐泾保育')).json().items[0];
    const d = (await as('im-district', 'GET', `/api/v1/workforce/staff/${who.id}`)).json();
    expect(
      d.employments.map((e: { post: string; status: string }) => `${e.post}:${e.status}`).sort(),
    ).toEqual(['caregiver:active', 'health_worker:active']);
  });

  it('pre-hire record checks: missing, after the start, in the future, half filled, found — row errors naming the column; found tells the district officers; nothing written', async () => {
    const staffBefore = await countRows(t, 'workforce_staff');
    const checksBefore = await countRows(t, 'staff_record_checks');
    const found = syntheticCitizenId('1988-08-08', true);
    const res = await upload('im-admin', [
      row({ ...NO_CHECKS }), // a new person without checks
      row({ [`${NC}.result`]: '', [`${NC}.checkedOn`]: '', [`${NC}.referenceNumber`]: '' }), // one missing
      row({
        [`${SO}.checkedOn`]: '2026-02-10',
        [`${NC}.checkedOn`]: '2026-01-20',
        'employment.startDate': '2026-02-01',
      }), // the query after the start
      row({ [`${SO}.checkedOn`]: '2026-12-01', 'employment.startDate': '2027-01-01' }), // after today
      row({ [`${SO}.referenceNumber`]: '' }), // half filled
      row({ idNumber: found, name: '查询有记录', [`${SO}.result`]: '有记录' }), // found
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(rulesOf(run)).toEqual([
      `2:${SO}.checkedOn:record_check_missing`,
      `2:${NC}.checkedOn:record_check_missing`,
      `3:${NC}.checkedOn:record_check_missing`,
      `4:${SO}.checkedOn:record_check_after_start`,
      `5:${SO}.checkedOn:in_future`,
      `6:${SO}.referenceNumber:too_small`,
      `7:${SO}.checkedOn:record_check_found`,
    ]);
    for (const e of run.errors) {
      expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message_en).toMatch(/[a-z]/);
      expect(e.column).not.toBe('');
    }
    expect(run.errors[0].message_zh).toContain('高检发〔2020〕14号');
    expect(run.errors[1].message_en).toContain('WS/T 821');
    expect(await countRows(t, 'workforce_staff')).toBe(staffBefore);
    expect(await countRows(t, 'staff_record_checks')).toBe(checksBefore);
    const notes = (await as('im-district', 'GET', '/api/v1/notifications')).json();
    expect(
      notes.items.some(
        (x: { kind: string }) =>
          x.kind === 'workforce.record_check_found' && JSON.stringify(x).includes('导入甲园'),
      ),
    ).toBe(true);
    expect(
      await n(
        `select count(*)::int as n from audit_log where action = 'workforce.hire_blocked' and object_id = '${run.id}'`,
      ),
    ).toBe(1);
  });

  it('the template carries the check columns, and its example row passes the dry run', async () => {
    const res = await as('im-admin', 'GET', `${URL}/template`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const head = (wb.worksheets[0]!.getRow(1).values as unknown[]).map(String);
    for (const h of ['性侵违法犯罪信息查询日期', '无犯罪记录证明编号'])
      expect(head.some((x) => x.startsWith(h))).toBe(true);
    // the template's example (a new person at an institution in the district): only the institution
    // code is unknown in this database — no check error
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const m = multipartBody('t.xlsx', xlsxType, res.rawPayload as unknown as Buffer);
    const up = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: { cookie: await cookieOf('im-admin'), ...m.headers },
      payload: m.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(rulesOf(up.json())).toEqual(['2:employment.institutionCode:unknown_institution']);
  });

  it('the import is not open to an inspector', async () => {
    await t.createUser('im-inspector', 'inspector', { kind: 'division', divisionCode: DISTRICT });
    expect((await as('im-inspector', 'GET', `${URL}/template`)).statusCode).toBe(403);
    const tpl = await as('im-admin', 'GET', `${URL}/template`);
    expect(tpl.statusCode).toBe(200);
  });
});
