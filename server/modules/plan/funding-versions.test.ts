/**
 * Issue 13, district funding-value versions (ADR 0028): a version effective 2026-01-01 changes the 2026
 * budget but not 2025's (which stays on the pack, carried forward); the preview equals what the budget
 * computes after saving; bad input (400 naming the field) and a stale basedOn (409) write nothing; a town
 * officer cannot create; the creation is audited.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FundingBudget,
  FundingPreview,
  FundingVersion,
  FundingVersionBody,
  FundingVersionList,
} from '../../../domain/contracts/plan.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { actorFor, contextFor } from '../../../test/factories/context.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaff } from '../../../test/factories/workforce.ts';
import { auditLog } from '../../platform/tables.ts';
import { createRecordsService } from '../workforce/records.ts';
import { createWorkforceService } from '../workforce/service.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const d = (iso: string) => new Date(iso);
const toddler = (name: string, enrolled: number) => ({
  name,
  type: 'kindergarten_toddler' as const,
  capacity: 20,
  enrolled,
});
const URL = '/api/v1/plan/funding/versions';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('fv_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('fv_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  const db = t.database.db;
  const now = d('2026-03-02T02:00:00Z');
  // 甲: one toddler class of 12 (floor); 丁: classes 13 + 12 at 3 fen (rounding).
  const a = await buildInstitution(db, {
    name: '甲幼儿园',
    kind: 'kindergarten',
    townCode: ZHUJIAJIAO,
    classes: [toddler('托班1', 12)],
    status: 'operating',
    ownership: 'public',
    now,
  });
  ids.甲 = a.id;
  ids.丁 = (
    await buildInstitution(db, {
      name: '丁幼儿园',
      kind: 'kindergarten',
      townCode: XUJING,
      classes: [toddler('托班1', 13), toddler('托班2', 12)],
      status: 'operating',
      now,
    })
  ).id;
  // 甲's caregiver passed 保育员 in 2026 (on the list: an amount once a version sets one).
  const s = await buildStaff(db, t.jobs, a.id, {
    post: 'caregiver',
    certificates: [{ type: 'caregiver' }, { type: 'health' }],
    now,
  });
  // 甲's toddler class is staffed 两教一保 with certified staff: met under the pack, short under 2 + 2.
  const wf = createWorkforceService({ db, jobs: t.jobs });
  for (const person of [
    s,
    await buildStaff(db, t.jobs, a.id, {
      post: 'teacher',
      certificates: [{ type: 'teacher' }, { type: 'health' }],
      now,
    }),
    await buildStaff(db, t.jobs, a.id, {
      post: 'teacher',
      certificates: [{ type: 'teacher' }, { type: 'health' }],
      now,
    }),
  ]) {
    const e = person.employments[0]!;
    await wf.assignClasses(contextFor(actorFor(), now), actorFor(), person.id, e.id, {
      classIds: [a.classes[0]!.id],
      version: e.version,
    });
  }
  await createRecordsService({ db }).add(contextFor(actorFor(), now), actorFor(), s.id, {
    kind: 'skill_assessment',
    date: '2026-03-01',
    skill: 'caregiver',
    grade: 'passed',
    description: '区职业技能鉴定',
  });
  t.clock.advance(d('2026-06-30T02:00:00Z').getTime() - t.clock.now().getTime());
  for (const year of [2025, 2026])
    for (const [key, fen] of [
      ['甲', 1_000],
      ['丁', 3],
    ] as const) {
      const res = await call('fv_d', 'PUT', `/api/v1/plan/funding/rates/${ids[key]}/${year}`, {
        perPupilRateFen: fen,
        version: null,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
});
afterAll(() => t.close());

async function call(who: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) {
  return t.call(method, url, { cookie: await t.login(who), ...(body !== undefined ? { body } : {}) });
}
const budget = async (year: number) => {
  const res = await call('fv_d', 'GET', `/api/v1/plan/funding?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FundingBudget;
};
const versions = () => countRows(t, 'plan_funding_versions');
const proposal = (over: Partial<FundingVersionBody> = {}): FundingVersionBody => ({
  effectiveFrom: '2026-01-01',
  citation: {
    issuer: '青浦区教育局',
    docNumber: '青教〔2026〕1号',
    title: '关于调整托班经费标准的通知（测试）',
    date: '2025-12-20',
  },
  multiplier: { numerator: 2, denominator: 1 },
  pupilFloor: 25,
  teachersPerClass: 2,
  caregiversPerClass: 2,
  trainingSubsidies: [
    { occupation: 'caregiver', amountFen: 50_000 },
    { occupation: 'infant_carer', amountFen: 30_000 },
  ],
  basedOn: null,
  ...over,
});
/** 甲's toddler class in the workforce staffing check, and the training-subsidy list of 2026. */
const staffingOf甲 = async () => {
  const res = await call('fv_d', 'GET', `/api/v1/workforce/compliance?institutionId=${ids.甲}`);
  expect(res.statusCode, res.body).toBe(200);
  return (
    res.json() as { classes: { perClass: unknown; required: number; citation: { docNumber: string } }[] }
  ).classes[0]!;
};
const subsidyList2026 = async () => {
  const res = await call('fv_d', 'GET', '/api/v1/workforce/subsidy?year=2026');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { assessments: string[]; citation: { docNumber: string } | null };
};
const fieldsOf = (res: { json: () => unknown }) =>
  ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

