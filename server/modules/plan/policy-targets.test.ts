/**
 * Issue 17, "Plan targets added": the targets national and Shanghai policy set after the 2021–2023
 * plan, on the plan dashboard beside the plan's own — places per 1,000 population (4.5 by 2025,
 * carried forward after 2025 and said so), the inclusive share of places (no number: measured only),
 * childcare-subsidy applications reviewed within 30 working days (district and each town) — measured
 * from hand-built records, with drill-down rows that sum to the headline and the town officer's view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillPage, PlanDashboard } from '../../../domain/contracts/plan.ts';
import { DISTRICT_POPULATION } from '../../../domain/divisions.ts';
import { policyTargetId, policyTargetRows } from '../../../domain/plan/policy-targets.ts';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { childIdFor } from '../../../test/factories/families.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildPlan } from '../../../test/factories/plan.ts';
import { protect, sealValue } from '../../platform/personal-data.ts';
import { institutions } from '../institutions/tables.ts';
import { subsidyApplications } from '../subsidy/tables.ts';

let t: TestApp;
const d = (iso: string) => new Date(iso);
const TOWNS = [ZHUJIAJIAO, XUJING];

describe('policyTargetRows (pure)', () => {
  it('places per 1,000: the 2021–2025 period target, carried forward after 2025 and marked', () => {
    const y2024 = policyTargetRows(DISTRICT, 2024, TOWNS).filter((r) => r.key === 'places_per_thousand');
    expect(y2024).toHaveLength(1);
    expect(y2024[0]).toMatchObject({
      value: 4.5,
      year: null,
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      carriedFromYear: null,
      scope: 'district',
    });
    const y2026 = policyTargetRows(DISTRICT, 2026, TOWNS).find((r) => r.key === 'places_per_thousand');
    expect(y2026).toMatchObject({
      value: 4.5,
      year: 2026,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      carriedFromYear: 2025,
    });
    expect(policyTargetRows(DISTRICT, 2020, TOWNS).some((r) => r.key === 'places_per_thousand')).toBe(false);
  });

  it('the subsidy review target starts with the national norms (2025-08-01) and is set for each town', () => {
    expect(policyTargetRows(DISTRICT, 2024, TOWNS).some((r) => r.key === 'subsidy_reviewed_in_time')).toBe(
      false,
    );
    const y2025 = policyTargetRows(DISTRICT, 2025, TOWNS).filter((r) => r.key === 'subsidy_reviewed_in_time');
    expect(y2025.map((r) => r.townCode)).toEqual([null, ZHUJIAJIAO, XUJING]);
    expect(y2025[0]).toMatchObject({ value: 100, unit: '%', periodStart: '2025-08-01' });
    expect(y2025[0]?.titleZh).toContain('30个工作日');
    expect(y2025[0]?.citation).toContain('育儿补贴制度管理规范');
  });

  it('the inclusive share has no number in any pack: measured only', () => {
    const share = policyTargetRows(DISTRICT, 2026, TOWNS).filter((r) => r.key === 'inclusive_place_share');
    expect(share).toHaveLength(3);
    expect(share.every((r) => r.value === null)).toBe(true);
  });

  it('宝宝屋 coverage by town from the Shanghai pack (2023 on), measured only, district and each town', () => {
    expect(policyTargetRows(DISTRICT, 2022, TOWNS).some((r) => r.key === 'baobaowu_coverage')).toBe(false);
    const rows = policyTargetRows(DISTRICT, 2026, TOWNS).filter((r) => r.key === 'baobaowu_coverage');
    expect(rows.map((r) => r.townCode)).toEqual([null, ZHUJIAJIAO, XUJING]);
    expect(rows.every((r) => r.value === null)).toBe(true);
    expect(rows[0]?.citation).toContain('宝宝屋');
  });

  it('ids are stable and differ by district, town and year', () => {
    const a = policyTargetId(DISTRICT, 'x', null, 2026);
    expect(a).toBe(policyTargetId(DISTRICT, 'x', null, 2026));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      new Set([
        a,
        policyTargetId(DISTRICT, 'x', ZHUJIAJIAO, 2026),
        policyTargetId(DISTRICT, 'x', null, 2025),
        policyTargetId('310117', 'x', null, 2026),
      ]).size,
    ).toBe(4);
  });
});

/** An application with its review deadline and decision date (only the columns the target reads vary). */
async function application(n: number, town: string, dueOn: string | null, decidedOn: string | null) {
  const child = protect('citizen_id', childIdFor('2025-03-10', 500 + n));
  await t.database.db.insert(subsidyApplications).values({
    districtCode: DISTRICT,
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    applicationNo: `YEBT-PT-${n}`,
    childName: `目标宝宝${n}`,
    childIdNumber: child.sealed,
    childIdBidx: child.index,
    childBirthDate: '2025-03-10',
    townCode: town,
    localHukou: true,
    applicantName: `目标家长${n}`,
    applicantRelation: 'mother',
    applicantMobile: sealValue('phone', '13800000000'),
    bankName: '示例银行',
    accountKind: 'card',
    bankAccount: sealValue('bank_account', '6222020000000000000'),
    appliedOn: '2026-01-05',
    dueOn,
    status: decidedOn ? 'approved' : 'submitted',
    decidedOn,
    createdAt: d('2026-01-05T02:00:00Z'),
    updatedAt: d('2026-01-05T02:00:00Z'),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('pt_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('pt_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await buildPlan(t.database.db);
  await buildInstitution(t.database.db, { name: '甲', townCode: ZHUJIAJIAO, status: 'operating' });
  await buildInstitution(t.database.db, {
    name: '乙',
    townCode: XUJING,
    inclusive: false,
    status: 'filed',
  });
  await buildInstitution(t.database.db, { name: '丙', townCode: XUJING, status: 'draft' });
  t.clock.advance(d('2026-06-30T02:00:00Z').getTime() - t.clock.now().getTime());
  // 朱家角: in time, late, overdue undecided (counted, late), not yet due (not judged). 徐泾: in time.
  await application(1, ZHUJIAJIAO, '2026-02-20', '2026-02-10');
  await application(2, ZHUJIAJIAO, '2026-03-01', '2026-03-05');
  await application(3, ZHUJIAJIAO, '2026-05-01', null);
  await application(4, ZHUJIAJIAO, '2026-08-01', null);
  await application(5, XUJING, '2026-04-01', '2026-04-01');
  // The calendar did not cover its deadline: left out.
  await application(6, XUJING, null, null);
  // Another year's deadline.
  await application(7, XUJING, '2025-12-20', '2026-01-10');
});
afterAll(() => t.close());

const get = async <T>(who: string, url: string) => {
  const res = await t.call('GET', url, { cookie: await t.login(who) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const policy = (dash: PlanDashboard, key: string) => {
  const r = dash.policyTargets.find((x) => x.key === key);
  if (!r) throw new Error(`no ${key}`);
  return r;
};

describe('on the dashboard', () => {
  it('measures places per 1,000 from seats in service over the census population, carried forward in 2026', async () => {
    const dash = await get<PlanDashboard>('pt_d', '/api/v1/plan/targets?year=2026');
    const rows = await t.database.db.select().from(institutions);
    const seats = rows.filter((r) => r.status !== 'draft').reduce((a, r) => a + r.seats, 0);
    expect(seats).toBeGreaterThan(0);
    const places = policy(dash, 'places_per_thousand');
    const pop = DISTRICT_POPULATION[DISTRICT]!.value;
    expect(places.measured).toMatchObject({ numerator: seats, denominator: pop, unit: 'count' });
    expect(places.scaled).toBeCloseTo(Math.round((seats * 10_000) / pop) / 10);
    expect(places.status).toBe('at_risk'); // mid-2026, the carried period running to 2026-12-31
    expect(places.carriedFromYear).toBe(2025);
    expect(places.sourceModule).toBe('institutions');
    // The plan's own targets are unchanged beside them.
    expect(dash.targets.some((r) => r.key === 'inclusive_points_new')).toBe(true);
    expect(dash.targets.some((r) => r.key === 'places_per_thousand')).toBe(false);
  });

  it('the inclusive share of places is measured only, and its drill-down rows that count are the inclusive ones', async () => {
    const dash = await get<PlanDashboard>('pt_d', '/api/v1/plan/targets?year=2026');
    const share = policy(dash, 'inclusive_place_share');
    expect(share.status).toBe('measured');
    const rows = await t.database.db.select().from(institutions);
    const live = rows.filter((r) => r.status !== 'draft');
    const inclusive = live.filter((r) => r.inclusive).reduce((a, r) => a + r.seats, 0);
    expect(share.measured).toMatchObject({
      numerator: inclusive,
      denominator: live.reduce((a, r) => a + r.seats, 0),
    });
    const page = await get<DrillPage>('pt_d', `/api/v1/plan/targets/${share.id}/rows?year=2026&pageSize=50`);
    expect(page.total).toBe(2);
    expect(page.items.filter((r) => r.counts).map((r) => r.label)).toEqual(['甲']);
  });

  it('subsidy applications reviewed in time: decided by the deadline, late and overdue count against, not-yet-due and uncovered left out', async () => {
    const dash = await get<PlanDashboard>('pt_d', '/api/v1/plan/targets?year=2026');
    const review = policy(dash, 'subsidy_reviewed_in_time');
    expect(review.measured).toMatchObject({ numerator: 2, denominator: 4 });
    expect(review.scaled).toBe(50);
    expect(review.measured?.byTown).toEqual({ [ZHUJIAJIAO]: 1 / 3, [XUJING]: 1 });
    expect(review.sourceModule).toBe('subsidy');
    const page = await get<DrillPage>('pt_d', `/api/v1/plan/targets/${review.id}/rows?year=2026`);
    expect(page.items.filter((r) => r.counts)).toHaveLength(2);
    // Late ones first; names masked.
    expect(page.items[0]?.counts).toBe(false);
    expect(page.items.map((r) => r.label).join(' ')).not.toContain('目标宝宝');
  });

  it("a town officer sees its town's rows (no places-per-1,000: no town population) measured over its town", async () => {
    const dash = await get<PlanDashboard>('pt_town', '/api/v1/plan/targets?year=2026');
    expect(dash.policyTargets.every((r) => r.townCode === ZHUJIAJIAO)).toBe(true);
    expect(dash.policyTargets.some((r) => r.key === 'places_per_thousand')).toBe(false);
    const review = policy(dash, 'subsidy_reviewed_in_time');
    expect(review.measured).toMatchObject({ numerator: 1, denominator: 3 });
    // The district's row is not the town officer's to drill into.
    const district = await get<PlanDashboard>('pt_d', '/api/v1/plan/targets?year=2026');
    const res = await t.call(
      'GET',
      `/api/v1/plan/targets/${policy(district, 'subsidy_reviewed_in_time').id}/rows?year=2026`,
      { cookie: await t.login('pt_town') },
    );
    expect(res.statusCode).toBe(404);
  });

  it('the trend reads the policy rows year by year (no review target before 2025)', async () => {
    const trend = await get<{ points: { year: number }[] }>(
      'pt_d',
      '/api/v1/plan/trend?key=subsidy_reviewed_in_time',
    );
    expect(trend.points.map((p) => p.year)).toEqual([2025, 2026]);
  });
});
