/**
 * Family guidance (issue 11): stations (one per town), sessions, sign-up and attendance — no
 * overbooking (30 parallel sign-ups for 10 places give exactly 10), bad input named and nothing
 * written, consent withdrawal stops sign-up and the lists skip the family, scope (guidance staff by
 * their town, a parent by their family), the yearly count against 6, and the two plan measures on a
 * hand-built data set.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildFamily, XJ_COMMUNITY, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { districtActor } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { familyConsents, familySessionSignups, familySessions, familyStations } from './tables.ts';
import { familyTargets } from './targets.ts';

type Fam = Awaited<ReturnType<typeof buildFamily>>;

async function consent(t: TestApp, f: Fam, status: 'given' | 'withdrawn' = 'given') {
  const now = t.clock.now();
  await t.database.db.insert(familyConsents).values({
    districtCode: DISTRICT,
    id: uuidv7(now.getTime()),
    familyId: f.familyId,
    guardianId: f.guardianId,
    purpose: 'guidance_signup',
    status,
    noticeVersion: 'test-v1',
    channel: 'paper',
    givenAt: now,
    withdrawnAt: status === 'withdrawn' ? now : null,
  });
}

describe('guidance stations, sessions, sign-up and attendance', () => {
  let t: TestApp;
  let district: string;
  let staffZ: string;
  let staffX: string;
  let parentA: string;
  let parentB: string;
  let famA: Fam;
  let famB: Fam;
  let crowd: Fam[];
  let stationZ: { id: string };
  let stationX: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const now = t.clock.now();
    famA = await buildFamily(db, { seq: 31, birthDate: '2025-01-15', communityCode: ZJJ_COMMUNITY, now });
    famB = await buildFamily(db, { seq: 32, birthDate: '2025-02-15', communityCode: XJ_COMMUNITY, now });
    crowd = [];
    for (let i = 0; i < 30; i++)
      crowd.push(
        await buildFamily(db, { seq: 100 + i, birthDate: '2024-11-20', communityCode: ZJJ_COMMUNITY, now }),
      );
    for (const f of crowd) await consent(t, f);
    await consent(t, famB);
    await t.createUser('g-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
    await t.createUser('g-staff-z', 'guidance_staff', { kind: 'division', divisionCode: ZHUJIAJIAO });
    await t.createUser('g-staff-x', 'guidance_staff', { kind: 'division', divisionCode: XUJING });
    await t.createUser('g-parent-a', 'parent', { kind: 'family', familyId: famA.familyId });
    await t.createUser('g-parent-b', 'parent', { kind: 'family', familyId: famB.familyId });
    district = await t.login('g-district');
    staffZ = await t.login('g-staff-z');
    staffX = await t.login('g-staff-x');
    parentA = await t.login('g-parent-a');
    parentB = await t.login('g-parent-b');
  });
  afterAll(() => t.close());

  const station = (townCode: string, name: string) => ({
    townCode,
    name,
    hostName: `${name}依托幼儿园`,
    address: '测试路 1 号',
    openedYear: 2022,
  });

  it('the district registers one station per town; bad input is named and nothing is written', async () => {
    const z = await t.call('POST', '/api/v1/families/guidance/stations', {
      cookie: district,
      body: station(ZHUJIAJIAO, '朱家角镇家庭科学育儿指导站'),
    });
    expect(z.statusCode).toBe(201);
    stationZ = z.json();
    const x = await t.call('POST', '/api/v1/families/guidance/stations', {
      cookie: district,
      body: station(XUJING, '徐泾镇家庭科学育儿指导站'),
    });
    expect(x.statusCode).toBe(201);
    stationX = x.json();
    const before = await countRows(t, 'family_stations');
    const dup = await t.call('POST', '/api/v1/families/guidance/stations', {
      cookie: district,
      body: station(ZHUJIAJIAO, '第二个指导站'),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('families.station_exists');
    const badTown = await t.call('POST', '/api/v1/families/guidance/stations', {
      cookie: district,
      body: station('310118999', '不存在街镇指导站'),
    });
    expect(badTown.statusCode).toBe(400);
    expect(badTown.json().errors[0].field).toBe('townCode');
    const badHost = await t.call('POST', '/api/v1/families/guidance/stations', {
      cookie: district,
      body: { ...station('310118107', '华新镇家庭科学育儿指导站'), hostInstitutionId: uuidv7(1) },
    });
    expect(badHost.statusCode).toBe(400);
    expect(badHost.json().errors[0].field).toBe('hostInstitutionId');
    const byStaff = await t.call('POST', '/api/v1/families/guidance/stations', {
      cookie: staffZ,
      body: station('310118107', '华新镇家庭科学育儿指导站'),
    });
    expect(byStaff.statusCode).toBe(403);
    expect(await countRows(t, 'family_stations')).toBe(before);
    // Guidance staff see their town's station; a parent sees the district's.
    const seen = (await t.call('GET', '/api/v1/families/guidance/stations', { cookie: staffZ })).json();
    expect(seen.items.map((s: { id: string }) => s.id)).toEqual([stationZ.id]);
    const all = (await t.call('GET', '/api/v1/families/guidance/stations', { cookie: parentA })).json();
    expect(all.items).toHaveLength(2);
  });

  const session = (stationId: string | null, o: Record<string, unknown> = {}) => ({
    stationId,
    topic: 'feeding',
    title: '七会·会喂养：辅食添加',
    place: '指导站活动室',
    startsAt: '2026-03-10T09:00:00+08:00',
    capacity: 10,
    ...o,
  });

  it('sessions: staff of the station’s town or the district; bad input named, nothing written', async () => {
    const before = await countRows(t, 'family_sessions');
    const cases: [string, Record<string, unknown>, string][] = [
      [staffZ, session(stationZ.id, { topic: 'astrology' }), 'topic'],
      [staffZ, session(stationZ.id, { startsAt: '2026-03-01T09:00:00+08:00' }), 'startsAt'],
      [staffZ, session(stationX.id), 'stationId'],
      [staffZ, session(null), 'stationId'],
      [staffZ, session(stationZ.id, { capacity: 0 }), 'capacity'],
    ];
    for (const [cookie, body, field] of cases) {
      const res = await t.call('POST', '/api/v1/families/guidance/sessions', { cookie, body });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
      expect(res.json().errors[0].message_zh).toBeTruthy();
    }
    expect(await countRows(t, 'family_sessions')).toBe(before);
    const ok = await t.call('POST', '/api/v1/families/guidance/sessions', {
      cookie: staffZ,
      body: session(stationZ.id, { topic: 'grandparents', title: '隔代养育课堂' }),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ townCode: ZHUJIAJIAO, signedUp: 0, status: 'scheduled' });
    const districtLevel = await t.call('POST', '/api/v1/families/guidance/sessions', {
      cookie: district,
      body: session(null, { title: '育儿加油站：亲子阅读', capacity: 50 }),
    });
    expect(districtLevel.statusCode).toBe(201);
    expect(districtLevel.json().townCode).toBeNull();
    // Staff of another town neither see nor cancel the ZJJ session; they see the district activity.
    const xList = (await t.call('GET', '/api/v1/families/guidance/sessions', { cookie: staffX })).json();
    expect(xList.items.map((s: { id: string }) => s.id)).toEqual([districtLevel.json().id]);
    const cancelX = await t.call('POST', `/api/v1/families/guidance/sessions/${ok.json().id}/cancel`, {
      cookie: staffX,
    });
    expect(cancelX.statusCode).toBe(404);
    // Filters: topic and year.
    const byTopic = (
      await t.call('GET', '/api/v1/families/guidance/sessions?topic=grandparents&year=2026', {
        cookie: district,
      })
    ).json();
    expect(byTopic.items.map((s: { id: string }) => s.id)).toEqual([ok.json().id]);
    const none = (
      await t.call('GET', '/api/v1/families/guidance/sessions?year=2025', { cookie: district })
    ).json();
    expect(none.total).toBe(0);
  });

  it('30 parallel sign-ups for 10 places give exactly 10', async () => {
    const s = (
      await t.call('POST', '/api/v1/families/guidance/sessions', {
        cookie: staffZ,
        body: session(stationZ.id, { startsAt: '2026-03-12T09:00:00+08:00' }),
      })
    ).json();
    const results = await Promise.all(
      crowd.map((f) =>
        t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
          cookie: staffZ,
          body: { familyId: f.familyId },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(20);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('families.session_full');
    const rows = await t.database.db.execute(
      sql`select signed_up, (select count(*)::int from family_session_signups u where u.session_id = s.id
          and u.cancelled_at is null) as n from family_sessions s where s.id = ${s.id}`,
    );
    expect((rows as unknown as { rows: { signed_up: number; n: number }[] }).rows[0]).toEqual({
      signed_up: 10,
      n: 10,
    });
    // A cancellation frees a place for the next family.
    const signups = (
      await t.call('GET', `/api/v1/families/guidance/sessions/${s.id}/signups`, { cookie: staffZ })
    ).json();
    expect(signups.items).toHaveLength(10);
    expect(signups.items[0].familyLabel).toMatch(/ · /);
    const c = await t.call('POST', `/api/v1/families/guidance/signups/${signups.items[0].id}/cancel`, {
      cookie: staffZ,
    });
    expect(c.statusCode).toBe(200);
    const late = crowd.find(
      (f) => !signups.items.some((i: { familyId: string }) => i.familyId === f.familyId),
    )!;
    const again = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: staffZ,
      body: { familyId: late.familyId },
    });
    expect(again.statusCode).toBe(201);
  });

  it('a parent signs up only with consent in force, only in their town or the district; withdrawal stops it', async () => {
    const s = (
      await t.call('POST', '/api/v1/families/guidance/sessions', {
        cookie: staffZ,
        body: session(stationZ.id, { startsAt: '2026-03-20T09:00:00+08:00', capacity: 5 }),
      })
    ).json();
    const before = await countRows(t, 'family_session_signups');
    const noConsent = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: parentA,
      body: {},
    });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().code).toBe('families.guidance_consent_missing');
    expect(noConsent.json().message_zh ?? noConsent.json().title).toBeTruthy();
    // Parent B (徐泾) cannot sign up for a 朱家角 station session.
    const otherTown = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: parentB,
      body: {},
    });
    expect(otherTown.statusCode).toBe(400);
    expect(otherTown.json().errors[0]).toMatchObject({ field: 'familyId', rule: 'other_town' });
    // Staff of 朱家角 cannot sign up a 徐泾 family (out of their scope).
    const staffOther = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: staffZ,
      body: { familyId: famB.familyId },
    });
    expect(staffOther.statusCode).toBe(404);
    expect(await countRows(t, 'family_session_signups')).toBe(before);

    // Consent through the module's route, then sign up; a second sign-up is refused.
    const give = await t.call('POST', `/api/v1/families/${famA.familyId}/consents`, {
      cookie: parentA,
      body: {
        guardianId: famA.guardianId,
        purpose: 'guidance_signup',
        noticeVersion: 'v1',
        channel: 'online',
      },
    });
    expect(give.statusCode).toBe(200);
    const ok = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: parentA,
      body: {},
    });
    expect(ok.statusCode).toBe(201);
    const dup = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: parentA,
      body: {},
    });
    expect(dup.json().code).toBe('families.already_signed_up');
    const list = (
      await t.call('GET', '/api/v1/families/guidance/sessions?upcoming=true', { cookie: parentA })
    ).json();
    expect(list.items.find((i: { id: string }) => i.id === s.id).mySignupId).toBe(ok.json().id);
    expect(list.items.every((i: { townCode: string | null }) => i.townCode !== XUJING)).toBe(true);

    // Withdrawal: the session's list skips the family; a new sign-up is refused.
    await t.call('POST', `/api/v1/families/${famA.familyId}/consents/withdraw`, {
      cookie: parentA,
      body: { guardianId: famA.guardianId, purpose: 'guidance_signup' },
    });
    const signups = (
      await t.call('GET', `/api/v1/families/guidance/sessions/${s.id}/signups`, { cookie: staffZ })
    ).json();
    expect(signups.items.map((i: { familyId: string }) => i.familyId)).not.toContain(famA.familyId);
    const s2 = (
      await t.call('POST', '/api/v1/families/guidance/sessions', {
        cookie: staffZ,
        body: session(stationZ.id, { startsAt: '2026-03-21T09:00:00+08:00' }),
      })
    ).json();
    const countBefore = await countRows(t, 'family_session_signups');
    const refused = await t.call('POST', `/api/v1/families/guidance/sessions/${s2.id}/signups`, {
      cookie: parentA,
      body: {},
    });
    expect(refused.json().code).toBe('families.guidance_consent_missing');
    expect(await countRows(t, 'family_session_signups')).toBe(countBefore);
  });

  it('attendance only after the start; the yearly count against 6; past sessions closed to sign-up', async () => {
    const s = (
      await t.call('POST', '/api/v1/families/guidance/sessions', {
        cookie: staffZ,
        body: session(stationZ.id, { startsAt: '2026-03-02T09:20:00+08:00', capacity: 3 }),
      })
    ).json();
    const [f1, f2] = crowd.slice(-2) as [Fam, Fam];
    const a = (
      await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
        cookie: staffZ,
        body: { familyId: f1.familyId },
      })
    ).json();
    const b = (
      await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
        cookie: staffZ,
        body: { familyId: f2.familyId },
      })
    ).json();
    const body = {
      attendance: [
        { signupId: a.id, attended: true },
        { signupId: b.id, attended: false },
      ],
    };
    const early = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/attendance`, {
      cookie: staffZ,
      body,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('families.session_not_started');
    t.clock.advanceMinutes(25); // the session started 5 minutes ago
    const late = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: staffZ,
      body: { familyId: crowd[0]!.familyId },
    });
    expect(late.json().code).toBe('families.session_closed');
    const bad = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/attendance`, {
      cookie: staffZ,
      body: { attendance: [{ signupId: uuidv7(1), attended: true }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('attendance.0.signupId');
    const byOther = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/attendance`, {
      cookie: staffX,
      body,
    });
    expect(byOther.statusCode).toBe(404);
    const rec = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/attendance`, {
      cookie: staffZ,
      body,
    });
    expect(rec.statusCode).toBe(200);
    expect(
      rec
        .json()
        .items.map((i: { attended: boolean }) => i.attended)
        .sort(),
    ).toEqual([false, true]);
    const held = (
      await t.call('GET', '/api/v1/families/guidance/sessions?status=held', { cookie: staffZ })
    ).json();
    expect(held.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
    const h1 = (
      await t.call('GET', `/api/v1/families/guidance/history?family=${f1.familyId}&year=2026`, {
        cookie: staffZ,
      })
    ).json();
    expect(h1).toMatchObject({ attended: 1, required: 6, year: 2026 });
    const h2 = (
      await t.call('GET', `/api/v1/families/guidance/history?family=${f2.familyId}`, { cookie: staffZ })
    ).json();
    expect(h2.attended).toBe(0);
    // A parent reads their own history only (the family parameter is ignored for them).
    const mine = (
      await t.call('GET', `/api/v1/families/guidance/history?family=${f1.familyId}`, { cookie: parentA })
    ).json();
    expect(mine.familyId).toBe(famA.familyId);
    // Other towns' staff do not reach the family.
    expect(
      (
        await t.call('GET', `/api/v1/families/guidance/history?family=${f1.familyId}`, {
          cookie: staffX,
        })
      ).statusCode,
    ).toBe(404);
  });
  it('station update and delete (district only); cancelling a session closes it to sign-up', async () => {
    const cur = (await t.call('GET', '/api/v1/families/guidance/stations', { cookie: district }))
      .json()
      .items.find((s: { id: string }) => s.id === stationX.id);
    const body = { name: cur.name, hostName: '徐泾镇中心幼儿园', address: cur.address, openedYear: 2021 };
    const stale = await t.call('PUT', `/api/v1/families/guidance/stations/${stationX.id}`, {
      cookie: district,
      body: { ...body, version: cur.version + 5 },
    });
    expect(stale.statusCode).toBe(409);
    const ok = await t.call('PUT', `/api/v1/families/guidance/stations/${stationX.id}`, {
      cookie: district,
      body: { ...body, version: cur.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ hostName: '徐泾镇中心幼儿园', version: cur.version + 1 });
    const inUse = await t.call('DELETE', `/api/v1/families/guidance/stations/${stationZ.id}`, {
      cookie: district,
    });
    expect(inUse.json().code).toBe('families.station_in_use');
    expect(
      (await t.call('DELETE', `/api/v1/families/guidance/stations/${stationX.id}`, { cookie: staffX }))
        .statusCode,
    ).toBe(403);
    const del = await t.call('DELETE', `/api/v1/families/guidance/stations/${stationX.id}`, {
      cookie: district,
    });
    expect(del.statusCode).toBe(200);
    expect(await countRows(t, 'family_stations')).toBe(1);

    const s = (
      await t.call('POST', '/api/v1/families/guidance/sessions', {
        cookie: staffZ,
        body: session(stationZ.id, { startsAt: '2026-04-01T09:00:00+08:00' }),
      })
    ).json();
    const c = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/cancel`, { cookie: staffZ });
    expect(c.json().status).toBe('cancelled');
    const refused = await t.call('POST', `/api/v1/families/guidance/sessions/${s.id}/signups`, {
      cookie: staffZ,
      body: { familyId: crowd[0]!.familyId },
    });
    expect(refused.json().code).toBe('families.session_closed');
  });
});

describe('plan measures: guidance_sessions and guidance_stations_per_town', () => {
  let t: TestApp;
  const actor = () => districtActor(DISTRICT, { userId: uuidv7(1), username: 'plan', sessionId: 'x' });
  const source = (key: string) => familyTargets.find((s) => s.key === key)!;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const now = t.clock.now();
    const fam = async (seq: number, community: string, c: 'given' | 'withdrawn' | null) => {
      const f = await buildFamily(db, { seq, birthDate: '2025-03-01', communityCode: community, now });
      if (c) await consent(t, f, c);
      return f;
    };
    const hit1 = await fam(201, ZJJ_COMMUNITY, 'given'); // 6 attended → counts
    const five = await fam(202, ZJJ_COMMUNITY, 'given'); // 5 attended + 1 of a cancelled session
    const cancelledOne = await fam(203, ZJJ_COMMUNITY, 'given'); // 6, one sign-up cancelled → 5
    const hitX = await fam(204, XJ_COMMUNITY, 'given'); // 6 district-level → counts
    const noConsent = await fam(205, ZJJ_COMMUNITY, null); // 7 attended, not in the base
    const withdrawn = await fam(206, ZJJ_COMMUNITY, 'withdrawn'); // 6 attended, not in the base
    const stationRow = (townCode: string, openedYear: number) => ({
      districtCode: DISTRICT,
      id: uuidv7(now.getTime()),
      townCode,
      name: `${townCode} 指导站`,
      hostName: '测试幼儿园',
      address: '测试路',
      openedYear,
      createdAt: now,
      updatedAt: now,
    });
    const [sz] = await db
      .insert(familyStations)
      .values([stationRow(ZHUJIAJIAO, 2020), stationRow(XUJING, 2021), stationRow('310118107', 2027)])
      .returning();
    const mkSession = (i: number, stationId: string | null, status: 'held' | 'cancelled', year = 2026) => ({
      districtCode: DISTRICT,
      id: uuidv7(now.getTime()),
      stationId,
      townCode: stationId ? ZHUJIAJIAO : null,
      topic: 'play' as const,
      title: `活动 ${i}`,
      place: '活动室',
      startsAt: new Date(`${year}-0${(i % 9) + 1}-05T01:00:00Z`),
      capacity: 20,
      status,
      createdAt: now,
      updatedAt: now,
    });
    const held = Array.from({ length: 7 }, (_, i) => mkSession(i, sz!.id, 'held'));
    const dist = Array.from({ length: 6 }, (_, i) => mkSession(i, null, 'held'));
    const cancelled = mkSession(8, sz!.id, 'cancelled');
    const lastYear = mkSession(1, sz!.id, 'held', 2025);
    await db.insert(familySessions).values([...held, ...dist, cancelled, lastYear]);
    const su = (sessionId: string, f: Fam, cancelledAt: Date | null = null) => ({
      districtCode: DISTRICT,
      id: uuidv7(now.getTime()),
      sessionId,
      familyId: f.familyId,
      townCode: f.record.communityCode.slice(0, 9),
      signedUpAt: now,
      attended: true,
      attendanceRecordedAt: now,
      cancelledAt,
    });
    await db
      .insert(familySessionSignups)
      .values([
        ...held.slice(0, 6).map((s) => su(s.id, hit1)),
        ...held.slice(0, 5).map((s) => su(s.id, five)),
        su(cancelled.id, five),
        su(lastYear.id, five),
        ...held.slice(0, 5).map((s) => su(s.id, cancelledOne)),
        su(held[5]!.id, cancelledOne, now),
        ...dist.map((s) => su(s.id, hitX)),
        ...held.map((s) => su(s.id, noConsent)),
        ...held.slice(0, 6).map((s) => su(s.id, withdrawn)),
      ]);
  });
  afterAll(() => t.close());

  it('guidance_sessions: families with consent in force that attended ≥ 6 in the year', async () => {
    const q = { actor: actor(), year: 2026, asOf: t.clock.now() };
    const m = await source('guidance_sessions').measure(t.database.db, q);
    expect(m).toMatchObject({ numerator: 2, denominator: 4, value: 0.5, unit: 'share' });
    expect(m.byTown).toEqual({ [ZHUJIAJIAO]: 1 / 3, [XUJING]: 1 });
    const d = await source('guidance_sessions').drillDown(t.database.db, q, { offset: 0, limit: 50 });
    expect(d.total).toBe(4);
    expect(d.rows.filter((r) => r.counts)).toHaveLength(2);
    expect(d.rows.map((r) => r.note).sort()).toEqual(['5/6', '5/6', '6/6', '6/6']);
    expect(d.rows.every((r) => r.kind === 'family' && !/\d{11}/.test(r.label))).toBe(true);
    const prior = await source('guidance_sessions').measure(t.database.db, { ...q, year: 2025 });
    expect(prior).toMatchObject({ numerator: 0, denominator: 4 });
    const town = await source('guidance_sessions').measure(t.database.db, { ...q, townCode: XUJING });
    expect(town).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('guidance_stations_per_town: towns with a station opened by the year / the towns', async () => {
    const q = { actor: actor(), year: 2026, asOf: t.clock.now() };
    const m = await source('guidance_stations_per_town').measure(t.database.db, q);
    expect(m).toMatchObject({ numerator: 2, denominator: 11, unit: 'share' });
    expect(m.value).toBeCloseTo(2 / 11);
    expect(m.byTown?.[ZHUJIAJIAO]).toBe(1);
    expect(m.byTown?.['310118107']).toBe(0);
    const later = await source('guidance_stations_per_town').measure(t.database.db, { ...q, year: 2027 });
    expect(later.numerator).toBe(3);
    const town = await source('guidance_stations_per_town').measure(t.database.db, {
      ...q,
      townCode: XUJING,
    });
    expect(town).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    const d = await source('guidance_stations_per_town').drillDown(t.database.db, q, {
      offset: 0,
      limit: 50,
    });
    expect(d.total).toBe(11);
    expect(d.rows.filter((r) => r.counts)).toHaveLength(2);
  });
});
