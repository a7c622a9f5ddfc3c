/**
 * The national filing sync per institution against the local fake national system: a filing queues the
 * job, which sends and reads back (synced); a rejected field fails at once with the national message; a
 * stored copy that differs lists the field; a national side that is down is retried with the kit's backoff
 * and then synced. Sync off (no NATIONAL_FILING_URL): nothing queued, the API says so, resend is refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { FakeNational } from '../../../test/fake-national.ts';
import { Rng } from '../../demo/rng.ts';
import { probeNetworks } from '../../platform/probe-network.ts';
import { seedInstitutionsDemo } from './demo.ts';
import { nationalFilingConfig } from './national-client.ts';
import { nationalEditFields } from './national-sync.ts';
import { seedNationalSyncDemo } from './national-sync-demo.ts';
import { institutions } from './tables.ts';

const fake = new FakeNational();
/** Rows of a table matching a condition (test-only SQL). */
async function countWhere(app: TestApp, table: string, where: string): Promise<number> {
  const res = (await app.database.db.execute(
    sql.raw(`select count(*)::int as n from "${table}" where ${where}`),
  )) as unknown as { rows: { n: number }[] };
  return res.rows[0]!.n;
}
let t: TestApp;
let off: TestApp;
let district: string;
let town: string;

beforeAll(async () => {
  const base = await fake.start();
  const loopback = probeNetworks('127.0.0.0/8', 'WEBHOOK_NETWORKS');
  t = await createTestApp({ config: { nationalFiling: nationalFilingConfig(base, loopback, true) } });
  off = await createTestApp();
  for (const app of [t, off]) {
    await app.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
    await app.createUser('town', 'town_officer', { kind: 'division', divisionCode: '310118102' });
  }
  district = await t.login('district');
  town = await t.login('town');
});
afterAll(async () => {
  await t.close();
  await off.close();
  await fake.stop();
});

