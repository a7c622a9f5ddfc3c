/**
 * Certificate scans on the files kit (issue 9): the employer uploads (metadata stripped), a new scan
 * replaces the current one, readers in scope download (audited), others get 404; bad files 400/413 with
 * nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { multipartBody } from '../../../test/factories/inputs.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaff } from '../../../test/factories/workforce.ts';
import { buildJpeg, exifGpsPayload, SAMPLES } from '../../platform/files/samples.ts';

let t: TestApp;
let inst: InstitutionDetail;
let staffId = '';
let certId = '';
const cookies = new Map<string, string>();
const cookieOf = async (who: string) => {
  if (!cookies.has(who)) cookies.set(who, await t.login(who));
  return cookies.get(who)!;
};
const url = () => `/api/v1/workforce/staff/${staffId}/certificates/${certId}/scan`;
const upload = async (who: string, fileName: string, type: string, data: Buffer) => {
  const m = multipartBody(fileName, type, data);
  t.clock.advance(1000);
  return t.app.inject({
    method: 'POST',
    url: url(),
    headers: { cookie: await cookieOf(who), ...m.headers },
    payload: m.payload,
  });
};
const audits = async (action: string) =>
  (
    (await t.database.db.execute(
      `select count(*)::int as n from audit_log where action = '${action}'`,
    )) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now();
  inst = await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, name: '扫描园', now });
  const other = await buildInstitution(db, { status: 'operating', townCode: XUJING, name: '别园', now });
  const s = await buildStaff(db, t.jobs, inst.id, {
    post: 'caregiver',
    certificates: [{ type: 'caregiver' }],
  });
  staffId = s.id;
  certId = s.certificates[0]!.id;
  await t.createUser('sc-admin', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  await t.createUser('sc-other', 'institution_admin', { kind: 'institution', institutionId: other.id });
  await t.createUser('sc-town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('sc-town-x', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('sc-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
}, 60_000);
afterAll(() => t.close());

describe('certificate scans', () => {
  it('the employer uploads a phone photo: GPS stripped, linked to the certificate, audited', async () => {
    const raw = buildJpeg([{ marker: 0xe1, payload: exifGpsPayload() }]);
    const res = await upload('sc-admin', '保育员证.jpg', 'image/jpeg', raw);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '保育员证.jpg', contentType: 'image/jpeg' });
    const detail = await t.call('GET', `/api/v1/workforce/staff/${staffId}`, {
      cookie: await cookieOf('sc-admin'),
    });
    expect(detail.json().certificates[0].fileId).toBe(res.json().fileId);
    const down = await t.call('GET', url(), { cookie: await cookieOf('sc-town') });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toContain('image/jpeg');
    expect(down.rawPayload.includes(Buffer.from('GPS-MARKER'))).toBe(false);
    expect(await audits('workforce.certificate_scan')).toBe(1);
    expect(await audits('workforce.certificate_scan_download')).toBe(1);
  });

  it('a second upload replaces the current scan; the first stays on record', async () => {
    const res = await upload('sc-district', 'scan.pdf', 'application/pdf', SAMPLES.pdf);
    expect(res.statusCode, res.body).toBe(201);
    const down = await t.call('GET', url(), { cookie: await cookieOf('sc-admin') });
    expect(down.headers['content-type']).toContain('application/pdf');
    expect(await countRows(t, 'attachments')).toBe(2);
  });

  it('bad files are refused naming the file, nothing written', async () => {
    const before = await countRows(t, 'attachments');
    for (const [name, type, data, code] of [
      ['cert.jpg', 'image/jpeg', SAMPLES.elf, 'file.executable'],
      ['cert.csv', 'text/csv', SAMPLES.csv, 'file.unsupported_type'],
      ['cert.png', 'image/png', SAMPLES.jpeg, 'file.type_mismatch'],
    ] as const) {
      const res = await upload('sc-admin', name, type, data);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'file', rule: code });
    }
    const big = await upload(
      'sc-admin',
      'big.pdf',
      'application/pdf',
      Buffer.concat([SAMPLES.pdf, Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(await countRows(t, 'attachments')).toBe(before);
  });

  it('out of scope: another institution and another town get 404 for both; a town officer cannot upload', async () => {
    for (const who of ['sc-other', 'sc-town-x']) {
      expect((await t.call('GET', url(), { cookie: await cookieOf(who) })).statusCode, who).toBe(404);
    }
    expect((await upload('sc-other', 'a.jpg', 'image/jpeg', SAMPLES.jpeg)).statusCode).toBe(404);
    expect((await upload('sc-town', 'a.jpg', 'image/jpeg', SAMPLES.jpeg)).statusCode).toBe(403);
    // a certificate id of nobody: 404
    const wrong = `/api/v1/workforce/staff/${staffId}/certificates/${staffId}/scan`;
    expect((await t.call('GET', wrong, { cookie: await cookieOf('sc-district') })).statusCode).toBe(404);
  });
});
