/**
 * The workforce plan targets measured in SQL (targets.ts, issue 13) against the staffing compliance
 * report they were computed from before (compliance.ts): the same numbers, by-town shares and drill-down
 * rows — on a hand-built set whose counts are known, and on the demo district — for the district, a
 * town officer, an institution's admin, a town filter, the plan rows' skills / ethics values and none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { actorFor, contextFor } from '../../../test/factories/context.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaff } from '../../../test/factories/workforce.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import type { Actor } from '../../platform/context.ts';
import type { TargetDrillRow, TargetKey, TargetMeasure, TargetQuery } from '../../platform/targets.ts';
import { seedInstitutionsDemo } from '../institutions/demo.ts';
import { computeCompliance, maskedName } from './compliance.ts';
import { seedWorkforceDemo } from './demo.ts';
import { createWorkforceService } from './service.ts';
import { workforceTargets } from './targets.ts';

const KEYS: TargetKey[] = ['certified_rate', 'training_hours', 'district_trainings'];
const source = (key: TargetKey) => workforceTargets.find((s) => s.key === key)!;

/** What the targets answered when they were computed from the whole compliance report (before issue 13's SQL). */
async function fromCompliance(
  t: TestApp,
  q: TargetQuery,
  key: TargetKey,
): Promise<{ measure: TargetMeasure; rows: TargetDrillRow[] }> {
  const c = await computeCompliance(
    t.database.db,
    q.actor,
    { townCode: key === 'district_trainings' ? undefined : q.townCode },
    q.asOf,
  );
  if (key === 'certified_rate')
    return {
      measure: {
        value: c.district.rate ?? 0,
        numerator: c.district.certified,
        denominator: c.district.staff,
        unit: 'share',
        byTown: Object.fromEntries(c.byTown.map((x) => [x.townCode, x.rate ?? 0])),
      },
      rows: c.byInstitution.map((i) => ({
        id: i.institutionId,
        kind: 'institution',
        label: i.institutionName,
        townCode: i.townCode,
        counts: i.certified === i.staff,
        note: `持证 ${i.certified}/${i.staff}`,
      })),
    };
  if (key === 'district_trainings')
    return {
      measure: { value: c.districtTrainings.count, unit: 'count' },
      rows: c.trainingEvents.map((e) => ({
        id: e.id,
        kind: 'training',
        label: e.title,
        counts: true,
        note: e.startDate,
      })),
    };
  const tq = q.target;
  const kind = tq?.metric.startsWith('ethics') ? 'ethics' : 'skills';
  const reached = (p: (typeof c.people)[number]) => (tq ? p.hours[kind] >= tq.value : p.met);
  const met = c.people.filter(reached).length;
  const towns = [...new Set(c.people.map((p) => p.townCode))];
  // The old rows came in the database's unordered scan order; the SQL pages them by the person's
  // employment: its start, then its id.
  const order = (p: (typeof c.people)[number]) => `${p.startDate} ${p.employmentId}`;
  const people = [...c.people].sort((a, b) => (order(a) < order(b) ? -1 : 1));
  return {
    measure: {
      value: c.people.length ? met / c.people.length : 0,
      numerator: met,
      denominator: c.people.length,
      unit: 'share',
      byTown: Object.fromEntries(
        towns.map((x) => {
          const list = c.people.filter((p) => p.townCode === x);
          return [x, list.filter(reached).length / list.length];
        }),
      ),
    },
    rows: people.map((p) => ({
      id: p.staffId,
      kind: 'staff',
      label: `${maskedName(p.name)}（${findDivision(p.townCode)?.nameZh ?? p.townCode}）`,
      townCode: p.townCode,
      counts: reached(p),
      note: reached(p) ? 'met' : p.behind ? 'behind' : 'on_track',
    })),
  };
}

