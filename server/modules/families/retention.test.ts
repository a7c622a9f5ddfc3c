/**
 * Retention (issue 11): the daily job anonymises exactly the families whose every child is past 4
 * years, keeps the rows (counts per town and year unchanged), ends their consents, is audited by the
 * system with counts only, and changes nothing on a second run. The plan targets of a past year do
 * not move when a family is anonymised later.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_YEARS } from '../../../domain/families/rules.ts';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { addChildren, buildFamily, XJ_COMMUNITY, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { districtActor } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { jobs } from '../../platform/jobs/tables.ts';
import { auditLog } from '../../platform/tables.ts';
import { retentionCutoff } from './retention.ts';
import { familyConsents, familyVisits } from './tables.ts';
import { familyTargets } from './targets.ts';

let t: TestApp;
let old: Awaited<ReturnType<typeof buildFamily>>;
let oldXj: Awaited<ReturnType<typeof buildFamily>>;
let young: Awaited<ReturnType<typeof buildFamily>>;
let mixed: Awaited<ReturnType<typeof buildFamily>>;
const OLD_NOW = new Date('2022-09-01T02:00:00Z');
const CONSENT_AT = new Date('2021-06-01T02:00:00Z');

const rowsOf = async (q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
const snapshot = async () =>
  JSON.stringify(
    await Promise.all(
      ['families', 'family_children', 'family_guardians', 'family_consents', 'family_visits'].map((tbl) =>
        rowsOf(sql`select * from ${sql.identifier(tbl)} order by id`),
      ),
    ),
  );
const counts = () =>
  rowsOf(sql`select f.town_code, extract(year from v.visited_on)::int as year, count(*)::int as visits,
    count(distinct f.id)::int as families
    from families f join family_visits v on v.district_code = f.district_code and v.family_id = f.id
    group by 1, 2 order by 1, 2`);

async function visit(familyId: string, townCode: string, communityCode: string, visitedOn: string) {
  const now = t.clock.now();
  await t.database.db.insert(familyVisits).values({
    districtCode: DISTRICT,
    id: uuidv7(now.getTime()),
    familyId,
    townCode,
    communityCode,
    scheduledFor: visitedOn,
    status: 'done',
    visitedOn,
    feeding: '母乳喂养，测试记录',
    handbookGiven: true,
    createdAt: now,
    updatedAt: now,
  });
}
async function consent(familyId: string, guardianId: string) {
  await t.database.db.insert(familyConsents).values({
    districtCode: DISTRICT,
    id: uuidv7(CONSENT_AT.getTime()),
    familyId,
    guardianId,
    purpose: 'home_visit',
    status: 'given',
    noticeVersion: 'v1',
    channel: 'paper',
    givenAt: CONSENT_AT,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // Clock: 2026-03-02. Past 4 years: born on or before 2022-03-02.
  old = await buildFamily(db, {
    seq: 51,
    birthDate: '2021-05-10',
    now: OLD_NOW,
    communityCode: ZJJ_COMMUNITY,
  });
  oldXj = await buildFamily(db, {
    seq: 52,
    birthDate: '2022-03-02',
    now: OLD_NOW,
    communityCode: XJ_COMMUNITY,
  });
  young = await buildFamily(db, {
    seq: 53,
    birthDate: '2022-03-04',
    now: OLD_NOW,
    communityCode: ZJJ_COMMUNITY,
  });
  mixed = await buildFamily(db, {
    seq: 54,
    birthDate: '2021-04-01',
    now: OLD_NOW,
    communityCode: ZJJ_COMMUNITY,
  });
  await addChildren(db, mixed.familyId, 1, { birthDate: '2024-02-01', seqFrom: 540 });
  await visit(old.familyId, '310118102', ZJJ_COMMUNITY, '2021-08-01');
  await visit(oldXj.familyId, '310118106', XJ_COMMUNITY, '2022-07-01');
  await visit(young.familyId, '310118102', ZJJ_COMMUNITY, '2022-07-02');
  for (const f of [old, oldXj, young, mixed]) await consent(f.familyId, f.guardianId);
  // A handbook given, with a note someone wrote about the family (cleared with the rest).
  await db.execute(sql`insert into family_distributions (district_code, id, family_id, town_code, item, given_on,
    given_by, given_by_name, note, created_at) values ('310118', '01900000-0000-7000-8000-0000000000d1',
    ${old.familyId}, '310118102', 'handbook', '2021-08-01', '01900000-0000-7000-8000-0000000000d2', '测试人员',
    '奶奶在家带娃，母亲外地工作', now())`);
});
afterAll(() => t.close());

describe('families.retention', () => {
  it('the cutoff: a child born on the day 4 years before is past the age', () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(4);
    expect(retentionCutoff('2026-03-02', 4)).toBe('2022-03-02');
    expect(retentionCutoff('2028-02-29', 4)).toBe('2024-02-28');
  });

  it('anonymises only families whose every child is past 4, keeps counts, is audited, a second run is a no-op', async () => {
    const year2021 = { actor: districtActor(DISTRICT, { userId: uuidv7(), username: 't', sessionId: 's' }) };
    const measure = (key: string, year: number) =>
      familyTargets
        .find((s) => s.key === key)!
        .measure(t.database.db, { ...year2021, year, asOf: t.clock.now() });
    const before = await counts();
    const visits2021 = await measure('home_visit_coverage', 2021);
    const handbook2022 = await measure('handbook_coverage', 2022);
    expect(visits2021).toMatchObject({ numerator: 1, denominator: 4 });

    await t.jobs.runDue();
    const [run] = await t.database.db.select().from(jobs).where(eq(jobs.kind, 'families.retention'));
    expect(run).toMatchObject({ status: 'succeeded' });
    expect(run!.result).toMatchObject({
      families: 2,
      children: 2,
      guardians: 2,
      consents: 2,
      cutoff: '2022-03-02',
    });

    const fams = await rowsOf(sql`select id, address, anonymised_at from families order by id`);
    const anonymised = fams.filter((f) => f.anonymised_at !== null).map((f) => f.id);
    expect(anonymised.sort()).toEqual([old.familyId, oldXj.familyId].sort());
    for (const f of [old, oldXj]) {
      const rows = JSON.stringify(
        await Promise.all([
          rowsOf(sql`select * from families where id = ${f.familyId}`),
          rowsOf(sql`select * from family_children where family_id = ${f.familyId}`),
          rowsOf(sql`select * from family_guardians where family_id = ${f.familyId}`),
          rowsOf(sql`select * from family_visits where family_id = ${f.familyId}`),
          rowsOf(sql`select * from family_distributions where family_id = ${f.familyId}`),
        ]),
      );
      for (const secret of [
        f.record.childName,
        f.record.guardians[0]!.name,
        f.record.address,
        '母乳喂养',
        '奶奶在家带娃',
        f.record.birthDate,
      ])
        expect(rows).not.toContain(secret);
      const [c] = await rowsOf(
        sql`select id_number, id_number_bidx, birth_date from family_children where family_id = ${f.familyId}`,
      );
      expect(c).toMatchObject({ id_number: null, id_number_bidx: null });
      expect(String(c!.birth_date)).toMatch(/-01$|01T/);
      const [g] = await rowsOf(
        sql`select id_number, id_number_bidx, mobile from family_guardians where family_id = ${f.familyId}`,
      );
      expect(g).toEqual({ id_number: null, id_number_bidx: null, mobile: null });
    }
    // The others keep their names and consents.
    const kept = await rowsOf(
      sql`select c.child_name, fc.status from family_children c join family_consents fc
        on fc.family_id = c.family_id where c.family_id in (${young.familyId}, ${mixed.familyId}) order by c.child_name`,
    );
    expect(kept.map((k) => k.status)).toEqual(['given', 'given', 'given']);
    expect(kept.map((k) => k.child_name)).toContain(young.record.childName);
    const ended = await t.database.db
      .select({ status: familyConsents.status })
      .from(familyConsents)
      .where(and(eq(familyConsents.districtCode, DISTRICT), eq(familyConsents.familyId, old.familyId)));
    expect(ended).toEqual([{ status: 'withdrawn' }]);

    // Aggregates stay; a past year's targets do not move.
    expect(await counts()).toEqual(before);
    expect(await measure('home_visit_coverage', 2021)).toEqual(visits2021);
    expect(await measure('handbook_coverage', 2022)).toEqual(handbook2022);
    // The current year no longer counts the anonymised families.
    expect((await measure('handbook_coverage', 2026)).denominator).toBe(2);

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'families.retention'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUsername: 'system:jobs', actorId: null });
    expect(audits[0]!.changes).toMatchObject({ families: 2, children: 2, years: 4 });
    expect(JSON.stringify(audits[0])).not.toContain(old.familyId);
    expect(JSON.stringify(audits[0])).not.toContain(old.record.childName);

    // The next day: the job runs again and changes nothing.
    const after = await snapshot();
    t.clock.advance(24 * 3600_000);
    await t.jobs.runDue();
    const runs = await t.database.db.select().from(jobs).where(eq(jobs.kind, 'families.retention'));
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    expect(await snapshot()).toBe(after);
    expect(
      await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'families.retention')),
    ).toHaveLength(1);
  });
});
