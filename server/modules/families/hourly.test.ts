/**
 * Hourly care (计时制) and applications (issue 11): no overbooking under contention (100 parallel
 * bookings for 10 places give exactly 10), the deadline, a cancellation promoting the waitlist with a
 * notification; applications only to operating institutions, offers within the class bands and
 * capacity, institutions see only applications naming them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { addChildren, buildFamily, XJ_COMMUNITY, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';

let t: TestApp;
let inst: { id: string };
let otherInst: { id: string };
let draftInst: { id: string };
let admin: string;
let otherAdmin: string;
let parentA: string;
let parentB: string;
let famA: Awaited<ReturnType<typeof buildFamily>>;
let famB: Awaited<ReturnType<typeof buildFamily>>;
let kids: string[];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now();
  inst = await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, now });
  otherInst = await buildInstitution(db, { status: 'operating', townCode: XUJING, now });
  draftInst = await buildInstitution(db, { status: 'draft', townCode: ZHUJIAJIAO, now });
  famA = await buildFamily(db, { seq: 21, birthDate: '2024-09-15', communityCode: ZJJ_COMMUNITY, now });
  famB = await buildFamily(db, { seq: 22, birthDate: '2024-10-15', communityCode: XJ_COMMUNITY, now });
  kids = [famA.childId, ...(await addChildren(db, famA.familyId, 99, { now }))];
  await t.createUser('inst-admin', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  await t.createUser('other-admin', 'institution_admin', {
    kind: 'institution',
    institutionId: otherInst.id,
  });
  await t.createUser('parent-a', 'parent', { kind: 'family', familyId: famA.familyId });
  await t.createUser('parent-b', 'parent', { kind: 'family', familyId: famB.familyId });
  admin = await t.login('inst-admin');
  otherAdmin = await t.login('other-admin');
  parentA = await t.login('parent-a');
  parentB = await t.login('parent-b');
});
afterAll(() => t.close());

async function slot(capacity: number, date = '2026-03-05') {
  const res = await t.call('POST', '/api/v1/families/slots', {
    cookie: admin,
    body: { date, startTime: '09:00', endTime: '11:00', capacity, cancelHoursBefore: 2 },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; capacity: number };
}

describe('hourly care', () => {
  it('100 parallel bookings for 10 places give exactly 10', async () => {
    const s = await slot(10);
    const results = await Promise.all(
      kids.map((childId) =>
        t.call('POST', `/api/v1/families/slots/${s.id}/bookings`, { cookie: parentA, body: { childId } }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(90);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('families.slot_full');
    const rows = await t.database.db.execute(
      sql`select booked, (select count(*)::int from family_bookings b where b.slot_id = s.id and b.status = 'booked') as n
          from family_slots s where s.id = ${s.id}`,
    );
    expect((rows as unknown as { rows: { booked: number; n: number }[] }).rows[0]).toEqual({
      booked: 10,
      n: 10,
    });
    // One audit entry per booking written (in the booking's own statement), none for the refused.
    const trail = await t.database.db.execute(
      sql`select a.changes->>'status' as status, a.actor_username as who, a.object_id = b.id::text as same
          from audit_log a left join family_bookings b on b.id::text = a.object_id
          where a.action = 'families.book' and a.changes->>'slotId' = ${s.id}`,
    );
    const entries = (trail as unknown as { rows: { status: string; who: string; same: boolean }[] }).rows;
    expect(entries).toHaveLength(10);
    expect(entries.every((e) => e.status === 'booked' && e.same && e.who)).toBe(true);
  });

  it('the same child booked 10 times in parallel: one place taken, one booking row', async () => {
    const s = await slot(5, '2026-03-07');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('POST', `/api/v1/families/slots/${s.id}/bookings`, {
          cookie: parentA,
          body: { childId: kids[2] },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
    // Whether a request lost the race at the check or at the unique index (PostgreSQL), the parent is
    // told the same thing.
    expect(new Set(results.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(
      new Set(['families.already_booked']),
    );
    const rows = await t.database.db.execute(
      sql`select booked, (select count(*)::int from family_bookings b where b.slot_id = s.id) as n
          from family_slots s where s.id = ${s.id}`,
    );
    expect((rows as unknown as { rows: { booked: number; n: number }[] }).rows[0]).toEqual({
      booked: 1,
      n: 1,
    });
  });

  it("another family's child, the same child twice, an unknown slot: refused, nothing written", async () => {
    const s = await slot(5, '2026-03-06');
    const book = (cookie: string, childId: string, slotId = s.id) =>
      t.call('POST', `/api/v1/families/slots/${slotId}/bookings`, { cookie, body: { childId } });
    expect((await book(parentA, kids[0]!)).statusCode).toBe(201);
    const state = async () => ({
      bookings: await countRows(t, 'family_bookings'),
      audit: await countRows(t, 'audit_log'),
      booked: (
        (await t.database.db.execute(sql`select booked from family_slots where id = ${s.id}`)) as unknown as {
          rows: { booked: number }[];
        }
      ).rows[0]!.booked,
    });
    const before = await state();
    expect(before.booked).toBe(1);
    const notMine = await book(parentB, kids[1]!);
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().errors[0]).toMatchObject({ field: 'childId', rule: 'not_your_child' });
    const twice = await book(parentA, kids[0]!);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('families.already_booked');
    const unknown = await book(parentA, kids[1]!, '01900000-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('a cancellation promotes the first on the waitlist and notifies them; past the deadline nothing moves', async () => {
    const s = await slot(1, '2026-03-06');
    const first = await t.call('POST', `/api/v1/families/slots/${s.id}/bookings`, {
      cookie: parentA,
      body: { childId: famA.childId },
    });
    expect(first.json().status).toBe('booked');
    const full = await t.call('POST', `/api/v1/families/slots/${s.id}/bookings`, {
      cookie: parentB,
      body: { childId: famB.childId },
    });
    expect(full.statusCode).toBe(409);
    const wait = await t.call('POST', `/api/v1/families/slots/${s.id}/bookings`, {
      cookie: parentB,
      body: { childId: famB.childId, waitlist: true },
    });
    expect(wait.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const waitEntry = await t.database.db.execute(
      sql`select changes->>'status' as status from audit_log where action = 'families.book' and object_id = ${wait.json().id}`,
    );
    expect((waitEntry as unknown as { rows: { status: string }[] }).rows).toEqual([{ status: 'waitlisted' }]);
    // Parent B cannot cancel parent A's booking (not found).
    expect(
      (await t.call('POST', `/api/v1/families/bookings/${first.json().id}/cancel`, { cookie: parentB }))
        .statusCode,
    ).toBe(404);
    const c = await t.call('POST', `/api/v1/families/bookings/${first.json().id}/cancel`, {
      cookie: parentA,
    });
    expect(c.statusCode).toBe(200);
    expect(c.json().status).toBe('cancelled');
    const mine = (await t.call('GET', '/api/v1/families/bookings', { cookie: parentB })).json();
    expect(mine.items.find((b: { id: string }) => b.id === wait.json().id).status).toBe('booked');
    const notes = (await t.call('GET', '/api/v1/notifications', { cookie: parentB })).json();
    expect(JSON.stringify(notes)).toContain('families.waitlist_promoted');
  });

  it('past the deadline neither booking nor cancelling', async () => {
    // Today 12:00 China time (04:00Z), deadline 2 h before (02:00Z); the clock is at 01:00Z.
    const s = await t.call('POST', '/api/v1/families/slots', {
      cookie: admin,
      body: { date: '2026-03-02', startTime: '12:00', endTime: '13:00', capacity: 5, cancelHoursBefore: 2 },
    });
    expect(s.statusCode).toBe(201);
    const b = await t.call('POST', `/api/v1/families/slots/${s.json().id}/bookings`, {
      cookie: parentB,
      body: { childId: famB.childId },
    });
    expect(b.statusCode).toBe(201);
    t.clock.advanceMinutes(90);
    // Sessions idle out meanwhile: log in again.
    admin = await t.login('inst-admin');
    otherAdmin = await t.login('other-admin');
    parentA = await t.login('parent-a');
    parentB = await t.login('parent-b');
    const late = await t.call('POST', `/api/v1/families/bookings/${b.json().id}/cancel`, { cookie: parentB });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('families.booking_closed');
    const lateBook = await t.call('POST', `/api/v1/families/slots/${s.json().id}/bookings`, {
      cookie: parentA,
      body: { childId: famA.childId },
    });
    expect(lateBook.json().code).toBe('families.booking_closed');
  });
});

describe('applications', () => {
  it('refuses a non-operating institution and more than three choices; nothing written', async () => {
    const before = await countRows(t, 'family_applications');
    const bad = await t.call('POST', '/api/v1/families/applications', {
      cookie: parentA,
      body: {
        childId: famA.childId,
        preferences: [draftInst.id],
        serviceForm: 'full_day',
        startDate: '2026-09-01',
      },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().code).toBe('families.institution_not_operating');
    const four = await t.call('POST', '/api/v1/families/applications', {
      cookie: parentA,
      body: {
        childId: famA.childId,
        preferences: [inst.id, otherInst.id, draftInst.id, famA.familyId],
        serviceForm: 'full_day',
        startDate: '2026-09-01',
      },
    });
    expect(four.statusCode).toBe(400);
    expect(four.json().errors[0].field).toBe('preferences');
    expect(await countRows(t, 'family_applications')).toBe(before);
  });

  it('submitted → offered → accepted → enrolled, or offered → declined; seen only by the institutions named', async () => {
    const a = await t.call('POST', '/api/v1/families/applications', {
      cookie: parentA,
      body: {
        childId: famA.childId,
        preferences: [inst.id],
        serviceForm: 'full_day',
        startDate: '2026-09-01',
      },
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      status: 'submitted',
      waitlistPosition: 1,
      permittedActions: ['withdraw'],
    });
    t.clock.advanceMinutes(1);
    const b = await t.call('POST', '/api/v1/families/applications', {
      cookie: parentB,
      body: {
        childId: famB.childId,
        preferences: [inst.id, otherInst.id],
        serviceForm: 'half_day',
        startDate: '2026-09-01',
      },
    });
    expect(b.json().waitlistPosition).toBe(2);
    const seen = (await t.call('GET', '/api/v1/families/applications', { cookie: admin })).json();
    expect(seen.total).toBe(2);
    expect(seen.items[0].permittedActions).toEqual(['offer']);
    const other = (await t.call('GET', '/api/v1/families/applications', { cookie: otherAdmin })).json();
    expect(other.items.map((x: { id: string }) => x.id)).toEqual([b.json().id]);
    expect((await t.call('GET', '/api/v1/families/applications', { cookie: parentB })).json().total).toBe(1);
    const go = async (cookie: string, id: string, action: string, version: number) =>
      t.call('POST', `/api/v1/families/applications/${id}/transitions`, {
        cookie,
        body: { action, version },
      });
    expect((await go(otherAdmin, a.json().id, 'offer', 1)).statusCode).toBe(404);
    const offered = await go(admin, a.json().id, 'offer', 1);
    expect(offered.statusCode).toBe(200);
    expect(offered.json()).toMatchObject({ status: 'offered', offeredInstitutionId: inst.id });
    expect((await go(parentA, a.json().id, 'enroll', 2)).statusCode).toBe(409);
    const accepted = await go(parentA, a.json().id, 'accept', 2);
    expect(accepted.json().status).toBe('accepted');
    const before = (await t.call('GET', `/api/v1/institutions/${inst.id}`, { cookie: admin })).json()
      .enrolled;
    const enrolled = await go(admin, a.json().id, 'enroll', 3);
    expect(enrolled.json().status).toBe('enrolled');
    const after = (await t.call('GET', `/api/v1/institutions/${inst.id}`, { cookie: admin })).json().enrolled;
    expect(after).toBe(before + 1);

    // The second family declines the place it is offered: nothing is enrolled, and the declined
    // application takes no further step (not accepted, not enrolled, not offered again).
    const bId = b.json().id;
    const otherBefore = (
      await t.call('GET', `/api/v1/institutions/${otherInst.id}`, { cookie: otherAdmin })
    ).json().enrolled;
    expect((await go(admin, bId, 'decline', 1)).statusCode).toBe(409); // not offered yet
    const offeredB = await go(otherAdmin, bId, 'offer', 1);
    expect(offeredB.json()).toMatchObject({ status: 'offered', offeredInstitutionId: otherInst.id });
    expect((await go(otherAdmin, bId, 'decline', 2)).statusCode).toBe(403); // the family's step
    expect((await go(parentA, bId, 'decline', 2)).statusCode).toBe(404); // another family
    const declined = await go(parentB, bId, 'decline', 2);
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', permittedActions: [] });
    for (const [cookie, action] of [
      [parentB, 'accept'],
      [otherAdmin, 'enroll'],
      [otherAdmin, 'offer'],
    ] as const)
      expect((await go(cookie, bId, action, 3)).statusCode).toBe(409);
    const otherAfter = (
      await t.call('GET', `/api/v1/institutions/${otherInst.id}`, { cookie: otherAdmin })
    ).json().enrolled;
    expect(otherAfter).toBe(otherBefore);
    const trail = await t.database.db.execute(
      sql`select action from audit_log where object_id = ${bId} order by entry_no`,
    );
    expect((trail as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'families.apply',
      'families.application_offer',
      'families.application_decline',
    ]);
  });
});
