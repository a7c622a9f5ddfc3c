/**
 * Online guidance (issue 11): the resource library (https only, age band, platform; a parent sees the
 * published resources for their children's ages), registrations on the platforms (online-resources
 * consent in force, else 409 and nothing written; scope by town and by family), handbook and
 * resource-pack distributions (audited; they count for handbook_coverage), and the plan source
 * online_coverage on a hand-built data set with known counts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildFamily, XJ_COMMUNITY, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { districtActor } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { ageInMonths, onlineTargets } from './online.ts';
import { familyConsents, familyDistributions, familyOnlineRegistrations, familyVisits } from './tables.ts';
import { familyTargets } from './targets.ts';

type Fam = Awaited<ReturnType<typeof buildFamily>>;

async function consent(
  t: TestApp,
  f: Fam,
  o: {
    status?: 'given' | 'withdrawn';
    givenAt?: Date;
    withdrawnAt?: Date | null;
    purpose?: 'online_resources' | 'home_visit';
  } = {},
) {
  const now = t.clock.now();
  const status = o.status ?? 'given';
  await t.database.db.insert(familyConsents).values({
    districtCode: DISTRICT,
    id: uuidv7(now.getTime()),
    familyId: f.familyId,
    guardianId: f.guardianId,
    purpose: o.purpose ?? 'online_resources',
    status,
    noticeVersion: 'test-v1',
    channel: 'paper',
    givenAt: o.givenAt ?? now,
    withdrawnAt: status === 'withdrawn' ? (o.withdrawnAt ?? now) : null,
  });
}

async function auditOf(t: TestApp, id: string) {
  const r = await t.database.db.execute(sql`select action from audit_log where object_id = ${id}`);
  return (r as unknown as { rows: { action: string }[] }).rows.map((x) => x.action);
}

describe('online resources, registrations and distributions', () => {
  let t: TestApp;
  let district: string;
  let staffZ: string;
  let staffX: string;
  let healthZ: string;
  let parentA: string;
  let parentB: string;
  let famA: Fam; // 朱家角, consent given, child born 2025-01-15 (13 months on 2026-03-02)
  let famB: Fam; // 徐泾, consent withdrawn
  let famC: Fam; // 朱家角, no consent

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const now = t.clock.now();
    famA = await buildFamily(db, { seq: 41, birthDate: '2025-01-15', communityCode: ZJJ_COMMUNITY, now });
    famB = await buildFamily(db, { seq: 42, birthDate: '2024-02-10', communityCode: XJ_COMMUNITY, now });
    famC = await buildFamily(db, { seq: 43, birthDate: '2025-06-10', communityCode: ZJJ_COMMUNITY, now });
    await consent(t, famA);
    await consent(t, famB, { status: 'withdrawn' });
    await t.createUser('o-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
    await t.createUser('o-staff-z', 'guidance_staff', { kind: 'division', divisionCode: ZHUJIAJIAO });
    await t.createUser('o-staff-x', 'guidance_staff', { kind: 'division', divisionCode: XUJING });
    await t.createUser('o-health-z', 'health_worker', { kind: 'division', divisionCode: ZHUJIAJIAO });
    await t.createUser('o-parent-a', 'parent', { kind: 'family', familyId: famA.familyId });
    await t.createUser('o-parent-b', 'parent', { kind: 'family', familyId: famB.familyId });
    district = await t.login('o-district');
    staffZ = await t.login('o-staff-z');
    staffX = await t.login('o-staff-x');
    healthZ = await t.login('o-health-z');
    parentA = await t.login('o-parent-a');
    parentB = await t.login('o-parent-b');
  });
  afterAll(() => t.close());

  const resource = (o: Record<string, unknown> = {}) => ({
    title: '辅食添加的第一步',
    kind: 'video',
    topic: 'feeding',
    platform: 'yuzhiyoudao',
    url: 'https://example.org/yzyd/feeding-1',
    ageFromMonths: 6,
    ageToMonths: 18,
    status: 'published',
    ...o,
  });

  it('ageInMonths counts whole months', () => {
    expect(ageInMonths('2025-01-15', '2026-03-02')).toBe(13);
    expect(ageInMonths('2025-01-15', '2026-03-15')).toBe(14);
    expect(ageInMonths('2026-03-01', '2026-03-02')).toBe(0);
  });

  it('the district and guidance staff keep the library; bad input is named and nothing is written', async () => {
    const a = await t.call('POST', '/api/v1/families/online/resources', {
      cookie: district,
      body: resource(),
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ status: 'published', publishedAt: '2026-03-02', version: 1 });
    expect(await auditOf(t, a.json().id)).toEqual(['families.resource_create']);
    const b = await t.call('POST', '/api/v1/families/online/resources', {
      cookie: staffZ,
      body: resource({ title: '两岁的情绪', topic: 'emotion', ageFromMonths: 24, ageToMonths: 36 }),
    });
    expect(b.statusCode).toBe(201);
    const draft = await t.call('POST', '/api/v1/families/online/resources', {
      cookie: district,
      body: resource({ title: '草稿：睡眠', topic: 'sleep', status: 'draft' }),
    });
    expect(draft.json()).toMatchObject({ status: 'draft', publishedAt: null });

    const before = await countRows(t, 'family_resources');
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'http://example.org/x' }, 'url'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ ageFromMonths: 20, ageToMonths: 10 }, 'ageToMonths'],
      [{ platform: 'douyin' }, 'platform'],
      [{ topic: 'cooking' }, 'topic'],
      [{ ageFromMonths: -1 }, 'ageFromMonths'],
    ];
    for (const [change, field] of cases) {
      const res = await t.call('POST', '/api/v1/families/online/resources', {
        cookie: district,
        body: resource(change),
      });
      expect(res.statusCode, field).toBe(400);
      const err = res.json().errors[0];
      expect(err.field, field).toBe(field);
      expect(err.message_zh).toBeTruthy();
      expect(err.message_en).toBeTruthy();
    }
    const byHealth = await t.call('POST', '/api/v1/families/online/resources', {
      cookie: healthZ,
      body: resource(),
    });
    expect(byHealth.statusCode).toBe(403);
    const byParent = await t.call('POST', '/api/v1/families/online/resources', {
      cookie: parentA,
      body: resource(),
    });
    expect(byParent.statusCode).toBe(403);
    // An inverted band through a change is refused as well.
    const inverted = await t.call('PATCH', `/api/v1/families/online/resources/${a.json().id}`, {
      cookie: district,
      body: { version: 1, ageToMonths: 3 },
    });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().errors[0].field).toBe('ageToMonths');
    expect(await countRows(t, 'family_resources')).toBe(before);

    // Publishing the draft sets its date; a stale version is a conflict.
    const pub = await t.call('PATCH', `/api/v1/families/online/resources/${draft.json().id}`, {
      cookie: staffX,
      body: { version: 1, status: 'published' },
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', publishedAt: '2026-03-02', version: 2 });
    expect(await auditOf(t, draft.json().id)).toEqual([
      'families.resource_create',
      'families.resource_update',
    ]);
    const stale = await t.call('PATCH', `/api/v1/families/online/resources/${draft.json().id}`, {
      cookie: district,
      body: { version: 1, status: 'withdrawn' },
    });
    expect(stale.statusCode).toBe(409);
    const withdrawn = await t.call('PATCH', `/api/v1/families/online/resources/${draft.json().id}`, {
      cookie: district,
      body: { version: 2, status: 'withdrawn' },
    });
    expect(withdrawn.json().status).toBe('withdrawn');
  });

  it('a parent sees only the published resources for their children’s ages', async () => {
    const all = await t.call('GET', '/api/v1/families/online/resources', { cookie: district });
    expect(all.json().total).toBe(3);
    const listed = await t.call('GET', '/api/v1/families/online/resources', { cookie: parentA });
    expect(listed.json().items.map((r: { status: string }) => r.status)).toEqual(['published', 'published']);
    const mine = await t.call('GET', '/api/v1/families/online/mine', { cookie: parentA });
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.children.map((c: { ageMonths: number }) => c.ageMonths)).toEqual([13]);
    expect(body.resources.map((r: { title: string }) => r.title)).toEqual(['辅食添加的第一步']);
    expect(body.consent).toBe(true);
    expect(body.registrations).toEqual([]);
    const byAge = await t.call('GET', '/api/v1/families/online/resources?ageMonths=30', { cookie: parentA });
    expect(byAge.json().items.map((r: { title: string }) => r.title)).toEqual(['两岁的情绪']);
  });

  it('registration needs the online-resources consent (409, nothing written) and stays in scope', async () => {
    const before = await countRows(t, 'family_online_registrations');
    const withdrawn = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: parentB,
      body: { platform: 'yuzhiyoudao' },
    });
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().code).toBe('families.consent_missing');
    const none = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: staffZ,
      body: { familyId: famC.familyId, platform: 'qingpu_zaojiao' },
    });
    expect(none.statusCode).toBe(409);
    const otherTown = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: staffX,
      body: { familyId: famA.familyId, platform: 'yuzhiyoudao' },
    });
    expect(otherTown.statusCode).toBe(404);
    const badPlatform = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: staffZ,
      body: { familyId: famA.familyId, platform: 'wechat' },
    });
    expect(badPlatform.statusCode).toBe(400);
    expect(badPlatform.json().errors[0].field).toBe('platform');
    const future = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: staffZ,
      body: { familyId: famA.familyId, platform: 'yuzhiyoudao', registeredOn: '2026-04-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('registeredOn');
    expect(await countRows(t, 'family_online_registrations')).toBe(before);

    // The parent records their own ("我已注册育之有道"); the familyId they might send is ignored.
    const own = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: parentA,
      body: { platform: 'yuzhiyoudao', familyId: famC.familyId },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({
      familyId: famA.familyId,
      channel: 'portal',
      registeredOn: '2026-03-02',
    });
    expect(await auditOf(t, own.json().id)).toEqual(['families.online_register']);
    const dup = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: staffZ,
      body: { familyId: famA.familyId, platform: 'yuzhiyoudao' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('families.online_registered');
    const byHealth = await t.call('POST', '/api/v1/families/online/registrations', {
      cookie: healthZ,
      body: { familyId: famA.familyId, platform: 'qingpu_zaojiao', registeredOn: '2026-02-20' },
    });
    expect(byHealth.statusCode).toBe(201);
    expect(byHealth.json().channel).toBe('staff');

    // Lists: the town sees its families', the other town none, a parent only their own.
    const z = await t.call('GET', '/api/v1/families/online/registrations', { cookie: staffZ });
    expect(z.json().total).toBe(2);
    const x = await t.call('GET', '/api/v1/families/online/registrations', { cookie: staffX });
    expect(x.json().total).toBe(0);
    const b = await t.call('GET', '/api/v1/families/online/registrations', { cookie: parentB });
    expect(b.json().total).toBe(0);
    const cov = await t.call('GET', '/api/v1/families/online/coverage?year=2026', { cookie: district });
    expect(cov.json().towns).toEqual([{ townCode: ZHUJIAJIAO, consenting: 1, registered: 1 }]);
  });

  it('distributions: the town records the handbook and packs, audited; another town gets 404', async () => {
    const before = await countRows(t, 'family_distributions');
    const otherTown = await t.call('POST', '/api/v1/families/distributions', {
      cookie: staffX,
      body: { familyId: famC.familyId, item: 'handbook', givenOn: '2026-03-01' },
    });
    expect(otherTown.statusCode).toBe(404);
    const badItem = await t.call('POST', '/api/v1/families/distributions', {
      cookie: healthZ,
      body: { familyId: famC.familyId, item: 'toy', givenOn: '2026-03-01' },
    });
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json().errors[0].field).toBe('item');
    const byParent = await t.call('POST', '/api/v1/families/distributions', {
      cookie: parentA,
      body: { familyId: famA.familyId, item: 'handbook', givenOn: '2026-03-01' },
    });
    expect(byParent.statusCode).toBe(403);
    expect(await countRows(t, 'family_distributions')).toBe(before);

    const h = await t.call('POST', '/api/v1/families/distributions', {
      cookie: healthZ,
      body: {
        familyId: famC.familyId,
        item: 'handbook',
        givenOn: '2026-03-01',
        note: '社区卫生服务中心发放',
      },
    });
    expect(h.statusCode).toBe(201);
    expect(h.json()).toMatchObject({ item: 'handbook', givenBy: 'o-health-z', townCode: ZHUJIAJIAO });
    expect(await auditOf(t, h.json().id)).toEqual(['families.distribute']);
    const p = await t.call('POST', '/api/v1/families/distributions', {
      cookie: staffZ,
      body: { familyId: famA.familyId, item: 'resource_pack', givenOn: '2026-02-28' },
    });
    expect(p.statusCode).toBe(201);
    const listZ = await t.call('GET', '/api/v1/families/distributions', { cookie: district });
    expect(listZ.json().total).toBe(2);
    const listX = await t.call('GET', '/api/v1/families/distributions', { cookie: staffX });
    expect(listX.json().total).toBe(0);
  });
});

describe('plan measures: online_coverage, handbook_coverage (with distributions) and home_visit_coverage', () => {
  let t: TestApp;
  const actor = () => districtActor(DISTRICT, { userId: uuidv7(1), username: 'plan', sessionId: 'x' });
  const online = onlineTargets.find((s) => s.key === 'online_coverage')!;
  const handbook = familyTargets.find((s) => s.key === 'handbook_coverage')!;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const now = t.clock.now();
    const fam = (seq: number, community: string) =>
      buildFamily(db, { seq, birthDate: '2025-03-01', communityCode: community, now });
    const reg = (f: Fam, registeredOn: string, town: string) => ({
      districtCode: DISTRICT,
      id: uuidv7(now.getTime()),
      familyId: f.familyId,
      townCode: town,
      platform: 'yuzhiyoudao' as const,
      registeredOn,
      channel: 'staff' as const,
      recordedBy: uuidv7(1),
      createdAt: now,
    });
    // 朱家角: z1 consent + registered 2026 (counts); z2 consent, not registered; z3 consent, registered
    // only in 2027 (not by the end of 2026); z4 registered but no consent (outside the base); z5 consent
    // withdrawn in 2026 (outside); z6 consent withdrawn in 2027 (in force at the end of 2026: counts).
    // 徐泾: x1 consent + registered (counts); x2 consent, not registered.
    const [z1, z2, z3, z4, z5, z6] = [
      await fam(301, ZJJ_COMMUNITY),
      await fam(302, ZJJ_COMMUNITY),
      await fam(303, ZJJ_COMMUNITY),
      await fam(304, ZJJ_COMMUNITY),
      await fam(305, ZJJ_COMMUNITY),
      await fam(306, ZJJ_COMMUNITY),
    ];
    const [x1, x2] = [await fam(311, XJ_COMMUNITY), await fam(312, XJ_COMMUNITY)];
    const given = new Date('2026-01-10T00:00:00Z');
    for (const f of [z1!, z2!, z3!, x1!, x2!]) await consent(t, f, { givenAt: given });
    await consent(t, z5!, {
      status: 'withdrawn',
      givenAt: given,
      withdrawnAt: new Date('2026-06-01T00:00:00Z'),
    });
    await consent(t, z6!, {
      status: 'withdrawn',
      givenAt: given,
      withdrawnAt: new Date('2027-02-01T00:00:00Z'),
    });
    await db
      .insert(familyOnlineRegistrations)
      .values([
        reg(z1!, '2026-02-01', ZHUJIAJIAO),
        reg(z3!, '2027-01-05', ZHUJIAJIAO),
        reg(z4!, '2026-02-01', ZHUJIAJIAO),
        reg(z5!, '2026-02-01', ZHUJIAJIAO),
        reg(z6!, '2026-05-01', ZHUJIAJIAO),
        reg(x1!, '2026-03-01', XUJING),
      ]);
    // Handbook: z1 by a visit, z2 by a distribution in 2026, z3 by a distribution in 2027 (not for
    // 2026), z4 only a resource pack; the other four none.
    await db.insert(familyVisits).values({
      districtCode: DISTRICT,
      id: uuidv7(now.getTime()),
      familyId: z1!.familyId,
      townCode: ZHUJIAJIAO,
      communityCode: ZJJ_COMMUNITY,
      scheduledFor: '2026-02-01',
      status: 'done',
      visitedOn: '2026-02-01',
      handbookGiven: true,
      createdAt: now,
      updatedAt: now,
    });
    // Home visits: z1 z2 x1 want one (consent); z1 visited in 2026 (above), z2 only scheduled, x1
    // visited in 2025 only; z3 visited in 2026 without the consent (outside the base). None records
    // the handbook.
    for (const f of [z1!, z2!, x1!]) await consent(t, f, { givenAt: given, purpose: 'home_visit' });
    const visit = (f: Fam, town: string, community: string, on: string, status: 'done' | 'scheduled') => ({
      districtCode: DISTRICT,
      id: uuidv7(now.getTime()),
      familyId: f.familyId,
      townCode: town,
      communityCode: community,
      scheduledFor: on,
      status,
      visitedOn: status === 'done' ? on : null,
      handbookGiven: false,
      createdAt: now,
      updatedAt: now,
    });
    await db
      .insert(familyVisits)
      .values([
        visit(z2!, ZHUJIAJIAO, ZJJ_COMMUNITY, '2026-03-01', 'scheduled'),
        visit(x1!, XUJING, XJ_COMMUNITY, '2025-11-01', 'done'),
        visit(z3!, ZHUJIAJIAO, ZJJ_COMMUNITY, '2026-03-01', 'done'),
      ]);
    const dist = (f: Fam, item: 'handbook' | 'resource_pack', givenOn: string) => ({
      districtCode: DISTRICT,
      id: uuidv7(now.getTime()),
      familyId: f.familyId,
      townCode: ZHUJIAJIAO,
      item,
      givenOn,
      givenBy: uuidv7(1),
      givenByName: 'worker',
      createdAt: now,
    });
    await db
      .insert(familyDistributions)
      .values([
        dist(z2!, 'handbook', '2026-04-01'),
        dist(z3!, 'handbook', '2027-03-01'),
        dist(z4!, 'resource_pack', '2026-04-01'),
      ]);
  });
  afterAll(() => t.close());

  it('online_coverage: consent in force at the year end, registered by it, by town', async () => {
    const q = { actor: actor(), year: 2026, asOf: t.clock.now() };
    const m = await online.measure(t.database.db, q);
    // Base: z1 z2 z3 z6 (朱家角) + x1 x2 (徐泾) = 6; hits: z1 z6 x1 = 3.
    expect(m).toMatchObject({ numerator: 3, denominator: 6, value: 0.5, unit: 'share' });
    expect(m.byTown).toEqual({ [ZHUJIAJIAO]: 2 / 4, [XUJING]: 1 / 2 });
    const d = await online.drillDown(t.database.db, q, { offset: 0, limit: 50 });
    expect(d.total).toBe(6);
    expect(d.rows.filter((r) => r.counts)).toHaveLength(3);
    for (const r of d.rows) expect(r.label).toMatch(/ · [0-9a-f]{6}$/);
    // 2027: z6's consent is withdrawn (out), z3 registered (in): base z1 z2 z3 x1 x2, hits z1 z3 x1.
    const next = await online.measure(t.database.db, { ...q, year: 2027 });
    expect(next).toMatchObject({ numerator: 3, denominator: 5 });
    const town = await online.measure(t.database.db, { ...q, townCode: XUJING });
    expect(town).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('handbook_coverage counts a visit or a handbook distribution by the year end', async () => {
    const q = { actor: actor(), year: 2026, asOf: t.clock.now() };
    const m = await handbook.measure(t.database.db, q);
    expect(m).toMatchObject({ numerator: 2, denominator: 8 });
    const next = await handbook.measure(t.database.db, { ...q, year: 2027 });
    expect(next).toMatchObject({ numerator: 3, denominator: 8 });
  });

  it('home_visit_coverage: of the families wanting a visit, those visited (done) in the year', async () => {
    const visits = familyTargets.find((s) => s.key === 'home_visit_coverage')!;
    const q = { actor: actor(), year: 2026, asOf: t.clock.now() };
    // Base z1 z2 x1; hit z1 only (z2 scheduled, x1 in 2025, z3 outside the base).
    expect(await visits.measure(t.database.db, q)).toMatchObject({ numerator: 1, denominator: 3 });
    expect((await visits.measure(t.database.db, q)).byTown).toEqual({ [ZHUJIAJIAO]: 1 / 2, [XUJING]: 0 });
  });

  it('every family share source: the measure (one set joined) counts what the drill-down marks row by row', async () => {
    const shares = [...familyTargets, ...onlineTargets].filter((s) =>
      ['home_visit_coverage', 'handbook_coverage', 'guidance_sessions', 'online_coverage'].includes(s.key),
    );
    expect(shares).toHaveLength(4);
    for (const year of [2025, 2026, 2027])
      for (const townCode of [undefined, ZHUJIAJIAO, XUJING])
        for (const s of shares) {
          const q = { actor: actor(), year, asOf: t.clock.now(), ...(townCode ? { townCode } : {}) };
          const m = await s.measure(t.database.db, q);
          const d = await s.drillDown(t.database.db, q, { offset: 0, limit: 100 });
          expect({ key: s.key, year, townCode, n: m.numerator, d: m.denominator }).toEqual({
            key: s.key,
            year,
            townCode,
            n: d.rows.filter((r) => r.counts).length,
            d: d.total,
          });
        }
  });
});
