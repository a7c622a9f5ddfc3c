import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING } from '../../../test/app.ts';
import { auditLog } from '../../platform/tables.ts';
import { buildClasses, buildInstitutionInput, multipartBody, SAMPLE_FILES } from './factories.ts';

let t: TestApp;
let district: string;
let admin: string;
let inst: { id: string; version: number; name: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  district = await t.login('district');
  inst = (
    await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ name: '青浦区朱家角镇材料测试托育园' }),
    })
  ).json();
  await t.createUser('inst', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  admin = await t.login('inst');
});
afterAll(() => t.close());

const upload = (cookie: string, name: string, type: string, data: Buffer, id = inst.id) => {
  const m = multipartBody(name, type, data);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/institutions/${id}/documents?category=business_license`,
    headers: { cookie, ...m.headers },
    payload: m.payload,
  });
};

describe('filing documents', () => {
  it.each([
    ['营业执照.pdf', 'application/pdf', SAMPLE_FILES.pdf],
    ['site.PNG', 'image/png', SAMPLE_FILES.png],
    ['fire.jpg', 'image/jpeg', SAMPLE_FILES.jpeg],
  ])('accepts %s and serves it back as an attachment', async (name, type, data) => {
    const res = await upload(admin, name, type, data);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: name,
      contentType: type,
      sizeBytes: data.length,
      category: 'business_license',
    });
    const dl = await t.call('GET', `/api/v1/institutions/${inst.id}/documents/${res.json().id}`, {
      cookie: admin,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe(type);
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(data)).toBe(true);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'institutions.document_download'), eq(auditLog.objectId, res.json().id)),
      );
    expect(audited).toHaveLength(1);
  });

  it.each([
    ['HTML named .pdf', 'evil.pdf', 'application/pdf', SAMPLE_FILES.html, 'file.unsupported_type'],
    ['PNG named .pdf', 'scan.pdf', 'application/pdf', SAMPLE_FILES.png, 'file.type_mismatch'],
    ['PDF declared as PNG', 'scan.png', 'image/png', SAMPLE_FILES.pdf, 'file.type_mismatch'],
    ['JPEG without extension', 'photo', 'image/jpeg', SAMPLE_FILES.jpeg, 'file.type_mismatch'],
    ['an empty file', 'empty.pdf', 'application/pdf', Buffer.alloc(0), 'file.empty'],
  ])('refuses %s: 400 naming the field, nothing stored', async (_label, name, type, data, rule) => {
    const before = [await countRows(t, 'attachments'), await countRows(t, 'audit_log')];
    const res = await upload(admin, name, type, data);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', rule });
    expect([await countRows(t, 'attachments'), await countRows(t, 'audit_log')]).toEqual(before);
  });

  it('refuses a file over 10 MB with 413 payload.too_large', async () => {
    const before = await countRows(t, 'attachments');
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const res = await upload(admin, 'big.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload.too_large');
    expect(await countRows(t, 'attachments')).toBe(before);
  });

  it('accepts 2 MB (more than the JSON body limit)', async () => {
    const res = await upload(
      admin,
      'plan.pdf',
      'application/pdf',
      Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(2 * 1024 * 1024, 0x20)]),
    );
    expect(res.statusCode).toBe(201);
  });

  it('a request without a file → 400 naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/${inst.id}/documents`,
      headers: { cookie: admin, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz--\r\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('file');
  });

  it('the institution admin may not upload once the filing is submitted', async () => {
    let d = (await t.call('GET', `/api/v1/institutions/${inst.id}`, { cookie: admin })).json();
    d = (
      await t.call('PUT', `/api/v1/institutions/${inst.id}/classes`, {
        cookie: admin,
        body: { version: d.version, classes: buildClasses() },
      })
    ).json();
    const sub = await t.call('POST', `/api/v1/institutions/${inst.id}/transitions`, {
      cookie: admin,
      body: { action: 'submit', version: d.version },
    });
    expect(sub.json().status).toBe('submitted');
    const res = await upload(admin, 'late.pdf', 'application/pdf', SAMPLE_FILES.pdf);
    expect(res.statusCode).toBe(409);
    expect((await upload(district, 'review-note.pdf', 'application/pdf', SAMPLE_FILES.pdf)).statusCode).toBe(
      201,
    );
  });
});

describe('export', () => {
  it('CSV: UTF-8 with BOM, one row per institution in scope, audited', async () => {
    const before = await countRows(t, 'audit_log');
    const res = await t.call('GET', '/api/v1/institutions/export?format=csv', { cookie: district });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="institutions-\d{8}\.csv"/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('机构名称');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('青浦区朱家角镇材料测试托育园');
    expect(await countRows(t, 'audit_log')).toBe(before + 1);
    const audit = (await t.database.db.execute(
      sql`select action, changes from audit_log order by entry_no desc limit 1`,
    )) as unknown as { rows: { action: string; changes: { rows: number; format: string } }[] };
    expect(audit.rows[0]).toMatchObject({
      action: 'institutions.export',
      changes: { rows: 1, format: 'csv' },
    });
  });

  it('XLSX opens with the same rows; a town officer elsewhere gets none', async () => {
    const res = await t.call('GET', '/api/v1/institutions/export?format=xlsx', { cookie: district });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('青浦区朱家角镇材料测试托育园');
    const xj = await t.login('town-xj');
    const empty = await t.call('GET', '/api/v1/institutions/export?format=csv', { cookie: xj });
    expect(empty.rawPayload.toString('utf8').trim().split('\r\n')).toHaveLength(1);
  });
});
