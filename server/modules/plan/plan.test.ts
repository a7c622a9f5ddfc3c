/**
 * Issue 13: plan targets as data, measured from a hand-built registry with known counts; drill-down
 * rows sum to the headline; a town officer sees its town's targets only; 'no_data' for a key with no
 * source; carried forward after the 2021–2023 period; a successor plan from the console; changing a
 * successor's target values after an impact preview.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillPage, PlanDashboard, PlanTarget } from '../../../domain/contracts/plan.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { actorFor, contextFor } from '../../../test/factories/context.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildPlan } from '../../../test/factories/plan.ts';
import { buildStaffInput } from '../../../test/factories/workforce.ts';
import { auditLog } from '../../platform/tables.ts';
import { institutions } from '../institutions/tables.ts';
import { institutionTargetSources } from '../institutions/targets.ts';
import { createWorkforceService } from '../workforce/service.ts';
import { trainingAttendance, trainingEvents } from '../workforce/tables.ts';
import { planTargets } from './tables.ts';

let t: TestApp;
const d = (iso: string) => new Date(iso);
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('plan_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('plan_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('plan_inst', 'institution_admin', null);
  const db = t.database.db;
  await buildPlan(db);
  // 朱家角: two inclusive (one filed 2026, one 2025); two kindergartens filed 2026 (one with a toddler class).
  await buildInstitution(db, {
    name: '甲托育园',
    townCode: ZHUJIAJIAO,
    status: 'operating',
    now: d('2026-03-02T02:00:00Z'),
  });
  await buildInstitution(db, {
    name: '乙托育园',
    townCode: ZHUJIAJIAO,
    status: 'operating',
    now: d('2025-05-06T02:00:00Z'),
  });
  await buildInstitution(db, {
    name: '丙幼儿园',
    kind: 'kindergarten',
    inclusive: false,
    townCode: ZHUJIAJIAO,
    status: 'filed',
    now: d('2026-02-03T02:00:00Z'),
  });
  await buildInstitution(db, {
    name: '丁幼儿园',
    kind: 'kindergarten',
    inclusive: false,
    townCode: ZHUJIAJIAO,
    classes: [],
    status: 'filed',
    now: d('2026-02-04T02:00:00Z'),
  });
  // 徐泾: one inclusive filed 2026, one not inclusive, a kindergarten with toddler class filed 2024, and a draft.
  await buildInstitution(db, {
    name: '戊托育点',
    townCode: XUJING,
    status: 'filed',
    now: d('2026-04-01T02:00:00Z'),
  });
  await buildInstitution(db, {
    name: '己托育园',
    townCode: XUJING,
    inclusive: false,
    status: 'filed',
    now: d('2026-04-02T02:00:00Z'),
  });
  await buildInstitution(db, {
    name: '庚幼儿园',
    kind: 'kindergarten',
    inclusive: false,
    townCode: XUJING,
    status: 'operating',
    now: d('2024-09-02T02:00:00Z'),
  });
  await buildInstitution(db, {
    name: '辛托育园',
    townCode: XUJING,
    status: 'draft',
    now: d('2026-04-03T02:00:00Z'),
  });
  t.clock.advance(d('2026-06-30T02:00:00Z').getTime() - t.clock.now().getTime());
});
afterAll(() => t.close());

const get = async <T>(who: string, url: string) => {
  const res = await t.call('GET', url, { cookie: await t.login(who) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
/** A district-level training of 2026 (one more for the `district_trainings` target): an audited write. */
async function recordDistrictTraining(app: TestApp, cookie: string, title: string) {
  const res = await app.call('POST', '/api/v1/workforce/trainings', {
    cookie,
    body: {
      title,
      organiser: '区托育指导中心',
      category: 'skills',
      startDate: '2026-06-01',
      endDate: '2026-06-01',
      hours: 4,
      districtLevel: true,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}
const byKey = (dash: PlanDashboard, key: string): PlanTarget => {
  const row = dash.targets.find((r) => r.key === key);
  if (!row) throw new Error(`no ${key}`);
  return row;
};

describe('plan targets measured from the registry', () => {
  it('counts the hand-built registry for 2026 (carried forward from 2023)', async () => {
    const dash = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    expect(dash.carriedForward).toBe(true);
    expect(dash.carriedFromYear).toBe(2023);
    expect(dash.version?.docNumber).toBe('青府办发〔2021〕35号');
    expect(dash.targets.every((r) => r.scope === 'district')).toBe(true);

    const points = byKey(dash, 'inclusive_points_new');
    expect(points.measured?.value).toBe(2); // 甲 and 戊 (乙 filed 2025; 辛 is a draft)
    expect(points.measured?.byTown).toEqual({ [ZHUJIAJIAO]: 1, [XUJING]: 1 });
    expect(points.value).toBe(2);
    expect(points.valueMax).toBe(3);
    expect(points.status).toBe('met');
    expect(points.periodStart).toBe('2026-01-01');

    const towns = byKey(dash, 'towns_with_inclusive');
    expect([towns.measured?.numerator, towns.measured?.denominator]).toEqual([2, 11]);
    expect(towns.scaled).toBeCloseTo(200 / 11);
    expect(towns.status).toBe('at_risk');

    const share = byKey(dash, 'kindergarten_toddler_share');
    expect([share.measured?.numerator, share.measured?.denominator]).toEqual([2, 3]); // 丙, 庚 of 丙 丁 庚
    expect(share.status).toBe('met');

    const fresh = byKey(dash, 'kindergartens_new_toddler_classes');
    expect([fresh.measured?.numerator, fresh.measured?.denominator]).toEqual([1, 2]); // 丙 of 丙 丁
    expect(fresh.value).toBeNull();
    expect(fresh.status).toBe('measured');
  });

  it("shows 'no_data' for every target whose module registered no source, and measured-only for the 15-minute circle", async () => {
    const dash = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    for (const target of dash.targets) {
      if (target.sourceModule !== null) continue;
      expect(target.status, target.key).toBe('no_data');
      expect(target.measured, target.key).toBeNull();
    }
    // A module that registers a source is named (workforce measures 持证上岗率).
    expect(byKey(dash, 'certified_rate').sourceModule).toBe('workforce');
    expect(byKey(dash, 'certified_rate').status).not.toBe('no_data');
    const circle = byKey(dash, 'fifteen_minute_coverage');
    expect(circle.value).toBeNull();
    expect(circle.citation).toContain('青府办发〔2021〕35号');
  });

  it('a 2021 target runs from the effective date 2021-08-27; 2022 is inside the plan', async () => {
    const y2021 = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2021');
    expect(byKey(y2021, 'inclusive_points_new').periodStart).toBe('2021-08-27');
    const y2022 = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2022');
    expect(y2022.carriedForward).toBe(false);
    const p = byKey(y2022, 'inclusive_points_new');
    expect([p.year, p.measured?.value, p.status]).toEqual([2022, 0, 'missed']);
  });

  it('drill-down rows that count sum to the headline', async () => {
    const dash = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    for (const key of ['inclusive_points_new', 'towns_with_inclusive', 'kindergarten_toddler_share']) {
      const target = byKey(dash, key);
      const page = await get<DrillPage>(
        'plan_d',
        `/api/v1/plan/targets/${target.id}/rows?year=2026&pageSize=100`,
      );
      const counted = page.items.filter((r) => r.counts).length;
      expect(counted).toBe(target.measured?.numerator ?? target.measured?.value);
      expect(page.total).toBe(page.items.length);
    }
    const share = byKey(dash, 'kindergarten_toddler_share');
    const rows = await get<DrillPage>('plan_d', `/api/v1/plan/targets/${share.id}/rows?pageSize=2`);
    expect([rows.items.length, rows.total]).toEqual([2, 3]);
  });
});

describe('scope', () => {
  it("a town officer sees its town's targets only, measured over its town", async () => {
    const dash = await get<PlanDashboard>('plan_town', '/api/v1/plan/targets?year=2026');
    expect(dash.targets.length).toBeGreaterThan(0);
    expect(dash.targets.every((r) => r.scope === 'town' && r.townCode === ZHUJIAJIAO)).toBe(true);
    const towns = byKey(dash, 'towns_with_inclusive');
    expect([towns.measured?.numerator, towns.measured?.denominator, towns.status]).toEqual([1, 1, 'met']);
    // A district row is not found for the town officer.
    const district = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    const res = await t.call(
      'GET',
      `/api/v1/plan/targets/${byKey(district, 'inclusive_points_new').id}/rows`,
      {
        cookie: await t.login('plan_town'),
      },
    );
    expect(res.statusCode).toBe(404);
  });

  it("a source under the town officer's actor counts its town only", async () => {
    const source = institutionTargetSources.find((s) => s.key === 'inclusive_points_new')!;
    const actor = {
      userId: 'x',
      username: 'x',
      districtCode: DISTRICT,
      role: 'town_officer' as const,
      scope: { kind: 'division' as const, divisionCode: XUJING },
      sessionId: 'x',
    };
    const m = await source.measure(t.database.db, { actor, year: 2026, asOf: t.clock.now() });
    expect(m.value).toBe(1);
  });

  it('an institution admin may not read plan targets', async () => {
    const res = await t.call('GET', '/api/v1/plan/targets', { cookie: await t.login('plan_inst') });
    expect(res.statusCode).toBe(403);
  });
});

describe('successor plan', () => {
  it('refuses a period that starts before the previous plan ends, writing nothing', async () => {
    const before = await countRows(t, 'plan_versions');
    const res = await t.call('POST', '/api/v1/plan/versions', {
      cookie: await t.login('plan_d'),
      body: {
        code: 'qp-2023',
        title: '接续计划',
        docNumber: '青府办发〔2025〕1号',
        citation: '测试',
        periodStart: '2023-06-01',
        periodEnd: '2026-12-31',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(await countRows(t, 'plan_versions')).toBe(before);
  });

  it('copies the last plan year into a new version; 2026 is then no longer carried forward', async () => {
    const res = await t.call('POST', '/api/v1/plan/versions', {
      cookie: await t.login('plan_d'),
      body: {
        code: 'qp-2025',
        title: '青浦区托育服务接续计划（测试）',
        docNumber: '测试〔2025〕1号',
        citation: '测试〔2025〕1号 二、发展目标',
        periodStart: '2025-03-01',
        periodEnd: '2027-12-31',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const dash = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    expect(dash.carriedForward).toBe(false);
    expect(dash.version?.id).toBe(id);
    expect(byKey(dash, 'inclusive_points_new').citation).toBe('测试〔2025〕1号 二、发展目标');
    const rows = await t.database.db
      .select()
      .from(planTargets)
      .where(
        and(
          eq(planTargets.districtCode, DISTRICT),
          eq(planTargets.versionId, id),
          eq(planTargets.year, 2025),
        ),
      );
    expect(rows.find((r) => r.targetKey === 'inclusive_points_new')?.periodStart).toBe('2025-03-01');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audit.map((a) => a.action)).toEqual(['plan.create_successor']);
    const old = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2022');
    expect(old.version?.code).toBe('qp-qfbf-2021-35');
  });
});

describe('home page', () => {
  it("the district and town officers' home pages count their targets by status", async () => {
    const district = await get<{ widgets: { id: string; items: { key: string; value: number }[] }[] }>(
      'plan_d',
      '/api/v1/dashboard',
    );
    const w = district.widgets.find((x) => x.id === 'plan.targets');
    const page = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets');
    expect(w?.items.reduce((a, i) => a + i.value, 0)).toBe(page.targets.length);
    const town = await get<{ widgets: { id: string; items: { key: string; value: number }[] }[] }>(
      'plan_town',
      '/api/v1/dashboard',
    );
    const tw = town.widgets.find((x) => x.id === 'plan.targets');
    const townPage = await get<PlanDashboard>('plan_town', '/api/v1/plan/targets');
    expect(tw?.items.reduce((a, i) => a + i.value, 0)).toBe(townPage.targets.length);
  });
});

describe('public disclosure', () => {
  it('the portal gets the district targets as numbers only, without ids or drill-down', async () => {
    const res = await t.call('GET', '/api/v1/public/plan?year=2022');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const district = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2022');
    expect(body.targets.map((r: { scaled: number | null }) => r.scaled)).toEqual(
      district.targets.map((r) => r.scaled),
    );
    expect(body.targets[0]).not.toHaveProperty('id');
    expect(body.targets[0]).not.toHaveProperty('measured');
  });
});

describe("changing a successor plan's target values (impact preview first)", () => {
  const targetRows = (versionId: string, seedId: string) =>
    t.database.db
      .select()
      .from(planTargets)
      .where(
        and(
          eq(planTargets.districtCode, DISTRICT),
          eq(planTargets.versionId, versionId),
          eq(planTargets.seedId, seedId),
        ),
      );
  const successorId = async () => {
    const versions = await get<{ id: string; code: string }[]>('plan_d', '/api/v1/plan/versions');
    return versions.find((v) => v.code === 'qp-2025')!.id;
  };

  it('lists the version targets; the seeded plan document is not editable', async () => {
    const versions = await get<{ id: string; code: string }[]>('plan_d', '/api/v1/plan/versions');
    const seeded = versions.find((v) => v.code === 'qp-qfbf-2021-35')!;
    const doc = await get<{ editable: boolean; targets: { seedId: string }[] }>(
      'plan_d',
      `/api/v1/plan/versions/${seeded.id}/targets`,
    );
    expect(doc.editable).toBe(false);
    const next = await get<{ editable: boolean; targets: { seedId: string; key: string; value: number }[] }>(
      'plan_d',
      `/api/v1/plan/versions/${await successorId()}/targets`,
    );
    expect(next.editable).toBe(true);
    expect(new Set(next.targets.map((x) => x.seedId)).size).toBe(next.targets.length);
    expect(next.targets.find((x) => x.key === 'kindergarten_toddler_share')?.value).toBe(50);
    const locked = await t.call('POST', `/api/v1/plan/versions/${seeded.id}/preview`, {
      cookie: await t.login('plan_d'),
      body: { changes: [{ seedId: 'x', value: 1 }] },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('plan.version_locked');
  });

  it('previews the status under the new value with the same measurement, writing nothing', async () => {
    const id = await successorId();
    const dash = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    const share = byKey(dash, 'kindergarten_toddler_share');
    const cookie = await t.login('plan_d');
    const audits = await countRows(t, 'audit_log');
    const res = await t.call('POST', `/api/v1/plan/versions/${id}/preview`, {
      cookie,
      body: { changes: [{ seedId: share.seedId, value: 100 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ versionId: id, year: 2026, updated: 0 });
    const district = p.rows.find((r: { townCode: string | null }) => r.townCode === null);
    expect(district).toMatchObject({
      seedId: share.seedId,
      before: { value: 50, status: share.status },
      after: { value: 100 },
    });
    expect(district.scaled).toBeCloseTo(share.scaled!);
    // 100% is met only if every kindergarten has a toddler class
    expect(district.after.status === 'met').toBe(share.scaled === 100);
    expect(p.changed).toBe(p.rows.filter((r: { changes: boolean }) => r.changes).length);
    expect(await countRows(t, 'audit_log')).toBe(audits);
    const again = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    expect(byKey(again, 'kindergarten_toddler_share').value).toBe(50);
  });

  it.each([
    [{ changes: [{ seedId: 'qp-nope', value: 1 }], citation: '测试' }, 'changes.0.seedId', 'unknown_target'],
    [{ changes: [{ seedId: 'SHARE', value: 120 }], citation: '测试' }, 'changes.0.value', 'max_100_pct'],
    [
      { changes: [{ seedId: 'SHARE', value: 60, valueMax: 55 }], citation: '测试' },
      'changes.0.valueMax',
      'range_reversed',
    ],
  ])('refuses %j: 400 naming %s (%s) in Chinese and English, nothing written', async (body, field, rule) => {
    const id = await successorId();
    const dash = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    const seed = byKey(dash, 'kindergarten_toddler_share').seedId;
    const cookie = await t.login('plan_d');
    const audits = await countRows(t, 'audit_log');
    const res = await t.call('PATCH', `/api/v1/plan/versions/${id}/targets`, {
      cookie,
      body: {
        ...body,
        changes: body.changes.map((c) => ({ ...c, seedId: c.seedId === 'SHARE' ? seed : c.seedId })),
      },
    });
    expect(res.statusCode).toBe(400);
    const e = res.json().errors[0];
    expect(e).toMatchObject({ field, rule });
    expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message_en).toMatch(/[a-z]/);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('a per-unit target (skills hours per practitioner) is measured again against the new value', async () => {
    const db = t.database.db;
    const [inst] = await db
      .select({ id: institutions.id })
      .from(institutions)
      .where(and(eq(institutions.districtCode, DISTRICT), eq(institutions.name, '甲托育园')));
    const wf = createWorkforceService({ db, jobs: t.jobs });
    const ctx = contextFor(actorFor(), t.clock.now());
    const a = await wf.create(ctx, actorFor(), buildStaffInput(inst!.id) as never);
    const b = await wf.create(ctx, actorFor(), buildStaffInput(inst!.id) as never);
    // 2026 skills training: A 70 hours, B 40 (both under 72; A reaches 60, both reach 30).
    const event = (id: string, hours: number) => ({
      districtCode: DISTRICT,
      id,
      title: `技能培训 ${hours}`,
      organiser: '区托育指导中心',
      category: 'skills' as const,
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      hours,
      districtLevel: false,
      institutionId: null,
      createdBy: null,
      createdAt: t.clock.now(),
    });
    const e70 = '01900000-0000-7000-8000-00000000a070';
    const e40 = '01900000-0000-7000-8000-00000000a040';
    await db.insert(trainingEvents).values([event(e70, 70), event(e40, 40)]);
    await db.insert(trainingAttendance).values([
      { districtCode: DISTRICT, eventId: e70, staffId: a.id, hours: 70, createdAt: t.clock.now() },
      { districtCode: DISTRICT, eventId: e40, staffId: b.id, hours: 40, createdAt: t.clock.now() },
    ]);
    const id = await successorId();
    const version = await get<{ targets: { seedId: string; key: string; value: number }[] }>(
      'plan_d',
      `/api/v1/plan/versions/${id}/targets`,
    );
    const skills = version.targets.find((x) => x.key === 'training_hours' && x.value === 72)!;
    const preview = async (value: number) => {
      const res = await t.call('POST', `/api/v1/plan/versions/${id}/preview`, {
        cookie: await t.login('plan_d'),
        body: { changes: [{ seedId: skills.seedId, value }] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().rows.find((r: { townCode: string | null }) => r.townCode === null);
    };
    const at60 = await preview(60);
    expect(at60).toMatchObject({ perUnit: true, before: { value: 72 }, after: { value: 60 } });
    expect(at60.scaled).toBe(0); // nobody has 72 hours
    expect(at60.scaledAfter).toBe(50); // A has 60
    const at30 = await preview(30);
    expect(at30.scaledAfter).toBe(100);
    expect(at30.after.status).toBe('met');
    expect(at30.before.status).not.toBe('met');
    expect(at30.changes).toBe(true);
    // The ethics row (40 h of 职业道德) counts ethics hours only: B's 40 skills hours do not reach it.
    const ethics = version.targets.find((x) => x.key === 'training_hours' && x.value === 40)!;
    const res = await t.call('POST', `/api/v1/plan/versions/${id}/preview`, {
      cookie: await t.login('plan_d'),
      body: { changes: [{ seedId: ethics.seedId, value: 30 }] },
    });
    const row = res.json().rows.find((r: { townCode: string | null }) => r.townCode === null);
    expect(row).toMatchObject({ perUnit: true, before: { value: 40 }, after: { value: 30 } });
    expect(row.scaled).toBe(0);
    expect(row.scaledAfter).toBe(0);
  });

  it('a town officer and an institution admin may not change targets', async () => {
    const id = await successorId();
    for (const who of ['plan_town', 'plan_inst']) {
      const res = await t.call('PATCH', `/api/v1/plan/versions/${id}/targets`, {
        cookie: await t.login(who),
        body: { changes: [{ seedId: 'qp-x', value: 1 }], citation: '测试' },
      });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it('changes the rows from this year on with the citation, audited; the dashboard judges the new value', async () => {
    const id = await successorId();
    const dash = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026');
    const seed = byKey(dash, 'kindergarten_toddler_share').seedId;
    const points = byKey(dash, 'inclusive_points_new').seedId;
    const res = await t.call('PATCH', `/api/v1/plan/versions/${id}/targets`, {
      cookie: await t.login('plan_d'),
      body: {
        changes: [
          { seedId: seed, value: 60 },
          { seedId: points, value: 3, valueMax: 4 },
        ],
        citation: '区联席会议 2026 年第 2 次会议纪要',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    const rows = await targetRows(id, seed);
    // an annual target: 2025 (judged already) keeps 2~3; 2026 and 2027 take 3~4
    const annual = await targetRows(id, points);
    const byYear = (y: number) => annual.filter((r) => r.year === y && r.townCode === null)[0];
    expect([byYear(2025)?.value, byYear(2025)?.valueMax]).toEqual([2, 3]);
    expect([byYear(2026)?.value, byYear(2026)?.valueMax]).toEqual([3, 4]);
    expect([byYear(2027)?.value, byYear(2027)?.valueMax]).toEqual([3, 4]);
    expect(p.updated).toBe(rows.length + annual.filter((r) => r.year !== 2025).length);
    expect(rows.every((r) => r.value === 60 && r.citation === '区联席会议 2026 年第 2 次会议纪要')).toBe(
      true,
    );
    const after = byKey(
      await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026'),
      'kindergarten_toddler_share',
    );
    expect(after.value).toBe(60);
    expect(after.status).toBe(
      p.rows.find((r: { townCode: string | null }) => r.townCode === null).after.status,
    );
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'plan.change_targets')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.changes)).toContain('"before":{"value":50');
    // the seeded 2021 plan keeps its own value
    const old = await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2022');
    expect(byKey(old, 'kindergarten_toddler_share').value).toBe(50);
  });

  it("the workforce pages hold practitioners to the successor plan's hours, cited from it", async () => {
    const id = await successorId();
    const compliance = async () => {
      const res = await t.call('GET', '/api/v1/workforce/compliance', { cookie: await t.login('plan_d') });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        trainingTargets: { ethics: number; skills: number };
        districtTrainings: { target: number };
        citations: { certifiedPct: { docNumber: string; article: string } | null };
      };
    };
    // The successor copied the plan's last year: 72 h, 40 h, 6 trainings, 100 % — cited from it now.
    const before = await compliance();
    expect(before.trainingTargets).toEqual({ ethics: 40, skills: 72 });
    expect(before.citations.certifiedPct?.docNumber).toBe('测试〔2025〕1号');
    const version = await get<{ targets: { seedId: string; key: string; value: number }[] }>(
      'plan_d',
      `/api/v1/plan/versions/${id}/targets`,
    );
    const skills = version.targets.find((x) => x.key === 'training_hours' && x.value === 72)!;
    const trainings = version.targets.find((x) => x.key === 'district_trainings')!;
    const res = await t.call('PATCH', `/api/v1/plan/versions/${id}/targets`, {
      cookie: await t.login('plan_d'),
      body: {
        changes: [
          { seedId: skills.seedId, value: 80 },
          { seedId: trainings.seedId, value: 8 },
        ],
        citation: '区联席会议 2026 年第 3 次会议纪要',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await compliance();
    expect(after.trainingTargets).toEqual({ ethics: 40, skills: 80 });
    expect(after.districtTrainings.target).toBe(8);
  });
});

describe('kept answers (ADR 0030)', () => {
  it('the plan page is current after a write; the home widget and the portal say when they were measured', async () => {
    const trainings = async () =>
      byKey(await get<PlanDashboard>('plan_d', '/api/v1/plan/targets?year=2026'), 'district_trainings')
        .measured?.value;
    const before = await trainings();
    expect(await trainings()).toBe(before); // kept, same answer
    const home = (
      await get<{ widgets: { id: string; asOf?: string }[] }>('plan_d', '/api/v1/dashboard')
    ).widgets.find((w) => w.id === 'plan.targets');
    expect(home?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const portal = (await t.call('GET', '/api/v1/public/plan?year=2026')).json();
    expect(portal.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await recordDistrictTraining(t, await t.login('plan_d'), '区级专业培训（缓存测试）');
    expect(await trainings()).toBe((before ?? 0) + 1);
  });
});

describe('a slow measurement is served as it was after a write and measured behind it (ADR 0033)', () => {
  it('MEASURE_BEHIND_MS=0: the answer comes at once marked refreshing, with its old asOf; the next one is current', async () => {
    const slow = await createTestApp({ config: { measureBehindMs: 0 } });
    try {
      await slow.createUser('plan_slow', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      await buildPlan(slow.database.db);
      slow.clock.advance(d('2026-06-30T02:00:00Z').getTime() - slow.clock.now().getTime());
      const cookie = await slow.login('plan_slow');
      const dash = async () => {
        const res = await slow.call('GET', '/api/v1/plan/targets?year=2026', { cookie });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as PlanDashboard;
      };
      const first = await dash();
      expect(first.refreshing).toBeUndefined();
      expect(byKey(first, 'district_trainings').measured?.value).toBe(0);
      await recordDistrictTraining(slow, cookie, '区级专业培训（后台统计测试）');
      const behind = await dash();
      expect(behind.refreshing).toBe(true);
      expect(behind.asOf).toBe(first.asOf);
      expect(byKey(behind, 'district_trainings').measured?.value).toBe(0);
      // The measurement behind it ends; the officer's next request (the page asks every 5 s) is current.
      let current = behind;
      for (let i = 0; i < 100 && current.refreshing; i++) {
        await new Promise((r) => setTimeout(r, 50));
        current = await dash();
      }
      expect(current.refreshing).toBeUndefined();
      expect(byKey(current, 'district_trainings').measured?.value).toBe(1);
    } finally {
      await slow.close();
    }
  });
});
