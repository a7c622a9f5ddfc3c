/**
 * Issue 17, operating subsidy — the register's console reads: the classes in the caller's scope (own
 * institution; town; district) and a class's month (working days from the district calendar, days with
 * marks, each child's days with names masked, children-days, the minimum days); a month the calendar does
 * not cover says so; another institution or town: 404; bad month: 400 naming `querystring.month`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterClass, RegisterMonth } from '../../../domain/contracts/operating.ts';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';

let t: TestApp;
const URL = '/api/v1/operating';
let classId = '';
let otherClassId = '';
const kids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('rg_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('rg_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('rg_xujing', 'town_officer', { kind: 'division', divisionCode: XUJING });
  const inst = await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, status: 'operating' });
  await t.createUser('rg_inst', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  const other = await buildInstitution(t.database.db, { townCode: XUJING, status: 'operating' });
  classId = inst.classes[0]!.id;
  otherClassId = other.classes[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

const call = async (who: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
  t.call(method, `${URL}${url}`, { cookie: await t.login(who), ...(body !== undefined ? { body } : {}) });

describe('the register month', () => {
  it('lists the classes in the caller scope', async () => {
    const mine = (await call('rg_inst', 'GET', '/classes')).json() as RegisterClass[];
    expect(mine.map((c) => c.id)).toContain(classId);
    expect(mine.map((c) => c.id)).not.toContain(otherClassId);
    const town = (await call('rg_town', 'GET', '/classes')).json() as RegisterClass[];
    expect(town.map((c) => c.id)).toContain(classId);
    expect(town.map((c) => c.id)).not.toContain(otherClassId);
    const district = (await call('rg_d', 'GET', '/classes')).json() as RegisterClass[];
    expect(district.map((c) => c.id)).toEqual(expect.arrayContaining([classId, otherClassId]));
  });

  it('a month: working days, days saved, per child its days (masked), children-days', async () => {
    // Different birth months: the roster is ordered by birth month (then id).
    for (const [name, birthMonth] of [
      ['测试甲宝', '2024-05'],
      ['测试乙宝', '2024-07'],
    ] as const) {
      const res = await call('rg_inst', 'POST', `/classes/${classId}/roster`, { name, birthMonth });
      kids.push(res.json().id);
    }
    expect(
      (await call('rg_inst', 'PUT', `/classes/${classId}/attendance/2026-02-27`, { present: kids }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('rg_inst', 'PUT', `/classes/${classId}/attendance/2026-02-26`, { present: [kids[0]] }))
        .statusCode,
    ).toBe(200);
    const res = await call('rg_town', 'GET', `/classes/${classId}/register?month=2026-02`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as RegisterMonth;
    expect(m.calendarCovered).toBe(true);
    // February 2026: the Spring Festival (15–23 Feb) off; Saturday 14 and 28 Feb make-up working days.
    expect(m.workingDays).toContain('2026-02-14');
    expect(m.workingDays).toContain('2026-02-28');
    expect(m.workingDays).not.toContain('2026-02-16');
    expect(m.workingDays).not.toContain('2026-02-01');
    expect(m.today).toBe('2026-03-02');
    expect(m.days).toEqual([
      { day: '2026-02-26', presentCount: 1 },
      { day: '2026-02-27', presentCount: 2 },
    ]);
    expect(m.childDays).toBe(3);
    expect(m.minAttendedDays).toBe(10);
    expect(m.children.map((c) => [c.name, c.attended.length, c.counted])).toEqual([
      ['测***', 2, false],
      ['测***', 1, false],
    ]);
    expect(res.body).not.toContain('甲宝');
  });

  it('a month the calendar does not cover says so (no working days)', async () => {
    const m = (await call('rg_inst', 'GET', `/classes/${classId}/register?month=2027-01`)).json();
    expect(m.calendarCovered).toBe(false);
    expect(m.workingDays).toEqual([]);
  });

  it('another institution or town: 404; a bad month: 400 naming month', async () => {
    expect((await call('rg_inst', 'GET', `/classes/${otherClassId}/register?month=2026-02`)).statusCode).toBe(
      404,
    );
    expect((await call('rg_xujing', 'GET', `/classes/${classId}/register?month=2026-02`)).statusCode).toBe(
      404,
    );
    const bad = await call('rg_inst', 'GET', `/classes/${classId}/register?month=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.month');
  });
});

describe('a child leaves the class (离园)', () => {
  it('from a date on: no longer on later registers or tick lists, earlier attendance kept; audited; undone with null', async () => {
    const child = (
      await call('rg_inst', 'POST', `/classes/${classId}/roster`, { name: '测试丙宝', birthMonth: '2024-09' })
    ).json().id as string;
    expect(
      (await call('rg_inst', 'PUT', `/classes/${classId}/attendance/2026-02-25`, { present: [child] }))
        .statusCode,
    ).toBe(200);
    // A leaving date on or before a day attended is refused, naming leftOn; nothing written.
    const early = await call('rg_inst', 'PUT', `/classes/${classId}/roster/${child}/left`, {
      leftOn: '2026-02-25',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'leftOn', rule: 'after_attendance' });
    const future = await call('rg_inst', 'PUT', `/classes/${classId}/roster/${child}/left`, {
      leftOn: '2026-03-03',
    });
    expect(future.json().errors[0]).toMatchObject({ field: 'leftOn', rule: 'not_future' });
    const roster = async () =>
      (await call('rg_inst', 'GET', `/classes/${classId}/roster`)).json().children as {
        id: string;
        leftOn: string | null;
      }[];
    expect((await roster()).find((c) => c.id === child)?.leftOn).toBeNull();

    const left = await call('rg_inst', 'PUT', `/classes/${classId}/roster/${child}/left`, {
      leftOn: '2026-02-26',
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().leftOn).toBe('2026-02-26');
    // Its day before stays; the day after does not list it and refuses it.
    const feb = (await call('rg_inst', 'GET', `/classes/${classId}/register?month=2026-02`)).json();
    expect(feb.children.find((c: { id: string }) => c.id === child)?.attended).toEqual(['2026-02-25']);
    const day = (await call('rg_inst', 'GET', `/classes/${classId}/attendance/2026-02-27`)).json();
    expect(day.marks.map((m: { childId: string }) => m.childId)).not.toContain(child);
    const refused = await call('rg_inst', 'PUT', `/classes/${classId}/attendance/2026-02-27`, {
      present: [child],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'present', rule: 'not_left' });
    // March's register no longer has the child.
    const mar = (await call('rg_inst', 'GET', `/classes/${classId}/register?month=2026-03`)).json();
    expect(mar.children.map((c: { id: string }) => c.id)).not.toContain(child);
    // A town officer reads but does not keep the register; another institution's child is 404.
    expect(
      (await call('rg_town', 'PUT', `/classes/${classId}/roster/${child}/left`, { leftOn: null })).statusCode,
    ).toBe(403);
    expect(
      (await call('rg_inst', 'PUT', `/classes/${otherClassId}/roster/${child}/left`, { leftOn: null }))
        .statusCode,
    ).toBe(404);
    const audit = await t.database.db.execute(
      sql`select changes from audit_log where action = 'operating.roster_leave' and object_id = ${child}`,
    );
    const rows = (audit as unknown as { rows: { changes: unknown }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.changes)).not.toContain('丙宝');
    // Undone: on the register again.
    expect(
      (await call('rg_inst', 'PUT', `/classes/${classId}/roster/${child}/left`, { leftOn: null })).json()
        .leftOn,
    ).toBeNull();
    const back = (await call('rg_inst', 'GET', `/classes/${classId}/register?month=2026-03`)).json();
    expect(back.children.map((c: { id: string }) => c.id)).toContain(child);
  });
});
