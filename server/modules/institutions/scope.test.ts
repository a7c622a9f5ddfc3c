/**
 * Jurisdiction: a town officer of 朱家角镇 against an institution of 徐泾镇, and an institution admin
 * against another institution. Everything outside the scope is not found, and nothing of it shows in
 * list counts, searches or export rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildClasses, buildInstitutionInput, multipartBody, SAMPLE_FILES } from './factories.ts';

let t: TestApp;
let district: string;
let townZjj: string;
let adminB: string;
let a: { id: string; name: string; version: number; creditCode: string }; // 徐泾镇
let b: { id: string; name: string; version: number }; // 朱家角镇, run by adminB
let docId: string;
const NOBODY = '01890000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  district = await t.login('district');
  const create = async (townCode: string, name: string) => {
    const res = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ townCode, name }),
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  a = await create(XUJING, '青浦区徐泾镇秘密托育园');
  b = await create(ZHUJIAJIAO, '青浦区朱家角镇小海豚托育园');
  await create(ZHUJIAJIAO, '青浦区朱家角镇小白兔托育园');
  const up = multipartBody('licence.pdf', 'application/pdf', SAMPLE_FILES.pdf);
  const doc = await t.app.inject({
    method: 'POST',
    url: `/api/v1/institutions/${a.id}/documents`,
    headers: { cookie: district, ...up.headers },
    payload: up.payload,
  });
  expect(doc.statusCode).toBe(201);
  docId = doc.json().id;
  await t.createUser('inst-b', 'institution_admin', { kind: 'institution', institutionId: b.id });
  townZjj = await t.login('town-zjj');
  adminB = await t.login('inst-b');
});
afterAll(() => t.close());

const callers = () =>
  [
    ['town officer of 朱家角镇', townZjj],
    ['institution admin of another institution', adminB],
  ] as const;

describe.each([0, 1])('outside the scope (%i)', (which) => {
  const who = () => callers()[which]!;

  it('list and search: neither the row nor its count', async () => {
    const [, cookie] = who();
    const all = (await t.call('GET', '/api/v1/institutions?pageSize=100', { cookie })).json();
    expect(all.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBe(which === 0 ? 2 : 1);
    for (const q of [encodeURIComponent('秘密'), a.creditCode, `town=${XUJING}`]) {
      const url = q.startsWith('town=') ? `/api/v1/institutions?${q}` : `/api/v1/institutions?q=${q}`;
      const res = (await t.call('GET', url, { cookie })).json();
      expect(res).toMatchObject({ items: [], total: 0 });
    }
  });

  it('get, update, classes, transition, documents: 404 — the same answer as for an id that does not exist', async () => {
    const [, cookie] = who();
    for (const id of [a.id, NOBODY]) {
      const get = await t.call('GET', `/api/v1/institutions/${id}`, { cookie });
      expect(get.statusCode).toBe(404);
      const tr = await t.call('POST', `/api/v1/institutions/${id}/transitions`, {
        cookie,
        body: { action: 'submit', version: 1 },
      });
      expect(tr.statusCode).toBe(404);
      const dl = await t.call('GET', `/api/v1/institutions/${id}/documents/${docId}`, { cookie });
      expect(dl.statusCode).toBe(404);
      expect(dl.body).not.toContain('%PDF');
      // Town officers may not edit at all (403 by role, before any lookup); admins get 404.
      const patch = await t.call('PATCH', `/api/v1/institutions/${id}`, {
        cookie,
        body: { version: 1, name: '篡改托育园' },
      });
      expect(patch.statusCode).toBe(which === 0 ? 403 : 404);
      const classes = await t.call('PUT', `/api/v1/institutions/${id}/classes`, {
        cookie,
        body: { version: 1, classes: buildClasses() },
      });
      expect(classes.statusCode).toBe(which === 0 ? 403 : 404);
    }
    const up = multipartBody('x.png', 'image/png', SAMPLE_FILES.png);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/${a.id}/documents`,
      headers: { cookie, ...up.headers },
      payload: up.payload,
    });
    expect(upload.statusCode).toBe(which === 0 ? 403 : 404);
    // Nothing changed on A.
    const stillA = (await t.call('GET', `/api/v1/institutions/${a.id}`, { cookie: district })).json();
    expect(stillA).toMatchObject({ name: a.name, version: a.version, status: 'draft' });
    expect(stillA.documents).toHaveLength(1);
  });

  it('export: no rows of other scopes (town officer), or no export at all (institution admin)', async () => {
    const [, cookie] = who();
    const csv = await t.call('GET', '/api/v1/institutions/export?format=csv', { cookie });
    if (which === 1) {
      expect(csv.statusCode).toBe(403);
      return;
    }
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('秘密');
    expect(csv.body).not.toContain(a.creditCode);
    expect(csv.body.trim().split('\r\n')).toHaveLength(1 + 2);
    const filtered = await t.call('GET', `/api/v1/institutions/export?format=csv&town=${XUJING}`, { cookie });
    expect(filtered.body.trim().split('\r\n')).toHaveLength(1);
  });
});

it('the district officer sees all three and downloads the document as an attachment', async () => {
  const all = (await t.call('GET', '/api/v1/institutions', { cookie: district })).json();
  expect(all.total).toBe(3);
  const dl = await t.call('GET', `/api/v1/institutions/${a.id}/documents/${docId}`, { cookie: district });
  expect(dl.statusCode).toBe(200);
  expect(dl.headers['content-type']).toBe('application/pdf');
  expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="licence.pdf"/);
  expect(dl.headers['x-content-type-options']).toBe('nosniff');
  expect(dl.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
});

it('an inspector of 朱家角镇 reads the registry of its town only, and may not change it', async () => {
  await t.createUser('insp-zjj', 'inspector', { kind: 'division', divisionCode: ZHUJIAJIAO });
  const cookie = await t.login('insp-zjj');
  const list = (await t.call('GET', '/api/v1/institutions', { cookie })).json();
  expect(list.total).toBe(2);
  expect((await t.call('GET', `/api/v1/institutions/${b.id}`, { cookie })).statusCode).toBe(200);
  expect((await t.call('GET', `/api/v1/institutions/${a.id}`, { cookie })).statusCode).toBe(404);
  const edit = await t.call('POST', `/api/v1/institutions/${b.id}/transitions`, {
    cookie,
    body: { action: 'submit', version: b.version },
  });
  expect(edit.statusCode).toBe(403);
});
