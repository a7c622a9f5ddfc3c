/**
 * One rule for every string in every contract: a NUL character or a lone surrogate in any body field,
 * query parameter or path parameter of any route answers 400 naming the field with rule
 * `invalid_characters` (never a 500 from the database). The route list comes from the registry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_SCOPE_KIND, type Role, type Scope } from '../../../domain/contracts/auth.ts';
import { CLIENT_SCOPES } from '../../../domain/contracts/exchange.ts';
import { type Action, CLIENT, PERMISSIONS, PUBLIC, SESSION } from '../../../domain/contracts/permissions.ts';
import { countRows, createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { buildFamily } from '../../../test/factories/families.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { createExchangeService } from '../../modules/exchange/service.ts';

let t: TestApp;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let bearer: string | undefined;
/** A department client's live token, for `client` routes (issue 15). */
async function bearerFor(action: string | undefined): Promise<string | undefined> {
  if (action !== CLIENT) return undefined;
  if (!bearer) {
    const actor = {
      userId: '01890a5d-ac96-7748-b5a4-2a5b4c9e0d12',
      username: 'u-sec-client',
      districtCode: DISTRICT,
      role: 'security_admin' as const,
      scope: { kind: 'division' as const, divisionCode: DISTRICT },
      sessionId: 's',
    };
    const ctx = { actor, districtCode: DISTRICT, ip: null, requestId: null, now: t.clock.now() };
    const svc = createExchangeService({ db: t.database.db });
    const c = await svc.create(ctx, actor, {
      name: '字符检查客户端',
      department: 'other',
      purpose: '输入字符规则测试',
      scopes: [...CLIENT_SCOPES], // every client route, whatever scope it needs
      fields: ['name'],
      ratePerMinute: 6000,
      expiresOn: '2027-01-01',
    });
    bearer = (
      await svc.issueToken(ctx, {
        grantType: 'client_credentials',
        clientId: c.clientId,
        clientSecret: c.clientSecret,
      })
    ).access_token;
  }
  return bearer;
}

async function cookieFor(action: string | undefined): Promise<string | undefined> {
  if (!action || action === PUBLIC || action === CLIENT) return undefined;
  const roles = action === SESSION ? (['district_officer'] as Role[]) : PERMISSIONS[action as Action];
  // A division-scoped role where there is one; else an institution's or a family's account.
  const role =
    roles.find((r) => ROLE_SCOPE_KIND[r] === 'division') ??
    roles.find((r) => ROLE_SCOPE_KIND[r] === 'institution') ??
    roles.find((r) => ROLE_SCOPE_KIND[r] === 'family');
  if (!role) throw new Error(`no role for ${action}`);
  if (!cookies.has(role)) {
    const kind = ROLE_SCOPE_KIND[role];
    const scope: Scope =
      kind === 'division'
        ? { kind: 'division', divisionCode: DISTRICT }
        : kind === 'institution'
          ? {
              kind: 'institution',
              institutionId: (await buildInstitution(t.database.db, { status: 'operating' })).id,
            }
          : { kind: 'family', familyId: (await buildFamily(t.database.db, { now: t.clock.now() })).familyId };
    await t.createUser(`u-${role.replaceAll('_', '-')}`, role, scope);
    cookies.set(role, await t.login(`u-${role.replaceAll('_', '-')}`));
  }
  return cookies.get(role);
}

