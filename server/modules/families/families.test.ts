/**
 * Families (issue 11): birth records in, masked out; bad input refused with nothing written; scope
 * (health worker by town, a parent by family); consent withdrawal stops home visits at once; a
 * recorded visit moves coverage; the audit trail masks the child's ID number.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import {
  birthRecordFor,
  buildCommunity,
  buildFamily,
  childIdFor,
  XJ_COMMUNITY,
  ZJJ_COMMUNITY,
} from '../../../test/factories/families.ts';

let t: TestApp;
let district: string;
let healthZjj: string;
let healthXj: string;
let parentA: string;
let famA: Awaited<ReturnType<typeof buildFamily>>;
let famB: Awaited<ReturnType<typeof buildFamily>>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await buildCommunity(db, { code: ZJJ_COMMUNITY, name: '朱家角测试社区' });
  await buildCommunity(db, { code: XJ_COMMUNITY, name: '徐泾测试社区' });
  famA = await buildFamily(db, { seq: 1, communityCode: ZJJ_COMMUNITY });
  famB = await buildFamily(db, { seq: 2, communityCode: XJ_COMMUNITY });
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('health-zjj', 'health_worker', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('health-xj', 'health_worker', { kind: 'division', divisionCode: XUJING });
  await t.createUser('parent-a', 'parent', { kind: 'family', familyId: famA.familyId });
  district = await t.login('district');
  healthZjj = await t.login('health-zjj');
  healthXj = await t.login('health-xj');
  parentA = await t.login('parent-a');
});
afterAll(() => t.close());

describe('birth records', () => {
  it('creates a family with the child and guardian masked, sealed in the table', async () => {
    const body = birthRecordFor({ seq: 11, birthDate: '2025-09-01' });
    const res = await t.call('POST', '/api/v1/families', { cookie: district, body });
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f.children[0].idNumber).toBe(`310118********${body.childIdNumber.slice(-4)}`);
    expect(f.guardians[0].mobile).toMatch(/^139\*{4}\d{4}$/);
    expect(f.children[0].ageMonths).toBe(6);
    const raw = await t.database.db.execute(
      sql`select id_number from family_children where id = ${f.children[0].id}`,
    );
    expect(JSON.stringify(raw)).not.toContain(body.childIdNumber);
    const again = await t.call('POST', '/api/v1/families', { cookie: district, body });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('families.child_registered');
    const audit = await t.database.db.execute(
      sql`select changes from audit_log where action = 'families.create' order by entry_no desc limit 1`,
    );
    expect(JSON.stringify(audit)).not.toContain(body.childIdNumber);
  });

  it.each([
    ['an invalid ID', { childIdNumber: '310118202506150010' }, 'childIdNumber', 'id.check_character'],
    ['a birth date contradicting the ID', { birthDate: '2025-06-16' }, 'birthDate', 'birth_date_mismatch'],
    [
      'a birth date in the future',
      { birthDate: '2026-05-01', childIdNumber: childIdFor('2026-05-01', 3) },
      'birthDate',
      'birth_future',
    ],
    [
      'a child over 3',
      { birthDate: '2022-06-15', childIdNumber: childIdFor('2022-06-15', 3) },
      'birthDate',
      'over_three',
    ],
    ['an unknown community', { communityCode: '310118102999' }, 'communityCode', 'unknown_community'],
    [
      'a bad mobile',
      { guardians: [{ name: '测试', relation: 'mother' as const, mobile: '12345678901' }] },
      'guardians.0.mobile',
      'mobile.invalid',
    ],
  ])('refuses %s: 400 naming the field, nothing written', async (_name, patch, field, rule) => {
    const before = await countRows(t, 'families');
    const body = { ...birthRecordFor({ seq: 3, birthDate: '2025-06-15' }), ...patch };
    const res = await t.call('POST', '/api/v1/families', { cookie: district, body });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as {
      field: string;
      rule: string;
      message_zh: string;
      message_en: string;
    }[];
    expect(errors).toContainEqual(expect.objectContaining({ field, rule }));
    expect(errors[0]!.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await countRows(t, 'families')).toBe(before);
  });
});

describe('scope', () => {
  it('a health worker sees the families of their town only; another town is 404', async () => {
    const list = (await t.call('GET', '/api/v1/families?pageSize=100', { cookie: healthXj })).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([famB.familyId]);
    expect(list.total).toBe(1);
    expect((await t.call('GET', `/api/v1/families/${famA.familyId}`, { cookie: healthXj })).statusCode).toBe(
      404,
    );
    expect((await t.call('GET', `/api/v1/families/${famA.familyId}`, { cookie: healthZjj })).statusCode).toBe(
      200,
    );
  });

  it('filters resident and non-resident families', async () => {
    const away = await buildFamily(t.database.db, { seq: 77, communityCode: XJ_COMMUNITY, resident: false });
    const ids = async (q: string) =>
      (
        (await t.call('GET', `/api/v1/families?pageSize=100${q}`, { cookie: healthXj })).json().items as {
          id: string;
        }[]
      ).map((f) => f.id);
    expect((await ids('')).sort()).toEqual([famB.familyId, away.familyId].sort());
    expect(await ids('&resident=false')).toEqual([away.familyId]);
    expect(await ids('&resident=true')).toEqual([famB.familyId]);
    expect(
      (await t.call('GET', '/api/v1/families?resident=yes', { cookie: healthXj })).json().errors[0].field,
    ).toBe('querystring.resident');
    await t.database.db.execute(sql`delete from families where id = ${away.familyId}`);
  });

  it('a parent sees their own family and never another', async () => {
    const mine = await t.call('GET', '/api/v1/families/mine', { cookie: parentA });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().id).toBe(famA.familyId);
    const list = (await t.call('GET', '/api/v1/families', { cookie: parentA })).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([famA.familyId]);
    expect((await t.call('GET', `/api/v1/families/${famB.familyId}`, { cookie: parentA })).statusCode).toBe(
      404,
    );
    const give = await t.call('POST', `/api/v1/families/${famB.familyId}/consents`, {
      cookie: parentA,
      body: { guardianId: famB.guardianId, purpose: 'home_visit', noticeVersion: 'v1', channel: 'online' },
    });
    expect(give.statusCode).toBe(404);
  });
});

describe('consent and home visits', () => {
  it('no consent: no visit; consent given: scheduled and recorded, coverage moves; withdrawn: refused and dropped', async () => {
    const schedule = () =>
      t.call('POST', '/api/v1/families/visits', {
        cookie: healthZjj,
        body: { familyId: famA.familyId, scheduledFor: '2026-03-10' },
      });
    const refused = await schedule();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('families.consent_missing');
    expect(await countRows(t, 'family_visits')).toBe(0);

    const give = await t.call('POST', `/api/v1/families/${famA.familyId}/consents`, {
      cookie: parentA,
      body: {
        guardianId: famA.guardianId,
        purpose: 'home_visit',
        noticeVersion: '2026-01',
        channel: 'online',
      },
    });
    expect(give.statusCode).toBe(200);
    expect(give.json().consents[0]).toMatchObject({
      purpose: 'home_visit',
      status: 'given',
      noticeVersion: '2026-01',
    });

    const before = (await t.call('GET', '/api/v1/families/visits/coverage', { cookie: district })).json();
    expect(before).toMatchObject({ eligible: 1, visited: 0 });
    const v = await schedule();
    expect(v.statusCode).toBe(201);
    expect(v.json()).toMatchObject({ status: 'scheduled', workerName: '测试 health-zjj' });
    const other = await t.call('POST', `/api/v1/families/visits/${v.json().id}/record`, {
      cookie: healthXj,
      body: {
        feeding: '母乳',
        growth: '正常',
        safety: '防跌落',
        diseasePrevention: '接种',
        handbookGiven: true,
        visitedOn: '2026-03-02',
        version: 1,
      },
    });
    expect(other.statusCode).toBe(404);
    const rec = await t.call('POST', `/api/v1/families/visits/${v.json().id}/record`, {
      cookie: healthZjj,
      body: {
        feeding: '母乳',
        growth: '正常',
        safety: '防跌落',
        diseasePrevention: '接种',
        handbookGiven: true,
        visitedOn: '2026-03-02',
        version: 1,
      },
    });
    expect(rec.statusCode).toBe(200);
    expect(rec.json().status).toBe('done');
    const after = (await t.call('GET', '/api/v1/families/visits/coverage', { cookie: district })).json();
    expect(after).toMatchObject({ eligible: 1, visited: 1, share: 1 });
    expect(before.workers).toEqual([]);
    expect(after.workers).toEqual([
      { workerId: expect.any(String), workerName: '测试 health-zjj', visited: 1, scheduled: 0, overdue: 0 },
    ]);
    // Another town's worker list does not show this town's workers.
    expect(
      (await t.call('GET', '/api/v1/families/visits/coverage', { cookie: healthXj })).json().workers,
    ).toEqual([]);

    // A second scheduled visit, then withdrawal: cancelled at once, the list skips the family, booking refused.
    const v2 = await t.call('POST', '/api/v1/families/visits', {
      cookie: healthZjj,
      body: { familyId: famA.familyId, scheduledFor: '2026-06-10' },
    });
    expect(v2.statusCode).toBe(201);
    const w = await t.call('POST', `/api/v1/families/${famA.familyId}/consents/withdraw`, {
      cookie: parentA,
      body: { guardianId: famA.guardianId, purpose: 'home_visit' },
    });
    expect(w.statusCode).toBe(200);
    expect(w.json().visits.find((x: { id: string }) => x.id === v2.json().id).status).toBe('cancelled');
    const list = (await t.call('GET', '/api/v1/families/visits', { cookie: healthZjj })).json();
    expect(list.total).toBe(0);
    const again = await schedule();
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('families.consent_missing');
    const cov = (await t.call('GET', '/api/v1/families/visits/coverage', { cookie: district })).json();
    expect(cov.eligible).toBe(0);
    expect(cov.workers).toEqual([]); // the family's consent is withdrawn: its visits leave the worker's counts
  });
});

describe('社区分工: the health worker in charge of a community', () => {
  it('a district or town officer assigns a health worker of the town; scheduling then defaults to them', async () => {
    const fam = await buildFamily(t.database.db, { seq: 79, communityCode: ZJJ_COMMUNITY });
    await t.createUser('town-zjj-w', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
    await t.createUser('town-xj-w', 'town_officer', { kind: 'division', divisionCode: XUJING });
    const townZjj = await t.login('town-zjj-w');
    const townXj = await t.login('town-xj-w');
    const workers = (await t.call('GET', '/api/v1/families/health-workers', { cookie: townZjj })).json()
      .items;
    expect(workers.map((w: { displayName: string }) => w.displayName)).toEqual(['测试 health-zjj']);
    const zjjWorker = workers[0].id as string;
    const xjWorker = (await t.call('GET', '/api/v1/families/health-workers', { cookie: townXj })).json()
      .items[0].id as string;
    const assign = (cookie: string, workerId: string | null) =>
      t.call('PUT', `/api/v1/families/communities/${ZJJ_COMMUNITY}/worker`, { cookie, body: { workerId } });

    const wrongTown = await assign(district, xjWorker);
    expect(wrongTown.statusCode).toBe(400);
    expect(wrongTown.json().errors[0]).toMatchObject({ field: 'workerId', rule: 'not_a_worker_here' });
    expect((await assign(townXj, zjjWorker)).statusCode).toBe(404); // another town's community
    expect((await assign(healthZjj, zjjWorker)).statusCode).toBe(403);
    const communities = async () =>
      (await t.call('GET', '/api/v1/families/communities', { cookie: district })).json().items as {
        code: string;
        workerId: string | null;
        workerName: string | null;
      }[];
    expect((await communities()).find((c) => c.code === ZJJ_COMMUNITY)?.workerId).toBeNull();

    const ok = await assign(townZjj, zjjWorker);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ workerId: zjjWorker, workerName: '测试 health-zjj' });
    expect((await communities()).find((c) => c.code === ZJJ_COMMUNITY)).toMatchObject({
      workerId: zjjWorker,
    });
    const audit = await t.database.db.execute(
      sql`select changes from audit_log where action = 'families.community_worker' order by entry_no`,
    );
    expect((audit as unknown as { rows: { changes: unknown }[] }).rows.map((r) => r.changes)).toEqual([
      { workerId: { from: null, to: zjjWorker } },
    ]);

    // The district schedules a visit without naming a worker: the community's worker gets it.
    await t.call('POST', `/api/v1/families/${fam.familyId}/consents`, {
      cookie: healthZjj,
      body: { guardianId: fam.guardianId, purpose: 'home_visit', noticeVersion: '2026-01', channel: 'paper' },
    });
    const v = await t.call('POST', '/api/v1/families/visits', {
      cookie: district,
      body: { familyId: fam.familyId, scheduledFor: '2026-03-20' },
    });
    expect(v.statusCode).toBe(201);
    expect(v.json()).toMatchObject({ workerName: '测试 health-zjj' });

    expect((await assign(district, null)).json()).toMatchObject({ workerId: null, workerName: null });
  });
});
