/**
 * Issue 13, Public disclosure: a district officer writes, publishes and withdraws the portal's notices,
 * policy documents and guidance; the portal shows published items only; a town officer cannot write;
 * bad input is a 400 naming the field, nothing written; every write is audited.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { auditLog } from '../../platform/tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('news_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('news_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
});
afterAll(() => t.close());

const as = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await t.login(who), body });
const item = {
  kind: 'notice',
  title: '关于开展托育机构安全检查的通知',
  body: '各托育机构：\n请于本月底前完成自查。',
  source: '青浦区托育服务指导中心',
};

describe('portal notices', () => {
  it('a draft is not public; published it is; withdrawn it is gone again; every step audited', async () => {
    const created = await as('news_d', 'POST', '/api/v1/plan/news', item);
    expect(created.statusCode, created.body).toBe(201);
    const n = created.json();
    expect(n).toMatchObject({ status: 'draft', publishedAt: null, permittedActions: ['publish'] });
    expect((await t.call('GET', '/api/v1/public/news')).json().items).toEqual([]);
    expect((await t.call('GET', `/api/v1/public/news/${n.id}`)).statusCode).toBe(404);

    const published = await as('news_d', 'POST', `/api/v1/plan/news/${n.id}/transitions`, {
      action: 'publish',
      version: n.version,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', permittedActions: ['withdraw'] });
    const pub = (await t.call('GET', '/api/v1/public/news')).json();
    expect(pub.items).toEqual([
      expect.objectContaining({ id: n.id, title: item.title, body: item.body, kind: 'notice' }),
    ]);
    expect(Object.keys(pub.items[0]).sort()).toEqual([
      'body',
      'id',
      'kind',
      'publishedAt',
      'source',
      'title',
    ]);

    const stale = await as('news_d', 'PUT', `/api/v1/plan/news/${n.id}`, { ...item, version: n.version });
    expect(stale.statusCode).toBe(409);
    const changed = await as('news_d', 'PUT', `/api/v1/plan/news/${n.id}`, {
      ...item,
      title: '关于开展托育机构安全自查的通知',
      version: published.json().version,
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/public/news/${n.id}`)).json().title).toBe(
      '关于开展托育机构安全自查的通知',
    );

    const withdrawn = await as('news_d', 'POST', `/api/v1/plan/news/${n.id}/transitions`, {
      action: 'withdraw',
      version: changed.json().version,
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', permittedActions: ['publish'] });
    expect((await t.call('GET', `/api/v1/public/news/${n.id}`)).statusCode).toBe(404);
    const again = await as('news_d', 'POST', `/api/v1/plan/news/${n.id}/transitions`, {
      action: 'withdraw',
      version: withdrawn.json().version,
    });
    expect(again.statusCode).toBe(409);

    const actions = (
      await t.database.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.objectId, n.id))
    ).map((r) => r.a);
    expect(actions.sort()).toEqual([
      'plan.news_create',
      'plan.news_publish',
      'plan.news_update',
      'plan.news_withdraw',
    ]);
  });

  it('a town officer may neither write nor read the drafts', async () => {
    expect((await as('news_town', 'POST', '/api/v1/plan/news', item)).statusCode).toBe(403);
    expect((await as('news_town', 'GET', '/api/v1/plan/news')).statusCode).toBe(403);
  });

  it('bad input is a 400 naming the field, and nothing is written', async () => {
    const before = await countRows(t, 'plan_news');
    for (const [body, field] of [
      [{ ...item, title: '通' }, 'title'],
      [{ ...item, body: '   ' }, 'body'],
      [{ ...item, kind: 'rumour' }, 'kind'],
      [{ ...item, source: 'x'.repeat(201) }, 'source'],
    ] as const) {
      const res = await as('news_d', 'POST', '/api/v1/plan/news', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect(await countRows(t, 'plan_news')).toBe(before);
  });
});
