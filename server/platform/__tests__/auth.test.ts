import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 12 });
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('victim', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('secadmin', 'security_admin', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('idle', 'inspector', { kind: 'division', divisionCode: DISTRICT });
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('login, me, logout', () => {
  it('sets an HttpOnly SameSite=Strict cookie and answers me with permitted actions', async () => {
    const res = await login('district', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/tuoyu_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = res.json();
    expect(me.role).toBe('district_officer');
    expect(me.scopeLabel).toEqual({ zh: '青浦区', en: 'Qingpu District' });
    expect(me.permittedActions).toContain('institutions.review');
    expect(me.permittedActions).not.toContain('audit.read');
  });

  it('answers an unknown user and a wrong password the same way', async () => {
    const a = await login('nobody-here', 'Wrong-Pass-123', '10.0.0.2');
    const b = await login('district', 'Wrong-Pass-123', '10.0.0.2');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('auth.invalid_credentials');
    expect(b.json()).toEqual(a.json());
  });

  it('logout ends the session', async () => {
    const cookie = await t.login('district');
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie })).statusCode).toBe(200);
    const after = await t.call('GET', '/api/v1/auth/me', { cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.unauthenticated');
  });
});

describe('lockout', () => {
  it('locks after 5 consecutive failures for 30 minutes; the security admin can unlock', async () => {
    for (let i = 1; i <= 4; i++)
      expect((await login('victim', 'Wrong-Pass-123', `10.1.0.${i}`)).statusCode).toBe(401);
    const fifth = await login('victim', 'Wrong-Pass-123', '10.1.0.5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    expect(fifth.json().detail_zh).toContain('锁定');
    // Even the right password is refused while locked.
    expect((await login('victim', PASSWORD, '10.1.0.6')).statusCode).toBe(423);
    t.clock.advanceMinutes(31);
    expect((await login('victim', PASSWORD, '10.1.0.7')).statusCode).toBe(200);

    for (let i = 1; i <= 5; i++) await login('victim', 'Wrong-Pass-123', `10.2.0.${i}`);
    expect((await login('victim', PASSWORD, '10.2.0.9')).statusCode).toBe(423);
    const sec = await t.login('secadmin');
    const list = await t.call('GET', '/api/v1/users?q=victim', { cookie: sec });
    const victim = list.json().items[0];
    expect(victim.lockedUntil).not.toBeNull();
    const unlock = await t.call('POST', `/api/v1/users/${victim.id}/unlock`, {
      cookie: sec,
      body: { version: victim.version },
    });
    expect(unlock.statusCode).toBe(200);
    expect((await login('victim', PASSWORD, '10.2.0.10')).statusCode).toBe(200);
  });

  it('rate-limits login per IP with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) codes.push((await login('nobody', 'x', '10.9.9.9')).statusCode);
    expect(codes.slice(0, 12).every((c) => c === 401 || c === 423)).toBe(true);
    expect(codes[13]).toBe(429);
    // Another IP is not affected.
    expect((await login('district', PASSWORD, '10.9.9.8')).statusCode).toBe(200);
  });
});

describe('session expiry (moving the clock)', () => {
  it('ends after 30 idle minutes, and activity keeps it alive up to 12 hours', async () => {
    const cookie = await t.login('idle');
    t.clock.advanceMinutes(29);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advanceMinutes(30);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
    // Logging out of an expired session still answers 200 and clears the cookie.
    const out = await t.call('POST', '/api/v1/auth/logout', { cookie });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/tuoyu_sid=;/);
  });

  it('ends after 12 hours however active', async () => {
    const cookie = await t.login('idle');
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(29);
      expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(29);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
  });
});

describe('cross-origin writes', () => {
  it('refuses a state-changing request from another origin and allows same-origin', async () => {
    const cookie = await t.login('district');
    const evil = await t.call('POST', '/api/v1/auth/logout', {
      cookie,
      headers: { origin: 'https://evil.example', host: 'localhost' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('auth.cross_origin');
    const site = await t.call('POST', '/api/v1/auth/logout', {
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(site.statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    const same = await t.call('POST', '/api/v1/auth/logout', {
      cookie,
      headers: { origin: 'http://localhost', host: 'localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(same.statusCode).toBe(200);
  });
});

describe('own password', () => {
  it('enforces the policy, naming the field, and ends every session on change', async () => {
    await t.createUser('changer', 'inspector', { kind: 'division', divisionCode: DISTRICT });
    const a = await t.login('changer');
    const b = await t.login('changer');
    const cases: [string, string][] = [
      ['Ab1!', 'password.min_length'],
      ['alllowercase', 'password.classes'],
      ['Changer-2026!x', 'password.contains_username'],
      ['Password123', 'password.common'],
    ];
    for (const [pw, rule] of cases) {
      const res = await t.call('POST', '/api/v1/auth/password', {
        cookie: a,
        body: { currentPassword: PASSWORD, newPassword: pw },
      });
      expect(res.statusCode).toBe(400);
      const err = res.json().errors.find((e: { rule: string }) => e.rule === rule);
      expect(err, `${pw} → ${rule}`).toBeDefined();
      expect(err.field).toBe('newPassword');
      expect(err.message_zh).toBeTruthy();
      expect(err.message_en).toBeTruthy();
    }
    const wrong = await t.call('POST', '/api/v1/auth/password', {
      cookie: a,
      body: { currentPassword: 'nope', newPassword: 'Fresh-Start-88' },
    });
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const ok = await t.call('POST', '/api/v1/auth/password', {
      cookie: a,
      body: { currentPassword: PASSWORD, newPassword: 'Fresh-Start-88' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: a })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: b })).statusCode).toBe(401);
    expect((await login('changer', 'Fresh-Start-88', '10.3.0.1')).statusCode).toBe(200);
  });

  it('rejects unknown properties and missing fields, naming them, and writes nothing', async () => {
    const before = await countRows(t, 'sessions');
    const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'district', extra: true } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = res.json().errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toContain('password:required');
    expect(fields).toContain('extra:unknown_property');
    expect(await countRows(t, 'sessions')).toBe(before);
  });
});