/** Every drill-down row, read a page of `size` at a time (the total must be the same on every page). */
async function allRows(t: TestApp, q: TargetQuery, key: TargetKey, size: number) {
  const rows: TargetDrillRow[] = [];
  let total = -1;
  for (let offset = 0; offset === 0 || offset < total; offset += size) {
    const page = await source(key).drillDown(t.database.db, q, { offset, limit: size });
    if (total >= 0) expect(page.total).toBe(total);
    total = page.total;
    expect(page.rows.length).toBe(Math.max(0, Math.min(size, total - offset)));
    rows.push(...page.rows);
  }
  return { rows, total };
}

async function expectSameAsCompliance(t: TestApp, q: TargetQuery, pageSize: number) {
  for (const key of KEYS) {
    const old = await fromCompliance(t, q, key);
    const measure = await source(key).measure(t.database.db, q);
    expect(measure, key).toEqual(old.measure);
    const drill = await allRows(t, q, key, pageSize);
    expect(drill.total, key).toBe(old.rows.length);
    expect(drill.rows, key).toEqual(old.rows);
  }
}

describe('on a hand-built set with known counts', () => {
  let t: TestApp;
  let district: Actor;
  let instA: InstitutionDetail;
  const ids: Record<string, string> = {};
  const MARCH = new Date('2026-03-02T01:00:00Z'); // 2026-03-02 in China: 2/12 of the year expected
  const JANUARY = new Date('2026-01-20T01:00:00Z'); // before everyone's start: nothing expected yet

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const now = t.clock.now();
    district = actorFor();
    instA = await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, name: '甲托育园', now });
    const instB = await buildInstitution(db, {
      status: 'operating',
      townCode: ZHUJIAJIAO,
      name: '乙托育园',
      now,
    });
    const instX = await buildInstitution(db, {
      status: 'operating',
      townCode: XUJING,
      name: '徐泾托育园',
      now,
    });
    // Not measured: a filing under review (its classes and staff are not in service).
    const instR = await buildInstitution(db, {
      status: 'submitted',
      townCode: XUJING,
      name: '审核中托育园',
      now,
    });
    const svc = createWorkforceService({ db, jobs: t.jobs });
    const ctx = contextFor(district, now);
    const hire = async (key: string, inst: InstitutionDetail, o: Parameters<typeof buildStaff>[3] = {}) => {
      const d = await buildStaff(db, t.jobs, inst.id, { name: `人员${key}`, now, ...o });
      ids[key] = d.id;
      return d;
    };
    const health = { type: 'health' as const };
    // 甲 (朱家角): a1 certified (caregiver + health); a2 an infant carer with the caregiver certificate
    // (any of the two) + health; a3's health certificate expired; a4 without health.
    await hire('a1', instA, { certificates: [{ type: 'caregiver' }, health] });
    await hire('a2', instA, { post: 'infant_carer', certificates: [{ type: 'caregiver' }, health] });
    await hire('a3', instA, {
      certificates: [{ type: 'caregiver' }, { type: 'health', expiresOn: '2025-12-31' }],
    });
    await hire('a4', instA, { certificates: [{ type: 'caregiver' }] });
    // 乙 (朱家角): b1 a certified teacher, also the director of 徐泾 (a second employment, certified).
    await hire('b1', instB, { post: 'teacher', certificates: [{ type: 'teacher' }, health] });
    await svc.addEmployment(ctx, district, ids.b1!, {
      institutionId: instX.id,
      post: 'director',
      startDate: '2026-02-15',
      labourContract: true,
      socialInsurance: true,
      checks: [],
    });
    // 徐泾: x1 certified with a health certificate issued 2026-02-15 that expires today (still valid);
    // x2 a cook without certificates; late hired 2026-03-01 (after the January measure), certified.
    await hire('x1', instX, { certificates: [{ type: 'infant_carer' }] });
    await svc.addCertificate(ctx, district, ids.x1!, {
      type: 'health',
      number: 'H-X1',
      issuer: '青浦区疾病预防控制中心',
      issuedOn: '2026-02-15',
      expiresOn: '2026-03-02',
    });
    await hire('x2', instX, { post: 'cook' });
    await hire('late', instX, { startDate: '2026-03-01', certificates: [{ type: 'caregiver' }, health] });
    // Not counted: an ended employment (with hours), and staff of an institution not in service.
    const [ended] = (await hire('ended', instA, { certificates: [{ type: 'caregiver' }, health] }))
      .employments;
    await svc.endEmployment(ctx, district, ids.ended!, ended!.id, { endDate: '2026-02-28', version: 1 });
    await hire('review', instR, { certificates: [{ type: 'caregiver' }, health] });

    const training = async (
      title: string,
      category: 'skills' | 'ethics' | 'safety',
      startDate: string,
      endDate: string,
      hours: number,
      districtLevel: boolean,
    ) =>
      (
        await svc.createTraining(ctx, district, {
          title,
          organiser: '区托育指导中心',
          category,
          startDate,
          endDate,
          hours,
          districtLevel,
        })
      ).id;
    const skills = await training('技能培训', 'skills', '2026-02-09', '2026-02-13', 80, true);
    const ethics = await training('师德培训', 'ethics', '2026-02-16', '2026-02-17', 40, true);
    const safety = await training('园内安全培训', 'safety', '2026-02-20', '2026-02-20', 8, false);
    const lastYear = await training('去年技能培训', 'skills', '2025-11-03', '2025-11-07', 80, true);
    const attend = (event: string, who: string[], hours: number) =>
      svc.addAttendance(ctx, district, event, { staffIds: who.map((k) => ids[k]!), hours });
    // skills: a1 72 (at the value), a2 63.5 + 8 = 71.5 (just below; 10 h last year do not count),
    // b1 20, x1 80; ethics: a1 40, a2 40, b1 10, x1 39.5 (just below); the ended person 80 + 40.
    await attend(skills, ['a1'], 72);
    await attend(skills, ['a2'], 63.5);
    await attend(safety, ['a2'], 8);
    await attend(lastYear, ['a2'], 10);
    await attend(skills, ['b1'], 20);
    await attend(skills, ['x1', 'ended'], 80);
    await attend(ethics, ['a1', 'a2', 'ended'], 40);
    await attend(ethics, ['b1'], 10);
    await attend(ethics, ['x1'], 39.5);
  }, 120_000);
  afterAll(() => t?.close());

  const q = (o: Partial<TargetQuery> = {}): TargetQuery => ({
    actor: district,
    year: 2026,
    asOf: MARCH,
    ...o,
  });
  const measure = (key: TargetKey, query: TargetQuery) => source(key).measure(t.database.db, query);
  const SKILLS = { metric: 'skills_hours', value: 72 };
  const ETHICS = { metric: 'ethics_hours', value: 40 };

  it('持证上岗率 counts employments certified on the day: 6 of 9 (the director post counts too)', async () => {
    expect(await measure('certified_rate', q())).toEqual({
      value: 6 / 9,
      numerator: 6,
      denominator: 9,
      unit: 'share',
      byTown: { [ZHUJIAJIAO]: 3 / 5, [XUJING]: 3 / 4 },
    });
    // In January x1's health certificate was not issued yet.
    expect(await measure('certified_rate', q({ asOf: JANUARY }))).toMatchObject({
      numerator: 5,
      denominator: 9,
    });
    // 徐泾's officer: b1's director post, x1, x2, late.
    const town = actorFor('town_officer', { kind: 'division', divisionCode: XUJING });
    expect(await measure('certified_rate', q({ actor: town }))).toMatchObject({
      numerator: 3,
      denominator: 4,
    });
  });

  it('training hours count people once, at their first employment, against the plan row’s value', async () => {
    // 8 people: a1–a4 and b1 in 朱家角, x1, x2, late in 徐泾.
    expect(await measure('training_hours', q({ target: SKILLS }))).toEqual({
      value: 2 / 8,
      numerator: 2, // a1 (72), x1 (80); a2's 71.5 is below, last year's hours do not count
      denominator: 8,
      unit: 'share',
      byTown: { [ZHUJIAJIAO]: 1 / 5, [XUJING]: 1 / 3 },
    });
    expect(await measure('training_hours', q({ target: ETHICS }))).toMatchObject({ numerator: 2 }); // a1, a2
    expect(await measure('training_hours', q({ target: { ...SKILLS, value: 71.5 } }))).toMatchObject({
      numerator: 3,
    });
    expect(await measure('training_hours', q())).toMatchObject({ numerator: 1, denominator: 8 }); // both: a1
    // 徐泾's officer sees b1 at the 徐泾 employment.
    const town = actorFor('town_officer', { kind: 'division', divisionCode: XUJING });
    expect(await measure('training_hours', q({ actor: town, target: SKILLS }))).toEqual({
      value: 1 / 4,
      numerator: 1,
      denominator: 4,
      unit: 'share',
      byTown: { [XUJING]: 1 / 4 },
    });
    const drill = await source('training_hours').drillDown(t.database.db, q({ target: SKILLS }), {
      offset: 0,
      limit: 20,
    });
    expect(drill.total).toBe(8);
    const note = (k: string) => drill.rows.find((r) => r.id === ids[k])?.note;
    expect([note('a1'), note('a2'), note('a3'), note('b1'), note('x1')]).toEqual([
      'met',
      'on_track', // 71.5 skills and 40 ethics: past March's 12 and 6.7
      'behind',
      'on_track',
      'met',
    ]);
    expect(drill.rows.some((r) => r.id === ids.ended || r.id === ids.review)).toBe(false);
  });

  it('district trainings: this year’s district-level ones (2), whoever asks', async () => {
    expect(await measure('district_trainings', q())).toEqual({ value: 2, unit: 'count' });
    const admin = actorFor('institution_admin', { kind: 'institution', institutionId: instA.id });
    const drill = await source('district_trainings').drillDown(t.database.db, q({ actor: admin }), {
      offset: 1,
      limit: 5,
    });
    expect(drill).toEqual({
      total: 2,
      rows: [
        { id: expect.any(String), kind: 'training', label: '师德培训', counts: true, note: '2026-02-16' },
      ],
    });
  });

  it('equals the compliance report for every scope, town, value and day, page by page', async () => {
    const town = actorFor('town_officer', { kind: 'division', divisionCode: XUJING });
    const admin = actorFor('institution_admin', { kind: 'institution', institutionId: instA.id });
    for (const query of [
      q(),
      q({ target: SKILLS }),
      q({ target: ETHICS, asOf: JANUARY }),
      q({ townCode: ZHUJIAJIAO, target: SKILLS }),
      q({ actor: town, target: ETHICS }),
      q({ actor: admin }),
    ])
      await expectSameAsCompliance(t, query, 3);
  });
});

