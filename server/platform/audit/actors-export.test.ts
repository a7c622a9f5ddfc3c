/** The auditor's account picker (GET /api/v1/audit/actors), the actorId filter and the export of the filtered trail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { readRows } from '../import/read.ts';

let t: TestApp;
let auditor: string;
let sys: string;
beforeAll(async () => {
  t = await createTestApp();
  const d = { kind: 'division' as const, divisionCode: DISTRICT };
  await t.createUser('sysadmin', 'system_admin', d);
  await t.createUser('auditor', 'audit_admin', d);
  await t.createUser('idle', 'district_officer', d); // never acts: not in the picker
  sys = await t.login('sysadmin');
  auditor = await t.login('auditor');
  for (const username of ['first', 'second'])
    expect(
      (
        await t.call('POST', '/api/v1/users', {
          cookie: sys,
          body: { username, displayName: `账号 ${username}`, password: 'Start-Here-2026' },
        })
      ).statusCode,
    ).toBe(201);
});
afterAll(() => t.close());

async function cells(data: Buffer, format: 'csv' | 'xlsx') {
  const rows: string[][] = [];
  for await (const r of readRows(data, format)) rows.push(r.map(String));
  return rows;
}

describe('GET /api/v1/audit/actors', () => {
  it('lists the accounts that acted in the trail, with display name and role, and no one else', async () => {
    const res = await t.call('GET', '/api/v1/audit/actors', { cookie: auditor });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; username: string; displayName: string; role: string }[];
    expect(items.map((a) => a.username).sort()).toEqual(['auditor', 'sysadmin']);
    expect(items.find((a) => a.username === 'sysadmin')).toMatchObject({
      displayName: '测试 sysadmin',
      role: 'system_admin',
    });
  });

  it('is for the auditor only', async () => {
    expect((await t.call('GET', '/api/v1/audit/actors', { cookie: sys })).statusCode).toBe(403);
  });

  it('the picked account filters the trail by its id', async () => {
    const actors = (await t.call('GET', '/api/v1/audit/actors', { cookie: auditor })).json().items;
    const id = actors.find((a: { username: string }) => a.username === 'sysadmin').id as string;
    const page = (
      await t.call('GET', `/api/v1/audit?actorId=${id}&pageSize=100`, { cookie: auditor })
    ).json();
    expect(page.total).toBeGreaterThanOrEqual(3); // login + two creates
    expect(page.items.every((e: { actorId: string }) => e.actorId === id)).toBe(true);
    const bad = await t.call('GET', '/api/v1/audit?actorId=sysadmin', { cookie: auditor });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('actorId');
  });
});

describe('GET /api/v1/audit/export', () => {
  it.each(['csv', 'xlsx'] as const)(
    '%s: the filtered trail with names, audited with its filters',
    async (format) => {
      const before = await countRows(t, 'audit_log');
      const res = await t.call('GET', `/api/v1/audit/export?format=${format}&action=users.create`, {
        cookie: auditor,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`audit-`);
      const [header, ...rows] = await cells(res.rawPayload, format);
      expect(header).toContain('操作人 Actor');
      expect(rows).toHaveLength(2);
      for (const r of rows) {
        expect(r).toContain('users.create');
        expect(r).toContain('测试 sysadmin');
        expect(r).toContain('青浦区');
        expect(r.join(' ')).not.toContain('Start-Here-2026');
      }
      expect(rows.map((r) => r.find((c) => c.startsWith('账号 ')))).toEqual(['账号 second', '账号 first']);
      expect(await countRows(t, 'audit_log')).toBe(before + 1);
      const page = (
        await t.call('GET', '/api/v1/audit?action=audit.export&pageSize=1', { cookie: auditor })
      ).json();
      expect(page.items[0]).toMatchObject({ actorUsername: 'auditor', objectType: 'audit_log' });
      expect(page.items[0].changes).toMatchObject({ format, filters: { action: 'users.create' }, rows: 2 });
    },
  );

  it('refuses a bad format with a 400 naming the field, and writes nothing', async () => {
    const before = await countRows(t, 'audit_log');
    const res = await t.call('GET', '/api/v1/audit/export?format=pdf', { cookie: auditor });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain('format');
    expect(await countRows(t, 'audit_log')).toBe(before);
  });

  it('is for the auditor only', async () => {
    expect((await t.call('GET', '/api/v1/audit/export', { cookie: sys })).statusCode).toBe(403);
  });
});
