/**
 * Issue 17, operating subsidy part 2 — monthly claims built from the attendance register: the figures
 * (child-months by the pure rule, the amount in force on the month's 1st, 未设定 → null), bad input (a
 * month with no marks, days without marks: 400 naming the field, nothing written), eligibility (not
 * inclusive, not operating: 400 naming why), one per institution per month (409), the states (submit,
 * approve, reject and return with a reason, a returned claim rebuilt), the guard (another institution or
 * town: 404; who may act: 403), the audit entries.
 */
import { asc, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatingClaim } from '../../../domain/contracts/operating.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { auditLog } from '../../platform/tables.ts';

let t: TestApp;
const URL = '/api/v1/operating';
let classId = '';
let otherClassId = '';
const kids: string[] = [];
// February 2026: ten working days before the Spring Festival break.
const TEN_DAYS = [
  '2026-02-02',
  '2026-02-03',
  '2026-02-04',
  '2026-02-05',
  '2026-02-06',
  '2026-02-09',
  '2026-02-10',
  '2026-02-11',
  '2026-02-12',
  '2026-02-13',
];

const call = async (who: string, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
  t.call(method, `${URL}${url}`, { cookie: await t.login(who), ...(body !== undefined ? { body } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('cl_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('cl_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('cl_xujing', 'town_officer', { kind: 'division', divisionCode: XUJING });
  const inst = await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, status: 'operating' });
  await t.createUser('cl_inst', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  const other = await buildInstitution(t.database.db, { townCode: XUJING, status: 'operating' });
  await t.createUser('cl_other', 'institution_admin', { kind: 'institution', institutionId: other.id });
  const priv = await buildInstitution(t.database.db, {
    townCode: ZHUJIAJIAO,
    status: 'operating',
    inclusive: false,
  });
  await t.createUser('cl_private', 'institution_admin', { kind: 'institution', institutionId: priv.id });
  const filed = await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, status: 'filed' });
  await t.createUser('cl_filed', 'institution_admin', { kind: 'institution', institutionId: filed.id });
  classId = inst.classes[0]!.id;
  otherClassId = other.classes[0]!.id;
  for (const [name, birthMonth] of [
    ['测试甲宝', '2024-05'],
    ['测试乙宝', '2024-07'],
  ] as const) {
    const res = await call('cl_inst', 'POST', `/classes/${classId}/roster`, { name, birthMonth });
    kids.push(res.json().id);
  }
  // Child A: ten days (counts at the default minimum of 10); child B: three days (does not).
  for (const [i, day] of TEN_DAYS.entries()) {
    const present = i < 3 ? [kids[0], kids[1]] : [kids[0]];
    const res = await call('cl_inst', 'PUT', `/classes/${classId}/attendance/${day}`, { present });
    expect(res.statusCode, res.body).toBe(200);
  }
  const o = await call('cl_other', 'POST', `/classes/${otherClassId}/roster`, {
    name: '测试丁宝',
    birthMonth: '2024-03',
  });
  await call('cl_other', 'PUT', `/classes/${otherClassId}/attendance/2026-02-02`, { present: [o.json().id] });
});
afterAll(async () => {
  await t?.close();
});

