/**
 * Issue 13: the 15-minute circle and the site planner on a hand-built district with known counts —
 * one operating inclusive institution with 10 free places in 朱家角, three communities with children
 * (one next to it, one 5 km away, one in 徐泾) and one without a location; the district and town views,
 * the plan target and its drill-down, the planner's picks, scope and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDashboard } from '../../../domain/contracts/plan.ts';
import type { Circle, SitePlan } from '../../../domain/contracts/plan-circle.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { FACTORY_NOW } from '../../../test/factories/context.ts';
import { csvText, multipartBody } from '../../../test/factories/inputs.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildPlan } from '../../../test/factories/plan.ts';
import { familyCommunities } from '../families/tables.ts';

let t: TestApp;
const zjj = findDivision(ZHUJIAJIAO)!;
const xj = findDivision(XUJING)!;
const A = `${ZHUJIAJIAO}001`;
const B = `${ZHUJIAJIAO}002`;
const C = `${XUJING}001`;
const D = `${XUJING}002`;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('circle_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('circle_zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('circle_xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  const db = t.database.db;
  await buildPlan(db);
  // 20 seats, 10 enrolled: 10 free places, at the town's centre.
  await buildInstitution(db, {
    name: '圈内托育园',
    townCode: ZHUJIAJIAO,
    lat: zjj.lat,
    lng: zjj.lng,
    status: 'operating',
    classes: [{ name: '托大班', type: 'toddler_large', capacity: 20, enrolled: 10 }],
  });
  // Not inclusive: not supply for the circle.
  await buildInstitution(db, {
    name: '非普惠托育园',
    townCode: XUJING,
    lat: xj.lat,
    lng: xj.lng,
    inclusive: false,
    status: 'operating',
  });
  const row = (
    code: string,
    town: string,
    name: string,
    p: { lat: number; lng: number; n: number } | null,
  ) => ({
    districtCode: DISTRICT,
    code,
    townCode: town,
    name,
    lat: p?.lat ?? null,
    lng: p?.lng ?? null,
    childrenUnder3: p?.n ?? null,
    demandSource: p ? ('statistics' as const) : null,
    demandAsOf: p ? '2026-06-30' : null,
    createdAt: FACTORY_NOW,
  });
  await db
    .insert(familyCommunities)
    .values([
      row(A, ZHUJIAJIAO, '近处社区', { lat: zjj.lat, lng: zjj.lng, n: 30 }),
      row(B, ZHUJIAJIAO, '远处村', { lat: zjj.lat + 0.05, lng: zjj.lng, n: 20 }),
      row(C, XUJING, '徐泾社区', { lat: xj.lat, lng: xj.lng, n: 40 }),
      row(D, XUJING, '未填社区', null),
    ]);
});
afterAll(() => t.close());

const as = async (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await t.login(who), body });

describe('the 15-minute circle', () => {
  it('the district: 10 of 90 children covered, nearest first; a community without a location is listed, not counted', async () => {
    const res = await as('circle_d', 'GET', '/api/v1/plan/circle');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Circle;
    expect([c.minutes, c.totalChildren, c.coveredChildren]).toEqual([15, 90, 10]);
    expect(c.share).toBeCloseTo(10 / 90);
    expect(Object.fromEntries(c.communities.map((r) => [r.code, r.covered]))).toEqual({
      [A]: 10,
      [B]: 0,
      [C]: 0,
    });
    expect(c.missing.map((m) => m.code)).toEqual([D]);
    expect(c.institutions.map((i) => [i.name, i.freePlaces, i.used])).toEqual([['圈内托育园', 10, 10]]);
    expect(c.synthetic).toBe(false);
  });

  it('a town officer sees its town only, and the same allocation; another town is 404', async () => {
    const z = (await as('circle_zjj', 'GET', '/api/v1/plan/circle')).json() as Circle;
    expect([z.totalChildren, z.coveredChildren, z.share]).toEqual([50, 10, 0.2]);
    expect(z.communities.map((r) => r.code).sort()).toEqual([A, B]);
    const x = (await as('circle_xj', 'GET', '/api/v1/plan/circle')).json() as Circle;
    expect([x.totalChildren, x.coveredChildren, x.share]).toEqual([40, 0, 0]);
    expect(x.missing.map((m) => m.code)).toEqual([D]);
    expect(x.institutions).toEqual([]);
    expect((await as('circle_xj', 'GET', `/api/v1/plan/circle?town=${ZHUJIAJIAO}`)).statusCode).toBe(404);
  });

  it('the walk is a parameter; 5.6 km stays out of reach even at 60 minutes', async () => {
    // B is ≈ 5.6 km north: 5.6 × 1.3 ÷ 4.5 km/h ≈ 97 minutes — outside 60 as well.
    const c = (await as('circle_d', 'GET', '/api/v1/plan/circle?minutes=60')).json() as Circle;
    expect(c.minutes).toBe(60);
    expect(c.coveredChildren).toBe(10);
  });

  it('the plan target measures it, and its drill-down lists the communities, least covered first', async () => {
    const dash = (await as('circle_d', 'GET', '/api/v1/plan/targets?year=2026')).json() as PlanDashboard;
    const target = dash.targets.find((x) => x.key === 'fifteen_minute_coverage')!;
    expect(target.sourceModule).toBe('plan');
    expect(target.value).toBeNull(); // the seed gives no number: none invented
    expect(target.measured).toMatchObject({ numerator: 10, denominator: 90, unit: 'share' });
    const rows = (await as('circle_d', 'GET', `/api/v1/plan/targets/${target.id}/rows`)).json();
    expect(rows.total).toBe(3);
    expect(rows.items.map((r: { id: string }) => r.id)).toEqual([B, C, A]);
    expect(rows.items[2]).toMatchObject({ kind: 'community', label: '近处社区', counts: true });
    expect(rows.items[2].note).toContain('10/30');
  });
});

describe('the site planner', () => {
  it('picks the community centres that cover the most uncovered children, with what each reaches', async () => {
    const res = await as('circle_d', 'POST', '/api/v1/plan/circle/sites', { k: 2, capacity: 25 });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as SitePlan;
    expect(p.picks.map((x) => [x.communityCode, x.gain])).toEqual([
      [C, 25],
      [A, 20],
    ]);
    expect(p.picks[0]!.reaches).toEqual([{ code: C, name: '徐泾社区' }]);
    expect([p.totalChildren, p.coveredBefore, p.coveredAfter, p.capacitySource]).toEqual([
      90,
      10,
      55,
      'given',
    ]);
  });

  it('without a size, a new site gets the median seats of the inclusive institutions; a town picks among its own', async () => {
    const p = (await as('circle_xj', 'POST', '/api/v1/plan/circle/sites', { k: 1 })).json() as SitePlan;
    expect([p.capacity, p.capacitySource]).toEqual([20, 'median_inclusive_seats']);
    expect(p.picks.map((x) => [x.communityCode, x.gain])).toEqual([[C, 20]]);
  });

  it('bad input is a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ k: 0 }, 'k'],
      [{ k: 2.5 }, 'k'],
      [{ k: 1, capacity: 0 }, 'capacity'],
      [{ k: 1, minutes: 3 }, 'minutes'],
      [{ k: 1, extra: true }, null],
    ] as const) {
      const res = await as('circle_d', 'POST', '/api/v1/plan/circle/sites', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(res.json().errors[0].field).toBe(field);
    }
    const q = await as('circle_d', 'GET', '/api/v1/plan/circle?minutes=3');
    expect(q.statusCode).toBe(400);
    expect(q.json().errors[0].field).toBe('querystring.minutes');
  });
});

describe('the community statistics import', () => {
  const URL = '/api/v1/plan/communities/imports';
  const HEAD = ['社区代码', '社区名称', '纬度', '经度', '3岁以下婴幼儿数', '统计日期'];
  const upload = async (who: string, rows: string[][]) => {
    const m = multipartBody('communities.csv', 'text/csv', Buffer.from(csvText([HEAD, ...rows])));
    return t.app.inject({
      method: 'POST',
      url: URL,
      headers: { cookie: await t.login(who), ...m.headers },
      payload: m.payload,
    });
  };
  const ll = (d: { lat: number; lng: number }) => [String(d.lat), String(d.lng)];

  it('a bad row names its column and rule, the commit is refused and nothing is written', async () => {
    const res = await upload('circle_zjj', [
      [`${ZHUJIAJIAO}009`, '新社区', ...ll(zjj), '80', '2026-01-31'],
      [C, '徐泾社区', ...ll(xj), '45', '2026-01-31'], // another town: outside a town officer's scope
      [`${ZHUJIAJIAO}010`, '海外社区', '40.0', '116.4', '10', '2026-01-31'], // Beijing
      [`${ZHUJIAJIAO}011`, '未来社区', ...ll(zjj), '10', '2099-01-01'],
      [`${ZHUJIAJIAO}012`, '负数社区', ...ll(zjj), '-1', '2026-01-31'],
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    const rules = run.errors.map(
      (e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining(['3:code:out_of_scope', '4:lat:outside_district', '5:asOf:future']),
    );
    expect(rules.some((r: string) => r.startsWith('6:childrenUnder3:'))).toBe(true);
    expect(rules.some((r: string) => r.startsWith('2:'))).toBe(false);
    const commit = await t.call('POST', `${URL}/${run.id}/commit`, { cookie: await t.login('circle_zjj') });
    expect(commit.statusCode).toBe(409);
    const after = await t.database.db.select().from(familyCommunities);
    expect(after.map((c) => c.code)).not.toContain(`${ZHUJIAJIAO}009`);
  });

  it('adds a community, updates a known one from statistics, and a second import changes nothing', async () => {
    const rows = [
      [`${ZHUJIAJIAO}009`, '新社区', ...ll(zjj), '80', '2026-01-31'],
      [B, '远处村', String(zjj.lat + 0.05), String(zjj.lng), '25', '2026-01-31'],
    ];
    const first = (await upload('circle_d', rows)).json();
    expect(first.errors).toEqual([]);
    expect(
      (await t.call('POST', `${URL}/${first.id}/commit`, { cookie: await t.login('circle_d') })).statusCode,
    ).toBe(202);
    await t.jobs.runDue();
    const done = (await as('circle_d', 'GET', `${URL}/${first.id}`)).json();
    expect(done.status).toBe('committed');
    const c = (await as('circle_d', 'GET', '/api/v1/plan/circle')).json() as Circle;
    expect(c.communities.find((x) => x.code === B)).toMatchObject({
      children: 25,
      source: 'statistics',
      asOf: '2026-01-31',
    });
    // 30 + 25 + 40 + 80 children; the new community sits at the institution too, which has 10 places for both.
    expect([c.totalChildren, c.coveredChildren]).toEqual([175, 10]);
    const second = (await upload('circle_d', rows)).json();
    expect(
      (await t.call('POST', `${URL}/${second.id}/commit`, { cookie: await t.login('circle_d') })).statusCode,
    ).toBe(202);
    await t.jobs.runDue();
    const again = (await as('circle_d', 'GET', `${URL}/${second.id}`)).json();
    expect(again).toMatchObject({ status: 'committed', insertedRows: 0 });
  });
});
