/**
 * The facilities register (issue 11): district and town officers keep it (a town officer in their
 * town only), bad input is a 400 naming the field and nothing is written, another town sees nothing,
 * a stale version is a 409, every write is audited; the plan counts child-friendly sites opened in the
 * year and development bases open in it, by town, with the facilities as the drill-down.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateFacilityBody } from '../../../domain/contracts/families-facilities.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { actorFor } from '../../../test/factories/context.ts';
import { buildCommunity, XJ_COMMUNITY, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { facilityTargets } from './facilities.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const call = (who: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
  t.call(method, `/api/v1/families/facilities${path}`, { cookie: cookies[who], body });

const home = (o: Partial<CreateFacilityBody> = {}): CreateFacilityBody => ({
  kind: 'children_home',
  name: '测试社区儿童之家',
  townCode: ZHUJIAJIAO,
  communityCode: ZJJ_COMMUNITY,
  address: '朱家角镇测试路 1 号',
  lat: 31.11,
  lng: 121.05,
  openedYear: 2022,
  ...o,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await buildCommunity(db, { code: ZJJ_COMMUNITY, name: '朱家角测试社区' });
  await buildCommunity(db, { code: XJ_COMMUNITY, name: '徐泾测试社区' });
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('town-xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('health-zjj', 'health_worker', { kind: 'division', divisionCode: ZHUJIAJIAO });
  for (const u of ['district', 'town-zjj', 'town-xj', 'health-zjj']) cookies[u] = await t.login(u);
});
afterAll(() => t?.close());

describe('facilities register', () => {
  let id: string;

  it('a town officer adds a children’s home in their town; it is audited and read with its community', async () => {
    const res = await call('town-zjj', 'POST', '', home());
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      kind: 'children_home',
      communityName: '朱家角测试社区',
      closedYear: null,
      host: null,
      version: 1,
    });
    const audit = await t.database.db.execute(
      sql`select action, actor_username from audit_log where object_id = ${id}`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { action: 'families.facility_create', actor_username: 'town-zjj' },
    ]);
    expect((await call('health-zjj', 'GET', `/${id}`)).json().name).toBe('测试社区儿童之家');
  });

  it('refuses bad input with the field and the rule, in zh and en; nothing is written', async () => {
    const before = await countRows(t, 'family_facilities');
    const cases: [string, string, Partial<CreateFacilityBody> | Record<string, unknown>, string, string][] = [
      ['district', 'an unknown kind', { kind: 'museum' }, 'kind', ''],
      ['district', 'a point outside Qingpu', { lat: 31.5 }, 'lat', 'families.outside_district'],
      [
        'district',
        'a community of another town',
        { communityCode: XJ_COMMUNITY },
        'communityCode',
        'families.community_not_in_town',
      ],
      [
        'district',
        'a children’s home without a community',
        { communityCode: undefined },
        'communityCode',
        'families.community_required',
      ],
      ['district', 'opened next year', { openedYear: 2027 }, 'openedYear', 'families.year_future'],
      [
        'district',
        'closed before it opened',
        { closedYear: 2021 },
        'closedYear',
        'families.closed_before_opened',
      ],
      ['town-xj', 'another town', {}, 'townCode', 'families.town_outside_scope'],
      [
        'district',
        'a town of another district',
        { townCode: '310117101' },
        'townCode',
        'families.town_outside_district',
      ],
    ];
    for (const [who, name, change, field, rule] of cases) {
      const res = await call(who, 'POST', '', { ...home(), ...change });
      expect(res.statusCode, name).toBe(400);
      const e = res.json().errors.find((x: { field: string }) => x.field === field);
      expect(e, name).toBeTruthy();
      if (rule) expect(e.rule, name).toBe(rule);
      expect(e.message_zh && e.message_en, name).toBeTruthy();
    }
    expect(await countRows(t, 'family_facilities')).toBe(before);
  });

  it('another town sees nothing of it: not in the list, 404 on read and change', async () => {
    expect((await call('town-xj', 'GET', '')).json().total).toBe(0);
    expect((await call('town-xj', 'GET', `/${id}`)).statusCode).toBe(404);
    expect((await call('town-xj', 'PATCH', `/${id}`, { version: 1, closedYear: 2026 })).statusCode).toBe(404);
    expect((await call('health-zjj', 'POST', '', home())).statusCode).toBe(403);
    expect((await call('district', 'GET', '')).json().total).toBe(1);
  });

  it('a change is checked whole, versioned and audited with what changed', async () => {
    const bad = await call('district', 'PATCH', `/${id}`, { version: 1, closedYear: 2020 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'closedYear',
      rule: 'families.closed_before_opened',
    });
    const ok = await call('district', 'PATCH', `/${id}`, {
      version: 1,
      closedYear: 2025,
      host: '珠溪居委会',
    });
    expect(ok.json()).toMatchObject({ closedYear: 2025, host: '珠溪居委会', version: 2 });
    expect((await call('town-zjj', 'PATCH', `/${id}`, { version: 1, name: '另一个名字' })).statusCode).toBe(
      409,
    );
    const audit = await t.database.db.execute(
      sql`select changes from audit_log where object_id = ${id} and action = 'families.facility_update'`,
    );
    expect((audit as unknown as { rows: { changes: unknown }[] }).rows[0]!.changes).toEqual({
      closedYear: { from: null, to: 2025 },
      host: { from: null, to: '珠溪居委会' },
    });
    // Open in 2022–2025, not in 2026.
    expect((await call('district', 'GET', '?year=2025')).json().total).toBe(1);
    expect((await call('district', 'GET', '?year=2026')).json().total).toBe(0);
  });
});

describe('plan targets from the register', () => {
  it('child-friendly sites opened in the year and development bases open in it, by town, with drill-down', async () => {
    const add = async (o: Partial<CreateFacilityBody>) =>
      expect((await call('district', 'POST', '', home(o))).statusCode).toBe(201);
    await add({ kind: 'child_friendly_site', name: '朱家角示范点 A', openedYear: 2025 });
    await add({ kind: 'child_friendly_site', name: '朱家角示范点 B', openedYear: 2026 });
    await add({
      kind: 'child_friendly_site',
      name: '徐泾示范点',
      townCode: XUJING,
      communityCode: XJ_COMMUNITY,
      lat: 31.18,
      lng: 121.27,
      openedYear: 2026,
    });
    await add({
      kind: 'early_development_base',
      name: '青浦早期发展基地',
      communityCode: undefined,
      openedYear: 2022,
    });
    await add({
      kind: 'early_development_base',
      name: '已撤销基地',
      communityCode: undefined,
      openedYear: 2021,
      closedYear: 2023,
    });
    const sites = facilityTargets.find((s) => s.key === 'child_friendly_sites')!;
    const bases = facilityTargets.find((s) => s.key === 'development_base')!;
    const q = (
      year: number,
      scope = DISTRICT,
      role: 'district_officer' | 'town_officer' = 'district_officer',
    ) => ({
      actor: actorFor(role, { kind: 'division', divisionCode: scope }),
      year,
      asOf: t.clock.now(),
    });
    const db = t.database.db;
    expect(await sites.measure(db, q(2026))).toEqual({
      value: 2,
      unit: 'count',
      byTown: { [ZHUJIAJIAO]: 1, [XUJING]: 1 },
    });
    expect((await sites.measure(db, q(2025))).value).toBe(1);
    expect((await sites.measure(db, q(2026, XUJING, 'town_officer'))).value).toBe(1);
    expect((await bases.measure(db, q(2026))).value).toBe(1);
    expect((await bases.measure(db, q(2022))).value).toBe(2);
    const drill = await sites.drillDown(db, q(2026), { offset: 0, limit: 10 });
    expect(drill.total).toBe(2);
    expect(drill.rows.map((r) => r.label).sort()).toEqual(['徐泾示范点', '朱家角示范点 B']);
    expect(drill.rows.every((r) => r.counts)).toBe(true);
  });
});

describe('宝宝屋 in the register (issue 17)', () => {
  const site = (o: Partial<CreateFacilityBody> = {}): CreateFacilityBody =>
    home({
      kind: 'baobaowu',
      name: '测试社区宝宝屋',
      capacity: 10,
      openingHours: '周一至周五 8:30–16:30',
      hourlyPriceFen: 8000,
      operator: '朱家角中心幼儿园',
      ...o,
    });

  it('a town officer registers one with capacity, hours, price and operator; audited', async () => {
    const res = await call('town-zjj', 'POST', '', site());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'baobaowu',
      capacity: 10,
      openingHours: '周一至周五 8:30–16:30',
      hourlyPriceFen: 8000,
      operator: '朱家角中心幼儿园',
      communityName: '朱家角测试社区',
    });
    const audit = await t.database.db.execute(
      sql`select action from audit_log where object_id = ${res.json().id}`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([{ action: 'families.facility_create' }]);
    // a price change above the cap is refused on PATCH as well, naming the field
    const bad = await call('district', 'PATCH', `/${res.json().id}`, { version: 1, hourlyPriceFen: 10001 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'hourlyPriceFen', rule: 'baobaowu.price_above_cap' });
  });

  it('refuses a price above the 100-yuan cap, missing fields and 宝宝屋 fields on another kind; nothing written', async () => {
    const before = await countRows(t, 'family_facilities');
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['above the cap', site({ hourlyPriceFen: 10001 }), 'hourlyPriceFen', 'baobaowu.price_above_cap'],
      ['no capacity', site({ capacity: null }), 'capacity', 'families.baobaowu_required'],
      ['capacity 0', site({ capacity: 0 }), 'capacity', ''],
      ['negative price', site({ hourlyPriceFen: -1 }), 'hourlyPriceFen', ''],
      ['no operator', site({ operator: undefined }), 'operator', 'families.baobaowu_required'],
      ['capacity on a home', home({ capacity: 10 }), 'capacity', 'families.baobaowu_only'],
    ];
    for (const [name, body, field, rule] of cases) {
      const res = await call('district', 'POST', '', body);
      expect(res.statusCode, name).toBe(400);
      const e = res.json().errors.find((x: { field: string }) => x.field === field);
      expect(e, name).toBeTruthy();
      if (rule) expect(e.rule, name).toBe(rule);
      expect(e.message_zh && e.message_en, name).toBeTruthy();
    }
    expect(await countRows(t, 'family_facilities')).toBe(before);
  });
});
