/**
 * Issue 17, operating subsidy — `GET /operating/claims` a page at a time: newest month first, the total
 * of the caller's scope, month and status filters, page size over 100 refused naming the field; another
 * town sees none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';

let t: TestApp;
const URL = '/api/v1/operating';
const call = async (who: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
  t.call(method, `${URL}${url}`, { cookie: await t.login(who), ...(body !== undefined ? { body } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('cp_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('cp_xujing', 'town_officer', { kind: 'division', divisionCode: XUJING });
  const inst = await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, status: 'operating' });
  await t.createUser('cp_inst', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  const classId = inst.classes[0]!.id;
  const kid = (
    await call('cp_inst', 'POST', `/classes/${classId}/roster`, { name: '分页甲宝', birthMonth: '2024-05' })
  ).json().id;
  for (const day of ['2026-01-05', '2026-02-02'])
    expect(
      (await call('cp_inst', 'PUT', `/classes/${classId}/attendance/${day}`, { present: [kid] })).statusCode,
    ).toBe(200);
  for (const month of ['2026-01', '2026-02'])
    expect((await call('cp_inst', 'POST', '/claims', { month })).statusCode).toBe(201);
  const feb = (await call('cp_inst', 'GET', '/claims?month=2026-02')).json().items[0];
  expect((await call('cp_inst', 'POST', `/claims/${feb.id}/submit`)).statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('the claims list, paged', () => {
  it('a page at a time, newest month first, with the total', async () => {
    const p1 = (await call('cp_town', 'GET', '/claims?pageSize=1')).json();
    expect(p1).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(p1.items.map((c: { month: string }) => c.month)).toEqual(['2026-02']);
    const p2 = (await call('cp_town', 'GET', '/claims?pageSize=1&page=2')).json();
    expect(p2.items.map((c: { month: string }) => c.month)).toEqual(['2026-01']);
    const all = (await call('cp_inst', 'GET', '/claims')).json();
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 20 });
  });

  it('filters by month and status', async () => {
    const sub = (await call('cp_inst', 'GET', '/claims?status=submitted')).json();
    expect(sub.total).toBe(1);
    expect(sub.items[0]).toMatchObject({ month: '2026-02', status: 'submitted' });
    const jan = (await call('cp_inst', 'GET', '/claims?month=2026-01')).json();
    expect(jan.items.map((c: { status: string }) => c.status)).toEqual(['draft']);
  });

  it('a page size over 100 is refused naming the field; another town sees none', async () => {
    const bad = await call('cp_inst', 'GET', '/claims?pageSize=101');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/pageSize/);
    expect((await call('cp_xujing', 'GET', '/claims')).json()).toMatchObject({ items: [], total: 0 });
  });
});
