import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';

let t: TestApp;
let sys: string;
let sec: string;
const district = { kind: 'division' as const, divisionCode: DISTRICT };

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('sysadmin', 'system_admin', district);
  await t.createUser('secadmin', 'security_admin', district);
  await t.createUser('auditor', 'audit_admin', district);
  await t.createUser('towner', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  sys = await t.login('sysadmin');
  sec = await t.login('secadmin');
});
afterAll(() => t.close());

async function createAccount(username: string) {
  const res = await t.call('POST', '/api/v1/users', {
    cookie: sys,
    body: { username, displayName: `账号 ${username}`, password: 'Start-Here-2026' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; role: string | null };
}

describe('accounts (system_admin)', () => {
  it('creates an account without a role; a clash answers 409; bad input 400 and nothing written', async () => {
    const u = await createAccount('newbie');
    expect(u.role).toBeNull();
    const dup = await t.call('POST', '/api/v1/users', {
      cookie: sys,
      body: { username: 'newbie', displayName: 'x', password: 'Start-Here-2026' },
    });
    expect(dup.statusCode).toBe(409);
    const before = await countRows(t, 'users');
    const bad = await t.call('POST', '/api/v1/users', {
      cookie: sys,
      body: { username: 'Bad Name!', displayName: '', password: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName']));
    const username = bad.json().errors.find((e: { field: string }) => e.field === 'username');
    expect(username.message_zh).toContain('小写字母');
    expect(username.message_en).toContain('lower-case');
    const weak = await t.call('POST', '/api/v1/users', {
      cookie: sys,
      body: { username: 'weakling', displayName: 'x', password: 'password' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
    expect(await countRows(t, 'users')).toBe(before);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const u = await createAccount('versioned');
    const first = await t.call('PATCH', `/api/v1/users/${u.id}`, {
      cookie: sys,
      body: { version: u.version, displayName: '新名字' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(u.version + 1);
    const stale = await t.call('PATCH', `/api/v1/users/${u.id}`, {
      cookie: sys,
      body: { version: u.version, displayName: '旧版本' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale_version');
    const list = await t.call('GET', '/api/v1/users?q=versioned', { cookie: sys });
    expect(list.json().items[0].displayName).toBe('新名字');
  });

  it('the list names each scope (朱家角镇), not a code or an id', async () => {
    const list = (await t.call('GET', '/api/v1/users?q=towner', { cookie: sys })).json();
    expect(list.items[0].scopeLabel).toMatchObject({ zh: '朱家角镇' });
    const none = (await t.call('GET', '/api/v1/users?q=versioned', { cookie: sys })).json();
    expect(none.items[0].scopeLabel).toBeNull();
  });

  it('disabling an account ends its sessions', async () => {
    const u = await createAccount('leaver');
    const g = await t.call('PUT', `/api/v1/users/${u.id}/grant`, {
      cookie: sec,
      body: { version: u.version, role: 'inspector', scope: district },
    });
    expect(g.statusCode).toBe(200);
    const cookie = await t.login('leaver', 'Start-Here-2026');
    const d = await t.call('PATCH', `/api/v1/users/${u.id}`, {
      cookie: sys,
      body: { version: g.json().version, disabled: true },
    });
    expect(d.statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leaver', password: 'Start-Here-2026' },
    });
    expect(again.statusCode).toBe(401);
  });
});

describe('三员分立 and no escalation', () => {
  it('only system_admin manages accounts, only security_admin grants, only audit_admin reads the trail', async () => {
    const audit = await t.login('auditor');
    expect(
      (
        await t.call('POST', '/api/v1/users', {
          cookie: sec,
          body: { username: 'x1', displayName: 'x', password: 'Start-Here-2026' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.call('GET', '/api/v1/audit', { cookie: sys })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/audit', { cookie: sec })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/audit', { cookie: audit })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/users', { cookie: audit })).statusCode).toBe(403);
    const u = await createAccount('grantee');
    const bySys = await t.call('PUT', `/api/v1/users/${u.id}/grant`, {
      cookie: sys,
      body: { version: u.version, role: 'inspector', scope: district },
    });
    expect(bySys.statusCode).toBe(403);
  });

  it('none of the three admins reads business records', async () => {
    for (const cookie of [sys, sec, await t.login('auditor')]) {
      const me = (await t.call('GET', '/api/v1/auth/me', { cookie })).json();
      expect(me.permittedActions.filter((a: string) => a.startsWith('institutions.'))).toEqual([]);
      expect((await t.call('GET', '/api/v1/institutions', { cookie })).statusCode).not.toBe(200);
    }
  });

  it('no account holds two admin roles, nobody grants security_admin or a scope wider than their own', async () => {
    const u = await createAccount('twohats');
    const asSys = await t.call('PUT', `/api/v1/users/${u.id}/grant`, {
      cookie: sec,
      body: { version: u.version, role: 'system_admin', scope: district },
    });
    expect(asSys.statusCode).toBe(200);
    const toAudit = await t.call('PUT', `/api/v1/users/${u.id}/grant`, {
      cookie: sec,
      body: { version: asSys.json().version, role: 'audit_admin', scope: district },
    });
    expect(toAudit.statusCode).toBe(409);
    expect(toAudit.json().code).toBe('users.separation_of_duties');
    const toBusiness = await t.call('PUT', `/api/v1/users/${u.id}/grant`, {
      cookie: sec,
      body: { version: asSys.json().version, role: 'district_officer', scope: district },
    });
    expect(toBusiness.json().code).toBe('users.separation_of_duties');

    const v = await createAccount('climber');
    const toSec = await t.call('PUT', `/api/v1/users/${v.id}/grant`, {
      cookie: sec,
      body: { version: v.version, role: 'security_admin', scope: district },
    });
    expect(toSec.statusCode).toBe(403);
    expect(toSec.json().code).toBe('users.escalation');
    const otherDistrict = await t.call('PUT', `/api/v1/users/${v.id}/grant`, {
      cookie: sec,
      body: {
        version: v.version,
        role: 'town_officer',
        scope: { kind: 'division', divisionCode: '310115001' },
      },
    });
    expect(otherDistrict.statusCode).toBe(400);
    const self = (await t.call('GET', '/api/v1/users?q=secadmin', { cookie: sec })).json().items[0];
    const selfGrant = await t.call('PUT', `/api/v1/users/${self.id}/grant`, {
      cookie: sec,
      body: { version: self.version, role: 'district_officer', scope: district },
    });
    expect(selfGrant.statusCode).toBe(409);
  });

  it('checks the scope kind and level for the role, naming the field', async () => {
    const v = await createAccount('scoped');
    const wrongKind = await t.call('PUT', `/api/v1/users/${v.id}/grant`, {
      cookie: sec,
      body: { version: v.version, role: 'institution_admin', scope: district },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0]).toMatchObject({ field: 'scope.kind', rule: 'scope.kind_for_role' });
    const wrongLevel = await t.call('PUT', `/api/v1/users/${v.id}/grant`, {
      cookie: sec,
      body: { version: v.version, role: 'town_officer', scope: district },
    });
    expect(wrongLevel.json().errors[0].field).toBe('scope.divisionCode');
    const ok = await t.call('PUT', `/api/v1/users/${v.id}/grant`, {
      cookie: sec,
      body: {
        version: v.version,
        role: 'town_officer',
        scope: { kind: 'division', divisionCode: ZHUJIAJIAO },
      },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = await t.login('scoped', 'Start-Here-2026');
    const me = (await t.call('GET', '/api/v1/auth/me', { cookie })).json();
    expect(me.scopeLabel.zh).toBe('朱家角镇');
    expect(me.mustChangePassword).toBe(true);
  });
});