describe('on the demo district', () => {
  let t: TestApp;
  const NOW = new Date('2026-06-15T02:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    const rng = new Rng(districtSeed(20210827, DISTRICT));
    const { demoInstitutionId } = await seedInstitutionsDemo(t.database.db, {
      district: DISTRICT,
      rng,
      now: NOW,
    });
    await seedWorkforceDemo(t.database.db, {
      district: DISTRICT,
      rng,
      now: NOW,
      demoInstitutionId,
      demoFamilyId: '01900000-0000-7000-8000-000000000001',
      accounts: new Map(),
    });
  }, 240_000);
  afterAll(() => t?.close());

  it('equals the compliance report: district, a town, a town officer, an institution', async () => {
    const db = t.database.db;
    const base = { year: 2026, asOf: NOW };
    const district = actorFor();
    const [inst] = (await computeCompliance(db, district, { townCode: XUJING }, NOW)).byInstitution;
    const admin = actorFor('institution_admin', { kind: 'institution', institutionId: inst!.institutionId });
    const town = actorFor('town_officer', { kind: 'division', divisionCode: XUJING });
    const all = await source('training_hours').measure(db, { ...base, actor: district });
    expect(all.denominator).toBeGreaterThan(500);
    for (const query of [
      { ...base, actor: district },
      { ...base, actor: district, target: { metric: 'skills_hours', value: 72 } },
      { ...base, actor: district, townCode: ZHUJIAJIAO, target: { metric: 'ethics_hours', value: 40 } },
      { ...base, actor: town, target: { metric: 'skills_hours', value: 30 } },
      { ...base, actor: admin },
    ])
      await expectSameAsCompliance(t, query, 100);
  }, 120_000);
});
