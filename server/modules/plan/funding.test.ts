/**
 * Issue 13, funding: the toddler-class budget against a hand-built registry with known numbers (floor
 * applied and not, both floor scopes, rounding half up to a fen), town totals = the sum of their rows,
 * the town officer's view, another district, bad input (400, nothing written), the audit entry, a
 * stale version (409), the carried-forward statement after 2023 and the XLSX export.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundingBudget, FundingRate, FundingRow } from '../../../domain/contracts/plan.ts';
import {
  countRows,
  createTestApp,
  DISTRICT,
  PASSWORD,
  type TestApp,
  XUJING,
  ZHUJIAJIAO,
} from '../../../test/app.ts';
import { actorFor, contextFor } from '../../../test/factories/context.ts';
import { commitRun, uploadCsv } from '../../../test/factories/imports.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaff } from '../../../test/factories/workforce.ts';
import { seedDemo } from '../../demo/seed.ts';
import { errorDef } from '../../platform/errors.ts';
import { readRows } from '../../platform/import/read.ts';
import { auditLog } from '../../platform/tables.ts';
import { createRecordsService } from '../workforce/records.ts';
import { createWorkforceService } from '../workforce/service.ts';
import { createFundingService } from './funding.ts';
import { planFundingRates } from './tables.ts';

const getStatus = (code: string) => errorDef(code).status;

let t: TestApp;
const ids: Record<string, string> = {};
const d = (iso: string) => new Date(iso);
const toddler = (name: string, enrolled: number) => ({
  name,
  type: 'kindergarten_toddler' as const,
  capacity: 20,
  enrolled,
});

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('fund_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('fund_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  const db = t.database.db;
  const now = d('2026-03-02T02:00:00Z');
  const kg = async (key: string, townCode: string, classes: ReturnType<typeof toddler>[], extra = {}) => {
    const inst = await buildInstitution(db, {
      name: `${key}幼儿园`,
      kind: 'kindergarten',
      townCode,
      classes,
      status: 'operating',
      now,
      ...extra,
    });
    ids[key] = inst.id;
    return inst;
  };
  // 朱家角: 甲 one class of 12 (floor), 乙 classes 12 + 9 (21: floor per kindergarten not applied), 丙 no rate.
  const a = await kg('甲', ZHUJIAJIAO, [toddler('托班1', 12)], { ownership: 'public' });
  await kg('乙', ZHUJIAJIAO, [toddler('托班1', 12), toddler('托班2', 9)], {
    ownership: 'private',
    inclusive: false,
  });
  await kg('丙', ZHUJIAJIAO, [toddler('托班1', 16)]);
  // 徐泾: 丁 classes 13 + 12 at 3 fen (25 × 3 × 1.5 = 112.5 → 113), a kindergarten without toddler classes.
  await kg('丁', XUJING, [toddler('托班1', 13), toddler('托班2', 12)]);
  await kg('戊', XUJING, []);
  ids.托育 = (
    await buildInstitution(db, { name: '己托育园', townCode: XUJING, status: 'operating', now })
  ).id;

  // 甲: a teacher and a caregiver (保育员证 issued 2024-01-01) on its toddler class.
  const svc = createWorkforceService({ db, jobs: t.jobs });
  const records = createRecordsService({ db });
  const ctx = contextFor(actorFor(), now);
  const cls = a.classes[0]!.id;
  for (const post of ['teacher', 'caregiver'] as const) {
    const s = await buildStaff(db, t.jobs, a.id, {
      post,
      now,
      certificates: post === 'caregiver' ? [{ type: 'caregiver' }] : [],
    });
    const e = s.employments[0]!;
    await svc.assignClasses(ctx, actorFor(), s.id, e.id, { classIds: [cls], version: e.version });
    // Assessments (2024): the caregiver passed 保育员 (on the pack's list); the teacher failed it and
    // passed 保健员 (not on the list): only the caregiver counts for the training-fee subsidy.
    const assessments =
      post === 'caregiver'
        ? [{ skill: 'caregiver', grade: 'passed' }]
        : [
            { skill: 'caregiver', grade: 'failed' },
            { skill: 'health_worker', grade: 'excellent' },
          ];
    for (const a of assessments)
      await records.add(ctx, actorFor(), s.id, {
        kind: 'skill_assessment',
        date: '2024-03-01',
        skill: a.skill as 'caregiver',
        grade: a.grade as 'passed',
        description: '区职业技能鉴定',
      });
  }
  t.clock.advance(d('2026-06-30T02:00:00Z').getTime() - t.clock.now().getTime());
});
afterAll(() => t.close());

const call = async (who: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await t.login(who), ...(body !== undefined ? { body } : {}) });
const budget = async (who: string, year: number) => {
  const res = await call(who, 'GET', `/api/v1/plan/funding?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FundingBudget;
};
const putRate = (
  key: string,
  year: number,
  perPupilRateFen: unknown,
  version: number | null,
  who = 'fund_d',
) => call(who, 'PUT', `/api/v1/plan/funding/rates/${ids[key]}/${year}`, { perPupilRateFen, version });
const row = (b: FundingBudget, key: string): FundingRow => {
  const r = b.rows.find((x) => x.institutionId === ids[key]);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};
const rates = () => countRows(t, 'plan_funding_rates');

describe('rates', () => {
  it('a district officer enters rates (version 1) and changes one (version 2), audited', async () => {
    for (const [key, fen] of [
      ['甲', 100_001],
      ['乙', 100_000],
      ['丁', 3],
    ] as const) {
      const res = await putRate(key, 2026, fen, null);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ perPupilRateFen: fen, version: 1, source: 'entered', year: 2026 });
    }
    expect((await putRate('乙', 2025, 90_000, null)).statusCode).toBe(200);
    const changed = await putRate('乙', 2025, 95_000, 1);
    expect(changed.statusCode).toBe(200);
    expect((changed.json() as FundingRate).version).toBe(2);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.funding_rate'), eq(auditLog.objectId, ids.乙!)))
      .orderBy(auditLog.entryNo)
      .then((r) => r.slice(-1));
    expect(entry?.actorUsername).toBe('fund_d');
    expect(entry?.changes).toMatchObject({ year: 2025, perPupilRateFen: { from: 90_000, to: 95_000 } });
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const before = await rates();
    expect((await putRate('乙', 2025, 1, 1)).statusCode).toBe(409);
    expect((await putRate('甲', 2026, 1, null)).statusCode).toBe(409); // a rate exists already
    expect(await rates()).toBe(before);
    expect(row(await budget('fund_d', 2025), '乙').rate?.perPupilRateFen).toBe(95_000);
  });

  it.each([
    ['a negative rate', '甲', 2027, -1, 'perPupilRateFen'],
    ['a rate in fractions of a fen', '甲', 2027, 1.5, 'perPupilRateFen'],
    ['a rate that is no number', '甲', 2027, '100', 'perPupilRateFen'],
    ['a year before the plan', '甲', 2020, 100, 'year'],
    ['a year after next year', '甲', 2028, 100, 'year'],
    ['a kindergarten without toddler classes', '戊', 2026, 100, 'institutionId'],
    ['a childcare institution', '托育', 2026, 100, 'institutionId'],
  ])('%s: 400 naming the field, nothing written', async (_label, key, year, fen, field) => {
    const before = await rates();
    const res = await putRate(key, year, fen, null);
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.stringify(res.json())).toContain(field);
    expect(await rates()).toBe(before);
  });

  it("a town officer may not enter a rate; another district's officer does not find the kindergarten (404; one deployment serves one district, so through the service)", async () => {
    const before = await rates();
    expect((await putRate('甲', 2027, 100, null, 'fund_town')).statusCode).toBe(403);
    const other = actorFor(
      'district_officer',
      { kind: 'division', divisionCode: '310117' },
      { district: '310117' },
    );
    const funding = createFundingService({ db: t.database.db });
    await expect(
      funding.putRate(contextFor(other, t.clock.now()), other, ids.甲!, 2026, {
        perPupilRateFen: 1,
        version: 1,
      }),
    ).rejects.toMatchObject({ code: 'plan.funding_not_found' });
    expect(getStatus('plan.funding_not_found')).toBe(404);
    const theirs = await funding.compute(other, 2026, t.database.db).catch((e: { code: string }) => e.code);
    expect(theirs).toBe('plan.funding_no_policy'); // no district pack for 310117: nothing is guessed
    expect(await rates()).toBe(before);
  });
});

describe('budget', () => {
  it('computes the allotments with the floor per kindergarten (default), rounding half up to a fen', async () => {
    const b = await budget('fund_d', 2026);
    expect(b.floorScope).toBe('kindergarten');
    expect(b.settings.version).toBeNull();
    expect(b.policy).toMatchObject({ multiplier: { numerator: 3, denominator: 2 }, pupilFloor: 20 });
    expect(b.rows.map((r) => r.name).sort()).toEqual(['丁幼儿园', '丙幼儿园', '乙幼儿园', '甲幼儿园'].sort());
    expect(row(b, '甲')).toMatchObject({
      actualPupils: 12,
      countedPupils: 20,
      floorApplied: true,
      toddlerRateFen: 150_002, // 150 001.5 → 150 002
      allotmentFen: 3_000_030, // 100 001 × 20 × 1.5
    });
    expect(row(b, '乙')).toMatchObject({ countedPupils: 21, floorApplied: false, allotmentFen: 3_150_000 });
    expect(row(b, '丁')).toMatchObject({ countedPupils: 25, floorApplied: false, allotmentFen: 113 }); // 112.5
    // 丙 has no rate for 2026: listed as missing, no amount, not counted as 0.
    expect(row(b, '丙')).toMatchObject({ rate: null, allotmentFen: null, actualPupils: 16 });
    expect(b.missingRates.map((m) => m.name)).toEqual(['丙幼儿园']);
    expect(b.total).toMatchObject({
      kindergartens: 4,
      withRate: 3,
      missingRate: 1,
      allotmentFen: 3_000_030 + 3_150_000 + 113,
      countedPupils: 20 + 21 + 25,
    });
  });

  it('town totals are the sums of their rows, and the district total the sum of the towns', async () => {
    const b = await budget('fund_d', 2026);
    expect(b.towns.map((x) => x.townCode)).toEqual([ZHUJIAJIAO, XUJING].sort());
    for (const town of b.towns) {
      const mine = b.rows.filter((r) => r.townCode === town.townCode);
      expect(town.allotmentFen).toBe(mine.reduce((s, r) => s + (r.allotmentFen ?? 0), 0));
      expect(town.kindergartens).toBe(mine.length);
      expect(town.quotaTotal).toBe(mine.reduce((s, r) => s + r.quotaTeachers + r.quotaCaregivers, 0));
    }
    expect(b.total.allotmentFen).toBe(b.towns.reduce((s, x) => s + x.allotmentFen, 0));
    expect(b.towns.find((x) => x.townCode === XUJING)?.allotmentFen).toBe(113);
  });

  it('compares the 两教一保 quota with the assignments and flags tax relief', async () => {
    const b = await budget('fund_d', 2026);
    expect(row(b, '甲')).toMatchObject({
      quotaTeachers: 2,
      quotaCaregivers: 1,
      actualTeachers: 1,
      actualCaregivers: 1,
      taxRelief: 'exempt',
    });
    expect(row(b, '乙')).toMatchObject({ quotaTeachers: 4, quotaCaregivers: 2, actualTeachers: 0 });
    expect(row(b, '乙').taxRelief).toBe('exempt_filed_fees');
    // The 保育员 assessment was passed in 2024: counted in 2024, not in 2026; no amount is made up.
    expect(row(b, '甲').trainingEligible).toBe(0);
    expect(row(await budget('fund_d', 2024), '甲').trainingEligible).toBe(1);
    expect(b.training.perPersonFen).toBeNull();
  });

  it('the floor per class, set by the district (audited, versioned), changes the amounts', async () => {
    const set = await call('fund_d', 'PUT', '/api/v1/plan/funding/settings', {
      floorScope: 'class',
      version: null,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ floorScope: 'class', version: 1 });
    const b = await budget('fund_d', 2026);
    expect(b.floorScope).toBe('class');
    expect(row(b, '乙')).toMatchObject({ countedPupils: 40, floorApplied: true, allotmentFen: 6_000_000 });
    expect(row(b, '丁')).toMatchObject({ countedPupils: 40, allotmentFen: 180 });
    expect(row(b, '甲')).toMatchObject({ countedPupils: 20, allotmentFen: 3_000_030 });
    const stale = await call('fund_d', 'PUT', '/api/v1/plan/funding/settings', {
      floorScope: 'kindergarten',
      version: null,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await call('fund_town', 'PUT', '/api/v1/plan/funding/settings', {
          floorScope: 'kindergarten',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const back = await call('fund_d', 'PUT', '/api/v1/plan/funding/settings', {
      floorScope: 'kindergarten',
      version: 1,
    });
    expect(back.statusCode).toBe(200);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'plan.funding_settings'));
    expect(audits).toHaveLength(2);
  });

  it('a town officer sees its town only', async () => {
    const b = await budget('fund_town', 2026);
    expect(b.rows.map((r) => r.name).sort()).toEqual(['丙幼儿园', '乙幼儿园', '甲幼儿园'].sort());
    expect(b.towns.map((x) => x.townCode)).toEqual([ZHUJIAJIAO]);
    expect(b.total.allotmentFen).toBe(3_000_030 + 3_150_000);
  });

  it('inside the plan period nothing is carried forward; after it the statement names the pack and article', async () => {
    const inside = await budget('fund_d', 2022);
    expect(inside.carriedForward).toBe(false);
    expect(inside.statement).toBeNull();
    expect(inside.missingRates).toHaveLength(4);
    expect(inside.total.allotmentFen).toBe(0);
    const after = await budget('fund_d', 2026);
    expect(after.carriedForward).toBe(true);
    expect(after.policy.source).toMatchObject({
      packId: expect.stringContaining('qp'),
      effectiveTo: '2023-12-31',
    });
    expect(after.statement?.zh).toContain('青府办发〔2021〕35号');
    expect(after.statement?.zh).toContain('四、(二)');
    expect(after.statement?.en).toContain('carries forward');
  });

  it('a year out of range is a 400 naming year', async () => {
    const res = await call('fund_d', 'GET', '/api/v1/plan/funding?year=2019');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('year');
  });
});

describe('export', () => {
  it('the XLSX has one row per kindergarten in scope, amounts in fen, and is audited', async () => {
    const res = await call('fund_d', 'GET', '/api/v1/plan/funding/export?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows: string[][] = [];
    for await (const r of readRows(res.rawPayload, 'xlsx')) rows.push(r);
    expect(rows[0]).toContain('拨款（分）Allotment (fen)');
    const body = rows.slice(1);
    expect(body).toHaveLength(4);
    const jia = body.find((r) => r.includes('甲幼儿园'));
    expect(jia).toContain('3000030');
    expect(body.find((r) => r.includes('丙幼儿园'))?.join(' ')).toContain('缺生均定额');
    const town = await call('fund_town', 'GET', '/api/v1/plan/funding/export?year=2026&format=csv');
    expect(town.statusCode).toBe(200);
    expect(town.body).not.toContain('丁幼儿园');
    expect(town.body).toContain('甲幼儿园');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'plan-funding.export'));
    expect(audits.length).toBe(2);
  });
});

describe('rate import', () => {
  const URL = '/api/v1/plan/funding/rates/imports';
  const HEAD = ['统一社会信用代码', '年度', '生均拨款定额（元）'];
  const codeOf = async (key: string) =>
    (
      (await t.database.db.execute(
        `select credit_code from institutions where id = '${ids[key]}'`,
      )) as unknown as {
        rows: { credit_code: string }[];
      }
    ).rows[0]!.credit_code;
  const upload = async (who: string, rows: string[][]) => uploadCsv(t, URL, await t.login(who), HEAD, rows);
  const commit = async (runId: string) => commitRun(t, URL, await t.login('fund_d'), runId);
  const rate2025 = async (key: string) =>
    (
      await t.database.db
        .select()
        .from(planFundingRates)
        .where(and(eq(planFundingRates.institutionId, ids[key]!), eq(planFundingRates.fiscalYear, 2025)))
    )[0];

  it('bad rows name their column and rule; the commit is refused; nothing written', async () => {
    const res = await upload('fund_d', [
      [await codeOf('甲'), '2025', '12000'],
      [await codeOf('戊'), '2025', '10000'], // no toddler classes
      [await codeOf('托育'), '2025', '10000'], // not a kindergarten
      [await codeOf('甲'), '2030', '12000'], // year out of range
      [await codeOf('乙'), '2025', '100.123'], // three decimals
      ['123', '2025', '1'], // not a credit code
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    const rules = run.errors.map(
      (e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        '3:creditCode:kindergarten_with_toddler_classes',
        '4:creditCode:kindergarten_with_toddler_classes',
        '5:fiscalYear:range',
        '6:rateYuan:two_decimals',
      ]),
    );
    expect(rules.some((r: string) => r.startsWith('7:creditCode:'))).toBe(true);
    expect(rules.some((r: string) => r.startsWith('2:'))).toBe(false);
    expect((await call('fund_d', 'POST', `${URL}/${run.id}/commit`)).statusCode).toBe(409);
    expect(await rate2025('甲')).toBeUndefined();
  });

  it('adds rates in fen as imported; a second import changes nothing; a changed rate takes a new version', async () => {
    const rows = [
      [await codeOf('甲'), '2025', '12000'],
      [await codeOf('丙'), '2025', '9000.5'],
    ];
    const first = (await upload('fund_d', rows)).json();
    expect(first).toMatchObject({ errorCount: 0, validRows: 2, existingRows: 0 });
    expect(await commit(first.id)).toMatchObject({ status: 'committed', insertedRows: 2 });
    expect(await rate2025('甲')).toMatchObject({
      perPupilRateFen: 1_200_000,
      source: 'imported',
      version: 1,
    });
    expect((await rate2025('丙'))?.perPupilRateFen).toBe(900_050);
    const again = (await upload('fund_d', rows)).json();
    expect(again).toMatchObject({ errorCount: 0, existingRows: 2 });
    expect(await commit(again.id)).toMatchObject({ insertedRows: 0 });
    const changed = (await upload('fund_d', [[await codeOf('甲'), '2025', '13000']])).json();
    expect(await commit(changed.id)).toMatchObject({ insertedRows: 1 });
    expect(await rate2025('甲')).toMatchObject({ perPupilRateFen: 1_300_000, version: 2 });
  });

  it('a town officer may not import rates', async () => {
    expect((await upload('fund_town', [[await codeOf('甲'), '2025', '1']])).statusCode).toBe(403);
  });
});

describe('demo', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp();
    await seedDemo(demo.database.db, {
      district: DISTRICT,
      password: PASSWORD,
      dataDir: '.tmp/demo-plan-funding',
      now: d('2026-06-15T02:00:00Z'),
    });
  });
  afterAll(() => demo.close());

  it('has rates for most kindergartens with toddler classes in 2026 and 2025, and a few missing', async () => {
    for (const year of [2026, 2025]) {
      const res = await demo.call('GET', `/api/v1/plan/funding?year=${year}`, {
        cookie: await demo.login('district'),
      });
      expect(res.statusCode, res.body).toBe(200);
      const b = res.json() as FundingBudget;
      expect(b.rows.length).toBeGreaterThan(5);
      expect(b.total.withRate).toBeGreaterThan(b.total.missingRate);
      expect(b.total.missingRate).toBeGreaterThan(0);
      expect(b.total.allotmentFen).toBe(b.rows.reduce((s, r) => s + (r.allotmentFen ?? 0), 0));
      expect(b.carriedForward).toBe(true);
    }
  });
});
