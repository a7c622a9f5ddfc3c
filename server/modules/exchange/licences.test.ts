/**
 * Issue 15, inbound data: the market-regulation department's business-licence records, sent by its
 * system (bearer token, scope `licences.write`) or uploaded by a district officer from its export, and
 * the comparison with the registry (证照比对) through the guard (ADR 0035).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { commitRun, uploadCsv } from '../../../test/factories/imports.ts';
import { creditCodeFor } from '../../../test/factories/inputs.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';

let t: TestApp;
let district: string;
const BASE = '/api/v1/exchange';
const IMPORTS = `${BASE}/business-licences/imports`;
// Businesses registered by market regulation (GB 32100 authority 9, category 1: an enterprise).
const biz = (n: number) => creditCodeFor(n, { prefix: '91' });
const codes = { a: biz(71_000_001), b: biz(71_000_002), c: biz(71_000_003) };
let writer = '';
let reader = '';

const form = (o: Record<string, string>) => ({
  body: new URLSearchParams(o).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
async function clientToken(sec: string, scopes: string[]) {
  const c = await t.call('POST', `${BASE}/clients`, {
    cookie: sec,
    body: {
      name: `区市场监管局 ${scopes.join('+')}`,
      department: 'market_regulation',
      purpose: '营业执照登记信息报送',
      scopes,
      fields: ['name', 'creditCode'],
      ratePerMinute: 600,
      expiresOn: '2027-12-31',
    },
  });
  expect(c.statusCode, c.body).toBe(201);
  const tok = await t.call(
    'POST',
    '/api/v1/oauth/token',
    form({
      grant_type: 'client_credentials',
      client_id: c.json().clientId,
      client_secret: c.json().clientSecret,
    }),
  );
  expect(tok.statusCode, tok.body).toBe(200);
  return tok.json().access_token as string;
}
const send = (tok: string, records: unknown[]) =>
  t.call('POST', `${BASE}/business-licences`, {
    headers: { authorization: `Bearer ${tok}` },
    body: { records },
  });
const rec = (code: string, over: Record<string, unknown> = {}) => ({
  creditCode: code,
  name: '甲托育园',
  status: 'active',
  registeredOn: '2022-03-01',
  authority: '青浦区市场监督管理局',
  businessScope: '托育服务',
  ...over,
});
const checks = (cookie: string, q = '') => t.call('GET', `${BASE}/business-licences/checks${q}`, { cookie });

beforeAll(async () => {
  t = await createTestApp();
  const division = (code: string) => ({ kind: 'division', divisionCode: code }) as const;
  await t.createUser('lic-sec', 'security_admin', division(DISTRICT));
  await t.createUser('lic-district', 'district_officer', division(DISTRICT));
  await t.createUser('lic-xujing', 'town_officer', division(XUJING));
  const sec = await t.login('lic-sec');
  district = await t.login('lic-district');
  writer = await clientToken(sec, ['institutions.read', 'licences.write']);
  reader = await clientToken(sec, ['institutions.read']);
  const now = t.clock.now();
  const db = t.database.db;
  await buildInstitution(db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '甲托育园',
    creditCode: codes.a,
    now,
  });
  await buildInstitution(db, {
    status: 'filed',
    townCode: ZHUJIAJIAO,
    name: '乙托育园',
    creditCode: codes.b,
    now,
  });
  await buildInstitution(db, {
    status: 'operating',
    townCode: XUJING,
    name: '丙托育园',
    creditCode: codes.c,
    now,
  });
  await buildInstitution(db, {
    status: 'draft',
    townCode: XUJING,
    name: '草稿托育园',
    creditCode: biz(71_000_004),
    now,
  });
  // A 民办非企业单位 (authority 5, civil affairs) holds no business licence: never compared.
  await buildInstitution(db, {
    status: 'operating',
    townCode: XUJING,
    name: '丁托育园',
    creditCode: creditCodeFor(71_000_005),
    now,
  });
});
afterAll(() => t.close());

describe("the department's system sends records", () => {
  it('bad input is a 400 naming the record, the field and the rule, in zh and en; nothing is written', async () => {
    const wrong = `${codes.a.slice(0, 17)}${codes.a[17] === '0' ? '1' : '0'}`;
    const cases: [unknown[], string, string][] = [
      [[rec(codes.a), rec(wrong)], 'records.1.creditCode', 'credit.check_character'],
      [[rec(codes.a, { status: 'revoked' })], 'records.0.statusOn', 'licence.status_date_required'],
      [[rec(codes.a), rec(codes.a.toLowerCase())], 'records.1.creditCode', 'licence.duplicate'],
      [[rec(codes.a, { status: 'closed' })], 'records.0.status', 'invalid_value'],
      [[rec(codes.a, { registeredOn: '2022-13-01' })], 'records.0.registeredOn', 'invalid_format'],
      [[], 'records', 'too_small'],
    ];
    for (const [records, field, rule] of cases) {
      const res = await send(writer, records);
      expect(res.statusCode, JSON.stringify(records)).toBe(400);
      const e = res.json().errors.find((x: { field: string }) => x.field === field);
      expect(e, res.body).toMatchObject({ field, rule });
      expect(e.message_zh.length && e.message_en.length).toBeTruthy();
    }
    expect(await countRows(t, 'business_licences')).toBe(0);
  });

  it('needs a token with licences.write', async () => {
    expect((await send(reader, [rec(codes.a)])).statusCode).toBe(403);
    const none = await t.call('POST', `${BASE}/business-licences`, { body: { records: [rec(codes.a)] } });
    expect(none.statusCode).toBe(401);
    expect(
      (await t.call('POST', `${BASE}/business-licences`, { cookie: district, body: { records: [] } }))
        .statusCode,
    ).toBe(401);
    expect(await countRows(t, 'business_licences')).toBe(0);
  });

  it('inserts, then changes nothing on the same records, then updates what differs; audited under the client', async () => {
    const batch = [
      rec(codes.a),
      rec(codes.b, { name: '乙托育园', status: 'revoked', statusOn: '2026-10-09', businessScope: '' }),
    ];
    const first = await send(writer, batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect((await send(writer, batch)).json()).toEqual({
      received: 2,
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const renamed = await send(writer, [rec(codes.a, { name: '上海甲托育服务有限公司' })]);
    expect(renamed.json()).toEqual({ received: 1, inserted: 0, updated: 1, unchanged: 0 });
    const rows = await t.database.db.execute(
      sql`select credit_code, version from business_licences order by credit_code`,
    );
    expect((rows as unknown as { rows: { credit_code: string; version: number }[] }).rows).toEqual(
      [
        { credit_code: codes.a, version: 2 },
        { credit_code: codes.b, version: 1 },
      ].sort((x, y) => (x.credit_code < y.credit_code ? -1 : 1)),
    );
    const entries = (await t.database.db.execute(
      sql`select actor_username, changes from audit_log where action = 'exchange.licences_receive'`,
    )) as unknown as { rows: { actor_username: string; changes: Record<string, number> }[] };
    expect(entries.rows).toHaveLength(3);
    for (const e of entries.rows) expect(e.actor_username).toMatch(/^client:ty-310118-/);
    expect(entries.rows.map((e) => e.changes)).toContainEqual({
      received: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
  });
});

describe('证照比对', () => {
  it('the district sees what the comparison finds for every institution it should, the town only its own', async () => {
    const res = await checks(district);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.compared).toBe(3); // neither the draft nor the civil-affairs registration is compared
    const byName = Object.fromEntries(
      page.items.map((i: { name: string; findings: string[] }) => [i.name, i.findings]),
    );
    expect(byName).toEqual({
      甲托育园: ['name_differs'],
      乙托育园: ['not_active'],
      丙托育园: ['no_record'],
    });
    expect(page.counts).toEqual({ no_record: 1, not_active: 1, name_differs: 1, scope_lacks_childcare: 0 });
    expect(page.lastReceivedAt).toEqual(expect.any(String));
    const only = (await checks(district, '?finding=not_active')).json();
    expect(only.items.map((i: { name: string }) => i.name)).toEqual(['乙托育园']);
    expect(only.items[0].licence).toMatchObject({ status: 'revoked', statusOn: '2026-10-09' });

    const town = (await checks(await t.login('lic-xujing'))).json();
    expect(town.compared).toBe(1);
    expect(town.items.map((i: { name: string }) => i.name)).toEqual(['丙托育园']);
    const bad = await checks(district, '?finding=closed');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'querystring.finding' });
  });

  it("a district officer uploads the bureau's export: a bad row is reported by column, a clean file is written once", async () => {
    const head = ['统一社会信用代码', '企业名称', '登记状态', '成立日期', '状态日期', '登记机关', '经营范围'];
    const badRun = await uploadCsv(t, IMPORTS, district, head, [
      [codes.c, '丙托育园', '吊销', '2021-05-01', '', '青浦区市场监督管理局', '托育服务'],
    ]);
    expect(badRun.statusCode, badRun.body).toBe(201);
    expect(badRun.json().errors).toMatchObject([
      { row: 2, column: '状态日期', rule: 'licence.status_date_required' },
    ]);

    const rows = [
      [codes.c, '丙托育园', '存续', '2021-05-01', '', '青浦区市场监督管理局', '托育服务；早期教育咨询'],
    ];
    const run = (await uploadCsv(t, IMPORTS, district, head, rows)).json();
    expect(run).toMatchObject({ totalRows: 1, errorCount: 0, existingRows: 0 });
    expect(await commitRun(t, IMPORTS, district, run.id)).toMatchObject({
      status: 'committed',
      insertedRows: 1,
    });
    const again = (await uploadCsv(t, IMPORTS, district, head, rows)).json();
    expect(again).toMatchObject({ existingRows: 1 });
    expect(await commitRun(t, IMPORTS, district, again.id)).toMatchObject({
      status: 'committed',
      insertedRows: 0,
    });

    const page = (await checks(district)).json();
    expect(page.counts.no_record).toBe(0);
    expect(page.items.map((i: { name: string }) => i.name)).not.toContain('丙托育园');
    const town = await t.login('lic-xujing');
    expect((await uploadCsv(t, IMPORTS, town, head, rows)).statusCode).toBe(403);
  });
});
