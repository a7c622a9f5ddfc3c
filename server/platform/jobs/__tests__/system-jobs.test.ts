/** The scheduled platform jobs through the real app: holiday-calendar alert and nightly audit check. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../../test/app.ts';
import { recordAudit } from '../../audit/service.ts';
import { notifications } from '../../notifications/tables.ts';
import { auditLog } from '../../tables.ts';
import { createJobs, SYSTEM_ACTOR } from '../index.ts';
import { defineSystemJobs } from '../system-jobs.ts';
import { jobs } from '../tables.ts';

let t: TestApp;
// Usernames: the clock moves by days, so each check logs in afresh (sessions expire when idle).
const district = 'district';
const auditor = 'auditor';
const townOfficer = 'town';
const d = { kind: 'division' as const, divisionCode: DISTRICT };

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', d);
  await t.createUser('town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('auditor', 'audit_admin', d);
});
afterAll(() => t.close());

const unread = async (user: string) =>
  (await t.call('GET', '/api/v1/notifications/unread-count', { cookie: await t.login(user) })).json()
    .unread as number;
const list = async (user: string) =>
  (await t.call('GET', '/api/v1/notifications', { cookie: await t.login(user) })).json();

describe('holiday calendar alert', () => {
  it('says nothing before 2026-11-01, then tells district officers once on 2026-11-02, linking to /admin/calendar', async () => {
    t.clock.advance(Date.parse('2026-10-30T01:00:00Z') - t.clock.now().getTime());
    await t.jobs.runDue();
    expect(await unread(district)).toBe(0);

    t.clock.advance(Date.parse('2026-11-02T01:00:00Z') - t.clock.now().getTime());
    expect(await t.jobs.runDue()).toBeGreaterThanOrEqual(1);
    expect(await unread(district)).toBe(1);
    const page = await list(district);
    expect(page.items[0]).toMatchObject({
      kind: 'calendar.ends_soon',
      titleZh: '节假日日历将于 2026-12-31 到期',
      titleEn: 'The holiday calendar ends on 2026-12-31',
      link: '/admin/calendar',
      readAt: null,
    });
    // Only the district's officers: not a town officer, not the audit admin.
    expect(await unread(townOfficer)).toBe(0);
    expect(await unread(auditor)).toBe(0);

    // The same day again (another process, a restart) and the following days: still one.
    await t.jobs.runDue();
    t.clock.advance(86_400_000);
    await t.jobs.runDue();
    t.clock.advance(86_400_000);
    await t.jobs.runDue();
    expect((await list(district)).total).toBe(1);
    const ran = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'calendar.holiday_alert'), eq(jobs.status, 'succeeded')));
    expect(ran.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ran.map((r) => r.idempotencyKey)).size).toBe(ran.length);
    // The delivery is audited as the system actor.
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'notifications.send'));
    expect(entry).toMatchObject({ actorUsername: SYSTEM_ACTOR, actorId: null });
  });
});

describe('nightly audit-chain verification', () => {
  it('succeeds quietly on an intact chain, and tells the audit admin once when a row was tampered with', async () => {
    const ctx = { actor: null, districtCode: DISTRICT, ip: null, requestId: null, now: t.clock.now() };
    for (let i = 0; i < 3; i++)
      await t.database.db.transaction((tx) => recordAudit(tx, ctx, { action: 'test.event', changes: { i } }));
    t.clock.advance(86_400_000);
    await t.jobs.runDue();
    expect(await unread(auditor)).toBe(0);

    const [victim] = await t.database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.action, 'test.event'));
    await t.database.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await t.database.exec(`UPDATE audit_log SET changes = '{"i": 99}' WHERE seq = ${victim!.seq}`);
    await t.database.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');

    t.clock.advance(86_400_000);
    await t.jobs.runDue();
    expect(await unread(auditor)).toBe(1);
    const item = (await list(auditor)).items[0];
    expect(item).toMatchObject({ kind: 'audit.chain_broken', link: '/admin/audit' });
    expect(item.titleEn).toContain(`entry ${victim!.seq}`);
    expect(await unread(district)).toBe(1); // district officers only have the calendar alert
    t.clock.advance(86_400_000);
    await t.jobs.runDue();
    expect(await unread(auditor)).toBe(1);
    const rows = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'audit.chain_broken'));
    expect(rows).toHaveLength(1);
  });
});

describe('calendar source', () => {
  it('follows the years the district counts with when a module provides them', async () => {
    const runner = createJobs({ db: t.database.db, clock: t.clock, workerId: 'calendar-source' });
    const y2027 = {
      year: 2027,
      notice: 'test',
      issued: '2026-11-01',
      verified: false,
      holidays: [],
      workdays: [],
    };
    defineSystemJobs(runner, { calendarYears: async () => [y2027] });
    t.clock.advance(Date.parse('2026-11-20T01:00:00Z') - t.clock.now().getTime());
    const id = await t.database.db.transaction((tx) =>
      runner.enqueue(tx, { districtCode: DISTRICT, kind: 'calendar.holiday_alert', payload: {} }),
    );
    await runner.runDue();
    expect((await runner.get(DISTRICT, id))?.result).toEqual({ due: false, end: '2027-12-31' });
  });
});
