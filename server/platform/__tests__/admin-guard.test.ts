/**
 * 三员分立 holds under attack: no admin resets another admin's password through the API, a session that
 * must change its password reaches only auth, the last holder of an admin role stays, accounts keep
 * their lane, grant scopes are strict, and 403s are audited (at most once per account, action and minute).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let sys: string;
let sec: string;
const district = { kind: 'division' as const, divisionCode: DISTRICT };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids.sysadmin = await t.createUser('sysadmin', 'system_admin', district);
  ids.secadmin = await t.createUser('secadmin', 'security_admin', district);
  ids.auditor = await t.createUser('auditor', 'audit_admin', district);
  ids.officer = await t.createUser('officer', 'district_officer', district);
  sys = await t.login('sysadmin');
  sec = await t.login('secadmin');
});
afterAll(() => t.close());

async function userRow(id: string) {
  const list = await t.call('GET', '/api/v1/users?pageSize=100', { cookie: sys });
  return (list.json().items as { id: string; version: number; disabled: boolean; role: string }[]).find(
    (u) => u.id === id,
  )!;
}

async function auditCount(action: string): Promise<number> {
  const res = (await t.database.db.execute(
    sql`select count(*)::int as n from audit_log where action = ${action}`,
  )) as unknown as { rows: { n: number }[] };
  return res.rows[0]!.n;
}

describe('admin password reset', () => {
  it('system_admin cannot reset the security or audit admin password through the API', async () => {
    for (const who of ['secadmin', 'auditor'] as const) {
      const u = await userRow(ids[who]!);
      const res = await t.call('POST', `/api/v1/users/${u.id}/password`, {
        cookie: sys,
        body: { version: u.version, newPassword: 'Taken-Over-2026!' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('users.admin_password_reset');
      expect(res.json().detail_en).toMatch(/reset-admin/);
      // The old password still works: nothing changed.
      await t.login(who, PASSWORD);
    }
  });

  it('a business account password is still reset by system_admin, and then only auth is open', async () => {
    const u = await userRow(ids.officer!);
    const res = await t.call('POST', `/api/v1/users/${u.id}/password`, {
      cookie: sys,
      body: { version: u.version, newPassword: 'Reset-By-Sys-2026!' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = await t.login('officer', 'Reset-By-Sys-2026!');
    const me = await t.call('GET', '/api/v1/auth/me', { cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    for (const path of ['/api/v1/institutions', '/api/v1/users']) {
      const r = await t.call('GET', path, { cookie });
      expect(r.statusCode, path).toBe(403);
      expect(r.json().code).toBe('auth.must_change_password');
    }
    const changed = await t.call('POST', '/api/v1/auth/password', {
      cookie,
      body: { currentPassword: 'Reset-By-Sys-2026!', newPassword: 'Qingpu-Own-Pass-2026!' },
    });
    expect(changed.statusCode).toBe(200);
    const fresh = await t.login('officer', 'Qingpu-Own-Pass-2026!');
    expect((await t.call('GET', '/api/v1/institutions', { cookie: fresh })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie: fresh })).statusCode).toBe(200);
  });
});

describe('the last holder of an admin role', () => {
  it('cannot be disabled (409 with the reason); with a second holder it can', async () => {
    const a = await userRow(ids.auditor!);
    const res = await t.call('PATCH', `/api/v1/users/${a.id}`, {
      cookie: sys,
      body: { version: a.version, disabled: true },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('users.last_admin');
    expect(res.json().detail_zh).toContain('最后一个');
    expect(res.json().detail_en).toContain('audit_admin');
    const s = await userRow(ids.secadmin!);
    const bySys = await t.call('PATCH', `/api/v1/users/${s.id}`, {
      cookie: sys,
      body: { version: s.version, disabled: true },
    });
    expect(bySys.json().code).toBe('users.last_admin');

    await t.createUser('auditor2', 'audit_admin', district);
    const again = await t.call('PATCH', `/api/v1/users/${a.id}`, {
      cookie: sys,
      body: { version: a.version, disabled: true },
    });
    expect(again.statusCode).toBe(200);
    const list = await t.call('GET', '/api/v1/users?pageSize=100', { cookie: sys });
    const a2 = list.json().items.find((u: { username: string }) => u.username === 'auditor2');
    const last = await t.call('PATCH', `/api/v1/users/${a2.id}`, {
      cookie: sys,
      body: { version: a2.version, disabled: true },
    });
    expect(last.json().code).toBe('users.last_admin');
  });

  it('cannot have its role changed', async () => {
    const s = await userRow(ids.sysadmin!);
    const res = await t.call('PUT', `/api/v1/users/${s.id}/grant`, {
      cookie: sec,
      body: { version: s.version, role: 'inspector', scope: district },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('users.last_admin');
  });
});

describe('account lanes and strict grants', () => {
  it('a business account cannot be granted an admin role', async () => {
    const o = await userRow(ids.officer!);
    for (const role of ['system_admin', 'audit_admin']) {
      const res = await t.call('PUT', `/api/v1/users/${o.id}/grant`, {
        cookie: sec,
        body: { version: o.version, role, scope: district },
      });
      expect(res.statusCode, role).toBe(409);
      expect(res.json().code).toBe('users.admin_lane');
    }
  });

  it('unknown keys inside a grant scope are refused, naming them', async () => {
    const o = await userRow(ids.officer!);
    const res = await t.call('PUT', `/api/v1/users/${o.id}/grant`, {
      cookie: sec,
      body: { version: o.version, role: 'inspector', scope: { ...district, institutionId: ids.officer } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'scope.institutionId', rule: 'unknown_property' });
  });
});

describe('audited 403s', () => {
  it('a forbidden call is audited once per account and action per minute', async () => {
    const before = await auditCount('auth.denied');
    for (let i = 0; i < 5; i++)
      expect((await t.call('GET', '/api/v1/audit', { cookie: sys })).statusCode).toBe(403);
    expect(await auditCount('auth.denied')).toBe(before + 1);
    expect((await t.call('GET', '/api/v1/institutions', { cookie: sys })).statusCode).toBe(403);
    expect(await auditCount('auth.denied')).toBe(before + 2);
    t.clock.advance(61_000);
    sys = await t.login('sysadmin');
    expect((await t.call('GET', '/api/v1/audit', { cookie: sys })).statusCode).toBe(403);
    expect(await auditCount('auth.denied')).toBe(before + 3);
    const rows = (await t.database.db.execute(
      sql`select actor_username, result, object_id from audit_log where action = 'auth.denied' order by entry_no desc limit 1`,
    )) as unknown as { rows: { actor_username: string; result: string; object_id: string }[] };
    expect(rows.rows[0]).toEqual({
      actor_username: 'sysadmin',
      result: 'denied',
      object_id: 'GET /api/v1/audit',
    });
  });
});