describe('before any version', () => {
  it('lists none, starts the form from the pack (amounts 0), and the 2026 budget carries the pack forward', async () => {
    const res = await call('fv_d', 'GET', URL);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as FundingVersionList;
    expect(list).toMatchObject({ items: [], inForce: null, latest: null });
    expect(list.template).toMatchObject({
      multiplier: { numerator: 3, denominator: 2 },
      pupilFloor: 20,
      teachersPerClass: 2,
      caregiversPerClass: 1,
    });
    expect(list.template.trainingSubsidies.map((s) => s.occupation)).toEqual(['caregiver', 'infant_carer']);
    const b = await budget(2026);
    expect(b.districtVersion).toBeNull();
    expect(b.carriedForward).toBe(true);
    expect(b.rows.find((r) => r.institutionId === ids.甲)?.allotmentFen).toBe(30_000);
    expect(b.total.trainingSubsidyFen).toBe(0);
    // The workforce staffing check reads the same pack: 两教一保.
    const cls = await staffingOf甲();
    expect(cls).toMatchObject({ perClass: { teachers: 2, caregivers: 1 }, required: 3 });
    expect(cls.citation.docNumber).toContain('35号');
  });

  it('a town officer can read the list but may not preview or create (403, nothing written)', async () => {
    expect((await call('fv_town', 'GET', URL)).statusCode).toBe(200);
    expect((await call('fv_town', 'POST', `${URL}/preview`, proposal())).statusCode).toBe(403);
    expect((await call('fv_town', 'POST', URL, proposal())).statusCode).toBe(403);
    expect(await versions()).toBe(0);
  });

  it.each([
    ['a missing citation issuer', { citation: { ...proposal().citation, issuer: ' ' } }, 'citation.issuer'],
    [
      'a missing document number',
      { citation: { ...proposal().citation, docNumber: '' } },
      'citation.docNumber',
    ],
    ['a multiplier of 0', { multiplier: { numerator: 0, denominator: 2 } }, 'multiplier'],
    ['a negative floor', { pupilFloor: -1 }, 'pupilFloor'],
    [
      'a negative amount',
      { trainingSubsidies: [{ occupation: 'caregiver' as const, amountFen: -5 }] },
      'trainingSubsidies.0.amountFen',
    ],
    [
      'a duplicate occupation',
      {
        trainingSubsidies: [
          { occupation: 'caregiver' as const, amountFen: 1 },
          { occupation: 'caregiver' as const, amountFen: 2 },
        ],
      },
      'trainingSubsidies.1.occupation',
    ],
  ])('%s is a 400 naming the field in zh and en, nothing written', async (_name, over, field) => {
    for (const url of [URL, `${URL}/preview`]) {
      const res = await call('fv_d', 'POST', url, proposal(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toContain(field);
      const e = (
        res.json() as { errors: { field: string; message_zh: string; message_en: string }[] }
      ).errors.find((x) => x.field === field)!;
      expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message_en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await versions()).toBe(0);
  });

  it('a body without a citation is a 400 naming citation', async () => {
    const { citation: _c, ...rest } = proposal();
    const res = await call('fv_d', 'POST', URL, rest);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).some((f) => f.startsWith('citation'))).toBe(true);
    expect(await versions()).toBe(0);
  });
});

