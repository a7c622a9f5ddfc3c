/** Demo data and the public portal: the seed is valid and fast, the journey works, the search filters. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassInputBody, InstitutionInput } from '../../../domain/contracts/institution.ts';
import { validateClasses, validateInstitution } from '../../../domain/institutions/validate.ts';
import { haversineKm } from '../../../domain/rules/geo.ts';
import { createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { feesOf, toClass } from './mappers.ts';
import { policyOn } from './policy.ts';
import { institutionClasses, institutions } from './tables.ts';

let t: TestApp;
const PASSWORD = 'Demo-Journey-2026!';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, {
    district: DISTRICT,
    password: PASSWORD,
    dataDir: '.tmp/demo-test',
    now: t.clock.now(),
  });
});
afterAll(() => t.close());

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('demo registry', () => {
  it('seeds 110 valid, uniquely named institutions in all 11 towns with every state', async () => {
    const all = await t.database.db.select().from(institutions);
    expect(all).toHaveLength(110);
    expect(new Set(all.map((r) => r.name)).size).toBe(110);
    expect(new Set(all.map((r) => r.townCode)).size).toBe(11);
    expect(new Set(all.map((r) => r.status))).toEqual(
      new Set(['draft', 'submitted', 'filed', 'operating', 'rectifying', 'suspended', 'closed']),
    );
    expect(all.filter((r) => r.status === 'operating').length).toBeGreaterThan(70);
    const kgs = all.filter((r) => r.kind === 'kindergarten');
    expect(kgs.some((r) => r.toddlerClasses > 0) && kgs.some((r) => r.toddlerClasses === 0)).toBe(true);
    const classes = await t.database.db.select().from(institutionClasses);
    const values = policyOn(DISTRICT, t.clock.now());
    for (const r of all) {
      const input = { ...r, fees: feesOf(r) } as unknown as InstitutionInput;
      expect(validateInstitution(input, DISTRICT).errors, r.name).toEqual([]);
      const own = classes.filter((c) => c.institutionId === r.id).map(toClass) as ClassInputBody[];
      expect(validateClasses(input.kind, own, values), r.name).toEqual([]);
      const town = (await import('../../../domain/divisions.ts')).findDivision(r.townCode)!;
      expect(haversineKm(town, r)).toBeLessThan(2.6);
    }
    const history = rows<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from institution_status_history`),
    );
    expect(history[0]!.n).toBeGreaterThan(300);
  });

  it('publishes fee lists for most listed inclusive institutions, a few missing or differing (收费公示)', async () => {
    const [c] = rows<{ listed: number; published: number; differs: number }>(
      await t.database.db.execute(sql`select
        count(*)::int as listed,
        count(f.id)::int as published,
        count(*) filter (where exists (select 1 from institution_fee_items x where x.district_code = f.district_code
          and x.fee_list_id = f.id and x.kind = 'care' and x.service_form = 'full_day'
          and x.amount_fen <> i.fee_full_day_fen))::int as differs
        from institutions i left join institution_fee_lists f on f.district_code = i.district_code
          and f.institution_id = i.id and f.state = 'published'
        where i.inclusive and i.status in ('filed', 'operating')`),
    );
    expect(c!.published / c!.listed).toBeGreaterThan(0.7);
    expect(c!.published).toBeLessThan(c!.listed);
    expect(c!.differs).toBeGreaterThan(0);
    const [one] = rows<{ id: string }>(
      await t.database.db.execute(sql`select i.id from institutions i join institution_fee_lists f
        on f.district_code = i.district_code and f.institution_id = i.id and f.state = 'published'
        where i.seats > 0 limit 1`),
    );
    const res = await t.call('GET', `/api/v1/public/institutions/${one!.id}/fee-list`);
    expect(res.statusCode).toBe(200);
    expect(res.json().published.items.some((i: { kind: string }) => i.kind === 'care')).toBe(true);
  });

  it('journey: the demo institution submits its draft, the district approves, the public finds it', async () => {
    const inst = await t.login('institution', PASSWORD);
    const mine = (await t.call('GET', '/api/v1/institutions', { cookie: inst })).json();
    expect(mine.total).toBe(1);
    const id = mine.items[0].id;
    let d = (await t.call('GET', `/api/v1/institutions/${id}`, { cookie: inst })).json();
    expect(d).toMatchObject({ name: '青浦区朱家角镇小海豚托育园', townCode: ZHUJIAJIAO, status: 'draft' });
    expect(d.permittedActions).toContain('submit');
    expect((await t.call('GET', `/api/v1/public/institutions/${id}`)).statusCode).toBe(404);
    d = (
      await t.call('POST', `/api/v1/institutions/${id}/transitions`, {
        cookie: inst,
        body: { action: 'submit', version: d.version },
      })
    ).json();
    expect(d.status).toBe('submitted');
    const district = await t.login('district', PASSWORD);
    const queue = (
      await t.call('GET', '/api/v1/institutions/review-queue?pageSize=100', { cookie: district })
    ).json();
    expect(queue.items.map((q: { id: string }) => q.id)).toContain(id);
    expect(queue.items.some((q: { overdue: boolean }) => q.overdue)).toBe(true);
    const ok = await t.call('POST', `/api/v1/institutions/${id}/transitions`, {
      cookie: district,
      body: { action: 'approve', version: d.version, reason: '同意备案' },
    });
    expect(ok.json().status).toBe('filed');
    const pub = (await t.call('GET', `/api/v1/public/institutions?town=${ZHUJIAJIAO}&pageSize=100`)).json();
    expect(pub.items.map((i: { id: string }) => i.id)).toContain(id);
    const detail = (await t.call('GET', `/api/v1/public/institutions/${id}`)).json();
    expect(detail).toMatchObject({ name: '青浦区朱家角镇小海豚托育园', status: 'filed' });
    expect(detail.classes.length).toBeGreaterThan(0);
    expect(JSON.stringify(detail)).not.toContain(d.directorName);
    expect(detail).not.toHaveProperty('directorName');
  });
});

describe('public search', () => {
  it('shows only filed and operating institutions with seats, nothing personal, paginated', async () => {
    const res = await t.call('GET', '/api/v1/public/institutions?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const [n] = rows<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from institutions where status in ('filed','operating') and seats > 0`,
      ),
    );
    expect(body.total).toBe(n!.n);
    expect(body.items).toHaveLength(Math.min(100, n!.n));
    expect(body.items.every((i: { status: string }) => ['filed', 'operating'].includes(i.status))).toBe(true);
    expect(body.items.every((i: { seats: number }) => i.seats > 0)).toBe(true);
    const [noSeats] = rows<{ id: string }>(
      await t.database.db.execute(
        sql`select id from institutions where status in ('filed','operating') and seats = 0 limit 1`,
      ),
    );
    expect(noSeats, 'the demo has a kindergarten without toddler classes').toBeDefined();
    expect((await t.call('GET', `/api/v1/public/institutions/${noSeats!.id}`)).statusCode).toBe(404);
    expect(Object.keys(body.items[0]).sort()).not.toContain('directorName');
    expect(n!.n).toBeGreaterThan(50);
    const page2 = (await t.call('GET', '/api/v1/public/institutions?pageSize=50&page=2')).json();
    expect(page2.items).toHaveLength(n!.n - 50);
    expect(page2.total).toBe(n!.n);
    const beyond = (await t.call('GET', '/api/v1/public/institutions?pageSize=50&page=9')).json();
    expect(beyond).toMatchObject({ items: [], total: n!.n });
    // A page whose offset would overflow is a 400 naming the page, not a database error.
    const huge = await t.call('GET', '/api/v1/public/institutions?pageSize=50&page=900000000000');
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].field).toMatch(/page$/);
  });

  it('filters by town, kind, service form, inclusive and age', async () => {
    const q = async (s: string) =>
      (await t.call('GET', `/api/v1/public/institutions?pageSize=100&${s}`)).json().items as Record<
        string,
        unknown
      >[];
    expect((await q(`town=${ZHUJIAJIAO}`)).every((i) => i.townCode === ZHUJIAJIAO)).toBe(true);
    expect((await q('kind=family_point')).every((i) => i.kind === 'family_point')).toBe(true);
    const hourly = await q('serviceForm=hourly');
    expect(hourly.length).toBeGreaterThan(0);
    expect(
      hourly.every(
        (i) =>
          (i.serviceForms as string[]).includes('hourly') && (i.fees as { hourlyFen: number }).hourlyFen > 0,
      ),
    ).toBe(true);
    expect((await q('inclusiveOnly=true')).every((i) => i.inclusive)).toBe(true);
    // 8 months: only institutions with an infant class (6–12 months).
    const infants = await q('ageMonths=8');
    const [n] = rows<{ n: number }>(
      await t.database.db.execute(sql`select count(distinct i.id)::int as n from institutions i join institution_classes c on c.institution_id = i.id
        where i.status in ('filed','operating') and c.type = 'infant'`),
    );
    expect(infants).toHaveLength(n!.n);
    expect((await q('ageMonths=3')).length).toBe(0);
  });

  it('sorts by distance from a point (planar approximation ≈ haversine) or by name', async () => {
    const at = { lat: 31.1079, lng: 121.0533 };
    const items = (
      await t.call('GET', `/api/v1/public/institutions?lat=${at.lat}&lng=${at.lng}&pageSize=20`)
    ).json().items as {
      lat: number;
      lng: number;
      distanceKm: number;
      townCode: string;
    }[];
    const d = items.map((i) => i.distanceKm);
    expect(d).toEqual([...d].sort((x, y) => x - y));
    expect(items[0]!.townCode).toBe(ZHUJIAJIAO);
    for (const i of items)
      expect(Math.abs(i.distanceKm - haversineKm(at, i))).toBeLessThan(0.02 + 0.005 * i.distanceKm);
    const byName = (
      await t.call('GET', `/api/v1/public/institutions?lat=${at.lat}&lng=${at.lng}&sort=name`)
    ).json().items;
    expect(byName[0].distanceKm).not.toBeNull();
  });

  it("keeps a filter set's total until the district writes, then counts again (ADR 0034)", async () => {
    const total = async (qs: string) =>
      (await t.call('GET', `/api/v1/public/institutions?${qs}`)).json().total as number;
    const listed = async () =>
      rows<{ n: number }>(
        await t.database.db.execute(
          sql`select count(*)::int as n from institutions where status in ('filed','operating') and seats > 0 and inclusive`,
        ),
      )[0]!.n;
    const before = await total('inclusiveOnly=true&pageSize=5');
    expect(before).toBe(await listed());
    // A change the app did not make (no audit entry, so no new data version): the kept total stays, for
    // this filter set whatever the page or the point; a filter set not asked before is counted afresh.
    const [victim] = rows<{ id: string; seats: number }>(
      await t.database.db.execute(sql`select id, seats from institutions
        where status in ('filed','operating') and seats > 0 and inclusive order by id limit 1`),
    );
    await t.database.db.execute(sql`update institutions set seats = 0 where id = ${victim!.id}`);
    expect(await listed()).toBe(before - 1);
    expect(await total('inclusiveOnly=true&pageSize=5')).toBe(before);
    expect(await total('inclusiveOnly=true&pageSize=20&page=2&lat=31.1&lng=121.1')).toBe(before);
    expect(await total('inclusiveOnly=true&kind=kindergarten')).toBe(
      rows<{ n: number }>(
        await t.database.db.execute(sql`select count(*)::int as n from institutions
          where status in ('filed','operating') and seats > 0 and inclusive and kind = 'kindergarten'`),
      )[0]!.n,
    );
    // Any audited write in the district (here a login) makes a new data version: counted again, exact.
    const entries = async () =>
      rows<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n;
    const n0 = await entries();
    await t.login('district', PASSWORD);
    expect(await entries()).toBeGreaterThan(n0);
    expect(await total('inclusiveOnly=true&pageSize=5')).toBe(before - 1);
    await t.database.db.execute(
      sql`update institutions set seats = ${victim!.seats} where id = ${victim!.id}`,
    );
  });

  it('rejects unknown parameters and bad values with 400', async () => {
    expect((await t.call('GET', '/api/v1/public/institutions?director=x')).statusCode).toBe(400);
    expect(
      (await t.call('GET', '/api/v1/public/institutions?serviceForm=overnight')).json().errors[0].field,
    ).toBe('querystring.serviceForm');
    expect((await t.call('GET', '/api/v1/public/institutions?pageSize=101')).statusCode).toBe(400);
  });
});
