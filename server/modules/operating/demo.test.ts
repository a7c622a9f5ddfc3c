/**
 * The operating-subsidy demo (issue 17): an amount in force marked as a demo value, the default minimum
 * days, registers on working days only, claims in every state with the claim service's own figures, a
 * payment list with totals per town, a review queue with overdue claims, and the journey account's
 * institution able to build its last month.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATING_CLAIM_STATUSES } from '../../../domain/contracts/operating.ts';
import { isWorkingDay } from '../../../domain/rules/workdays.ts';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { institutions } from '../institutions/tables.ts';
import { OPERATING_DEMO_ACCOUNT, OPERATING_DEMO_AMOUNT_FEN } from './demo.ts';
import { operatingAttendance, operatingChildren, operatingClaims } from './tables.ts';

const PASSWORD = 'Demo-Operating-2026!x';
const URL = '/api/v1/operating';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, {
    district: DISTRICT,
    password: PASSWORD,
    dataDir: '.tmp/demo-operating',
    now: t.clock.now(),
  });
}, 180_000);
afterAll(() => t.close());

const call = async (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.call(method, `${URL}${url}`, {
    cookie: await t.login(who, PASSWORD),
    ...(body !== undefined ? { body } : {}),
  });

// The test clock's today is 2026-03-02: the demo's months are 2025-12, 2026-01 and 2026-02.
const MONTHS = ['2025-12', '2026-01', '2026-02'];

describe('operating demo', () => {
  it('has an amount in force, its citation saying it is a demo value, and the default minimum days', async () => {
    const res = await call('district', 'GET', '/settings');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.current.amountFen).toBe(OPERATING_DEMO_AMOUNT_FEN);
    expect(s.current.effectiveFrom).toBe('2025-12-01');
    expect(s.current.citation).toContain('演示数值');
    expect(s.minAttendedDaysIsDefault).toBe(true);
    expect(s.minAttendedDays).toBe(10);
  });

  it('keeps registers of eligible institutions, marked on working days of the three months only', async () => {
    const db = t.database.db;
    const kids = await db.select().from(operatingChildren);
    expect(kids.length).toBeGreaterThan(100);
    const marks = await db
      .select({ day: operatingAttendance.day, institutionId: operatingAttendance.institutionId })
      .from(operatingAttendance);
    expect(marks.length).toBeGreaterThan(5000);
    const cal = await getWorkCalendar(db, DISTRICT);
    const days = new Set(marks.map((m) => m.day));
    for (const d of days) {
      expect(MONTHS).toContain(d.slice(0, 7));
      const w = isWorkingDay(d, cal);
      expect(w.ok && w.working, d).toBe(true);
    }
    const ids = [...new Set(marks.map((m) => m.institutionId))];
    const rows = await db.select().from(institutions);
    for (const id of ids) {
      const i = rows.find((r) => r.id === id)!;
      expect(i.inclusive && i.status === 'operating').toBe(true);
    }
    // one per town, two in 朱家角镇
    expect(new Set(rows.filter((r) => ids.includes(r.id)).map((r) => r.townCode)).size).toBe(ids.length - 1);
  });

  it('has claims in every state, each with the amount in force times its counted child-months', async () => {
    const rows = await t.database.db.select().from(operatingClaims);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(OPERATING_CLAIM_STATUSES));
    for (const r of rows) {
      expect(MONTHS).toContain(r.month);
      expect(r.totalFen).toBe(r.countedChildMonths * OPERATING_DEMO_AMOUNT_FEN);
      expect(r.countedChildMonths).toBe(r.lines.reduce((n, l) => n + l.countedChildMonths, 0));
      expect(r.reason !== null).toBe(r.status === 'returned' || r.status === 'rejected');
    }
    expect(
      rows.filter((r) => r.month === MONTHS[0]).every((r) => ['approved', 'rejected'].includes(r.status)),
    ).toBe(true);
    expect(rows.some((r) => r.month === MONTHS[2] && r.status === 'returned')).toBe(true);
  });

  it('claims show the figures the claim service builds from the same register', async () => {
    const db = t.database.db;
    const [draft] = await db.select().from(operatingClaims).where(eq(operatingClaims.status, 'draft'));
    expect(draft).toBeDefined();
    // Rebuild the draft through the service (a returned claim is rebuilt in place): same figures.
    await db
      .update(operatingClaims)
      .set({ status: 'returned', reason: '重新核对' })
      .where(and(eq(operatingClaims.districtCode, DISTRICT), eq(operatingClaims.id, draft!.id)));
    const id = await t.createUser('op-demo-check', 'institution_admin', {
      kind: 'institution',
      institutionId: draft!.institutionId,
    });
    expect(id).toBeTruthy();
    const res = await t.call('POST', `${URL}/claims`, {
      cookie: await t.login('op-demo-check'),
      body: { month: draft!.month },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rebuilt = res.json();
    expect(rebuilt.id).toBe(draft!.id);
    expect(rebuilt.lines).toEqual(draft!.lines);
    expect(rebuilt.countedChildMonths).toBe(draft!.countedChildMonths);
    expect(rebuilt.totalFen).toBe(draft!.totalFen);
  });

  it("the oldest month's payment list has totals per town that add up", async () => {
    const res = await call('district', 'GET', `/payments?month=${MONTHS[0]}`);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.claims.length).toBeGreaterThan(5);
    expect(list.towns.length).toBeGreaterThan(5);
    expect(list.totalFen).toBe(list.towns.reduce((n: number, x: { totalFen: number }) => n + x.totalFen, 0));
    for (const town of list.towns)
      expect(town.totalFen).toBe(
        list.claims
          .filter((c: { townCode: string }) => c.townCode === town.townCode)
          .reduce((n: number, c: { totalFen: number }) => n + c.totalFen, 0),
      );
    const xlsx = await call('district', 'GET', `/payments/export?month=${MONTHS[0]}`);
    expect(xlsx.statusCode).toBe(200);
  });

  it('the district has a review queue with claims past the deadline; a town reads its own claims', async () => {
    const queue = (await call('district', 'GET', '/review')).json();
    expect(queue.items.length).toBeGreaterThan(3);
    expect(queue.items.some((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const town = (await call('town-zhujiajiao', 'GET', '/claims?pageSize=100')).json().items as {
      townCode: string;
    }[];
    expect(town.length).toBeGreaterThan(2);
    expect(town.every((c) => c.townCode === `${DISTRICT}102`)).toBe(true);
  });

  it("the journey account's institution has its older months approved and builds the last one", async () => {
    const mine = (await call(OPERATING_DEMO_ACCOUNT, 'GET', '/claims')).json().items as {
      month: string;
      status: string;
    }[];
    expect(mine.map((c) => `${c.month} ${c.status}`).sort()).toEqual([
      `${MONTHS[0]} approved`,
      `${MONTHS[1]} approved`,
    ]);
    const built = await call(OPERATING_DEMO_ACCOUNT, 'POST', '/claims', { month: MONTHS[2] });
    expect(built.statusCode, built.body).toBe(201);
    expect(built.json().status).toBe('draft');
    expect(built.json().countedChildMonths).toBeGreaterThan(0);
  });

  it('masks the roster names in answers', async () => {
    const [kid] = await t.database.db.select().from(operatingChildren).limit(1);
    const res = await call('district', 'GET', `/classes/${kid!.classId}/roster`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(kid!.childName);
  });
});
