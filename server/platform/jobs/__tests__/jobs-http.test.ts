/** GET /api/v1/jobs/{id} and the district officer's job list; a failing job ends up failed and visible. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../../test/app.ts';
import { backoffMs } from '../queue.ts';

let t: TestApp;
let townId: string;
let boomCalls = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  townId = await t.createUser('town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('town2', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('institution', 'institution_admin', { kind: 'institution', institutionId: townId });
  t.jobs.define('test.export', async (_p, ctx) => {
    await ctx.progress(10, 10);
    return { file: 'export.xlsx', rows: 10 };
  });
  t.jobs.define(
    'test.boom',
    async () => {
      boomCalls++;
      // A raw error whose message could carry personal data: only its name is kept.
      throw new TypeError('张三 13800000000 cannot be parsed');
    },
    { maxAttempts: 2 },
  );
});
afterAll(() => t.close());

const enqueue = (kind: string, createdBy?: string) =>
  t.database.db.transaction((tx) =>
    t.jobs.enqueue(tx, { districtCode: DISTRICT, kind, payload: {}, ...(createdBy ? { createdBy } : {}) }),
  );
const get = async (user: string, url: string) => t.call('GET', url, { cookie: await t.login(user) });

describe('jobs over HTTP', () => {
  it('shows a job to its creator and the district officer, and to nobody else', async () => {
    const id = await enqueue('test.export', townId);
    await t.jobs.runDue();
    const mine = await get('town', `/api/v1/jobs/${id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id,
      status: 'succeeded',
      progress: { done: 10, total: 10 },
      result: { file: 'export.xlsx', rows: 10 },
      error: null,
    });
    expect((await get('district', `/api/v1/jobs/${id}`)).statusCode).toBe(200);
    expect((await get('town2', `/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await get('institution', `/api/v1/jobs/${id}`)).statusCode).toBe(404);
  });

  it('retries a throwing job, marks it failed with its error name only, and lists it for the district officer', async () => {
    const id = await enqueue('test.boom');
    await t.jobs.runDue();
    const first = (await get('district', `/api/v1/jobs/${id}`)).json();
    expect(first).toMatchObject({ status: 'queued', attempts: 1, error: { name: 'TypeError', code: null } });
    t.clock.advance(backoffMs(1));
    await t.jobs.runDue();
    expect(boomCalls).toBe(2);
    const failed = await get('district', '/api/v1/jobs?status=failed');
    expect(failed.statusCode).toBe(200);
    const body = failed.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      id,
      kind: 'test.boom',
      status: 'failed',
      attempts: 2,
      maxAttempts: 2,
      error: { name: 'TypeError', code: null, message_zh: null, message_en: null },
    });
    expect(body.items[0].finishedAt).not.toBeNull();
    expect(JSON.stringify(body)).not.toContain('13800000000');
    // Nothing lost: the job and its payload are still there; later runs leave it alone.
    t.clock.advance(backoffMs(5));
    await t.jobs.runDue();
    expect(boomCalls).toBe(2);
    expect((await get('district', '/api/v1/jobs')).json().total).toBeGreaterThanOrEqual(2);
  });

  it('keeps the list to district officers of that district and refuses bad input with a 400', async () => {
    expect((await get('town', '/api/v1/jobs')).statusCode).toBe(403);
    expect((await get('institution', '/api/v1/jobs')).statusCode).toBe(403);
    const bad = await get('district', '/api/v1/jobs?status=exploded');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'querystring.status' });
    expect((await get('district', '/api/v1/jobs/not-a-uuid')).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/jobs')).statusCode).toBe(401);
  });
});
