/**
 * Issue 18: a district enters a year of the working-day calendar; a second officer confirms it.
 * Every year here is made up (server/modules/calendar/factories.ts).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../domain/rules/workdays.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { auditLog } from '../../platform/tables.ts';
import { buildClasses, buildInstitutionInput } from '../institutions/factories.ts';
import { buildCalendarYearInput, buildTestYear2027 } from './factories.ts';
import { getWorkCalendar } from './work-calendar.ts';

let t: TestApp;
const district = { kind: 'division', divisionCode: DISTRICT } as const;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('cal_a', 'district_officer', district);
  await t.createUser('cal_b', 'district_officer', district);
  await t.createUser('cal_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('cal_narrow', 'district_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
});
afterAll(() => t.close());

const at = (iso: string) => t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
const enter = async (who: string, body: unknown) =>
  t.call('POST', '/api/v1/calendar/years', { cookie: await t.login(who), body });
const decide = async (who: string, id: string, verb: string, body: unknown) =>
  t.call('POST', `/api/v1/calendar/years/${id}/${verb}`, { cookie: await t.login(who), body });
const auditOf = (id: string) =>
  t.database.db
    .select({ action: auditLog.action, by: auditLog.actorUsername })
    .from(auditLog)
    .where(and(eq(auditLog.districtCode, DISTRICT), eq(auditLog.objectId, id)))
    .orderBy(auditLog.entryNo);

describe('the year boundary', () => {
  it('a filing submitted on 2026-12-28 is counted across the new year only once 2027 is confirmed', async () => {
    at('2026-12-28T02:00:00Z'); // Monday, 10:00 in Beijing
    let cookie = await t.login('cal_a');
    const created = await t.call('POST', '/api/v1/institutions', { cookie, body: buildInstitutionInput() });
    const classes = await t.call('PUT', `/api/v1/institutions/${created.json().id}/classes`, {
      cookie,
      body: { version: created.json().version, classes: buildClasses() },
    });
    const submit = await t.call('POST', `/api/v1/institutions/${created.json().id}/transitions`, {
      cookie,
      body: { action: 'submit', version: classes.json().version },
    });
    expect(submit.statusCode).toBe(200);

    at('2027-01-12T02:00:00Z');
    const waited = async () => {
      const q = await t.call('GET', '/api/v1/institutions/review-queue', { cookie: await t.login('cal_a') });
      return q.json().items.find((i: { id: string }) => i.id === created.json().id);
    };
    expect(await waited()).toMatchObject({ waitedWorkingDays: null, overdue: false });

    const draft = await enter('cal_a', buildTestYear2027());
    expect(draft.statusCode).toBe(201);
    expect(await waited()).toMatchObject({ waitedWorkingDays: null }); // a draft does not count

    const confirmed = await decide('cal_b', draft.json().id, 'confirm', { version: draft.json().version });
    expect(confirmed.statusCode).toBe(200);
    // Dec 29–31 (3) + Jan 4–8 (5) + Jan 11–12 (2); Jan 1–3 is the made-up New Year range.
    expect(await waited()).toMatchObject({ waitedWorkingDays: 10, overdue: true });

    cookie = await t.login('cal_b');
    const overview = (await t.call('GET', '/api/v1/calendar', { cookie })).json();
    expect(overview.end).toBe('2027-12-31');
    expect(overview.years.at(-1)).toMatchObject({
      year: 2027,
      source: 'local',
      enteredBy: 'cal_a',
      confirmedBy: 'cal_b',
    });
    expect(overview.years[0]).toMatchObject({ year: 2021, source: 'shipped', enteredBy: null });
    expect(await auditOf(draft.json().id)).toEqual([
      { action: 'calendar.enter', by: 'cal_a' },
      { action: 'calendar.confirm', by: 'cal_b' },
    ]);
  });
});

describe('four eyes', () => {
  it('the officer who entered a year cannot confirm or reject it; a second officer can', async () => {
    const draft = await enter('cal_a', buildCalendarYearInput());
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    for (const verb of ['confirm', 'reject']) {
      const own = await decide('cal_a', id, verb, { version: 1, reason: '自审' });
      expect(own.statusCode).toBe(409);
      expect(own.json()).toMatchObject({ code: 'calendar.four_eyes' });
    }
    const stale = await decide('cal_b', id, 'confirm', { version: 7 });
    expect(stale.json()).toMatchObject({ code: 'conflict.stale_version' });
    const notOwn = await decide('cal_b', id, 'withdraw', { version: 1, reason: '撤回' });
    expect(notOwn.json()).toMatchObject({ code: 'calendar.withdraw_own' });
    const noReason = await decide('cal_b', id, 'reject', { version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', rule: 'required' });

    const again = await enter('cal_b', buildCalendarYearInput());
    expect(again.json()).toMatchObject({ code: 'calendar.draft_exists' });

    const rejected = await decide('cal_b', id, 'reject', { version: 1, reason: '文号有误' });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decidedBy: 'cal_b',
      decisionReason: '文号有误',
    });
    expect(await auditOf(id)).toEqual([
      { action: 'calendar.enter', by: 'cal_a' },
      { action: 'calendar.reject', by: 'cal_b' },
    ]);

    const second = await enter('cal_a', buildCalendarYearInput());
    const withdrawn = await decide('cal_a', second.json().id, 'withdraw', { version: 1, reason: '重新录入' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    const twice = await decide('cal_b', second.json().id, 'confirm', { version: 2 });
    expect(twice.json()).toMatchObject({ code: 'conflict.transition' });
  });
});

describe('checks', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['adjusted day on a weekday', { workdays: ['2031-04-28'] }, 'workdays.0', 'calendar.workday_not_weekend'],
    ['date outside the year', { workdays: ['2032-01-04'] }, 'workdays.0', 'calendar.outside_year'],
    [
      'overlapping ranges',
      {
        holidays: [
          { festival: 'labour_day', from: '2031-05-01', to: '2031-05-05' },
          { festival: 'national_day', from: '2031-05-04', to: '2031-05-06' },
        ],
      },
      'holidays.1.from',
      'calendar.ranges_overlap',
    ],
    ['impossible notice date', { noticeDate: '2030-02-30' }, 'noticeDate', 'date.malformed'],
    ['malformed date', { workdays: ['2031/04/27'] }, 'workdays.0', 'invalid_format'],
    [
      'unknown festival',
      { holidays: [{ festival: 'xmas', from: '2031-12-25', to: '2031-12-25' }] },
      'holidays.0.festival',
      'invalid_value',
    ],
  ])('%s → 400 naming the field and rule, nothing written', async (_n, patch, field, rule) => {
    const rows = await countRows(t, 'calendar_years');
    const audits = await countRows(t, 'audit_log');
    const res = await enter('cal_a', { ...buildCalendarYearInput({ year: 2032 }), ...patch, year: 2031 });
    expect(res.statusCode).toBe(400);
    const e = res.json().errors.find((x: { field: string }) => x.field === field);
    expect(e).toMatchObject({ field, rule });
    expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message_en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await countRows(t, 'calendar_years')).toBe(rows);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1); // the login's own entry, nothing else
  });
});

describe('scope', () => {
  it('a town officer cannot read, enter or confirm; a district officer with a town scope cannot enter', async () => {
    const draft = await enter(
      'cal_a',
      buildCalendarYearInput({
        year: 2033,
        holidays: [{ festival: 'labour_day', from: '2033-05-01', to: '2033-05-03' }],
        workdays: [],
      }),
    );
    expect(draft.statusCode).toBe(201);
    const town = await t.login('cal_town');
    expect((await t.call('GET', '/api/v1/calendar', { cookie: town })).statusCode).toBe(403);
    expect((await enter('cal_town', buildCalendarYearInput({ year: 2034 }))).statusCode).toBe(403);
    expect((await decide('cal_town', draft.json().id, 'confirm', { version: 1 })).statusCode).toBe(403);
    const narrow = await enter('cal_narrow', buildCalendarYearInput({ year: 2034 }));
    expect(narrow.json()).toMatchObject({ status: 403, code: 'calendar.district_scope' });
    expect((await decide('cal_narrow', draft.json().id, 'confirm', { version: 1 })).statusCode).toBe(403);
    // The overview of an officer without the district in scope shows no local entries.
    const overview = (
      await t.call('GET', '/api/v1/calendar', { cookie: await t.login('cal_narrow') })
    ).json();
    expect(overview.drafts).toEqual([]);
  });
});

describe('a year that also ships with the platform', () => {
  const festivals = [
    'new_year',
    'spring_festival',
    'qingming',
    'labour_day',
    'dragon_boat',
    'mid_autumn',
    'national_day',
  ] as const;
  const shipped2026 = (workdays: string[]) =>
    buildCalendarYearInput({
      year: 2026,
      noticeDate: '2025-11-04',
      holidays: [
        ['2026-01-01', '2026-01-03'],
        ['2026-02-15', '2026-02-23'],
        ['2026-04-04', '2026-04-06'],
        ['2026-05-01', '2026-05-05'],
        ['2026-06-19', '2026-06-21'],
        ['2026-09-25', '2026-09-27'],
        ['2026-10-01', '2026-10-07'],
      ].map(([from, to], i) => ({ festival: festivals[i]!, from: from!, to: to! })),
      workdays,
    });
  const all = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

  it('cannot be entered identically, and a different confirmed version is shown as a difference and counts', async () => {
    const same = await enter('cal_a', shipped2026(all));
    expect(same.json()).toMatchObject({ code: 'calendar.same_as_shipped' });

    const differing = await enter('cal_a', shipped2026(all.filter((d) => d !== '2026-10-10')));
    expect(differing.statusCode).toBe(201);
    expect(differing.json().warnings).toEqual([]);
    expect((await decide('cal_b', differing.json().id, 'confirm', { version: 1 })).statusCode).toBe(200);

    const cookie = await t.login('cal_a');
    const diff = (await t.call('GET', '/api/v1/calendar/differences', { cookie })).json();
    expect(diff.items).toEqual([
      {
        year: 2026,
        localId: differing.json().id,
        holidaysOnlyShipped: [],
        holidaysOnlyLocal: [],
        workdaysOnlyShipped: ['2026-10-10'],
        workdaysOnlyLocal: [],
        counting: 'local',
      },
    ]);
    const overview = (await t.call('GET', '/api/v1/calendar', { cookie })).json();
    expect(overview.years.find((y: { year: number }) => y.year === 2026)).toMatchObject({
      source: 'local',
      differs: true,
      confirmedBy: 'cal_b',
    });
    // The confirmed local year counts: Saturday 2026-10-10 is no longer a working day.
    const cal = await getWorkCalendar(t.database.db, DISTRICT);
    expect(isWorkingDay('2026-10-10', cal)).toEqual({ ok: true, working: false });
  });
});

describe('a correction of a confirmed year', () => {
  it('supersedes the earlier confirmed entry once a second officer confirms it', async () => {
    const year = (workdays: string[]) =>
      buildCalendarYearInput({
        year: 2035,
        holidays: [{ festival: 'labour_day', from: '2035-05-01', to: '2035-05-03' }],
        workdays,
      });
    const first = await enter('cal_a', year(['2035-04-29'])); // a Sunday
    await decide('cal_b', first.json().id, 'confirm', { version: 1 });
    const second = await enter('cal_b', year(['2035-05-05'])); // a Saturday
    expect(second.statusCode).toBe(201);
    expect((await decide('cal_a', second.json().id, 'confirm', { version: 1 })).statusCode).toBe(200);

    const overview = (await t.call('GET', '/api/v1/calendar', { cookie: await t.login('cal_a') })).json();
    expect(overview.years.find((y: { year: number }) => y.year === 2035)).toMatchObject({
      source: 'local',
      enteredBy: 'cal_b',
      confirmedBy: 'cal_a',
    });
    expect(overview.history.find((e: { id: string }) => e.id === first.json().id)).toMatchObject({
      status: 'superseded',
    });
    const cal = await getWorkCalendar(t.database.db, DISTRICT);
    expect(isWorkingDay('2035-05-05', cal)).toEqual({ ok: true, working: true });
    expect(isWorkingDay('2035-04-29', cal)).toEqual({ ok: true, working: false });
    expect((await auditOf(second.json().id)).map((a) => a.action)).toEqual([
      'calendar.enter',
      'calendar.confirm',
    ]);
  });
});
