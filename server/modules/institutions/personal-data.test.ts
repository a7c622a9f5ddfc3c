/** The director's ID number and mobile: validated, unique, stored sealed, masked, revealed with a purpose. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicInstitutionDetailSchema } from '../../../domain/contracts/institution.ts';
import { citizenIdCheckChar } from '../../../domain/rules/ids.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitutionInput } from './factories.ts';

const idOf = (first17: string) => `${first17}${citizenIdCheckChar(first17)}`;
const ID = idOf('31011819900101002');
const ID2 = idOf('31011819850512003');
const MOBILE = '13812345678';

let t: TestApp;
let district: string;
let id: string;

async function rowText(instId: string): Promise<string> {
  const res = (await t.database.db.execute(
    sql`select row_to_json(i)::text as j from institutions i where id = ${instId}`,
  )) as unknown as { rows: { j: string }[] };
  return res.rows[0]!.j;
}

async function auditOf(action: string) {
  const res = (await t.database.db.execute(
    sql`select actor_username, object_id, changes::text as changes from audit_log where action = ${action} order by entry_no`,
  )) as unknown as { rows: { actor_username: string; object_id: string; changes: string }[] };
  return res.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  district = await t.login('district');
  const res = await t.call('POST', '/api/v1/institutions', {
    cookie: district,
    body: buildInstitutionInput({ directorIdNumber: ID.toLowerCase(), directorMobile: '+86 138-1234-5678' }),
  });
  expect(res.statusCode).toBe(201);
  id = res.json().id;
});
afterAll(() => t.close());

describe("the director's personal data", () => {
  it('is answered masked and stored sealed, with its blind index, never in clear', async () => {
    const d = (await t.call('GET', `/api/v1/institutions/${id}`, { cookie: district })).json();
    expect(d.directorIdNumber).toBe(`310118********${ID.slice(-4)}`);
    expect(d.directorMobile).toBe('138****5678');
    const row = await rowText(id);
    expect(row).toMatch(/"director_id_number":"pd1\.e1\.[A-Za-z0-9_-]+"/);
    expect(row).toMatch(/"director_mobile":"pd1\.e1\./);
    expect(row).toMatch(/"director_id_number_bidx":"i1\.[A-Za-z0-9_-]{43}"/);
    expect(row).not.toContain(ID.slice(6, 14));
    expect(row).not.toContain('12345678');
  });

  it('is masked in the audit trail without the module masking it', async () => {
    const [created] = await auditOf('institutions.create');
    expect(created!.changes).toContain(`310118********${ID.slice(-4)}`);
    expect(created!.changes).toContain('138****5678');
    expect(created!.changes).not.toContain(ID.slice(6, 14));
    expect(created!.changes).not.toContain('1234-5678');
  });

  it('an invalid ID number or mobile is a 400 naming the field, and nothing is written', async () => {
    const before = await Promise.all(['institutions', 'audit_log'].map((n) => countRows(t, n)));
    const badId = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ directorIdNumber: `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}` }),
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([
      expect.objectContaining({
        field: 'directorIdNumber',
        rule: 'id.check_character',
        message_zh: '证件号码校验码错误',
      }),
    ]);
    const badMobile = await t.call('PATCH', `/api/v1/institutions/${id}`, {
      cookie: district,
      body: { version: 1, directorMobile: '12345678901' },
    });
    expect(badMobile.statusCode).toBe(400);
    expect(badMobile.json().errors[0]).toMatchObject({ field: 'directorMobile', rule: 'mobile.invalid' });
    expect(await Promise.all(['institutions', 'audit_log'].map((n) => countRows(t, n)))).toEqual(before);
  });

  it('one director ID number per institution in the district (blind index): 409 naming the field', async () => {
    const dup = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ directorIdNumber: ID }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: 'directorIdNumber', rule: 'unique' });
    const other = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ directorIdNumber: ID2 }),
    });
    expect(other.statusCode).toBe(201);
    const patch = await t.call('PATCH', `/api/v1/institutions/${other.json().id}`, {
      cookie: district,
      body: { version: other.json().version, directorIdNumber: ID },
    });
    expect(patch.statusCode).toBe(409);
    // Clearing is allowed (null): the value and its index go.
    const cleared = await t.call('PATCH', `/api/v1/institutions/${other.json().id}`, {
      cookie: district,
      body: { version: other.json().version, directorIdNumber: null },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().directorIdNumber).toBeNull();
    expect(await rowText(other.json().id)).toContain('"director_id_number_bidx":null');
  });

  it('the public portal contract has no director fields', () => {
    expect(Object.keys(publicInstitutionDetailSchema.shape).filter((k) => /director/i.test(k))).toEqual([]);
  });
});

describe('reveal', () => {
  const reveal = (cookie: string, body: unknown, instId = id) =>
    t.call('POST', `/api/v1/institutions/${instId}/reveal`, { cookie, body });

  it('the district officer sees one value with a stated purpose, and the read is audited', async () => {
    const res = await reveal(district, { field: 'directorIdNumber', purpose: '核对备案材料中的负责人身份' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ field: 'directorIdNumber', value: ID });
    const mobile = await reveal(district, { field: 'directorMobile', purpose: '电话联系负责人核实信息' });
    expect(mobile.json()).toEqual({ field: 'directorMobile', value: MOBILE });
    const entries = await auditOf('personal_data.reveal');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actor_username: 'district', object_id: id });
    expect(JSON.parse(entries[0]!.changes)).toEqual({
      reveal: { field: 'directorIdNumber', kind: 'citizen_id' },
      purpose: '核对备案材料中的负责人身份',
    });
    expect(entries.map((e) => e.changes).join()).not.toContain(ID.slice(6, 14));
  });

  it('needs a purpose (400 naming it) and a known field; nothing is audited', async () => {
    const before = await countRows(t, 'audit_log');
    const none = await reveal(district, { field: 'directorIdNumber' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('purpose');
    const short = await reveal(district, { field: 'directorIdNumber', purpose: ' 看 ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('purpose');
    const field = await reveal(district, { field: 'directorName', purpose: '核对备案材料' });
    expect(field.statusCode).toBe(400);
    expect(field.json().errors[0].field).toBe('field');
    expect(await countRows(t, 'audit_log')).toBe(before);
  });

  it('only the district officer in scope and the admin of that institution: others 403/404', async () => {
    await t.createUser('town-zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
    await t.createUser('district-xj', 'district_officer', { kind: 'division', divisionCode: XUJING });
    await t.createUser('own-admin', 'institution_admin', { kind: 'institution', institutionId: id });
    const other = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput(),
    });
    await t.createUser('other-admin', 'institution_admin', {
      kind: 'institution',
      institutionId: other.json().id,
    });
    const body = { field: 'directorMobile', purpose: '核实负责人联系方式' };
    expect((await reveal(await t.login('town-zjj'), body)).statusCode).toBe(403);
    expect((await reveal(await t.login('district-xj'), body)).statusCode).toBe(404);
    expect((await reveal(await t.login('other-admin'), body)).statusCode).toBe(404);
    const own = await reveal(await t.login('own-admin'), body);
    expect(own.statusCode).toBe(200);
    expect(own.json().value).toBe(MOBILE);
  });
});
