/**
 * Issue 15, department exchange: the security admin registers a client; the client trades id and secret
 * for a bearer token and reads the registry — only the fields of its allow-list, every call audited
 * under the client's id, its rate enforced; disabling a client stops its tokens at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { createExchangeService } from './service.ts';

let t: TestApp;
let sec: string;
const division = { kind: 'division', divisionCode: DISTRICT } as const;
const BASE = '/api/v1/exchange';

const register = (body: Record<string, unknown>, cookie = sec) =>
  t.call('POST', `${BASE}/clients`, { cookie, body: { ...VALID, ...body } });
const VALID = {
  name: '区市场监管局 证照比对系统',
  department: 'market_regulation',
  purpose: '营业执照与托育机构备案信息比对',
  scopes: ['institutions.read'],
  fields: ['name', 'creditCode', 'status'],
  ratePerMinute: 100,
  expiresOn: '2027-12-31',
};
const form = (o: Record<string, string>) => ({
  body: new URLSearchParams(o).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
const token = async (clientId: string, secret: string, extra: Record<string, string> = {}) =>
  t.call(
    'POST',
    '/api/v1/oauth/token',
    form({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, ...extra }),
  );
const read = (tok: string, query = '') =>
  t.call('GET', `${BASE}/institutions${query}`, { headers: { authorization: `Bearer ${tok}` } });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('ex-sec', 'security_admin', division);
  await t.createUser('ex-district', 'district_officer', division);
  sec = await t.login('ex-sec');
  const now = t.clock.now();
  await buildInstitution(t.database.db, { status: 'operating', townCode: ZHUJIAJIAO, name: '甲托育园', now });
  await buildInstitution(t.database.db, { status: 'filed', townCode: ZHUJIAJIAO, name: '乙托育园', now });
  await buildInstitution(t.database.db, { status: 'draft', townCode: ZHUJIAJIAO, name: '草稿托育园', now });
});
afterAll(() => t.close());

describe('registration (security admin)', () => {
  it('bad input is a 400 naming the field and the rule, in zh and en; nothing is written', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ fields: ['directorIdNumber'] }, 'fields.0', 'invalid_value'],
      [{ scopes: [] }, 'scopes', 'too_small'],
      [{ expiresOn: '2026-01-01' }, 'expiresOn', 'past'],
      [{ expiresOn: '2031-01-01' }, 'expiresOn', 'max'],
      [{ fields: ['name', 'name'] }, 'fields', 'duplicate'],
      [{ department: 'navy' }, 'department', 'invalid_value'],
      [{ fields: [] }, 'fields', 'required_for_read'],
      [{ scopes: ['licences.write'] }, 'fields', 'read_scope_missing'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await register(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const e = res.json().errors.find((x: { field: string }) => x.field === field);
      expect(e, res.body).toMatchObject({ field, rule });
      expect(e.message_zh.length && e.message_en.length).toBeTruthy();
    }
    expect(await countRows(t, 'api_clients')).toBe(0);
  });

  it('only the security admin registers; the secret is shown once and stored as a hash; audited', async () => {
    const district = await t.login('ex-district');
    expect((await register({}, district)).statusCode).toBe(403);
    const res = await register({});
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.clientId).toMatch(/^ty-310118-[0-9a-f]{16}$/);
    expect(c.clientSecret.length).toBeGreaterThanOrEqual(43);
    expect(c.status).toBe('active');
    const list = (await t.call('GET', `${BASE}/clients`, { cookie: sec })).json();
    expect(list.items.find((x: { id: string }) => x.id === c.id)).not.toHaveProperty('clientSecret');
    const stored = await t.database.db.execute(`select secret_hash from api_clients where id = '${c.id}'`);
    const hash = (stored as unknown as { rows: { secret_hash: string }[] }).rows[0]!.secret_hash;
    expect(hash).not.toContain(c.clientSecret);
    const audit = await t.database.db.execute(
      `select changes::text as c from audit_log where action = 'exchange.client_create' and object_id = '${c.id}'`,
    );
    const text = (audit as unknown as { rows: { c: string }[] }).rows[0]!.c;
    expect(text).toContain(c.clientId);
    expect(text).not.toContain(c.clientSecret);
    // A write-only client (market regulation sending licences) reads nothing, so it has no field list.
    const writer = await register({ scopes: ['licences.write'], fields: [] });
    expect(writer.statusCode, writer.body).toBe(201);
    expect(writer.json()).toMatchObject({ scopes: ['licences.write'], fields: [] });
  });
});

describe('tokens and the department read', () => {
  it('client credentials give a bearer token; a wrong secret, a wrong grant or a scope not granted do not', async () => {
    const c = (await register({ name: '令牌测试' })).json();
    expect((await token(c.clientId, 'wrong')).statusCode).toBe(401);
    expect((await token(c.clientId, 'wrong')).json().code).toBe('exchange.invalid_client');
    const grant = await t.call(
      'POST',
      '/api/v1/oauth/token',
      form({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret }),
    );
    expect(grant.json().code).toBe('exchange.unsupported_grant_type');
    expect((await token(c.clientId, c.clientSecret, { scope: 'families.read' })).json().code).toBe(
      'exchange.invalid_scope',
    );
    expect(await countRows(t, 'api_tokens')).toBe(0);
    const ok = await token(c.clientId, c.clientSecret);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'institutions.read' });
    // HTTP Basic works too (RFC 6749 §2.3.1).
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
    const viaBasic = await t.call('POST', '/api/v1/oauth/token', {
      body: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    });
    expect(viaBasic.statusCode).toBe(200);
    const malformed = await t.call('POST', '/api/v1/oauth/token', {
      body: 'grant_type=client_credentials',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('%E0%A4%A:x').toString('base64')}`,
      },
    });
    expect(malformed.statusCode).toBe(401);
  });

  it('a client sees only its allow-listed fields of disclosed institutions (no drafts, never personal data); each call audited with its id', async () => {
    const c = (await register({ name: '字段白名单', fields: ['name', 'status'] })).json();
    const tok = (await token(c.clientId, c.clientSecret)).json().access_token as string;
    const res = await read(tok);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.name).sort()).toEqual(['乙托育园', '甲托育园']);
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['id', 'name', 'status']);
    expect(res.body).not.toMatch(/director|creditCode|publicPhone/);
    const audit = await t.database.db.execute(
      `select actor_id, actor_username from audit_log where action = 'exchange.institutions_read' and object_id = '${c.id}'`,
    );
    const rows = (audit as unknown as { rows: { actor_id: string; actor_username: string }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: c.id, actor_username: `client:${c.clientId}` });
    // Incremental: nothing changed after now.
    const later = await read(
      tok,
      `?updatedAfter=${encodeURIComponent(new Date(t.clock.now().getTime() + 1000).toISOString())}`,
    );
    expect(later.json().items).toEqual([]);
  });

  it('no token, a forged token, an expired token: 401 with WWW-Authenticate; a session cookie is no token', async () => {
    const c = (await register({ name: '过期测试' })).json();
    const tok = (await token(c.clientId, c.clientSecret)).json().access_token as string;
    const none = await t.call('GET', `${BASE}/institutions`, { cookie: sec });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('exchange.invalid_token');
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect((await read(`${tok.slice(0, -2)}AA`)).statusCode).toBe(401);
    expect((await read(tok)).statusCode).toBe(200);
    t.clock.advanceMinutes(16);
    expect((await read(tok)).statusCode).toBe(401);
  });

  it('over its rate a client gets 429 with Retry-After; disabling it stops its live token at once (audited)', async () => {
    const c = (await register({ name: '限速测试', ratePerMinute: 3 })).json();
    const tok = (await token(c.clientId, c.clientSecret)).json().access_token as string; // 1
    expect((await read(tok)).statusCode).toBe(200); // 2
    expect((await read(tok)).statusCode).toBe(200); // 3
    const limited = await read(tok);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('exchange.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advanceMinutes(1);
    expect((await read(tok)).statusCode).toBe(200);

    const stale = await t.call('POST', `${BASE}/clients/${c.id}/disable`, {
      cookie: sec,
      body: { version: 99 },
    });
    expect(stale.statusCode).toBe(409);
    const off = await t.call('POST', `${BASE}/clients/${c.id}/disable`, {
      cookie: sec,
      body: { version: c.version },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().status).toBe('disabled');
    expect((await read(tok)).statusCode).toBe(401);
    expect((await token(c.clientId, c.clientSecret)).statusCode).toBe(401);
    const again = await t.call('POST', `${BASE}/clients/${c.id}/disable`, {
      cookie: sec,
      body: { version: off.json().version },
    });
    expect(again.json().code).toBe('exchange.already_disabled');
  });

  it("another district's security admin cannot see or disable the client (404; one deployment serves one district, so through the service)", async () => {
    const c = (await register({ name: '跨区测试' })).json();
    const actor = {
      userId: '00000000-0000-7000-8000-000000000001',
      username: 'sec-songjiang',
      districtCode: '310117',
      role: 'security_admin' as const,
      scope: { kind: 'division' as const, divisionCode: '310117' },
      sessionId: 's',
    };
    const ctx = { actor, districtCode: '310117', ip: null, requestId: null, now: t.clock.now() };
    const svc = createExchangeService({ db: t.database.db });
    expect((await svc.list(ctx, actor, { page: 1, pageSize: 20 })).items).toEqual([]);
    await expect(svc.disable(ctx, actor, c.id, c.version)).rejects.toMatchObject({
      code: 'exchange.not_found',
    });
    expect(
      (await t.call('GET', `${BASE}/clients`, { cookie: sec }))
        .json()
        .items.find((x: { id: string }) => x.id === c.id).status,
    ).toBe('active');
  });
});

describe('the change feed (pull, ADR 0019)', () => {
  const feed = (tok: string, query = '') =>
    t.call('GET', `/api/v1/changes${query}`, { headers: { authorization: `Bearer ${tok}` } });
  type Event = { eventId: string; seq: number; objectId: string; action: string; objectType: string };

  it('lists the disclosed institutions’ changes in commit order after a cursor; the same cursor gives the same events; drafts are not in it', async () => {
    const c = (await register({ name: '变更推送' })).json();
    const tok = (await token(c.clientId, c.clientSecret)).json().access_token as string;
    expect((await feed('')).statusCode).toBe(401);
    const first = await feed(tok, '?limit=1000');
    expect(first.statusCode, first.body).toBe(200);
    const all = first.json() as { items: Event[]; next: number; hasMore: boolean };
    const names = await t.database.db.execute(`select id::text as id, name from institutions`);
    const nameOf = new Map(
      (names as unknown as { rows: { id: string; name: string }[] }).rows.map((r) => [r.id, r.name]),
    );
    expect(new Set(all.items.map((e) => nameOf.get(e.objectId)))).toEqual(new Set(['甲托育园', '乙托育园']));
    expect(all.items.map((e) => e.action)).toContain('institutions.approve');
    expect(all.items.every((e) => e.objectType === 'institution')).toBe(true);
    const seqs = all.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(all.items.map((e) => e.eventId)).size).toBe(all.items.length);
    expect(all).toMatchObject({ hasMore: false, next: seqs[seqs.length - 1] });
    // Nothing of personal data or field values: what happened and when.
    expect(first.body).not.toMatch(/director|creditCode|name/i);

    // A change after the cursor: only its events, in order; asking again from the same cursor repeats them.
    const now = t.clock.now();
    const third = await buildInstitution(t.database.db, {
      status: 'operating',
      townCode: ZHUJIAJIAO,
      name: '丙托育园',
      now,
    });
    const after = (await feed(tok, `?after=${all.next}`)).json() as { items: Event[]; next: number };
    expect(after.items.length).toBeGreaterThan(0);
    expect(after.items.every((e) => e.objectId === third.id && e.seq > all.next)).toBe(true);
    const again = (await feed(tok, `?after=${all.next}`)).json() as { items: Event[] };
    expect(again.items.map((e) => e.eventId)).toEqual(after.items.map((e) => e.eventId));
    const end = (await feed(tok, `?after=${after.next}`)).json();
    expect(end).toEqual({ items: [], next: after.next, hasMore: false });

    const one = (await feed(tok, '?limit=1')).json();
    expect(one.items).toHaveLength(1);
    expect(one.hasMore).toBe(true);
    expect(one.next).toBe(one.items[0].seq);

    const reads = await t.database.db.execute(
      `select count(*)::int as n from audit_log where action = 'exchange.changes_read' and actor_id = '${c.id}'`,
    );
    expect((reads as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(5);
  });

  it('a bad cursor or limit is a 400 naming the field and the rule', async () => {
    const c = (await register({ name: '变更推送 错误' })).json();
    const tok = (await token(c.clientId, c.clientSecret)).json().access_token as string;
    for (const [q, field] of [
      ['?after=-1', 'querystring.after'],
      ['?after=abc', 'querystring.after'],
      ['?limit=0', 'querystring.limit'],
      ['?limit=1001', 'querystring.limit'],
      ['?since=1', 'querystring.since'],
    ] as const) {
      const res = await feed(tok, q);
      expect(res.statusCode, q).toBe(400);
      const e = res.json().errors[0];
      expect(e.field, `${q} ${res.body}`).toBe(field);
      expect(e.message_zh.length && e.message_en.length).toBeTruthy();
    }
  });
});
