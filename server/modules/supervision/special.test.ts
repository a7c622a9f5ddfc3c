/**
 * Joint special checks (issue 10): planned by the district or a town with two or more departments; each
 * team (≥ 2 inspectors from ≥ 2 departments, none who must recuse) gets an inspection record of kind
 * `special` with the chosen themes' checklists, recorded, signed and rectified like any other. Bad
 * plans: 400 naming the field and rule, nothing written. Scope: a town officer plans in the town only
 * and sees a district check through its own teams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionDetail } from '../../../domain/contracts/supervision-inspections.ts';
import type {
  SpecialCheckBody,
  SpecialCheckDetail,
  SpecialUnit,
} from '../../../domain/contracts/supervision-special.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/index.ts';

let t: TestApp;
const district = { kind: 'division', divisionCode: DISTRICT } as const;
const ids: Record<string, string> = {};
let zjjA = '';
let zjjB = '';
let xj = '';
let draft = '';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('sp_district', 'district_officer', district);
  ids.zjjOfficer = await t.createUser('sp_zjj', 'town_officer', {
    kind: 'division',
    divisionCode: ZHUJIAJIAO,
  });
  await t.createUser('sp_xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  for (const u of ['sp_edu', 'sp_fire', 'sp_market', 'sp_health'])
    ids[u] = await t.createUser(u, 'inspector', district);
  ids.sp_xj_insp = await t.createUser('sp_xj_insp', 'inspector', { kind: 'division', divisionCode: XUJING });
  const now = t.clock.now();
  zjjA = (await buildInstitution(t.database.db, { status: 'operating', townCode: ZHUJIAJIAO, now })).id;
  zjjB = (await buildInstitution(t.database.db, { status: 'operating', townCode: ZHUJIAJIAO, now })).id;
  xj = (await buildInstitution(t.database.db, { status: 'operating', townCode: XUJING, now })).id;
  draft = (await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, now })).id;
  await t.createUser('sp_admin', 'institution_admin', { kind: 'institution', institutionId: zjjA });
}, 120_000);
afterAll(() => t.close());

const cookies = new Map<string, string>();
const as = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: object) => {
  if (!cookies.has(who)) cookies.set(who, await t.login(who));
  return t.call(method, `/api/v1/supervision${url}`, { cookie: cookies.get(who)!, body });
};
const m = (user: string, unit: SpecialUnit) => ({ userId: ids[user]!, unit });
const plan = (o: Partial<SpecialCheckBody> = {}): SpecialCheckBody =>
  ({
    title: '消防与食品安全联合检查',
    divisionCode: DISTRICT,
    categories: ['fire', 'food'],
    leadUnit: 'edu',
    units: ['edu', 'fire', 'market'],
    startDate: '2026-03-09',
    endDate: '2026-03-27',
    targets: [
      { institutionId: zjjA, members: [m('sp_edu', 'edu'), m('sp_fire', 'fire')] },
      { institutionId: xj, members: [m('sp_market', 'market'), m('sp_xj_insp', 'edu')] },
    ],
    ...o,
  }) as SpecialCheckBody;

let checkId = '';

describe('planning a joint check', () => {
  it('the district plans one: a team per institution, each an inspection with the chosen themes only', async () => {
    const res = await as('sp_district', 'POST', '/special-checks', plan());
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as SpecialCheckDetail;
    checkId = d.id;
    expect(d).toMatchObject({ level: 'district', status: 'planned', targets: 2, signed: 0, findings: 0 });
    expect(d.teams.map((x) => x.members.map((y) => y.unit))).toEqual([
      ['edu', 'fire'],
      ['market', 'edu'],
    ]);
    expect(d.teams[0]!.members[0]!.name).toContain('sp_edu');
    const insp = d.teams[0]!.inspection!;
    expect(insp).toMatchObject({ kind: 'special', specialCheckId: d.id, month: '2026-03', status: 'open' });
    const full = await as('sp_edu', 'GET', `/inspections/${insp.id}`);
    expect(full.statusCode, full.body).toBe(200);
    expect((full.json() as InspectionDetail).checklists.map((c) => c.category)).toEqual(['fire', 'food']);
    const audit = (await t.database.db.execute(
      `select count(*)::int as n from audit_log where action = 'supervision.special_create'`,
    )) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBe(1);
  });

  it.each<[string, () => Partial<SpecialCheckBody>, string, string]>([
    ['one department', () => ({ units: ['edu'] }), 'units', 'too_small'],
    ['the lead not taking part', () => ({ leadUnit: 'health' }), 'leadUnit', 'lead_takes_part'],
    [
      'a team from one department',
      () => ({ targets: [{ institutionId: zjjB, members: [m('sp_edu', 'edu'), m('sp_health', 'edu')] }] }),
      'targets.0.members',
      'min_two_departments',
    ],
    [
      'a member who is not an inspector',
      () => ({ targets: [{ institutionId: zjjB, members: [m('sp_edu', 'edu'), m('zjjOfficer', 'fire')] }] }),
      'targets.0.members.1.userId',
      'inspector_account',
    ],
    [
      'an institution not in service',
      () => ({ targets: [{ institutionId: draft, members: [m('sp_edu', 'edu'), m('sp_fire', 'fire')] }] }),
      'targets.0.institutionId',
      'in_service_in_division',
    ],
    [
      'a check already over',
      () => ({ startDate: '2026-02-02', endDate: '2026-02-20' }),
      'endDate',
      'not_past',
    ],
  ])('refused: %s (400 naming the field; nothing written)', async (_label, change, field, rule) => {
    const before = await countRows(t, 'supervision_special_checks');
    const res = await as('sp_district', 'POST', '/special-checks', plan(change()));
    expect(res.statusCode, res.body).toBe(400);
    const errors = res.json().errors as {
      field: string;
      rule: string;
      message_zh: string;
      message_en: string;
    }[];
    const e = errors.find((x) => x.field === field);
    expect(e, JSON.stringify(errors)).toBeDefined();
    if (rule !== 'too_small') expect(e!.rule).toBe(rule);
    expect(e!.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e!.message_en).toMatch(/[a-z]/);
    expect(await countRows(t, 'supervision_special_checks')).toBe(before);
  });

  it('a town plans in its own town only; its officer sees a district check through its own teams', async () => {
    const other = await as('sp_zjj', 'POST', '/special-checks', plan({ divisionCode: XUJING }));
    expect(other.statusCode).toBe(403);
    const outside = await as(
      'sp_zjj',
      'POST',
      '/special-checks',
      plan({
        divisionCode: ZHUJIAJIAO,
        targets: [{ institutionId: xj, members: [m('sp_edu', 'edu'), m('sp_fire', 'fire')] }],
      }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({
      field: 'targets.0.institutionId',
      rule: 'in_service_in_division',
    });
    // Xujing's officer: the district check shows, with the Xujing team only.
    const seen = await as('sp_xj', 'GET', `/special-checks/${checkId}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect((seen.json() as SpecialCheckDetail).teams.map((x) => x.institutionId)).toEqual([xj]);
    const list = await as('sp_xj', 'GET', '/special-checks');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(checkId);
    // The institution's admin reads its inspection, not the check list.
    expect((await as('sp_admin', 'GET', '/special-checks')).statusCode).toBe(403);
    const mine = await as('sp_admin', 'GET', '/inspections?kind=special');
    expect(mine.json().items.map((x: { institutionId: string }) => x.institutionId)).toEqual([zjjA]);
  });

  it('the inspectors that can be put on a team: those covering the division', async () => {
    const res = await as('sp_zjj', 'GET', `/special-checks/inspectors?divisionCode=${ZHUJIAJIAO}`);
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().items.map((x: { name: string }) => x.name);
    expect(names).toEqual(
      expect.arrayContaining(['sp_edu', 'sp_fire', 'sp_market', 'sp_health'].map((u) => `测试 ${u}`)),
    );
    expect(names).not.toContain('测试 sp_xj_insp');
    expect((await as('sp_zjj', 'GET', `/special-checks/inspectors?divisionCode=${XUJING}`)).statusCode).toBe(
      403,
    );
  });
});

describe('recording a joint check', () => {
  it('both members record and sign; findings become rectification items; the check counts them', async () => {
    const d = (await as('sp_district', 'GET', `/special-checks/${checkId}`)).json() as SpecialCheckDetail;
    const inspId = d.teams.find((x) => x.institutionId === zjjA)!.inspection!.id;
    // Someone not on the team cannot record it.
    const full = (await as('sp_edu', 'GET', `/inspections/${inspId}`)).json() as InspectionDetail;
    const items = full.checklists.flatMap((c) => c.items);
    const results = items.map((i, k) =>
      k === 0
        ? { itemCode: i.code, outcome: 'finding' as const, note: '疏散通道堆放杂物' }
        : { itemCode: i.code, outcome: 'pass' as const },
    );
    expect(
      (await as('sp_health', 'PUT', `/inspections/${inspId}/results`, { version: full.version, results }))
        .statusCode,
    ).toBe(403);
    const saved = await as('sp_edu', 'PUT', `/inspections/${inspId}/results`, {
      version: full.version,
      results,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const v = saved.json().version as number;
    expect((await as('sp_edu', 'POST', `/inspections/${inspId}/sign`, { version: v })).statusCode).toBe(200);
    const last = await as('sp_fire', 'POST', `/inspections/${inspId}/sign`, { version: v + 1 });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json().status).toBe('signed');
    const rect = await as('sp_district', 'GET', '/rectifications');
    const mine = rect.json().items.filter((x: { inspectionId: string }) => x.inspectionId === inspId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ inspectionKind: 'special', itemCode: items[0]!.code });
    const after = (await as('sp_district', 'GET', `/special-checks/${checkId}`)).json() as SpecialCheckDetail;
    expect(after).toMatchObject({ signed: 1, findings: 1, status: 'planned' });
  });

  it('an inspector who inspected the institution in the last draw must recuse', async () => {
    const cookie = await t.login('sp_zjj');
    const p = await t.call('POST', '/api/v1/supervision/draw-plans', {
      cookie,
      body: { month: '2026-03', divisionCode: ZHUJIAJIAO, sampleSize: 2 },
    });
    expect(p.statusCode, p.body).toBe(201);
    const drawn = await t.call('POST', `/api/v1/supervision/draw-plans/${p.json().id}/draw`, { cookie });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const a = (drawn.json().result.assignments as { targetId: string; inspectorIds: string[] }[]).find(
      (x) => x.targetId === zjjB,
    )!;
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    const conflicted = byId[a.inspectorIds[0]!]!;
    const free = ['sp_edu', 'sp_fire', 'sp_market', 'sp_health'].filter(
      (u) => !a.inspectorIds.includes(ids[u]!),
    );
    const body = plan({
      divisionCode: ZHUJIAJIAO,
      startDate: '2026-04-01',
      endDate: '2026-04-20',
      targets: [{ institutionId: zjjB, members: [m(conflicted, 'edu'), m(free[0]!, 'fire')] }],
    });
    const res = await as('sp_zjj', 'POST', '/special-checks', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'targets.0.members.0.userId', rule: 'recusal' });
    const ok = await as('sp_zjj', 'POST', '/special-checks', {
      ...body,
      targets: [{ institutionId: zjjB, members: [m(free[0]!, 'edu'), m(free[1]!, 'fire')] }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ level: 'town', divisionCode: ZHUJIAJIAO });
  });
});