describe('a version effective 2026-01-01', () => {
  let preview: FundingPreview;
  let b2025: FundingBudget;

  it('the preview lists the changed allotments, quotas and town deltas, writing nothing', async () => {
    b2025 = await budget(2025);
    const res = await call('fv_d', 'POST', `${URL}/preview`, proposal());
    expect(res.statusCode, res.body).toBe(200);
    preview = res.json() as FundingPreview;
    expect(preview.year).toBe(2026);
    const jia = preview.rows.find((r) => r.institutionId === ids.甲)!;
    // 甲: 20 × 1000 × 3/2 = 30 000 → 25 × 1000 × 2 = 50 000; quota 3 → 4; 保育员 50 000 fen.
    expect(jia).toMatchObject({
      allotmentBeforeFen: 30_000,
      allotmentAfterFen: 50_000,
      allotmentDeltaFen: 20_000,
      quotaBefore: 3,
      quotaAfter: 4,
      quotaDelta: 1,
      trainingSubsidyDeltaFen: 50_000,
    });
    // 丁: 25 × 3 × 3/2 = 112.5 → 113; 25 × 3 × 2 = 150; two classes 6 → 8.
    expect(preview.rows.find((r) => r.institutionId === ids.丁)).toMatchObject({
      allotmentBeforeFen: 113,
      allotmentAfterFen: 150,
      allotmentDeltaFen: 37,
      quotaDelta: 2,
    });
    expect(preview.towns).toEqual(
      expect.arrayContaining([
        { townCode: ZHUJIAJIAO, allotmentDeltaFen: 20_000, quotaDelta: 1, trainingSubsidyDeltaFen: 50_000 },
        { townCode: XUJING, allotmentDeltaFen: 37, quotaDelta: 2, trainingSubsidyDeltaFen: 0 },
      ]),
    );
    expect(preview.total).toMatchObject({ allotmentDeltaFen: 20_037, quotaDelta: 3 });
    // With today's staff, 甲's toddler class (2 teachers, 1 caregiver) would fall short of 2 + 2; 丁's
    // classes have no staff and are short either way, so they are not listed.
    expect(preview.staffing.classes).toEqual([
      expect.objectContaining({
        institutionId: ids.甲,
        certifiedTeachers: 2,
        certifiedCaregivers: 1,
        requiredBefore: 3,
        requiredAfter: 4,
        compliantBefore: true,
        compliantAfter: false,
      }),
    ]);
    expect(await versions()).toBe(0);
  });

  it('saving it (audited) gives exactly the previewed 2026 numbers, and leaves 2025 on the pack', async () => {
    const res = await call('fv_d', 'POST', URL, proposal());
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as FundingVersion;
    expect(v).toMatchObject({ versionNo: 1, effectiveFrom: '2026-01-01', createdBy: 'fv_d' });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'plan.funding_version'));
    expect(entry).toMatchObject({ objectId: v.id, objectType: 'plan_funding_version' });

    const b = await budget(2026);
    expect(b.districtVersion?.versionNo).toBe(1);
    expect(b.districtVersion?.citation.docNumber).toBe('青教〔2026〕1号');
    expect(b.carriedForward).toBe(false);
    expect(b.statement).toBeNull();
    expect(b.policy).toMatchObject({ multiplier: { numerator: 2, denominator: 1 }, pupilFloor: 25 });
    for (const p of preview.rows) {
      const r = b.rows.find((x) => x.institutionId === p.institutionId)!;
      expect(r.allotmentFen).toBe(p.allotmentAfterFen);
      expect(r.quotaTeachers + r.quotaCaregivers).toBe(p.quotaAfter);
    }
    expect(b.total.allotmentFen).toBe(preview.total.allotmentAfterFen);
    expect(b.total.quotaTotal).toBe(preview.total.quotaAfter);
    expect(b.total.trainingSubsidyFen).toBe(50_000);

    const after2025 = await budget(2025);
    expect(after2025.districtVersion).toBeNull();
    expect(after2025.carriedForward).toBe(true);
    expect(after2025.total).toEqual(b2025.total);
    expect(after2025.rows.map((r) => r.allotmentFen)).toEqual(b2025.rows.map((r) => r.allotmentFen));

    // The workforce module holds toddler classes to the version's staffing and lists its assessments.
    const cls = await staffingOf甲();
    expect(cls).toMatchObject({ perClass: { teachers: 2, caregivers: 2 }, required: 4 });
    expect(cls.citation.docNumber).toBe('青教〔2026〕1号');
    const list = await subsidyList2026();
    expect(list.assessments).toEqual(['caregiver', 'infant_carer']);
    expect(list.citation?.docNumber).toBe('青教〔2026〕1号');
  });

  it('lists it as in force; a stale basedOn is a 409 and an earlier effective date a 400, nothing written', async () => {
    const list = (await call('fv_d', 'GET', URL)).json() as FundingVersionList;
    expect(list).toMatchObject({ inForce: 1, latest: { versionNo: 1, effectiveFrom: '2026-01-01' } });
    expect(list.template).toMatchObject({ pupilFloor: 25, caregiversPerClass: 2 });
    expect((await call('fv_d', 'POST', URL, proposal({ effectiveFrom: '2027-01-01' }))).statusCode).toBe(409);
    const early = await call('fv_d', 'POST', URL, proposal({ effectiveFrom: '2025-06-01', basedOn: 1 }));
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toContain('effectiveFrom');
    const same = await call('fv_d', 'POST', URL, proposal({ effectiveFrom: '2026-01-01', basedOn: 1 }));
    expect(fieldsOf(same)).toContain('effectiveFrom');
    expect(await versions()).toBe(1);
  });

  it('a second version from 2027 leaves 2026 on version 1', async () => {
    const res = await call(
      'fv_d',
      'POST',
      URL,
      proposal({ effectiveFrom: '2027-01-01', basedOn: 1, pupilFloor: 30 }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((await budget(2026)).districtVersion?.versionNo).toBe(1);
    const list = (await call('fv_d', 'GET', URL)).json() as FundingVersionList;
    expect(list.items.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(list.inForce).toBe(1);
  });
});
