/** Behind an HTTPS reverse proxy the session cookie is `__Host-` prefixed and Secure. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { trustProxy: true } });
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
});
afterAll(() => t.close());

describe('session cookie behind HTTPS', () => {
  it('is __Host-tuoyu_sid with Secure, HttpOnly, SameSite=Strict, Path=/ and no Domain, and it works', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'district', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-tuoyu_sid=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const me = await t.call('GET', '/api/v1/auth/me', {
      cookie: cookie.split(';')[0]!,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(me.statusCode).toBe(200);
  });

  it('on plain HTTP it is tuoyu_sid without Secure (local use)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'district', password: PASSWORD },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^tuoyu_sid=/);
    expect(cookie).not.toMatch(/Secure/);
  });
});
