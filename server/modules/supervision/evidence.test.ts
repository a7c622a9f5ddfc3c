/**
 * Photo and document evidence (issue 10): finding photos on an inspection (assigned inspectors, until
 * everyone has signed) and the institution's files on a rectification item (while open), on the files
 * kit. Scope 404s, EXIF/GPS stripped, bad files 400/413 with nothing written, audit entries.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionDetail, Rectification } from '../../../domain/contracts/supervision-inspections.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/index.ts';
import { multipartBody } from '../../../test/factories/inputs.ts';
import { buildJpeg, buildPng, exifGpsPayload, pngChunk, SAMPLES } from '../../platform/files/samples.ts';
import { auditLog } from '../../platform/tables.ts';

let t: TestApp;
const district = { kind: 'division', divisionCode: DISTRICT } as const;
const users = new Map<string, string>(); // id → username
let instA = '';
let inspectionId = '';
let assigned: string[] = [];
let outsider = '';
const S = '/api/v1/supervision';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('ev_district', 'district_officer', district);
  await t.createUser('ev_zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('ev_xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  for (const u of ['ev_insp1', 'ev_insp2', 'ev_insp3'])
    users.set(await t.createUser(u, 'inspector', district), u);
  const a = await buildInstitution(t.database.db, {
    status: 'operating',
    name: '朱家角照片托育园',
    townCode: ZHUJIAJIAO,
  });
  const x = await buildInstitution(t.database.db, {
    status: 'operating',
    name: '徐泾照片托育园',
    townCode: XUJING,
  });
  instA = a.id;
  await t.createUser('ev_admin_a', 'institution_admin', { kind: 'institution', institutionId: a.id });
  await t.createUser('ev_admin_x', 'institution_admin', { kind: 'institution', institutionId: x.id });
  const cookie = await t.login('ev_zjj');
  const plan = await t.call('POST', `${S}/draw-plans`, {
    cookie,
    body: { month: '2026-03', divisionCode: ZHUJIAJIAO, sampleSize: 1 },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const drawn = await t.call('POST', `${S}/draw-plans/${plan.json().id}/draw`, { cookie });
  expect(drawn.statusCode, drawn.body).toBe(200);
  const list = (await t.call('GET', `${S}/inspections`, { cookie })).json().items;
  const mine = list.find((i: { institutionId: string }) => i.institutionId === instA);
  inspectionId = mine.id;
  assigned = mine.inspectorIds.map((id: string) => users.get(id)!);
  outsider = [...users.values()].find((u) => !assigned.includes(u))!;
});
afterAll(() => t.close());

const cookies = new Map<string, string>();
const cookieOf = async (who: string) => {
  if (!cookies.has(who)) cookies.set(who, await t.login(who));
  return cookies.get(who)!;
};
const as = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: object) =>
  t.call(method, `${S}${url}`, { cookie: await cookieOf(who), body });
const upload = async (who: string, url: string, fileName: string, type: string, data: Buffer) => {
  const m = multipartBody(fileName, type, data);
  t.clock.advance(1000); // distinct upload times: lists are oldest first
  return t.app.inject({
    method: 'POST',
    url: `${S}${url}`,
    headers: { cookie: await cookieOf(who), ...m.headers },
    payload: m.payload,
  });
};
function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}
const auditOf = (action: string) => t.database.db.select().from(auditLog).where(eq(auditLog.action, action));

const photoUrl = (item = 'fire-01') => `/inspections/${inspectionId}/items/${item}/photos`;
const gpsJpeg = () => buildJpeg([{ marker: 0xe1, payload: exifGpsPayload() }]);
let photoId = '';
let rect: Rectification;

describe('finding photos on an inspection', () => {
  it('an assigned inspector uploads a phone photo: EXIF/GPS stripped, listed on the inspection, audited', async () => {
    const raw = gpsJpeg();
    expect(raw.includes(Buffer.from('GPS-MARKER'))).toBe(true);
    const res = await upload(assigned[0]!, photoUrl(), 'IMG_0001.jpg', 'image/jpeg', raw);
    expect(res.statusCode, res.body).toBe(201);
    photoId = res.json().id;
    expect(res.json()).toMatchObject({
      itemCode: 'fire-01',
      fileName: 'IMG_0001.jpg',
      contentType: 'image/jpeg',
    });
    const d = (await as(assigned[1]!, 'GET', `/inspections/${inspectionId}`)).json() as InspectionDetail;
    expect(d.photos.map((p) => p.id)).toEqual([photoId]);
    const list = await as('ev_zjj', 'GET', `/inspections/${inspectionId}/photos`);
    expect(list.json().items).toHaveLength(1);
    const file = await as('ev_zjj', 'GET', `/inspections/${inspectionId}/photos/${photoId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.rawPayload.includes(Buffer.from('GPS-MARKER'))).toBe(false);
    expect(file.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(file.rawPayload.length).toBeLessThan(raw.length);
    const [up] = await auditOf('supervision.inspection_photo_upload');
    expect(up).toMatchObject({ objectType: 'inspection', objectId: inspectionId });
    expect(up!.changes).toMatchObject({ purpose: 'inspection_photo', category: 'fire-01' });
    expect(await auditOf('supervision.inspection_photo_download')).toHaveLength(1);
    // A PNG with text chunks: stripped too.
    const png = buildPng([pngChunk('tEXt', Buffer.from('Comment\0GPS-MARKER'))]);
    const p2 = await upload(assigned[1]!, photoUrl('safety-01'), 'p.png', 'image/png', png);
    expect(p2.statusCode, p2.body).toBe(201);
    const f2 = await as(assigned[0]!, 'GET', `/inspections/${inspectionId}/photos/${p2.json().id}`);
    expect(f2.rawPayload.includes(Buffer.from('GPS-MARKER'))).toBe(false);
    // Deleted by its uploader only.
    const notMine = await as(assigned[0]!, 'DELETE', `/inspections/${inspectionId}/photos/${p2.json().id}`);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('supervision.not_uploader');
    const files = storedFiles().length;
    const del = await as(assigned[1]!, 'DELETE', `/inspections/${inspectionId}/photos/${p2.json().id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(storedFiles()).toHaveLength(files - 1);
    expect(await auditOf('supervision.inspection_photo_delete')).toHaveLength(1);
    expect((await as('ev_zjj', 'GET', `/inspections/${inspectionId}/photos`)).json().items).toHaveLength(1);
  });

  it('bad files and bad items are 400 naming the field (zh/en); nothing written', async () => {
    const rows = await countRows(t, 'attachments');
    const audit = await countRows(t, 'audit_log');
    const files = storedFiles().length;
    const cases: [string, string, Buffer, string][] = [
      ['photo.jpg', 'image/jpeg', SAMPLES.elf, 'file.executable'],
      ['setup.exe', 'application/octet-stream', SAMPLES.pe, 'file.executable'],
      ['report.pdf', 'application/pdf', SAMPLES.pdf, 'file.unsupported_type'],
      ['photo.png', 'image/png', SAMPLES.jpeg, 'file.type_mismatch'],
      ['empty.jpg', 'image/jpeg', Buffer.alloc(0), 'file.empty'],
    ];
    for (const [name, type, data, rule] of cases) {
      const res = await upload(assigned[0]!, photoUrl(), name, type, data);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      const err = res.json().errors[0];
      expect(err).toMatchObject({ field: 'file', rule });
      expect(err.message_zh).toBeTruthy();
      expect(err.message_en).toBeTruthy();
    }
    const big = await upload(
      assigned[0]!,
      photoUrl(),
      'big.jpg',
      'image/jpeg',
      Buffer.concat([gpsJpeg(), Buffer.alloc(10 * 1024 * 1024 + 1)]),
    );
    expect(big.statusCode).toBe(413);
    const item = await upload(assigned[0]!, photoUrl('safety-99'), 'a.jpg', 'image/jpeg', SAMPLES.jpeg);
    expect(item.statusCode).toBe(400);
    expect(item.json().errors[0]).toMatchObject({ field: 'itemCode', rule: 'unknown_item' });
    expect(await countRows(t, 'attachments')).toBe(rows);
    expect(await countRows(t, 'audit_log')).toBe(audit);
    expect(storedFiles()).toHaveLength(files);
  });

  it('only assigned inspectors upload; other towns and institutions get 404 on list and download', async () => {
    const rows = await countRows(t, 'attachments');
    const o = await upload(outsider, photoUrl(), 'a.jpg', 'image/jpeg', SAMPLES.jpeg);
    expect(o.statusCode).toBe(403);
    expect(o.json().code).toBe('supervision.not_assigned');
    const officer = await upload('ev_zjj', photoUrl(), 'a.jpg', 'image/jpeg', SAMPLES.jpeg);
    expect(officer.statusCode).toBe(403);
    for (const who of ['ev_xj', 'ev_admin_x']) {
      expect((await as(who, 'GET', `/inspections/${inspectionId}/photos`)).statusCode).toBe(404);
      expect((await as(who, 'GET', `/inspections/${inspectionId}/photos/${photoId}`)).statusCode).toBe(404);
    }
    expect(await countRows(t, 'attachments')).toBe(rows);
  });

  it('after both signatures: upload and delete are 409, nothing written; the photo stays readable', async () => {
    const d = (await as(assigned[0]!, 'GET', `/inspections/${inspectionId}`)).json() as InspectionDetail;
    const results = d.checklists
      .flatMap((c) => c.items)
      .map((i) =>
        i.code === 'fire-01'
          ? { itemCode: i.code, outcome: 'finding' as const, note: '安全出口堆放杂物' }
          : { itemCode: i.code, outcome: 'pass' as const },
      );
    const saved = await as(assigned[0]!, 'PUT', `/inspections/${inspectionId}/results`, {
      version: d.version,
      results,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const s1 = await as(assigned[0]!, 'POST', `/inspections/${inspectionId}/sign`, {
      version: saved.json().version,
    });
    // Between the signatures the other signer may still add a photo.
    const between = await upload(assigned[1]!, photoUrl(), 'b.jpg', 'image/jpeg', SAMPLES.jpeg);
    expect(between.statusCode, between.body).toBe(201);
    const s2 = await as(assigned[1]!, 'POST', `/inspections/${inspectionId}/sign`, {
      version: s1.json().version,
    });
    expect(s2.json().status).toBe('signed');
    const rows = await countRows(t, 'attachments');
    const files = storedFiles().length;
    const late = await upload(assigned[0]!, photoUrl(), 'c.jpg', 'image/jpeg', SAMPLES.jpeg);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('supervision.inspection_signed');
    const del = await as(assigned[0]!, 'DELETE', `/inspections/${inspectionId}/photos/${photoId}`);
    expect(del.statusCode).toBe(409);
    expect(await countRows(t, 'attachments')).toBe(rows);
    expect(storedFiles()).toHaveLength(files);
    expect(
      (await as('ev_district', 'GET', `/inspections/${inspectionId}/photos/${photoId}`)).statusCode,
    ).toBe(200);
  });
});

describe('evidence files on a rectification item', () => {
  it('the institution admin attaches a photo and a PDF while open; the item lists them', async () => {
    rect = ((await as('ev_admin_a', 'GET', '/rectifications')).json().items as Rectification[])[0]!;
    expect(rect.attachments).toEqual([]);
    const url = `/rectifications/${rect.id}/evidence`;
    const a = await upload('ev_admin_a', url, '整改后照片.jpg', 'image/jpeg', gpsJpeg());
    expect(a.statusCode, a.body).toBe(201);
    const b = await upload('ev_admin_a', url, '整改报告.pdf', 'application/pdf', SAMPLES.pdf);
    expect(b.statusCode, b.body).toBe(201);
    const c = await upload('ev_admin_a', url, 'wrong.pdf', 'application/pdf', Buffer.alloc(0));
    expect(c.statusCode).toBe(400);
    const del = await as('ev_admin_a', 'DELETE', `${url}/${b.json().id}`);
    expect(del.statusCode, del.body).toBe(200);
    const b2 = await upload('ev_admin_a', url, '整改报告.pdf', 'application/pdf', SAMPLES.pdf);
    const items = (await as('ev_admin_a', 'GET', url)).json().items;
    expect(items.map((x: { fileName: string }) => x.fileName)).toEqual(['整改后照片.jpg', '整改报告.pdf']);
    expect(items[1]).toMatchObject({
      id: b2.json().id,
      contentType: 'application/pdf',
      sizeBytes: SAMPLES.pdf.length,
    });
    const sub = await as('ev_admin_a', 'POST', `/rectifications/${rect.id}/transition`, {
      version: rect.version,
      action: 'submit_evidence',
      evidenceText: '已清理安全出口',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().evidenceText).toBe('已清理安全出口');
    expect(sub.json().attachments.map((x: { fileName: string }) => x.fileName)).toEqual([
      '整改后照片.jpg',
      '整改报告.pdf',
    ]);
    rect = sub.json();
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'rectification'), eq(auditLog.objectId, rect.id)));
    expect(audits.map((x) => x.action).sort()).toEqual([
      'supervision.rectification_file_delete',
      'supervision.rectification_file_upload',
      'supervision.rectification_file_upload',
      'supervision.rectification_file_upload',
      'supervision.rectification_submit_evidence',
    ]);
  });

  it('the verifier sees the files and downloads them (stripped); other scopes 404; inspectors cannot upload', async () => {
    const [seen] = (await as(assigned[0]!, 'GET', '/rectifications')).json().items as Rectification[];
    expect(seen!.attachments).toHaveLength(2);
    const photo = seen!.attachments[0]!;
    const file = await as(assigned[0]!, 'GET', `/rectifications/${rect.id}/evidence/${photo.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.includes(Buffer.from('GPS-MARKER'))).toBe(false);
    expect((await as('ev_zjj', 'GET', `/rectifications/${rect.id}/evidence/${photo.id}`)).statusCode).toBe(
      200,
    );
    for (const who of ['ev_xj', 'ev_admin_x']) {
      expect((await as(who, 'GET', `/rectifications/${rect.id}/evidence`)).statusCode).toBe(404);
      expect((await as(who, 'GET', `/rectifications/${rect.id}/evidence/${photo.id}`)).statusCode).toBe(404);
    }
    // A photo id of another owner under this item: 404.
    expect((await as('ev_zjj', 'GET', `/rectifications/${rect.id}/evidence/${photoId}`)).statusCode).toBe(
      404,
    );
    const rows = await countRows(t, 'attachments');
    const insp = await upload(
      assigned[0]!,
      `/rectifications/${rect.id}/evidence`,
      'a.jpg',
      'image/jpeg',
      SAMPLES.jpeg,
    );
    expect(insp.statusCode).toBe(403);
    const other = await upload(
      'ev_admin_x',
      `/rectifications/${rect.id}/evidence`,
      'a.jpg',
      'image/jpeg',
      SAMPLES.jpeg,
    );
    expect(other.statusCode).toBe(404);
    expect(await countRows(t, 'attachments')).toBe(rows);
  });

  it('after submission uploads and deletes are 409 until the item is returned; verify is unchanged', async () => {
    const url = `/rectifications/${rect.id}/evidence`;
    const rows = await countRows(t, 'attachments');
    const files = storedFiles().length;
    const late = await upload('ev_admin_a', url, 'late.jpg', 'image/jpeg', SAMPLES.jpeg);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('supervision.evidence_locked');
    const del = await as('ev_admin_a', 'DELETE', `${url}/${rect.attachments[0]!.id}`);
    expect(del.statusCode).toBe(409);
    expect(await countRows(t, 'attachments')).toBe(rows);
    expect(storedFiles()).toHaveLength(files);
    const ret = await as(assigned[0]!, 'POST', `/rectifications/${rect.id}/transition`, {
      version: rect.version,
      action: 'return',
      reason: '照片看不清',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const again = await upload('ev_admin_a', url, 'clear.png', 'image/png', SAMPLES.png);
    expect(again.statusCode, again.body).toBe(201);
    const sub = await as('ev_admin_a', 'POST', `/rectifications/${rect.id}/transition`, {
      version: ret.json().version,
      action: 'submit_evidence',
      evidenceText: '已补充清晰照片',
    });
    expect(sub.json().attachments).toHaveLength(3);
    const ok = await as(assigned[0]!, 'POST', `/rectifications/${rect.id}/transition`, {
      version: sub.json().version,
      action: 'verify',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('closed');
  });
});
