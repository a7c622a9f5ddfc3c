/**
 * Issue 17, operating subsidy — the district's settings: no amount → 未设定 (current null), the default
 * minimum days (a local choice, flagged as default), appending amounts with effective date and citation,
 * the amount for a month (in force on its 1st), bad input (400 naming the field, nothing written), a same
 * effective date (409), a stale version (409), who may change them (403 for a town officer and an
 * institution admin), the audit entries.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATING_DEFAULT_MIN_DAYS, type OperatingSettings } from '../../../domain/contracts/operating.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { auditLog } from '../../platform/tables.ts';
import { createOperatingSettingsService } from './service.ts';

let t: TestApp;
const URL = '/api/v1/operating';
let classId = '';
let otherClassId = '';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('op_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('op_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  const inst = await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, status: 'operating' });
  await t.createUser('op_inst', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  const other = await buildInstitution(t.database.db, { townCode: XUJING, status: 'operating' });
  await t.createUser('op_other', 'institution_admin', { kind: 'institution', institutionId: other.id });
  await t.createUser('op_xujing', 'town_officer', { kind: 'division', divisionCode: XUJING });
  classId = inst.classes[0]!.id;
  otherClassId = other.classes[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

const call = async (who: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
  t.call(method, `${URL}${url}`, { cookie: await t.login(who), ...(body !== undefined ? { body } : {}) });

describe('operating settings', () => {
  it('before anything is set: no amount (未设定, null) and the default minimum days, flagged as default', async () => {
    for (const who of ['op_d', 'op_town', 'op_inst']) {
      const res = await call(who, 'GET', '/settings');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        minAttendedDays: OPERATING_DEFAULT_MIN_DAYS,
        minAttendedDaysIsDefault: true,
        version: null,
        rates: [],
        current: null,
      } satisfies OperatingSettings);
    }
    const svc = createOperatingSettingsService({ db: t.database.db });
    expect(await svc.amountForMonth(DISTRICT, '2026-03')).toBeNull();
  });

  it('bad input: 400 naming the field, nothing written', async () => {
    const cases: [unknown, string][] = [
      [{ effectiveFrom: '2026-13-01', amountFen: 30_000, citation: '青卫健〔2026〕1号' }, 'effectiveFrom'],
      [{ effectiveFrom: '2026-03-01', amountFen: 0, citation: '青卫健〔2026〕1号' }, 'amountFen'],
      [{ effectiveFrom: '2026-03-01', amountFen: 300.5, citation: '青卫健〔2026〕1号' }, 'amountFen'],
      [{ effectiveFrom: '2026-03-01', amountFen: 30_000, citation: ' ' }, 'citation'],
      [{ effectiveFrom: '2026-03-01', amountFen: 30_000 }, 'citation'],
    ];
    for (const [body, field] of cases) {
      const res = await call('op_d', 'POST', '/rates', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    for (const minAttendedDays of [0, 24, 2.5]) {
      const res = await call('op_d', 'PUT', '/settings', { minAttendedDays, version: null });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('minAttendedDays');
    }
    expect(await countRows(t, 'operating_rates')).toBe(0);
    expect(await countRows(t, 'operating_settings')).toBe(0);
  });

  it('a town officer and an institution admin may not change them (403, nothing written)', async () => {
    for (const who of ['op_town', 'op_inst']) {
      const body = { effectiveFrom: '2026-01-01', amountFen: 30_000, citation: '青卫健〔2026〕1号' };
      expect((await call(who, 'POST', '/rates', body)).statusCode).toBe(403);
      expect((await call(who, 'PUT', '/settings', { minAttendedDays: 8, version: null })).statusCode).toBe(
        403,
      );
    }
    expect(await countRows(t, 'operating_rates')).toBe(0);
  });

  it('appends amounts with effective date and citation; a month takes the one in force on its 1st', async () => {
    const jan = await call('op_d', 'POST', '/rates', {
      effectiveFrom: '2026-01-01',
      amountFen: 30_000,
      citation: '示例区卫健委 2026 年第 1 号文 第三条',
    });
    expect(jan.statusCode, jan.body).toBe(201);
    expect(jan.json()).toMatchObject({ effectiveFrom: '2026-01-01', amountFen: 30_000, recordedBy: 'op_d' });
    const apr = await call('op_d', 'POST', '/rates', {
      effectiveFrom: '2026-04-15',
      amountFen: 40_000,
      citation: '示例区卫健委 2026 年第 9 号文',
    });
    expect(apr.statusCode).toBe(201);
    const again = await call('op_d', 'POST', '/rates', {
      effectiveFrom: '2026-04-15',
      amountFen: 50_000,
      citation: '重复',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('operating.rate_exists');
    const s = (await call('op_town', 'GET', '/settings')).json() as OperatingSettings;
    expect(s.rates.map((r) => r.effectiveFrom)).toEqual(['2026-04-15', '2026-01-01']);
    expect(s.current?.amountFen).toBe(30_000); // the clock is in March 2026
    const svc = createOperatingSettingsService({ db: t.database.db });
    expect((await svc.amountForMonth(DISTRICT, '2025-12'))?.amountFen ?? null).toBeNull();
    expect((await svc.amountForMonth(DISTRICT, '2026-04'))?.amountFen).toBe(30_000);
    expect((await svc.amountForMonth(DISTRICT, '2026-05'))?.amountFen).toBe(40_000);
    // Another district sees none of them.
    expect(await svc.amountForMonth('310117', '2026-05')).toBeNull();
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'operating.rate'));
    expect(audits).toHaveLength(2);
  });

  it('the minimum days: versioned (stale 409), audited', async () => {
    const set = await call('op_d', 'PUT', '/settings', { minAttendedDays: 8, version: null });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ minAttendedDays: 8, minAttendedDaysIsDefault: false, version: 1 });
    const stale = await call('op_d', 'PUT', '/settings', { minAttendedDays: 12, version: null });
    expect(stale.statusCode).toBe(409);
    const next = await call('op_d', 'PUT', '/settings', { minAttendedDays: 12, version: 1 });
    expect(next.json()).toMatchObject({ minAttendedDays: 12, version: 2 });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'operating.settings'))
      .orderBy(asc(auditLog.seq));
    expect(audits.map((a) => a.changes)).toEqual([
      { minAttendedDays: { from: OPERATING_DEFAULT_MIN_DAYS, to: 8 } },
      { minAttendedDays: { from: 8, to: 12 } },
    ]);
  });
});

describe('attendance register', () => {
  const kids: string[] = [];

  it('the minimum days through time: a change is in force from its month; earlier months keep theirs', async () => {
    // The test clock is in 2026-03: the previous test set 8 and then 12 this month.
    const svc = createOperatingSettingsService({ db: t.database.db });
    expect(await svc.minDaysForMonth(DISTRICT, '2026-02')).toBe(10);
    expect(await svc.minDaysForMonth(DISTRICT, '2026-03')).toBe(12);
    expect(await svc.minDaysForMonth(DISTRICT, '2026-07')).toBe(12);
    const rows = await t.database.db.execute(
      sql`select effective_month::text as m, min_attended_days as n from operating_min_days where district_code = ${DISTRICT}`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ m: '2026-03-01', n: 12 }]);
  });
  it('the institution adds children to its class roster; names are masked in every answer', async () => {
    for (const [name, birthMonth] of [
      ['测试甲宝', '2024-05'],
      ['测试乙宝', '2024-07'],
      ['测试丙宝', '2024-09'],
    ] as const) {
      const res = await call('op_inst', 'POST', `/classes/${classId}/roster`, { name, birthMonth });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().name).toBe(`${name[0]}***`);
      kids.push(res.json().id);
    }
    const roster = await call('op_town', 'GET', `/classes/${classId}/roster`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json().children.map((c: { name: string }) => c.name)).toEqual(['测***', '测***', '测***']);
    expect(roster.body).not.toContain('甲宝');
  });

  it('roster bad input: 400 naming the field, nothing written', async () => {
    const before = await countRows(t, 'operating_children');
    for (const [body, field] of [
      [{ name: '', birthMonth: '2024-05' }, 'name'],
      [{ name: '测试', birthMonth: '2024-13' }, 'birthMonth'],
      [{ name: '测试', birthMonth: '2026-09' }, 'birthMonth'],
    ] as const) {
      const res = await call('op_inst', 'POST', `/classes/${classId}/roster`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect(await countRows(t, 'operating_children')).toBe(before);
  });

  it('another institution, another town: 404; a district officer does not keep the register (403)', async () => {
    expect((await call('op_other', 'GET', `/classes/${classId}/roster`)).statusCode).toBe(404);
    expect((await call('op_xujing', 'GET', `/classes/${classId}/roster`)).statusCode).toBe(404);
    expect((await call('op_other', 'GET', `/classes/${classId}/attendance/2026-03-02`)).statusCode).toBe(404);
    expect(
      (await call('op_other', 'POST', `/classes/${classId}/roster`, { name: '测试', birthMonth: '2024-01' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('op_other', 'PUT', `/classes/${classId}/attendance/2026-03-02`, { present: [] }))
        .statusCode,
    ).toBe(404);
    expect((await call('op_inst', 'GET', `/classes/${otherClassId}/roster`)).statusCode).toBe(404);
    expect(
      (await call('op_d', 'PUT', `/classes/${classId}/attendance/2026-03-02`, { present: [] })).statusCode,
    ).toBe(403);
  });

  it("saves a working day's tick list (replacing the day's marks), audited with counts only", async () => {
    const first = await call('op_inst', 'PUT', `/classes/${classId}/attendance/2026-03-02`, {
      present: [kids[0], kids[1], kids[0]],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().presentCount).toBe(2);
    const again = await call('op_inst', 'PUT', `/classes/${classId}/attendance/2026-03-02`, {
      present: [kids[2]],
    });
    expect(again.json().marks.map((m: { present: boolean }) => m.present)).toEqual([false, false, true]);
    expect(await countRows(t, 'operating_attendance')).toBe(1);
    const seen = await call('op_d', 'GET', `/classes/${classId}/attendance/2026-03-02`);
    expect(seen.json().presentCount).toBe(1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'operating.attendance'))
      .orderBy(asc(auditLog.seq));
    expect(audits.map((a) => a.changes)).toEqual([
      { day: '2026-03-02', present: { from: 0, to: 2 } },
      { day: '2026-03-02', present: { from: 2, to: 1 } },
    ]);
  });

  it('saves of the same class-day at once all succeed, one after the other (the last one wins)', async () => {
    const day = '2026-02-27';
    const sets = [[kids[0]], [kids[1]], [kids[2]], [kids[0], kids[1]], [kids[1], kids[2]], []];
    const answers = await Promise.all(
      sets.map((present) => call('op_inst', 'PUT', `/classes/${classId}/attendance/${day}`, { present })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(sets.map(() => 200));
    const seen = await call('op_d', 'GET', `/classes/${classId}/attendance/${day}`);
    expect(sets.map((p) => p.length)).toContain(seen.json().presentCount);
  });

  it('refuses a weekend, a future day, a year the calendar does not cover and a stranger, naming the field; nothing written', async () => {
    const before = await countRows(t, 'operating_attendance');
    const cases: [string, unknown, string, string][] = [
      ['2026-03-01', { present: [kids[0]] }, 'day', 'working_day'], // a Sunday (Saturday 2026-02-28 was a make-up working day)
      ['2026-03-03', { present: [kids[0]] }, 'day', 'not_future'],
      ['2020-03-02', { present: [kids[0]] }, 'day', 'outside_calendar'],
      ['2026-02-27', { present: ['00000000-0000-7000-8000-000000000000'] }, 'present', 'in_roster'],
      ['2026-02-27', { present: ['x'] }, 'present.0', ''],
    ];
    for (const [day, body, field, rule] of cases) {
      const res = await call('op_inst', 'PUT', `/classes/${classId}/attendance/${day}`, body);
      expect(res.statusCode, `${day} ${res.body}`).toBe(400);
      const e = res.json().errors[0];
      expect(e.field).toBe(field);
      if (rule) expect(e.rule).toBe(rule);
    }
    const outside = await call('op_inst', 'PUT', `/classes/${classId}/attendance/2020-03-02`, {
      present: [],
    });
    expect(outside.json().errors[0].message ?? outside.body).toMatch(/2020/);
    expect(await countRows(t, 'operating_attendance')).toBe(before);
  });
});
