/**
 * 宝宝屋 bookings and coverage (issue 17): a town officer publishes a slot of a site; a parent books it
 * through the hourly booking; the first 12 hours of a child in a calendar year are free, the rest is
 * charged at the site's price; a cancellation gives the free hours back; the slot's capacity and waitlist
 * work as for an institution's; coverage counts sites, towns, children and free hours by town.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { actorFor } from '../../../test/factories/context.ts';
import { addChildren, buildFamily, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { baobaowuTargetSource } from './baobaowu.ts';

let t: TestApp;
let town: string;
let otherTown: string;
let parent: string;
let fam: Awaited<ReturnType<typeof buildFamily>>;
let kids: string[];
let siteId: string;

const site = {
  kind: 'baobaowu',
  name: '珠溪社区宝宝屋',
  townCode: ZHUJIAJIAO,
  communityCode: ZJJ_COMMUNITY,
  address: '朱家角镇珠溪路 1 号',
  lat: 31.11,
  lng: 121.05,
  openedYear: 2025,
  capacity: 6,
  openingHours: '周一至周五 8:00–17:00',
  hourlyPriceFen: 8000,
  operator: '朱家角中心幼儿园',
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now();
  fam = await buildFamily(db, { seq: 31, birthDate: '2024-09-15', communityCode: ZJJ_COMMUNITY, now });
  kids = [fam.childId, ...(await addChildren(db, fam.familyId, 3, { now }))];
  await t.createUser('town-zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('town-xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('parent', 'parent', { kind: 'family', familyId: fam.familyId });
  town = await t.login('town-zjj');
  otherTown = await t.login('town-xj');
  parent = await t.login('parent');
  const res = await t.call('POST', '/api/v1/families/facilities', { cookie: town, body: site });
  expect(res.statusCode).toBe(201);
  siteId = res.json().id;
});
afterAll(() => t?.close());

async function slot(date: string, startTime: string, endTime: string, capacity = 2) {
  const res = await t.call('POST', `/api/v1/families/facilities/${siteId}/slots`, {
    cookie: town,
    body: { date, startTime, endTime, capacity },
  });
  expect(res.statusCode, JSON.stringify(res.json())).toBe(201);
  return res.json() as { id: string; facilityId: string; institutionId: null; hourlyPriceFen: number };
}
const book = (slotId: string, childId: string, waitlist = false) =>
  t.call('POST', `/api/v1/families/slots/${slotId}/bookings`, {
    cookie: parent,
    body: { childId, waitlist },
  });

describe('宝宝屋 slots and bookings', () => {
  it('a town officer publishes a site slot (whole hours, within the site capacity); others cannot', async () => {
    const s = await slot('2026-03-10', '08:00', '13:00');
    expect(s).toMatchObject({ facilityId: siteId, institutionId: null, hourlyPriceFen: 8000 });
    const before = await countRows(t, 'family_slots');
    const cases: [string, Record<string, unknown>, number, string][] = [
      [
        'half hours',
        { date: '2026-03-11', startTime: '08:30', endTime: '10:00', capacity: 2 },
        400,
        'startTime',
      ],
      [
        'above the site capacity',
        { date: '2026-03-11', startTime: '08:00', endTime: '10:00', capacity: 7 },
        400,
        'capacity',
      ],
      [
        'end before start',
        { date: '2026-03-11', startTime: '10:00', endTime: '08:00', capacity: 2 },
        400,
        'endTime',
      ],
    ];
    for (const [name, body, code, field] of cases) {
      const res = await t.call('POST', `/api/v1/families/facilities/${siteId}/slots`, { cookie: town, body });
      expect(res.statusCode, name).toBe(code);
      expect(
        res.json().errors.some((e: { field: string }) => e.field === field),
        name,
      ).toBe(true);
    }
    const other = await t.call('POST', `/api/v1/families/facilities/${siteId}/slots`, {
      cookie: otherTown,
      body: { date: '2026-03-11', startTime: '08:00', endTime: '10:00', capacity: 2 },
    });
    expect(other.statusCode).toBe(404);
    expect(await countRows(t, 'family_slots')).toBe(before);
  });

  it('the first 12 hours of a year are free, then the site price; the answer says what is left', async () => {
    const [s1, s2, s3] = [
      await slot('2026-03-12', '08:00', '13:00'), // 5 h
      await slot('2026-03-13', '08:00', '14:00'), // 6 h
      await slot('2026-03-16', '08:00', '11:00'), // 3 h: 1 free, 2 charged
    ];
    const b1 = await book(s1.id, kids[0]!);
    expect(b1.statusCode).toBe(201);
    expect(b1.json().baobaowu).toMatchObject({
      freeHours: 5,
      chargedHours: 0,
      chargeFen: 0,
      freeHoursLeft: 7,
      year: 2026,
    });
    expect(b1.json().institutionName).toBe('珠溪社区宝宝屋');
    const b2 = await book(s2.id, kids[0]!);
    expect(b2.json().baobaowu).toMatchObject({ freeHours: 6, chargedHours: 0, freeHoursLeft: 1 });
    const b3 = await book(s3.id, kids[0]!);
    expect(b3.json().baobaowu).toMatchObject({
      freeHours: 1,
      chargedHours: 2,
      chargeFen: 16000,
      freeHoursLeft: 0,
    });
    // another child of the family has its own 12 hours
    const other = await book(s3.id, kids[1]!);
    expect(other.json().baobaowu).toMatchObject({ freeHours: 3, chargedHours: 0, freeHoursLeft: 9 });
    // the record is audited with the hours
    const audit = await t.database.db.execute(
      sql`select changes from audit_log where object_id = ${b3.json().id} and action = 'families.book'`,
    );
    expect(
      (audit as unknown as { rows: { changes: Record<string, unknown> }[] }).rows[0]!.changes,
    ).toMatchObject({
      freeHours: 1,
      chargedHours: 2,
      chargeFen: 16000,
    });

    // a cancellation gives the free hours back; a later booking uses them
    const c = await t.call('POST', `/api/v1/families/bookings/${b2.json().id}/cancel`, { cookie: parent });
    expect(c.statusCode).toBe(200);
    expect(c.json().baobaowu).toMatchObject({ freeHours: 6, freeHoursLeft: 6 });
    const s4 = await slot('2026-03-17', '08:00', '12:00');
    expect((await book(s4.id, kids[0]!)).json().baobaowu).toMatchObject({
      freeHours: 4,
      chargedHours: 0,
      freeHoursLeft: 2,
    });

    // the parent's list shows the same
    const mine = await t.call('GET', '/api/v1/families/bookings', { cookie: parent });
    expect(mine.json().items.filter((b: { baobaowu: unknown }) => b.baobaowu).length).toBe(5);
    // before booking, the parent sees each child's free hours left; officers may not ask
    const left = await t.call('GET', '/api/v1/families/baobaowu/mine', { cookie: parent });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ year: 2026, freeHoursPerChildPerYear: 12 });
    const byChild = new Map(
      left
        .json()
        .children.map((c: { childId: string; freeHoursLeft: number }) => [c.childId, c.freeHoursLeft]),
    );
    expect(byChild.get(kids[0])).toBe(2);
    expect(byChild.get(kids[1])).toBe(9);
    expect(
      (await t.call('GET', '/api/v1/families/baobaowu/mine?year=2027', { cookie: parent })).json()
        .children[0],
    ).toMatchObject({ freeHoursUsed: 0, freeHoursLeft: 12 });
    const town = await t.login('town-zjj');
    expect((await t.call('GET', '/api/v1/families/baobaowu/mine', { cookie: town })).statusCode).toBe(403);
  });

  it('a new calendar year starts again at 12 free hours', async () => {
    const s = await slot('2027-01-04', '08:00', '12:00');
    const b = await book(s.id, kids[0]!);
    expect(b.json().baobaowu).toMatchObject({ freeHours: 4, chargedHours: 0, freeHoursLeft: 8, year: 2027 });
  });

  it('capacity and waitlist behave as for an institution slot', async () => {
    const s = await slot('2026-03-18', '09:00', '11:00', 1);
    expect((await book(s.id, kids[2]!)).statusCode).toBe(201);
    const full = await book(s.id, kids[3]!);
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('families.slot_full');
    const w = await book(s.id, kids[3]!, true);
    expect(w.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(w.json().baobaowu).toMatchObject({ freeHours: 2 });
    const list = await t.call('GET', `/api/v1/families/facilities/${siteId}/slots`, { cookie: town });
    const row = list.json().items.find((x: { id: string }) => x.id === s.id);
    expect(row).toMatchObject({ booked: 1, waitlisted: 1, freeHours: 4, chargeFen: 0 });
  });

  it('coverage by town: sites, towns with one, children served and free hours in the year', async () => {
    const res = await t.call('GET', '/api/v1/families/baobaowu/coverage?year=2026', { cookie: town });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ year: 2026, sites: 1, townsWithSite: 1, townCount: 1, children: 4 });
    expect(c.rule).toEqual({ freeHoursPerChildPerYear: 12, maxYuanPerHour: 100 });
    expect(c.towns[0]).toMatchObject({ townCode: ZHUJIAJIAO, sites: 1, capacity: 6, children: 4 });
    // kid0: 5 + 1 + 4 (the cancelled 6 given back) = 10; kid1: 3; kid2: 2; kid3 (waitlisted): 2
    expect(c.freeHours).toBe(17);
    const m = await baobaowuTargetSource.measure(t.database.db, {
      actor: actorFor('district_officer', { kind: 'division', divisionCode: DISTRICT }),
      year: 2026,
      asOf: t.clock.now(),
    });
    expect(m).toMatchObject({ numerator: 1, denominator: 11, unit: 'share' });
    expect(m.byTown?.[ZHUJIAJIAO]).toBe(1);
    expect(m.byTown?.[XUJING]).toBe(0);
  });
});

describe("a site's bookings with the children, for officers", () => {
  it('per slot: names masked, age in months, hours, status and waitlist place; other towns and parents cannot', async () => {
    const s = await slot('2026-04-01', '09:00', '10:00', 1);
    expect((await book(s.id, kids[1]!)).statusCode).toBe(201);
    expect((await book(s.id, kids[2]!, true)).json().status).toBe('waitlisted');
    expect((await book(s.id, kids[3]!, true)).json().status).toBe('waitlisted');
    const res = await t.call('GET', `/api/v1/families/facilities/${siteId}/bookings?slot=${s.id}`, {
      cookie: town,
    });
    expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((b) => [b.status, b.waitlistPosition])).toEqual([
      ['booked', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    // kids 1–3 were born 2025-01-10: 14 completed months on 2026-04-01; one free hour each
    expect(items[0]).toMatchObject({
      slotId: s.id,
      date: '2026-04-01',
      startTime: '09:00',
      endTime: '10:00',
      ageMonths: 14,
      freeHours: 1,
      chargedHours: 0,
      chargeFen: 0,
    });
    for (const b of items) {
      expect(b.childName).toMatch(/^测\*+$/);
      expect(JSON.stringify(b)).not.toContain('测试宝宝');
    }
    // without a slot: every slot of the site from the start of the year, the cancelled ones shown as such
    const all = await t.call('GET', `/api/v1/families/facilities/${siteId}/bookings?from=2026-01-01`, {
      cookie: town,
    });
    const allItems = all.json().items as { status: string; date: string }[];
    expect(allItems.length).toBeGreaterThan(items.length);
    expect(allItems.some((b) => b.status === 'cancelled')).toBe(true);
    expect(allItems.every((b) => b.date >= '2026-01-01')).toBe(true);
    // the district sees it; another town's officer does not find the site; a parent may not ask
    await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
    const district = await t.login('district');
    const d = await t.call('GET', `/api/v1/families/facilities/${siteId}/bookings?slot=${s.id}`, {
      cookie: district,
    });
    expect(d.json().items).toHaveLength(3);
    const other = await t.call('GET', `/api/v1/families/facilities/${siteId}/bookings`, {
      cookie: otherTown,
    });
    expect(other.statusCode).toBe(404);
    const p = await t.call('GET', `/api/v1/families/facilities/${siteId}/bookings`, { cookie: parent });
    expect(p.statusCode).toBe(403);
  });
});

describe('a waitlisted booking promoted after a cancellation', () => {
  it('is quoted again at promotion: free hours given back meanwhile count', async () => {
    const cancel = (id: string) =>
      t.call('POST', `/api/v1/families/bookings/${id}/cancel`, { cookie: parent });
    // 2028: a fresh year for every child
    const x = await slot('2028-02-01', '08:00', '12:00', 1); // 4 h
    const y = await slot('2028-02-02', '08:00', '18:00', 2); // 10 h
    const held = await book(x.id, kids[0]!);
    expect(held.json().status).toBe('booked');
    const long = await book(y.id, kids[1]!);
    expect(long.json().baobaowu).toMatchObject({ freeHours: 10, freeHoursLeft: 2 });
    // on the waitlist with 2 free hours left: 2 free, 2 charged
    const w = await book(x.id, kids[1]!, true);
    expect(w.json()).toMatchObject({ status: 'waitlisted' });
    expect(w.json().baobaowu).toMatchObject({ freeHours: 2, chargedHours: 2, chargeFen: 16000 });
    // the long booking is cancelled: its 10 free hours come back
    expect((await cancel(long.json().id)).statusCode).toBe(200);
    // the place on x comes free: the waitlisted booking is booked and quoted again — all 4 hours free
    expect((await cancel(held.json().id)).statusCode).toBe(200);
    const mine = await t.call('GET', '/api/v1/families/bookings', { cookie: parent });
    const promoted = mine.json().items.find((b: { id: string }) => b.id === w.json().id);
    expect(promoted).toMatchObject({ status: 'booked', waitlistPosition: null });
    expect(promoted.baobaowu).toMatchObject({
      freeHours: 4,
      chargedHours: 0,
      chargeFen: 0,
      freeHoursLeft: 8,
    });
    // the officer's list shows the same, and the new quote is audited
    const list = await t.call('GET', `/api/v1/families/facilities/${siteId}/bookings?slot=${x.id}`, {
      cookie: town,
    });
    expect(list.json().items.find((b: { id: string }) => b.id === w.json().id)).toMatchObject({
      status: 'booked',
      freeHours: 4,
      chargedHours: 0,
      chargeFen: 0,
    });
    const audit = await t.database.db.execute(
      sql`select changes from audit_log where object_id = ${w.json().id} and action = 'families.booking_promote'`,
    );
    expect(
      (audit as unknown as { rows: { changes: Record<string, unknown> }[] }).rows[0]!.changes,
    ).toMatchObject({ freeHours: { from: 2, to: 4 }, chargeFen: { from: 16000, to: 0 } });
  });
});
