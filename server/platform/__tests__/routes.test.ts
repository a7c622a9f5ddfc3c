import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, PERMISSIONS, PUBLIC, SESSION } from '../../../domain/contracts/permissions.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('deny by default', () => {
  it('every registered API route declares a known policy', () => {
    const api = t.routes.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThan(10);
    const known = new Set<string>([PUBLIC, SESSION, CLIENT, ...Object.keys(PERMISSIONS)]);
    const missing = api
      .filter((r) => !r.action || !known.has(r.action))
      .map((r) => `${r.method} ${r.url} → ${r.action}`);
    expect(missing).toEqual([]);
  });

  it('only a short, reviewed list of API routes is public', () => {
    const publicRoutes = t.routes
      .filter(
        (r) =>
          r.url.startsWith('/api') &&
          r.action === PUBLIC &&
          !r.url.startsWith('/api/docs') &&
          r.method !== 'HEAD',
      )
      .map((r) => `${r.method} ${r.url}`);
    for (const r of publicRoutes)
      expect(r).toMatch(
        /^(GET|POST) \/api\/(health|openapi\.json|v1\/(auth\/(login|logout|session)|oauth\/token|divisions|config|public\/.*))$/,
      );
  });

  it('answers 401 without a session and 404 problem+json for unknown API paths', async () => {
    expect((await t.call('GET', '/api/v1/users')).statusCode).toBe(401);
    const nf = await t.call('GET', '/api/v1/nothing-here');
    expect(nf.statusCode).toBe(404);
    expect(nf.json().code).toBe('not_found');
  });

  it('answers malformed JSON with a 400 problem naming the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors[0]).toMatchObject({ field: 'body' });
    expect(res.json().errors[0].message_zh).toBeTruthy();
  });

  it('serves health with the database kind and migration, and OpenAPI 3.1', async () => {
    const h = (await t.call('GET', '/api/health')).json();
    expect(h.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(h.database);
    expect(h.migration).toMatch(/^\d{4}_/);
    const doc = (await t.call('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
  });
});
