import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedDraw } from '../../../domain/contracts/supervision.ts';
import { checkAssignments, verifyPublishedDraw } from '../../../domain/supervision/verify.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/index.ts';

let t: TestApp;
const district = { kind: 'division', divisionCode: DISTRICT } as const;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('sv_district', 'district_officer', district);
  await t.createUser('sv_zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('sv_xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('sv_insp1', 'inspector', district);
  await t.createUser('sv_insp2', 'inspector', district);
  await t.createUser('sv_insp3', 'inspector', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('sv_insp_xj', 'inspector', { kind: 'division', divisionCode: XUJING });
  for (let i = 0; i < 4; i++)
    await buildInstitution(t.database.db, {
      status: 'operating',
      name: `朱家角抽查托育园${i}`,
      townCode: ZHUJIAJIAO,
    });
  await buildInstitution(t.database.db, { status: 'operating', name: '徐泾抽查托育园', townCode: XUJING });
});
afterAll(() => t.close());

const commitPlan = async (who: string, body: object) =>
  t.call('POST', '/api/v1/supervision/draw-plans', { cookie: await t.login(who), body });
const runDraw = async (who: string, id: string) =>
  t.call('POST', `/api/v1/supervision/draw-plans/${id}/draw`, { cookie: await t.login(who) });

describe('verifiable draws', () => {
  let planId = '';
  it('a town officer commits a plan: pools of the town, commitment public, secret not yet', async () => {
    const res = await commitPlan('sv_zjj', { month: '2026-01', divisionCode: ZHUJIAJIAO, sampleSize: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    planId = plan.id;
    expect(plan).toMatchObject({ level: 'town', status: 'committed', targetsPool: 4, inspectorsPool: 3 });
    const pub = await t.call('GET', `/api/v1/public/supervision/draws/${planId}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ secretHex: null, result: null, commitment: plan.commitment });
  });

  it('draws once; the public data verifies; a tampered copy does not; a second draw is 409', async () => {
    const cookie = await t.login('sv_zjj');
    const before = await countRows(t, 'audit_log');
    const res = await t.call('POST', `/api/v1/supervision/draw-plans/${planId}/draw`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    expect(await countRows(t, 'audit_log')).toBe(before + 1);
    const pub = (await t.call('GET', `/api/v1/public/supervision/draws/${planId}`)).json() as PublishedDraw;
    expect(pub.status).toBe('drawn');
    expect(pub.result!.assignments).toHaveLength(2);
    expect(verifyPublishedDraw(pub)).toEqual({ verified: true, assignments: 2 });
    expect(checkAssignments(pub.result!, pub.conflicts)).toEqual([]);
    const tampered = structuredClone(pub);
    tampered.result!.assignments[0]!.inspectorIds = [...pub.inspectors.map((i) => i.id)]
      .slice(0, 2)
      .reverse();
    tampered.result!.assignments.reverse();
    expect(verifyPublishedDraw(tampered).verified).toBe(false);
    const again = await runDraw('sv_zjj', planId);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('supervision.already_drawn');
  });

  it('next month: last time’s inspectors recuse from the same institutions', async () => {
    const prev = (await t.call('GET', `/api/v1/public/supervision/draws/${planId}`)).json() as PublishedDraw;
    const res = await commitPlan('sv_zjj', { month: '2026-02', divisionCode: ZHUJIAJIAO, sampleSize: 4 });
    // 3 inspectors, each drawn target recuses 2 of them: only 1 eligible → refused before drawing.
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'inspectors', rule: 'draw.insufficient_inspectors' });
    expect(prev.result!.assignments.length).toBe(2);
  });

  it('a plan with fewer than 2 eligible inspectors (after recusal) is 400 and writes nothing', async () => {
    // 徐泾: one institution, three inspectors covering it; January draws two of them.
    const jan = await commitPlan('sv_xj', { month: '2026-01', divisionCode: XUJING, sampleSize: 1 });
    expect(jan.statusCode, jan.body).toBe(201);
    expect((await runDraw('sv_xj', jan.json().id)).statusCode).toBe(200);
    const rows = await countRows(t, 'supervision_draw_plans');
    const res = await commitPlan('sv_xj', { month: '2026-02', divisionCode: XUJING, sampleSize: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'inspectors', rule: 'draw.insufficient_inspectors' });
    expect(res.json().errors[0].message_zh).toBeTruthy();
    expect(res.json().errors[0].message_en).toBeTruthy();
    expect(await countRows(t, 'supervision_draw_plans')).toBe(rows);
  });

  it('a pool changed after the commitment: the draw is 409 and the plan stays committed', async () => {
    const res = await commitPlan('sv_district', { month: '2026-03', divisionCode: DISTRICT, sampleSize: 2 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 'district', targetsPool: 5, inspectorsPool: 4 });
    await buildInstitution(t.database.db, { status: 'operating', name: '新开托育园', townCode: ZHUJIAJIAO });
    const d = await runDraw('sv_district', res.json().id);
    expect(d.statusCode).toBe(409);
    expect(d.json().code).toBe('supervision.pool_changed');
    const pub = (await t.call('GET', `/api/v1/public/supervision/draws/${res.json().id}`)).json();
    expect(pub).toMatchObject({ status: 'committed', secretHex: null });
  });

  it('scope: another town sees nothing and cannot commit for a town it does not hold; bad month is 400', async () => {
    const get = await t.call('GET', `/api/v1/supervision/draw-plans/${planId}`, {
      cookie: await t.login('sv_xj'),
    });
    expect(get.statusCode).toBe(404);
    const list = await t.call('GET', '/api/v1/supervision/draw-plans', { cookie: await t.login('sv_xj') });
    expect(list.json().items.map((p: { divisionCode: string }) => p.divisionCode)).toEqual([XUJING]);
    const other = await commitPlan('sv_xj', { month: '2026-04', divisionCode: ZHUJIAJIAO, sampleSize: 1 });
    expect(other.statusCode).toBe(403);
    const bad = await commitPlan('sv_zjj', { month: '2026-13', divisionCode: ZHUJIAJIAO, sampleSize: 1 });
    expect(bad.statusCode).toBe(400);
    const parent = await t.call('POST', `/api/v1/supervision/draw-plans/${planId}/draw`, {
      cookie: await t.login('sv_insp1'),
    });
    expect(parent.statusCode).toBe(403);
  });
});

describe('conflict sources', () => {
  it('a registered source (e.g. workforce: works at the target) makes that inspector recuse', async () => {
    const { registerConflictSource, conflictSources } = await import('./conflicts.ts');
    const target = await buildInstitution(t.database.db, {
      status: 'operating',
      name: '回避测试托育园',
      townCode: XUJING,
    });
    const insp = await t.createUser('sv_insp_rec', 'inspector', { kind: 'division', divisionCode: XUJING });
    registerConflictSource({
      name: 'test_works_at',
      conflicts: async () => [{ inspectorId: insp, targetId: target.id }],
    });
    try {
      const res = await commitPlan('sv_xj', { month: '2026-05', divisionCode: XUJING, sampleSize: 2 });
      expect(res.statusCode, res.body).toBe(201);
      const d = (await runDraw('sv_xj', res.json().id)).json() as PublishedDraw;
      expect(d.conflicts).toContainEqual({ inspectorId: insp, targetId: target.id });
      const a = d.result!.assignments.find((x) => x.targetId === target.id)!;
      expect(a.inspectorIds).not.toContain(insp);
      expect(verifyPublishedDraw(d).verified).toBe(true);
    } finally {
      conflictSources.splice(
        conflictSources.findIndex((s) => s.name === 'test_works_at'),
        1,
      );
    }
  });
});
