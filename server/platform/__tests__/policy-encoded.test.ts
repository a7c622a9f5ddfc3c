/**
 * The policy hook decides on the route the router matched, never on the raw URL: every registered
 * route's path, spelled in encoded forms, gets the same answer as the plain path (or a plain 404 when
 * the spelling names no route), and never skips the cross-origin check or deny-by-default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let sys: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('sysadmin', 'system_admin', { kind: 'division', divisionCode: DISTRICT });
  sys = await t.login('sysadmin');
});
afterAll(() => t.close());

const ID = '01890a5d-ac96-7748-b5a4-2a5b4c9e0d11';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, ID).replace(/\*$/, 'x');

/** Spellings that the router resolves to the same route. */
const SAME = {
  percentA: (p: string) => p.replace(/^\/api/, '/%61pi'),
  percentAll: (p: string) => p.replace(/^\/api\/v1/, '/%61%70%69/%76%31'),
  doubleSlashes: (p: string) => p.replace(/\//g, '//'),
  trailingSlash: (p: string) => `${p}/`,
};
/** Spellings that name no route: a 404 problem, never another route's answer. */
const NONE = {
  encodedSlash: (p: string) => p.replace(/^\/api\//, '/api%2F'),
  encodedSlashLower: (p: string) => p.replace(/^\/api\//, '/api%2f'),
  upperCase: (p: string) => p.replace(/^\/api/, '/API'),
};

async function answer(method: string, url: string, cookie?: string) {
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      origin: 'https://evil.example',
      host: 'tuoyu.test',
      ...(cookie ? { cookie } : {}),
      ...(method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' }),
    },
    ...(method === 'GET' || method === 'HEAD' ? {} : { payload: '{}' }),
  });
  let code: string | undefined;
  try {
    code = res.json().code;
  } catch {}
  return { status: res.statusCode, code };
}

describe('policy on the matched route', () => {
  const apiRoutes = () =>
    t.routes.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && !r.url.includes('/static/'));

  it('POST /%61pi/v1/auth/login from a foreign origin is refused like the plain path', async () => {
    const plain = await answer('POST', '/api/v1/auth/login');
    const encoded = await answer('POST', '/%61pi/v1/auth/login');
    expect(plain).toEqual({ status: 403, code: 'auth.cross_origin' });
    expect(encoded).toEqual(plain);
  });

  for (const who of ['anonymous', 'system_admin'] as const) {
    it(`every route in encoded spellings answers as the plain path (${who})`, async () => {
      const cookie = who === 'anonymous' ? undefined : sys;
      const routes = apiRoutes();
      expect(routes.length).toBeGreaterThan(15);
      const diffs: string[] = [];
      for (const r of routes) {
        const path = concrete(r.url);
        const plain = await answer(r.method, path, cookie);
        for (const [name, spell] of Object.entries(SAME)) {
          const got = await answer(r.method, spell(path), cookie);
          if (got.status !== plain.status || got.code !== plain.code)
            diffs.push(`${name} ${r.method} ${r.url}: ${JSON.stringify(got)} ≠ ${JSON.stringify(plain)}`);
        }
        for (const [name, spell] of Object.entries(NONE)) {
          const got = await answer(r.method, spell(path), cookie);
          if (got.status !== 404 || got.code !== 'not_found')
            diffs.push(`${name} ${r.method} ${r.url}: ${JSON.stringify(got)} (want 404 not_found)`);
        }
      }
      expect(diffs).toEqual([]);
    });
  }
});
