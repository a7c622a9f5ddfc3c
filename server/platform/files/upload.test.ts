/**
 * The upload helper and attachments end to end, through the institutions' document routes (the first
 * module on the kit): size limits with nothing stored, one file part only, clean names, executables
 * refused, Exif/GPS gone from the stored bytes, downloads only through the owner's scope, audited.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitutionInput } from '../../modules/institutions/factories.ts';
import { auditLog } from '../tables.ts';
import { buildJpeg, buildPng, exifGpsPayload, pngChunk, SAMPLES } from './samples.ts';
import { attachments } from './tables.ts';

let t: TestApp;
let district: string;
let admin: string;
let inst: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('town-xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  district = await t.login('district');
  inst = (
    await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ name: '青浦区朱家角镇附件测试托育园' }),
    })
  ).json();
  await t.createUser('inst', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  admin = await t.login('inst');
});
afterAll(() => t.close());

interface Part {
  name: string;
  fileName?: string;
  type?: string;
  data: Buffer;
}

const BOUNDARY = 'kitBoundary9f2c';
function multipart(parts: Part[]) {
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"${
        p.fileName === undefined ? '' : `; filename="${p.fileName}"`
      }\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
    ),
    p.data,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

const post = (parts: Part[], cookie = admin) => {
  const m = multipart(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/institutions/${inst.id}/documents?category=site_certificate`,
    headers: { cookie, ...m.headers },
    payload: m.payload,
  });
};
const file = (fileName: string, type: string, data: Buffer): Part => ({ name: 'file', fileName, type, data });

function storedFiles(): string[] {
  const root = path.join(t.dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

const state = async () => [
  await countRows(t, 'attachments'),
  await countRows(t, 'audit_log'),
  storedFiles().length,
];

const MiB = 1024 * 1024;

describe('size limit: over the purpose limit → 413, nothing stored', () => {
  it.each([11, 30])('a %i MiB PDF', async (mib) => {
    const before = await state();
    const big = Buffer.concat([SAMPLES.pdf, Buffer.alloc(mib * MiB, 0x20)]);
    const res = await post([file('big.pdf', 'application/pdf', big)]);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 413, code: 'payload.too_large' });
    expect(await state()).toEqual(before);
  });

  it('exactly 10 MiB is accepted', async () => {
    const data = Buffer.concat([SAMPLES.pdf, Buffer.alloc(10 * MiB - SAMPLES.pdf.length, 0x20)]);
    const res = await post([file('edge.pdf', 'application/pdf', data)]);
    expect(res.statusCode).toBe(201);
    expect(res.json().sizeBytes).toBe(10 * MiB);
  });
});

describe('one file part, nothing else', () => {
  it.each([
    [
      'a second file part',
      [
        file('a.pdf', 'application/pdf', SAMPLES.pdf),
        { ...file('b.pdf', 'application/pdf', SAMPLES.pdf), name: 'file2' },
      ],
      'file2',
      'file.too_many',
    ],
    [
      'the same field twice',
      [file('a.pdf', 'application/pdf', SAMPLES.pdf), file('b.pdf', 'application/pdf', SAMPLES.pdf)],
      'file',
      'file.too_many',
    ],
    [
      'a text field',
      [{ name: 'note', data: Buffer.from('hello') }, file('a.pdf', 'application/pdf', SAMPLES.pdf)],
      'note',
      'unknown_property',
    ],
    [
      'a file in another field',
      [{ ...file('a.pdf', 'application/pdf', SAMPLES.pdf), name: 'upload' }],
      'upload',
      'unknown_property',
    ],
    ['no part at all', [], 'file', 'required'],
    ['an empty file', [file('a.pdf', 'application/pdf', Buffer.alloc(0))], 'file', 'file.empty'],
    ['a renamed ELF', [file('report.pdf', 'application/pdf', SAMPLES.elf)], 'file', 'file.executable'],
    ['a renamed PE', [file('scan.jpg', 'image/jpeg', SAMPLES.pe)], 'file', 'file.executable'],
    ['a shell script', [file('run.pdf', 'application/pdf', SAMPLES.script)], 'file', 'file.executable'],
    [
      'a CSV (not a filing document)',
      [file('list.csv', 'text/csv', SAMPLES.csv)],
      'file',
      'file.unsupported_type',
    ],
  ] as const)('%s → 400 naming the field, nothing stored', async (_label, parts, field, rule) => {
    const before = await state();
    const res = await post([...parts]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field, rule });
    expect(res.json().errors[0].message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await state()).toEqual(before);
  });

  it.each([
    [
      'cut off',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
    ],
    ['garbage', 'multipart/form-data; boundary=xyz', 'garbage'],
    ['no boundary', 'multipart/form-data', 'x'],
  ])('a malformed multipart body (%s) → 400 naming the body, not 500', async (_label, type, payload) => {
    const before = await state();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/${inst.id}/documents`,
      headers: { cookie: admin, 'content-type': type },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body');
    expect(await state()).toEqual(before);
  });

  it('a JSON body → 400 naming the body', async () => {
    const res = await t.call('POST', `/api/v1/institutions/${inst.id}/documents`, {
      cookie: admin,
      body: { file: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body');
  });
});

describe('the owner decides after the checks: a refusal leaves no file behind', () => {
  it("another institution's admin uploading here → 404, no row, no file, no audit entry", async () => {
    const other = (
      await t.call('POST', '/api/v1/institutions', { cookie: district, body: buildInstitutionInput() })
    ).json();
    await t.createUser('inst-other', 'institution_admin', { kind: 'institution', institutionId: other.id });
    const cookie = await t.login('inst-other');
    const before = await state();
    const res = await post([file('a.pdf', 'application/pdf', SAMPLES.pdf)], cookie);
    expect(res.statusCode).toBe(404);
    expect(await state()).toEqual(before);
  });
});

describe('names are cleaned before they are stored or served', () => {
  it.each([
    ['invoice\u202Efdp.pdf', 'invoicefdp.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\boot\\営業.pdf', '営業.pdf'],
  ])('%j is stored as %j', async (raw, clean) => {
    const res = await post([file(raw, 'application/pdf', SAMPLES.pdf)]);
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe(clean);
    const dl = await t.call('GET', `/api/v1/institutions/${inst.id}/documents/${res.json().id}`, {
      cookie: admin,
    });
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(clean)}`);
    expect(dl.headers['content-disposition']).not.toMatch(/\.\.|\u202e/);
  });

  it('../../etc/passwd with no extension is refused as a mismatch, nothing written outside DATA_DIR', async () => {
    const res = await post([file('../../etc/passwd', 'application/pdf', SAMPLES.pdf)]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].rule).toBe('file.type_mismatch');
  });
});

describe('image metadata', () => {
  it('a JPEG with an Exif GPS block is stored and served without it', async () => {
    const photo = buildJpeg([{ marker: 0xe1, payload: exifGpsPayload('GPS-31.1079N-121.0533E') }]);
    const res = await post([file('site.jpg', 'image/jpeg', photo)]);
    expect(res.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, res.json().id));
    const onDisk = readFileSync(storedFiles().find((f) => f.endsWith(row!.storageKey))!);
    expect(onDisk.includes('GPS-31.1079N')).toBe(false);
    expect(onDisk.includes('Exif')).toBe(false);
    expect(onDisk.length).toBe(row!.sizeBytes);
    expect(res.json().sizeBytes).toBeLessThan(photo.length);
    const dl = await t.call('GET', `/api/v1/institutions/${inst.id}/documents/${row!.id}`, { cookie: admin });
    expect(dl.rawPayload.equals(onDisk)).toBe(true);
    expect(dl.rawPayload.includes('GPS-31.1079N')).toBe(false);
  });

  it('a PNG with text chunks is stored without them', async () => {
    const png = buildPng([pngChunk('tEXt', Buffer.from('Author\0PNG-SECRET', 'latin1'))]);
    const res = await post([file('plan.png', 'image/png', png)]);
    expect(res.statusCode).toBe(201);
    const dl = await t.call('GET', `/api/v1/institutions/${inst.id}/documents/${res.json().id}`, {
      cookie: admin,
    });
    expect(dl.rawPayload.equals(SAMPLES.png)).toBe(true);
  });
});

describe('downloads go through the owner scope, audited', () => {
  let docId: string;
  beforeAll(async () => {
    docId = (await post([file('licence.pdf', 'application/pdf', SAMPLES.pdf)])).json().id;
  });

  it("another town's officer gets 404 for the document, and for a made-up owner", async () => {
    const xj = await t.login('town-xj');
    const before = await countRows(t, 'audit_log');
    const res = await t.call('GET', `/api/v1/institutions/${inst.id}/documents/${docId}`, { cookie: xj });
    expect(res.statusCode).toBe(404);
    expect(await countRows(t, 'audit_log')).toBe(before);
    const other = (
      await t.call('POST', '/api/v1/institutions', {
        cookie: district,
        body: buildInstitutionInput({ townCode: XUJING }),
      })
    ).json();
    // The document id with an owner the caller may see, but that does not own it: 404 too.
    const wrongOwner = await t.call('GET', `/api/v1/institutions/${other.id}/documents/${docId}`, {
      cookie: district,
    });
    expect(wrongOwner.statusCode).toBe(404);
  });

  it('the town officer in scope downloads it; the entry names who, what and whose', async () => {
    const zjj = await t.login('town-zjj');
    const res = await t.call('GET', `/api/v1/institutions/${inst.id}/documents/${docId}`, { cookie: zjj });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'institutions.document_download'), eq(auditLog.objectId, docId)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUsername: 'town-zjj',
      objectType: 'attachment',
      changes: { ownerType: 'institution', ownerId: inst.id, purpose: 'institution_document' },
    });
  });

  it('the upload was audited with the hash of the stored bytes', async () => {
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, docId));
    expect(row).toMatchObject({ ownerType: 'institution', ownerId: inst.id, category: 'site_certificate' });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'institutions.upload'), eq(auditLog.objectId, inst.id)));
    const entry = entries.find((e) => (e.changes as { attachment?: string }).attachment === docId);
    expect(entry?.changes).toMatchObject({ sha256: row!.sha256, sizeBytes: row!.sizeBytes });
    expect(entry?.actorUsername).toBe('inst');
  });
});
