/**
 * Guardians' rights (issue 11): a parent exports their own family's data only (masked numbers; another
 * family is 404), asks for a correction or deletion; the request's deadline is 15 working days on the
 * district's calendar (a holiday week counted; an uncovered date says so instead of guessing); the
 * officers of the family's town handle it (another town: 404); a deletion anonymises the family.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildFamily, XJ_COMMUNITY, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { notifications } from '../../platform/notifications/tables.ts';
import { auditLog } from '../../platform/tables.ts';
import { buildCalendarYearInput } from '../calendar/factories.ts';

let t: TestApp;
let famA: Awaited<ReturnType<typeof buildFamily>>;
let famB: Awaited<ReturnType<typeof buildFamily>>;
const ids: Record<string, string> = {};

const at = (iso: string) => t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
const as = async (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await t.login(who), body });
const notificationsOf = (who: string) =>
  t.database.db
    .select({ kind: notifications.kind, bodyZh: notifications.bodyZh })
    .from(notifications)
    .where(eq(notifications.accountId, ids[who]!));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  famA = await buildFamily(db, { seq: 41, communityCode: ZJJ_COMMUNITY });
  famB = await buildFamily(db, { seq: 42, communityCode: XJ_COMMUNITY });
  const division = (divisionCode: string) => ({ kind: 'division' as const, divisionCode });
  ids.district = await t.createUser('r-district', 'district_officer', division(DISTRICT));
  ids.district2 = await t.createUser('r-district2', 'district_officer', division(DISTRICT));
  ids.zjj = await t.createUser('r-town-zjj', 'town_officer', division(ZHUJIAJIAO));
  ids.xj = await t.createUser('r-town-xj', 'town_officer', division(XUJING));
  ids.parentA = await t.createUser('r-parent-a', 'parent', { kind: 'family', familyId: famA.familyId });
  ids.parentB = await t.createUser('r-parent-b', 'parent', { kind: 'family', familyId: famB.familyId });
});
afterAll(() => t.close());

describe('export', () => {
  it("holds the parent's family only, numbers masked; another family is 404; audited without personal data", async () => {
    const other = await as('r-parent-b', 'POST', '/api/v1/families/requests', {
      kind: 'correction',
      guardianId: famB.guardianId,
      field: 'address',
      text: '徐泾镇测试路 42 号 2 室',
    });
    expect(other.statusCode).toBe(201);

    // A district activity famA and famB signed up for (set up directly; sign-up itself is guidance.test.ts).
    const db = t.database.db;
    const sessionId = '01900000-0000-7000-8000-0000000000a1';
    await db.execute(sql`insert into family_sessions (district_code, id, station_id, town_code, topic, title, place,
      starts_at, capacity, signed_up, status, created_at, updated_at) values (${DISTRICT}, ${sessionId}, null, null,
      'sleep', '导出测试活动', '区妇幼保健所', '2026-02-10T02:00:00Z', 10, 2, 'held', now(), now())`);
    for (const [i, f] of [famA, famB].entries())
      await db.execute(sql`insert into family_session_signups (district_code, id, session_id, family_id, town_code,
        signed_up_at, attended, attendance_recorded_at, cancelled_at) values (${DISTRICT},
        ${`01900000-0000-7000-8000-0000000000b${i}`}, ${sessionId}, ${f.familyId}, ${XUJING}, now(), true, now(), null)`);
    // An online registration and a handbook given, for each family (set up directly).
    for (const [i, f] of [famA, famB].entries()) {
      await db.execute(sql`insert into family_online_registrations (district_code, id, family_id, town_code, platform,
        registered_on, channel, recorded_by, created_at) values (${DISTRICT}, ${`01900000-0000-7000-8000-0000000000c${i}`},
        ${f.familyId}, ${ZHUJIAJIAO}, 'yuzhiyoudao', '2026-02-01', 'portal', ${f.familyId}, now())`);
      await db.execute(sql`insert into family_distributions (district_code, id, family_id, town_code, item, given_on,
        given_by, given_by_name, note, created_at) values (${DISTRICT}, ${`01900000-0000-7000-8000-0000000000e${i}`},
        ${f.familyId}, ${ZHUJIAJIAO}, 'handbook', '2026-02-02', ${f.familyId}, '测试人员', null, now())`);
    }
    const res = await as('r-parent-a', 'GET', `/api/v1/families/${famA.familyId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.json().onlineRegistrations.map((r: { id: string }) => r.id)).toEqual([
      '01900000-0000-7000-8000-0000000000c0',
    ]);
    expect(res.json().distributions.map((r: { id: string }) => r.id)).toEqual([
      '01900000-0000-7000-8000-0000000000e0',
    ]);
    expect(res.json().guidance).toMatchObject([
      {
        familyId: famA.familyId,
        year: 2026,
        attended: 1,
        items: [{ title: '导出测试活动', attended: true }],
      },
    ]);
    for (const other of ['b1', 'c1', 'e1'])
      expect(res.body).not.toContain(`01900000-0000-7000-8000-0000000000${other}`);
    const body = res.json();
    expect(body.masked).toBe(true);
    expect(body.family.id).toBe(famA.familyId);
    expect(body.family.children.map((c: { id: string }) => c.id)).toEqual([famA.childId]);
    expect(body.family.children[0].idNumber).toBe(`310118********${famA.record.childIdNumber.slice(-4)}`);
    expect(body.family.guardians[0].mobile).toMatch(/^139\*{4}\d{4}$/);
    expect(body).toHaveProperty('bookings');
    expect(body).toHaveProperty('applications');
    expect(body.requests).toEqual([]);
    const text = res.body;
    expect(text).not.toContain(famA.record.childIdNumber);
    expect(text).not.toContain(famA.record.guardians[0]!.mobile);
    for (const secret of [famB.familyId, famB.childId, famB.record.childName, other.json().id])
      expect(text).not.toContain(secret);

    expect((await as('r-parent-a', 'GET', `/api/v1/families/${famB.familyId}/export`)).statusCode).toBe(404);
    expect((await as('r-district', 'GET', `/api/v1/families/${famA.familyId}/export`)).statusCode).toBe(403);

    const [audit] = await t.database.db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'families.export'), eq(auditLog.objectId, famA.familyId)));
    expect(audit?.changes).toMatchObject({ children: 1, guardians: 1 });
    expect(JSON.stringify(audit)).not.toContain(famA.record.childName);
  });
});

describe('requests', () => {
  it.each([
    [
      'an empty correction text',
      { kind: 'correction', field: 'child_name', text: '   ' },
      'text',
      'required',
    ],
    ['a correction without the field', { kind: 'correction', text: '名字应为测试' }, 'field', 'required'],
  ])('refuses %s: 400 naming the field, nothing written', async (_n, patch, field, rule) => {
    const before = await countRows(t, 'family_requests');
    const res = await as('r-parent-a', 'POST', '/api/v1/families/requests', {
      guardianId: famA.guardianId,
      ...patch,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field, rule }));
    expect(res.json().errors[0].message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await countRows(t, 'family_requests')).toBe(before);
  });

  it("refuses another family's guardian (400 guardianId), and an officer cannot submit (403)", async () => {
    const before = await countRows(t, 'family_requests');
    const res = await as('r-parent-a', 'POST', '/api/v1/families/requests', {
      kind: 'deletion',
      guardianId: famB.guardianId,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'guardianId', rule: 'not_your_family' });
    const officer = await as('r-district', 'POST', '/api/v1/families/requests', {
      kind: 'deletion',
      guardianId: famA.guardianId,
    });
    expect(officer.statusCode).toBe(403);
    expect(await countRows(t, 'family_requests')).toBe(before);
  });

  it('a correction is due in 15 working days; the town is told; another town sees nothing (404); rejection needs a reason', async () => {
    at('2026-03-02T02:00:00Z'); // Monday
    const res = await as('r-parent-a', 'POST', '/api/v1/families/requests', {
      kind: 'correction',
      guardianId: famA.guardianId,
      field: 'child_name',
      text: '孩子的名字应为测试宝宝四十一',
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    // 3–6, 9–13, 16–20 March (14 working days) and Monday 23 March.
    expect(r).toMatchObject({
      status: 'submitted',
      dueOn: '2026-03-23',
      calendarCovered: true,
      overdue: false,
    });
    expect(r.permittedActions).toEqual([]);

    expect(await notificationsOf('zjj')).toContainEqual(
      expect.objectContaining({ kind: 'families.request_submitted' }),
    );
    expect(await notificationsOf('district')).toContainEqual(
      expect.objectContaining({ kind: 'families.request_submitted' }),
    );
    expect((await notificationsOf('xj')).filter((n) => n.kind === 'families.request_submitted')).toHaveLength(
      1,
    ); // famB's own request only

    const xjList = (await as('r-town-xj', 'GET', '/api/v1/families/requests')).json();
    expect(xjList.items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    const xjHandle = await as('r-town-xj', 'POST', `/api/v1/families/requests/${r.id}/transitions`, {
      action: 'complete',
      version: 1,
    });
    expect(xjHandle.statusCode).toBe(404);

    const zjjList = (await as('r-town-zjj', 'GET', '/api/v1/families/requests')).json();
    const seen = zjjList.items.find((i: { id: string }) => i.id === r.id);
    expect(seen).toMatchObject({ permittedActions: ['complete', 'reject'], guardianName: '测试妈妈41' });

    at('2026-03-24T02:00:00Z');
    const overdue = (await as('r-town-zjj', 'GET', '/api/v1/families/requests?overdue=true')).json();
    expect(overdue.items).toEqual([expect.objectContaining({ id: r.id, overdue: true })]);

    const noReason = await as('r-town-zjj', 'POST', `/api/v1/families/requests/${r.id}/transitions`, {
      action: 'reject',
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', rule: 'required' });
    const rejected = await as('r-town-zjj', 'POST', `/api/v1/families/requests/${r.id}/transitions`, {
      action: 'reject',
      reason: '出生医学证明上的姓名与登记一致',
      version: 1,
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', overdue: false, permittedActions: [] });
    expect(await notificationsOf('parentA')).toContainEqual(
      expect.objectContaining({ kind: 'families.request_handled' }),
    );
    const again = await as('r-town-zjj', 'POST', `/api/v1/families/requests/${r.id}/transitions`, {
      action: 'complete',
      version: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('families.request_handled');
  });

  it('a completed deletion anonymises the family: no name, ID or phone left in its rows', async () => {
    const parentASession = await t.login('r-parent-a');
    const res = await as('r-parent-a', 'POST', '/api/v1/families/requests', {
      kind: 'deletion',
      guardianId: famA.guardianId,
      text: '孩子已上幼儿园，不再需要服务',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'deletion', field: null, text: '孩子已上幼儿园，不再需要服务' });
    const done = await as('r-district', 'POST', `/api/v1/families/requests/${res.json().id}/transitions`, {
      action: 'complete',
      version: 1,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', text: null, guardianName: '已匿名' });
    const db = t.database.db;
    const rows = JSON.stringify(
      await Promise.all(
        ['families', 'family_children', 'family_guardians', 'family_consents', 'family_requests'].map((tbl) =>
          db.execute(
            sql`select * from ${sql.identifier(tbl)} where ${sql.identifier(tbl === 'families' ? 'id' : 'family_id')} = ${famA.familyId}`,
          ),
        ),
      ),
    );
    for (const secret of [
      famA.record.childName,
      famA.record.guardians[0]!.name,
      famA.record.address,
      '孩子的名字应为测试宝宝四十一',
      '孩子已上幼儿园',
    ])
      expect(rows).not.toContain(secret);
    const [g] = (
      (await db.execute(
        sql`select id_number, id_number_bidx, mobile from family_guardians where family_id = ${famA.familyId}`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    expect(g).toEqual({ id_number: null, id_number_bidx: null, mobile: null });
    const [c] = (
      (await db.execute(
        sql`select id_number, id_number_bidx, child_name from family_children where family_id = ${famA.familyId}`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    expect(c).toEqual({ id_number: null, id_number_bidx: null, child_name: '已匿名' });
    // The parent's account ends with the data: the open session and any new login are refused.
    const more = await t.call('POST', '/api/v1/families/requests', {
      cookie: parentASession,
      body: { kind: 'deletion', guardianId: famA.guardianId },
    });
    expect(more.statusCode).toBe(401);
    await expect(t.login('r-parent-a')).rejects.toThrow(/401/);
    const [account] = (
      (await db.execute(
        sql`select username, display_name, disabled from users where id = ${ids.parentA!}`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    expect(account).toEqual({
      username: `anonymised-${ids.parentA}`,
      display_name: '已匿名',
      disabled: true,
    });
    const audit = await db.execute(
      sql`select changes from audit_log where action = 'families.request_complete' order by entry_no desc limit 1`,
    );
    expect(JSON.stringify(audit)).toContain('"accounts":1');
  });
});

describe('the deadline on the district calendar', () => {
  it('says the calendar does not cover it (no guess), then counts over the holiday week once the year is confirmed', async () => {
    at('2031-09-26T02:00:00Z'); // Friday
    const res = await as('r-parent-b', 'POST', '/api/v1/families/requests', {
      kind: 'deletion',
      guardianId: famB.guardianId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ dueOn: null, calendarCovered: false, overdue: false });

    const draft = await as('r-district', 'POST', '/api/v1/calendar/years', buildCalendarYearInput());
    expect(draft.statusCode).toBe(201);
    const confirmed = await as('r-district2', 'POST', `/api/v1/calendar/years/${draft.json().id}/confirm`, {
      version: draft.json().version,
    });
    expect(confirmed.statusCode).toBe(200);
    const list = (await as('r-town-xj', 'GET', '/api/v1/families/requests?status=submitted')).json();
    // 15 working days after Fri 26 Sep 2031: Sun 28 Sep is worked, 1–7 October are off → Thu 23 October.
    expect(list.items.find((i: { id: string }) => i.id === res.json().id)).toMatchObject({
      dueOn: '2031-10-23',
      calendarCovered: true,
    });
  });
});