/** A submitted institution approved by the district officer over HTTP (the filing transition). */
async function file(app: TestApp, cookie: string, name: string) {
  const d = await buildInstitution(app.database.db, { name, status: 'submitted', now: app.clock.now() });
  app.clock.advance(1000);
  const res = await app.call('POST', `/api/v1/institutions/${d.id}/transitions`, {
    cookie,
    body: { action: 'approve', version: d.version, reason: '材料齐全，予以备案' },
  });
  expect(res.statusCode).toBe(200);
  return d.id;
}
const list = async (state?: string) => {
  const res = await t.call('GET', `/api/v1/institutions/national-sync${state ? `?state=${state}` : ''}`, {
    cookie: district,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const itemOf = async (id: string) =>
  (await list()).items.find((i: { institutionId: string }) => i.institutionId === id);

describe('national filing sync', () => {
  it('a filing is queued, sent and read back: synced, audited', async () => {
    const id = await file(t, district, '青浦同步托育园');
    expect((await itemOf(id)).state).toBe('queued');
    await t.jobs.runDue();
    const item = await itemOf(id);
    expect(item).toMatchObject({ state: 'synced', attempts: 1, differences: [], message: null });
    expect(item.lastRecordId).toMatch(new RegExp(`^${id}-filing-`));
    expect(fake.stored.has(item.lastRecordId)).toBe(true);
    expect(await countWhere(t, 'audit_log', "action = 'institutions.national_sync'")).toBeGreaterThan(0);
  });

  it('an edit after filing that changes the national record queues the sync in its transaction; others do not', async () => {
    const id = await file(t, district, '青浦变更托育园');
    await t.jobs.runDue();
    expect((await itemOf(id)).state).toBe('synced');
    const patch = async (body: Record<string, unknown>) => {
      const cur = (await t.call('GET', `/api/v1/institutions/${id}`, { cookie: district })).json();
      t.clock.advance(1000);
      const res = await t.call('PATCH', `/api/v1/institutions/${id}`, {
        cookie: district,
        body: { version: cur.version, ...body },
      });
      expect(res.statusCode).toBe(200);
    };
    const jobsOf = () =>
      countWhere(t, 'jobs', `kind = 'institutions.national_sync' and payload->>'institutionId' = '${id}'`);
    const before = await jobsOf();
    // Opening hours are not in the national record: nothing queued, no change record.
    await patch({ openingHours: '07:00-18:30' });
    expect(await jobsOf()).toBe(before);
    expect(await countWhere(t, 'institution_national_edits', `institution_id = '${id}'`)).toBe(0);
    expect((await itemOf(id)).state).toBe('synced');
    // The address is: a change record, the job queued with the edit.
    await patch({ address: '上海市青浦区盈港东路 100 号' });
    expect(await jobsOf()).toBe(before + 1);
    expect((await itemOf(id)).state).toBe('queued');
    await t.jobs.runDue();
    const item = await itemOf(id);
    expect(item.state).toBe('synced');
    expect(item.lastRecordId).toMatch(new RegExp(`^${id}-change-`));
    expect(fake.stored.get(item.lastRecordId)).toMatchObject({
      address: '上海市青浦区盈港东路 100 号',
      changeItems: '机构住所',
    });
  });

  it('nationalEditFields: only fields the national record carries, as the record shows them', async () => {
    const row = (await t.database.db.select().from(institutions).limit(1))[0]!;
    const filed = { ...row, filedAt: row.filedAt ?? new Date('2026-01-05T02:00:00Z') };
    expect(nationalEditFields(filed, { ...filed, openingHours: '06:00-20:00' })).toEqual([]);
    expect(nationalEditFields(filed, { ...filed, seats: filed.seats + 5 })).toEqual(['seats']);
    // The legal representative is masked in the record: 王明 → 王华 stays 王**.
    expect(
      nationalEditFields({ ...filed, directorName: '王明' }, { ...filed, directorName: '王华' }),
    ).toEqual([]);
    expect(
      nationalEditFields({ ...filed, directorName: '王明' }, { ...filed, directorName: '李明' }),
    ).toEqual(['directorName']);
    // Not filed: never.
    expect(nationalEditFields({ ...filed, filedAt: null }, { ...filed, seats: 1 })).toEqual([]);
  });

  it('a rejected field fails at once with the national message (no retry)', async () => {
    const id = await file(t, district, '青浦拒收托育园');
    await t.jobs.runDue();
    const item = await itemOf(id);
    expect(item.state).toBe('failed');
    expect(item.attempts).toBe(1);
    expect(item.message).toContain('creditCode');
    expect(item.message).toContain('统一社会信用代码与登记信息不一致');
    t.clock.advance(3600_000);
    await t.jobs.runDue();
    district = await t.login('district');
    expect(await itemOf(id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await countWhere(t, 'jobs', "kind = 'institutions.national_sync' and attempts > 1")).toBe(0);
  });

  it('a stored copy that differs lists the field, both values', async () => {
    const id = await file(t, district, '青浦差异托育园');
    await t.jobs.runDue();
    const item = await itemOf(id);
    expect(item.state).toBe('differs');
    expect(item.differences).toHaveLength(1);
    expect(item.differences[0]).toMatchObject({ field: 'address', zh: '机构住所' });
    expect(item.differences[0].national).toBe(`${item.differences[0].registry}（旧址）`);
    const differs = await list('differs');
    expect(differs.items.map((i: { institutionId: string }) => i.institutionId)).toEqual([id]);
  });

  it('a national side that is down is retried with backoff, then synced', async () => {
    fake.failNext = 2;
    const id = await file(t, district, '青浦重试托育园');
    await t.jobs.runDue();
    expect(await itemOf(id)).toMatchObject({ state: 'queued', attempts: 1 });
    expect((await itemOf(id)).message).toContain('http_error');
    // Not due before the backoff (30 s), due after it.
    t.clock.advance(10_000);
    await t.jobs.runDue();
    expect(await itemOf(id)).toMatchObject({ state: 'queued', attempts: 1 });
    t.clock.advance(25_000);
    await t.jobs.runDue();
    expect(await itemOf(id)).toMatchObject({ state: 'queued', attempts: 2 });
    t.clock.advance(61_000);
    await t.jobs.runDue();
    expect(await itemOf(id)).toMatchObject({ state: 'synced', attempts: 3 });
  });

  it('resend: district officers only, audited, queues again', async () => {
    district = await t.login('district');
    const id = await file(t, district, '青浦重发托育园');
    await t.jobs.runDue();
    const denied = await t.call('POST', `/api/v1/institutions/${id}/national-sync/resend`, {
      cookie: await t.login('town'),
    });
    expect(denied.statusCode).toBe(403);
    t.clock.advance(1000);
    const res = await t.call('POST', `/api/v1/institutions/${id}/national-sync/resend`, { cookie: district });
    expect(res.statusCode).toBe(202);
    expect(await countWhere(t, 'audit_log', "action = 'institutions.national_resend'")).toBe(1);
    expect((await itemOf(id)).state).toBe('queued');
    await t.jobs.runDue();
    expect((await itemOf(id)).state).toBe('synced');
    const draft = await buildInstitution(t.database.db, { name: '青浦草稿托育园', now: t.clock.now() });
    const notFiled = await t.call('POST', `/api/v1/institutions/${draft.id}/national-sync/resend`, {
      cookie: district,
    });
    expect(notFiled.statusCode).toBe(409);
    expect(town).toBeTruthy();
  });

  it('sync off: nothing queued, the list says so, resend refused', async () => {
    const cookie = await off.login('district');
    const id = await file(off, cookie, '青浦未配置托育园');
    expect(await countRows(off, 'institution_national_sync')).toBe(0);
    expect(await countWhere(off, 'jobs', "kind = 'institutions.national_sync'")).toBe(0);
    const res = await off.call('GET', '/api/v1/institutions/national-sync', { cookie });
    expect(res.json()).toEqual({ enabled: false, items: [] });
    const resend = await off.call('POST', `/api/v1/institutions/${id}/national-sync/resend`, { cookie });
    expect(resend.statusCode).toBe(409);
    expect(resend.json().code).toBe('institutions.national_sync_off');
  });

  it('demo states with sync off: the list answers the recorded rows (enabled:false), varied states', async () => {
    await seedInstitutionsDemo(off.database.db, {
      district: DISTRICT,
      rng: new Rng(15),
      now: off.clock.now(),
    });
    await seedNationalSyncDemo(off.database.db, { district: DISTRICT, now: off.clock.now() });
    const cookie = await off.login('district');
    const body = (await off.call('GET', '/api/v1/institutions/national-sync', { cookie })).json() as {
      enabled: boolean;
      items: { state: string; differences: { field: string; registry: string; national: string }[] }[];
    };
    expect(body.enabled).toBe(false);
    const by = (st: string) => body.items.filter((i) => i.state === st);
    expect(by('synced').length).toBeGreaterThan(body.items.length / 2);
    expect(by('differs').length).toBeGreaterThan(0);
    expect(by('failed').length).toBe(1);
    for (const d of by('differs')) {
      expect(d.differences.length).toBeGreaterThan(0);
      for (const f of d.differences) expect(f.registry).not.toBe(f.national);
    }
    const failed = (
      await off.call('GET', '/api/v1/institutions/national-sync?state=failed', { cookie })
    ).json() as { items: { message: string }[] };
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]!.message).toMatch(/creditCode/);
  });
});