describe('operating claims', () => {
  let claim: OperatingClaim;

  it('bad input and nothing to claim: 400 naming the field and the rule, nothing written', async () => {
    const cases: [unknown, string, string][] = [
      [{ month: '2026-13' }, 'month', ''],
      [{ month: '2026-01' }, 'month', 'has_attendance'], // no marks in January
      [{ month: '2026-04' }, 'month', 'not_future'],
      [{ month: '2026-02', days: ['2026-02-02', '2026-02-16'] }, 'days', 'has_attendance'],
      [{ month: '2026-02', days: ['2026-03-02'] }, 'days', 'in_month'],
      [{ month: '2026-02', days: ['2026-02-30'] }, 'days.0', ''],
      [{ month: '2026-02', extra: 1 }, '', ''],
    ];
    for (const [body, field, rule] of cases) {
      const res = await call('cl_inst', 'POST', '/claims', body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
      const e = res.json().errors[0];
      if (field) expect(e.field).toBe(field);
      if (rule) expect(e.rule).toBe(rule);
      if (rule) expect(e.message_zh.length).toBeGreaterThan(0);
      if (rule) expect(e.message_en.length).toBeGreaterThan(0);
    }
    const noMarks = await call('cl_inst', 'POST', '/claims', { month: '2026-02', days: ['2026-02-16'] });
    expect(noMarks.json().errors[0].message_en).toContain('2026-02-16');
    expect(await countRows(t, 'operating_claims')).toBe(0);
  });

  it('only inclusive, operating institutions may claim: 400 naming why', async () => {
    const p = await call('cl_private', 'POST', '/claims', { month: '2026-02' });
    expect(p.statusCode).toBe(400);
    expect(p.json().errors[0]).toMatchObject({ field: 'institution', rule: 'eligible' });
    expect(p.json().errors[0].message_zh).toContain('普惠');
    const f = await call('cl_filed', 'POST', '/claims', { month: '2026-02' });
    expect(f.statusCode).toBe(400);
    expect(f.json().errors[0].message_en).toContain('filed');
    expect(await countRows(t, 'operating_claims')).toBe(0);
  });

  it('builds the month from the register: child-months by the rule, amount 未设定 (null) while none is in force', async () => {
    const res = await call('cl_inst', 'POST', '/claims', { month: '2026-02' });
    expect(res.statusCode, res.body).toBe(201);
    claim = res.json();
    expect(claim).toMatchObject({
      month: '2026-02',
      status: 'draft',
      townCode: ZHUJIAJIAO,
      minAttendedDays: 10,
      countedChildMonths: 1,
      rateFen: null,
      totalFen: null,
      createdBy: 'cl_inst',
    });
    expect(claim.lines).toEqual([
      { classId, className: expect.any(String), childrenMarked: 2, countedChildMonths: 1 },
    ]);
    expect(res.body).not.toContain('甲宝');
  });

  it('one claim per institution per month (409)', async () => {
    const again = await call('cl_inst', 'POST', '/claims', { month: '2026-02' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('operating.claim_exists');
    expect(await countRows(t, 'operating_claims')).toBe(1);
  });

  it('guarded: another institution or town sees 404; only the district reviews (403)', async () => {
    expect((await call('cl_other', 'GET', `/claims/${claim.id}`)).statusCode).toBe(404);
    expect((await call('cl_xujing', 'GET', `/claims/${claim.id}`)).statusCode).toBe(404);
    expect((await call('cl_other', 'POST', `/claims/${claim.id}/submit`)).statusCode).toBe(404);
    expect((await call('cl_town', 'GET', `/claims/${claim.id}`)).statusCode).toBe(200);
    expect((await call('cl_xujing', 'GET', '/claims')).json()).toMatchObject({ items: [], total: 0 });
    expect((await call('cl_town', 'GET', '/claims')).json()).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 20,
    });
    expect(
      (await call('cl_town', 'POST', `/claims/${claim.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (await call('cl_inst', 'POST', `/claims/${claim.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect((await call('cl_d', 'POST', '/claims', { month: '2026-02' })).statusCode).toBe(403);
  });

  it('a draft cannot be decided (409); submit; return needs a reason; returned → rebuilt with the new amount', async () => {
    const early = await call('cl_d', 'POST', `/claims/${claim.id}/decision`, { decision: 'approve' });
    expect(early.statusCode).toBe(409);
    const sub = await call('cl_inst', 'POST', `/claims/${claim.id}/submit`);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe('submitted');
    expect((await call('cl_inst', 'POST', `/claims/${claim.id}/submit`)).statusCode).toBe(409);
    // The district's queue: the claim, its wait in working days, no approval while the amount is 未设定.
    const queue = await call('cl_d', 'GET', '/review');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json()).toMatchObject({ total: 1, page: 1 });
    expect(queue.json().items[0]).toMatchObject({
      id: claim.id,
      status: 'submitted',
      waitedWorkingDays: 0,
      overdue: false,
      deadlineWorkingDays: 10,
      permittedActions: ['reject', 'return'],
    });
    expect((await call('cl_town', 'GET', '/review')).statusCode).toBe(403);
    expect((await call('cl_d', 'GET', '/review?month=2026-01')).json().total).toBe(0);
    const unset = await call('cl_d', 'POST', `/claims/${claim.id}/decision`, { decision: 'approve' });
    expect(unset.statusCode).toBe(400);
    expect(unset.json().errors[0]).toMatchObject({ field: 'decision', rule: 'amount_set' });
    for (const decision of ['return', 'reject']) {
      const bad = await call('cl_d', 'POST', `/claims/${claim.id}/decision`, { decision });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('reason');
    }
    expect((await call('cl_d', 'GET', `/claims/${claim.id}`)).json().status).toBe('submitted');
    const ret = await call('cl_d', 'POST', `/claims/${claim.id}/decision`, {
      decision: 'return',
      reason: '请补录 2 月出勤后重新提交',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({
      status: 'returned',
      reason: '请补录 2 月出勤后重新提交',
      decidedBy: 'cl_d',
    });
    // The district enters an amount; the institution rebuilds its returned claim.
    await call('cl_d', 'POST', '/rates', {
      effectiveFrom: '2026-01-01',
      amountFen: 30_000,
      citation: '示例区文件 第一条',
    });
    // …and in March lowers the minimum to 1 day: February's claim keeps February's rule (10 days).
    const set = await call('cl_d', 'PUT', '/settings', { minAttendedDays: 1, version: null });
    expect(set.statusCode, set.body).toBe(200);
    const rebuilt = await call('cl_inst', 'POST', '/claims', { month: '2026-02' });
    expect(rebuilt.statusCode, rebuilt.body).toBe(201);
    expect(rebuilt.json()).toMatchObject({
      id: claim.id,
      status: 'draft',
      minAttendedDays: 10,
      countedChildMonths: 1,
      rateFen: 30_000,
      totalFen: 30_000,
    });
    expect(await countRows(t, 'operating_claims')).toBe(1);
    expect((await call('cl_inst', 'POST', `/claims/${claim.id}/submit`)).statusCode).toBe(200);
    const q = (await call('cl_d', 'GET', '/review')).json();
    expect(q.items[0].permittedActions).toEqual(['approve', 'reject', 'return']);
  });

  it('approve and reject (reason) a submitted claim; a decided claim stays decided', async () => {
    const ok = await call('cl_d', 'POST', `/claims/${claim.id}/decision`, { decision: 'approve' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', reason: null, totalFen: 30_000 });
    expect(
      (await call('cl_d', 'POST', `/claims/${claim.id}/decision`, { decision: 'reject', reason: '重复审核' }))
        .statusCode,
    ).toBe(409);
    const o = await call('cl_other', 'POST', '/claims', { month: '2026-02', days: ['2026-02-02'] });
    expect(o.statusCode, o.body).toBe(201);
    expect(o.json()).toMatchObject({ countedChildMonths: 0, totalFen: 0 });
    await call('cl_other', 'POST', `/claims/${o.json().id}/submit`);
    const no = await call('cl_d', 'POST', `/claims/${o.json().id}/decision`, {
      decision: 'reject',
      reason: '无计补人·月',
    });
    expect(no.json()).toMatchObject({ status: 'rejected', reason: '无计补人·月' });
    const list = await call('cl_d', 'GET', '/claims?month=2026-02&status=approved');
    expect(list.json().items.map((c: OperatingClaim) => c.id)).toEqual([claim.id]);
  });

  it("the month's payment list: approved claims with totals per town; XLSX/CSV through the kit exporter (audited)", async () => {
    const res = await call('cl_d', 'GET', '/payments?month=2026-02');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.claims.map((c: OperatingClaim) => c.id)).toEqual([claim.id]);
    expect(list.towns).toEqual([
      {
        townCode: ZHUJIAJIAO,
        townName: expect.any(String),
        claims: 1,
        countedChildMonths: 1,
        totalFen: 30_000,
      },
    ]);
    expect(list).toMatchObject({ month: '2026-02', countedChildMonths: 1, totalFen: 30_000 });
    expect((await call('cl_d', 'GET', '/payments?month=2026-03')).json().claims).toEqual([]);
    expect((await call('cl_d', 'GET', '/payments?month=2026-3')).statusCode).toBe(400);
    expect((await call('cl_town', 'GET', '/payments?month=2026-02')).statusCode).toBe(403);
    expect((await call('cl_inst', 'GET', '/payments/export?month=2026-02')).statusCode).toBe(403);
    const xlsx = await call('cl_d', 'GET', '/payments/export?month=2026-02');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const csv = await call('cl_d', 'GET', '/payments/export?month=2026-02&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(list.claims[0].institutionName);
    expect(csv.body).toContain('300');
    expect(csv.body.trim().split('\n')).toHaveLength(2); // the header and the one approved claim
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'operating.payments.export'))
      .orderBy(asc(auditLog.seq));
    expect(audits.map((a) => (a.changes as { format: string }).format)).toEqual(['xlsx', 'csv']);
  });

  it('every step is audited, without names', async () => {
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(like(auditLog.action, 'operating.claim_%'))
      .orderBy(asc(auditLog.seq));
    expect(audits.map((a) => a.action)).toEqual([
      'operating.claim_build',
      'operating.claim_submitted',
      'operating.claim_returned',
      'operating.claim_rebuild',
      'operating.claim_submitted',
      'operating.claim_approved',
      'operating.claim_build',
      'operating.claim_submitted',
      'operating.claim_rejected',
    ]);
    expect(audits[2]!.changes).toEqual({
      status: { from: 'submitted', to: 'returned' },
      reason: '请补录 2 月出勤后重新提交',
    });
    expect(JSON.stringify(audits)).not.toContain('宝');
  });
});
