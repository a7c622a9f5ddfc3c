/**
 * Wrong current passwords count like failed logins (throttled, toward the lockout, audited); a login
 * naming a district this deployment does not serve writes nothing; every error answer is problem+json
 * with its own code.
 */
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';

let t: TestApp;
const district = { kind: 'division' as const, divisionCode: DISTRICT };
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 8 });
  await t.createUser('guessed', 'inspector', district);
  await t.createUser('throttled', 'inspector', district);
});
afterAll(() => t.close());

const change = (cookie: string, currentPassword: string, ip = '10.9.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers: { cookie },
    payload: { currentPassword, newPassword: 'Never-Set-2026!' },
    remoteAddress: ip,
  });

async function audited(action: string, username: string) {
  const res = (await t.database.db.execute(
    sql`select result from audit_log where action = ${action} and actor_username = ${username} order by entry_no`,
  )) as unknown as { rows: { result: string }[] };
  return res.rows.map((r) => r.result);
}

describe('wrong current password', () => {
  it('is audited, counted toward the lockout, and five lock the account and end its sessions', async () => {
    const cookie = await t.login('guessed');
    for (let i = 1; i <= 4; i++) {
      const res = await change(cookie, `Wrong-Guess-${i}`, `10.9.1.${i}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'currentPassword', rule: 'auth.wrong_password' });
    }
    expect(await audited('auth.password_change', 'guessed')).toEqual(Array(4).fill('failure'));
    const fifth = await change(cookie, 'Wrong-Guess-5', '10.9.1.5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'guessed', password: PASSWORD },
      remoteAddress: '10.9.1.6',
    });
    expect(login.statusCode).toBe(423);
  });

  it('is throttled per IP like login attempts', async () => {
    const cookie = await t.login('throttled');
    // The same per-IP budget as logins: 8 a minute here.
    for (let i = 0; i < 8; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `nobody-${i}`, password: 'Wrong-Pass-123' },
        remoteAddress: '10.9.2.1',
      });
    const res = await change(cookie, 'Wrong-Guess-1', '10.9.2.1');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('auth.rate_limited');
    expect((await change(cookie, 'Wrong-Guess-1', '10.9.2.2')).statusCode).toBe(400);
  });
});

describe('login district', () => {
  it('an unconfigured district answers 400 naming district and writes nothing', async () => {
    const tables = ['audit_log', 'audit_chain_head', 'login_attempts', 'sessions'];
    const before = await Promise.all(tables.map((n) => countRows(t, n)));
    const res = await t.call('POST', '/api/v1/auth/login', {
      body: { username: 'guessed', password: 'Whatever-2026!', district: '110101' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'district', rule: 'district.unconfigured' });
    expect(await Promise.all(tables.map((n) => countRows(t, n)))).toEqual(before);
  });
});

describe('every error is problem+json with its own code', () => {
  const expectProblem = (
    res: { statusCode: number; headers: Record<string, unknown>; body: string },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status, code });
  };

  it('414 for a very long URL, without echoing it', async () => {
    const long = `/api/v1/public/institutions?q=${'a'.repeat(5000)}`;
    const res = await t.call('GET', long);
    expectProblem(res, 414, 'request.uri_too_long');
    expect(res.body).not.toContain('aaaaaaaaaa');
    const nf = await t.call('GET', `/api/v1/${'b'.repeat(3000)}`);
    expectProblem(nf, 404, 'not_found');
    expect(nf.body.length).toBeLessThan(1000);
  });

  it('414 for an over-long path parameter, without echoing it', async () => {
    const res = await t.call('PATCH', `/api/v1/users/${'c'.repeat(300)}`, { body: {} });
    expectProblem(res, 414, 'request.uri_too_long');
    expect(res.body).not.toContain('cccccccccc');
  });

  it('431 from the HTTP parser itself is problem+json too', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'d'.repeat(20_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (c) => {
        data += c.toString();
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'request.headers_too_large',
    });
  });

  it('400 request.bad_url for an undecodable URL', async () => {
    expectProblem(await t.call('GET', '/api/v1/users/%E0%A4%A'), 400, 'request.bad_url');
  });

  it('415 and 413 with their own codes', async () => {
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expectProblem(xml, 415, 'request.unsupported_media_type');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a'.repeat(1_100_000), password: 'x' }),
    });
    expectProblem(big, 413, 'payload.too_large');
  });
});