interface Op {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

const ID = '01890a5d-ac96-7748-b5a4-2a5b4c9e0d11';
const BAD = { nul: 'a\u0000b', surrogate: 'a\ud800b' } as const;

function expectRule(res: { statusCode: number; body: string }, field: string, label: string) {
  expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
  const body = JSON.parse(res.body);
  expect(body.code, label).toBe('validation.failed');
  expect(body.errors, label).toContainEqual(
    expect.objectContaining({ field, rule: 'invalid_characters', message_zh: expect.stringMatching(/字符/) }),
  );
}

describe('NUL and lone surrogates', () => {
  it('every string input of every JSON route answers 400 invalid_characters naming the field', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Op>>;
    };
    let checked = 0;
    for (const r of t.routes)
      if (r.url.startsWith('/api/v1')) await Promise.all([cookieFor(r.action), bearerFor(r.action)]); // log in first
    const before = await countRows(t, 'audit_log');
    for (const [openPath, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const url = openPath.replace(/\{(\w+)\}/g, ':$1');
        const route = t.routes.find((r) => r.url === url && r.method === method.toUpperCase());
        const cookie = await cookieFor(route?.action);
        const token = await bearerFor(route?.action);
        const base = openPath.replace(/\{\w+\}/g, ID);
        const json = op.requestBody?.content['application/json'];
        if (op.requestBody && !json) continue; // multipart: its handler applies the same rule (assertCleanField)
        const send = (path: string, body?: unknown) =>
          t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: path,
            headers: {
              ...(cookie ? { cookie } : {}),
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            ...(body !== undefined ? { payload: body as object } : {}),
          });
        const okBody = json ? {} : undefined;
        for (const p of op.parameters ?? []) {
          if (p.in === 'query') {
            const res = await send(`${base}?${p.name}=%00`, okBody);
            expectRule(res, `querystring.${p.name}`, `${method} ${openPath} ?${p.name}`);
            checked++;
          }
          if (p.in === 'path') {
            const res = await send(openPath.replace(`{${p.name}}`, '%00').replace(/\{\w+\}/g, ID), okBody);
            expectRule(res, `params.${p.name}`, `${method} ${openPath} :${p.name}`);
            checked++;
          }
        }
        for (const prop of Object.keys(json?.schema?.properties ?? {})) {
          for (const [kind, value] of Object.entries(BAD)) {
            const res = await send(base, { [prop]: value });
            expectRule(res, prop, `${method} ${openPath} body.${prop} (${kind})`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(await countRows(t, 'audit_log')).toBe(before);
  });

  it('nested strings and object keys are held to the same rule', async () => {
    const sec = await cookieFor('users.grant');
    const res = await t.call('PUT', `/api/v1/users/${ID}/grant`, {
      cookie: sec,
      body: { version: 1, role: 'inspector', scope: { kind: 'division', divisionCode: '310118\ud800' } },
    });
    expectRule(res, 'scope.divisionCode', 'nested');
    const key = await t.call('POST', '/api/v1/auth/login', {
      body: { 'user\u0000name': 'x', password: 'y' },
    });
    expectRule(key, 'user\u0000name', 'key');
  });

  it('a login name with NUL answers 400, not 500, and writes nothing', async () => {
    const before = await countRows(t, 'login_attempts');
    const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'x\u0000', password: 'y' } });
    expectRule(res, 'username', 'login');
    expect(await countRows(t, 'login_attempts')).toBe(before);
  });
});

describe('bounded pages and dates', () => {
  it('a huge page number answers 400 naming page; a page past the end answers an empty page', async () => {
    const huge = await t.call('GET', '/api/v1/public/institutions?page=99999999999');
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0]).toMatchObject({ field: 'querystring.page', rule: 'too_big' });
    expect(huge.json().errors[0].message_en).toMatch(/at most/);
    const past = await t.call('GET', '/api/v1/public/institutions?page=100000');
    expect(past.statusCode).toBe(200);
    expect(past.json().items).toEqual([]);
  });

  it('audit dates outside 1970–2099 answer 400 with rule date_range', async () => {
    const auditor = await cookieFor('audit.read');
    for (const q of ['from=0000-01-01T00:00:00Z', 'to=9999-12-31T00:00:00Z', 'from=1969-12-31T23:59:59Z']) {
      const res = await t.call('GET', `/api/v1/audit?${q}`, { cookie: auditor });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        rule: 'date_range',
        field: `querystring.${q.split('=')[0]}`,
      });
    }
    const ok = await t.call('GET', '/api/v1/audit?from=2026-01-01T00:00:00Z', { cookie: auditor });
    expect(ok.statusCode).toBe(200);
  });

  it('user and audit lists refuse unknown query parameters', async () => {
    const auditor = await cookieFor('audit.read');
    const sys = await cookieFor('users.read');
    const a = await t.call('GET', '/api/v1/audit?sort=seq', { cookie: auditor });
    const u = await t.call('GET', '/api/v1/users?sort=username', { cookie: sys });
    for (const res of [a, u]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'querystring.sort', rule: 'unknown_property' });
    }
  });
});
