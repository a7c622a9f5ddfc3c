/**
 * Issue 13, annual report: the year's targets as a spreadsheet, the same numbers as the dashboard for
 * the caller; after the plan period every row says the targets are carried forward; bad year → 400.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDashboard } from '../../../domain/contracts/plan.ts';
import { createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildPlan } from '../../../test/factories/plan.ts';
import { auditLog } from '../../platform/tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('rep_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('rep_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await buildPlan(t.database.db);
  await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, status: 'operating' });
});
afterAll(() => t.close());

const as = async (who: string, url: string) => t.call('GET', url, { cookie: await t.login(who) });
const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

describe('the annual report spreadsheet', () => {
  it("holds the dashboard's targets for the year with status and citation, carried forward after 2023; audited", async () => {
    const dash = (await as('rep_d', '/api/v1/plan/targets?year=2026')).json() as PlanDashboard;
    expect(dash.carriedForward).toBe(true);
    const res = await as('rep_d', '/api/v1/plan/report/export?year=2026&format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = csvRows(res.body);
    expect(lines[0]).toContain('目标 Target');
    expect(lines).toHaveLength(dash.targets.length + 1);
    const certified = dash.targets.find((x) => x.key === 'inclusive_points_new')!;
    expect(lines.some((l) => l.includes(certified.titleZh) && l.includes('青府办发〔2021〕35号'))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes('沿用'))).toBe(true);
    const xlsx = await as('rep_d', '/api/v1/plan/report/export?year=2022');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'plan_report.export'));
    expect(audited.length).toBe(2);
  });

  it("a town officer's report holds its town's rows only, as its dashboard does", async () => {
    const dash = (await as('rep_town', '/api/v1/plan/targets?year=2022')).json() as PlanDashboard;
    const lines = csvRows((await as('rep_town', '/api/v1/plan/report/export?year=2022&format=csv')).body);
    expect(lines).toHaveLength(dash.targets.length + 1);
    expect(lines.slice(1).every((l) => !l.includes('沿用'))).toBe(true);
  });

  it('a year outside the plan era is a 400 naming the year', async () => {
    const res = await as('rep_d', '/api/v1/plan/report/export?year=1999');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain('year');
  });
});
