import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionDetail, Rectification } from '../../../domain/contracts/supervision-inspections.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/index.ts';

let t: TestApp;
const district = { kind: 'division', divisionCode: DISTRICT } as const;
const users = new Map<string, string>(); // id → username
let instA = '';
let inspectionId = '';
let assigned: string[] = [];
let outsider = '';
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('si_district', 'district_officer', district);
  await t.createUser('si_zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('si_xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  for (const u of ['si_insp1', 'si_insp2', 'si_insp3'])
    users.set(await t.createUser(u, 'inspector', district), u);
  const a = await buildInstitution(t.database.db, {
    status: 'operating',
    name: '朱家角检查托育园A',
    townCode: ZHUJIAJIAO,
  });
  await buildInstitution(t.database.db, {
    status: 'operating',
    name: '朱家角检查托育园B',
    townCode: ZHUJIAJIAO,
  });
  const x = await buildInstitution(t.database.db, {
    status: 'operating',
    name: '徐泾检查托育园',
    townCode: XUJING,
  });
  instA = a.id;
  await t.createUser('si_admin_a', 'institution_admin', { kind: 'institution', institutionId: a.id });
  await t.createUser('si_admin_x', 'institution_admin', { kind: 'institution', institutionId: x.id });
  const cookie = await t.login('si_zjj');
  const plan = await t.call('POST', '/api/v1/supervision/draw-plans', {
    cookie,
    body: { month: '2026-03', divisionCode: ZHUJIAJIAO, sampleSize: 2 },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const drawn = await t.call('POST', `/api/v1/supervision/draw-plans/${plan.json().id}/draw`, { cookie });
  expect(drawn.statusCode, drawn.body).toBe(200);
});
afterAll(() => t.close());

const cookies = new Map<string, string>();
const as = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: object) => {
  if (!cookies.has(who)) cookies.set(who, await t.login(who));
  return t.call(method, `/api/v1/supervision${url}`, { cookie: cookies.get(who)!, body });
};
const allPass = (d: InspectionDetail) =>
  d.checklists.flatMap((c) => c.items).map((i) => ({ itemCode: i.code, outcome: 'pass' as const }));

describe('inspections from a run draw', () => {
  it('each drawn pair became an inspection with the sample checklists; an inspector sees his own', async () => {
    const list = await as('si_zjj', 'GET', '/inspections');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(2);
    const mine = list.json().items.find((i: { institutionId: string }) => i.institutionId === instA);
    inspectionId = mine.id;
    assigned = mine.inspectorIds.map((id: string) => users.get(id)!);
    expect(assigned).toHaveLength(2);
    outsider = [...users.values()].find((u) => !assigned.includes(u))!;
    const own = await as(assigned[0]!, 'GET', '/inspections?mine=true');
    expect(own.json().items.map((i: { id: string }) => i.id)).toContain(inspectionId);
    const d = (await as(assigned[0]!, 'GET', `/inspections/${inspectionId}`)).json() as InspectionDetail;
    expect(d.checklists.map((c) => c.category)).toEqual([
      'safety',
      'health',
      'fire',
      'food',
      'fees',
      'staff',
      'emergency',
    ]);
    expect(d.permittedActions).toEqual(['record']);
  });

  it('a result for an item not in the template version is 400 naming the item; nothing written', async () => {
    const d = (await as(assigned[0]!, 'GET', `/inspections/${inspectionId}`)).json() as InspectionDetail;
    const audit = await countRows(t, 'audit_log');
    const res = await as(assigned[0]!, 'PUT', `/inspections/${inspectionId}/results`, {
      version: d.version,
      results: [...allPass(d), { itemCode: 'safety-99', outcome: 'pass' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ rule: 'unknown_item' });
    expect(res.json().errors[0].message_zh).toContain('safety-99');
    expect(res.json().errors[0].message_en).toContain('safety-99');
    const noNote = await as(assigned[0]!, 'PUT', `/inspections/${inspectionId}/results`, {
      version: d.version,
      results: [{ itemCode: 'fire-01', outcome: 'finding' }],
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0]).toMatchObject({ field: 'results.0.note', rule: 'note_required' });
    expect(await countRows(t, 'audit_log')).toBe(audit);
    const after = (await as(assigned[0]!, 'GET', `/inspections/${inspectionId}`)).json();
    expect(after.results).toEqual([]);
    expect(after.version).toBe(d.version);
  });

  it('a non-assigned inspector can neither record nor sign; signing before every item has a result is 409', async () => {
    const d = (await as(assigned[0]!, 'GET', `/inspections/${inspectionId}`)).json() as InspectionDetail;
    const rec = await as(outsider, 'PUT', `/inspections/${inspectionId}/results`, {
      version: d.version,
      results: allPass(d),
    });
    expect(rec.statusCode).toBe(403);
    expect(rec.json().code).toBe('supervision.not_assigned');
    const early = await as(assigned[0]!, 'POST', `/inspections/${inspectionId}/sign`, { version: d.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('supervision.results_incomplete');
  });

  it('both assigned inspectors sign as themselves; the finding becomes an open rectification item', async () => {
    const d = (await as(assigned[0]!, 'GET', `/inspections/${inspectionId}`)).json() as InspectionDetail;
    const results = allPass(d).map((r) =>
      r.itemCode === 'fire-01'
        ? { itemCode: 'fire-01', outcome: 'finding' as const, note: '二楼安全出口堆放杂物' }
        : r,
    );
    const saved = await as(assigned[0]!, 'PUT', `/inspections/${inspectionId}/results`, {
      version: d.version,
      results,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().permittedActions).toEqual(['record', 'sign']);
    const s1 = await as(assigned[0]!, 'POST', `/inspections/${inspectionId}/sign`, {
      version: saved.json().version,
    });
    expect(s1.statusCode, s1.body).toBe(200);
    expect(s1.json().status).toBe('open');
    const twice = await as(assigned[0]!, 'POST', `/inspections/${inspectionId}/sign`, {
      version: s1.json().version,
    });
    expect(twice.json().code).toBe('supervision.already_signed');
    const byOutsider = await as(outsider, 'POST', `/inspections/${inspectionId}/sign`, {
      version: s1.json().version,
    });
    expect(byOutsider.statusCode).toBe(403);
    expect(await countRows(t, 'supervision_rectifications')).toBe(0);
    const s2 = await as(assigned[1]!, 'POST', `/inspections/${inspectionId}/sign`, {
      version: s1.json().version,
    });
    expect(s2.statusCode, s2.body).toBe(200);
    expect(s2.json()).toMatchObject({ status: 'signed', findings: 1 });
    expect(s2.json().score).toBeLessThan(100);
    expect(s2.json().signoffs.map((s: { userId: string }) => users.get(s.userId))).toEqual(assigned);
    const again = await as(assigned[0]!, 'PUT', `/inspections/${inspectionId}/results`, {
      version: s2.json().version,
      results,
    });
    expect(again.statusCode).toBe(409);
    const rect = (await as('si_admin_a', 'GET', '/rectifications')).json().items as Rectification[];
    expect(rect).toHaveLength(1);
    // fire-01 is serious: 7 days from the sign-off date (2026-03-02 China time)
    expect(rect[0]).toMatchObject({
      itemCode: 'fire-01',
      severity: 'serious',
      status: 'open',
      deadline: '2026-03-09',
      overdue: false,
    });
    expect(rect[0]!.permittedActions).toEqual(['submit_evidence']);
  });

  it('scope: another town’s officer and another institution get 404 and see nothing', async () => {
    expect((await as('si_xj', 'GET', `/inspections/${inspectionId}`)).statusCode).toBe(404);
    expect((await as('si_admin_x', 'GET', `/inspections/${inspectionId}`)).statusCode).toBe(404);
    expect((await as('si_xj', 'GET', '/rectifications')).json().items).toEqual([]);
    expect((await as('si_admin_x', 'GET', '/rectifications')).json().items).toEqual([]);
    const [r] = (await as('si_admin_a', 'GET', '/rectifications')).json().items as Rectification[];
    const res = await as('si_admin_x', 'POST', `/rectifications/${r!.id}/transition`, {
      version: r!.version,
      action: 'submit_evidence',
      evidenceText: 'x',
    });
    expect(res.statusCode).toBe(404);
    expect((await as('si_xj', 'GET', '/inspections')).json().items).toEqual([]);
  });
});

describe('a town-scoped inspector drawn for another town', () => {
  it('sees the inspection and its items assigned to them, and nothing else of that town', async () => {
    const { supervisionInspections } = await import('./tables.ts');
    const { and, eq } = await import('drizzle-orm');
    const xjInspector = await t.createUser('si_insp_xj', 'inspector', {
      kind: 'division',
      divisionCode: XUJING,
    });
    const before = await as('si_insp_xj', 'GET', `/inspections/${inspectionId}`);
    expect(before.statusCode).toBe(404);
    expect((await as('si_insp_xj', 'GET', '/rectifications')).json().items).toEqual([]);
    const [row] = await t.database.db
      .select()
      .from(supervisionInspections)
      .where(
        and(eq(supervisionInspections.districtCode, DISTRICT), eq(supervisionInspections.id, inspectionId)),
      );
    await t.database.db
      .update(supervisionInspections)
      .set({ inspectorIds: [...row!.inspectorIds, xjInspector] })
      .where(
        and(eq(supervisionInspections.districtCode, DISTRICT), eq(supervisionInspections.id, inspectionId)),
      );
    expect((await as('si_insp_xj', 'GET', `/inspections/${inspectionId}`)).statusCode).toBe(200);
    expect((await as('si_insp_xj', 'GET', '/rectifications')).json().items).toHaveLength(1);
    const others = (await as('si_insp_xj', 'GET', '/inspections')).json().items as {
      id: string;
      townCode: string;
    }[];
    expect(others.filter((i) => i.townCode === ZHUJIAJIAO).map((i) => i.id)).toEqual([inspectionId]);
    await t.database.db
      .update(supervisionInspections)
      .set({ inspectorIds: row!.inspectorIds })
      .where(
        and(eq(supervisionInspections.districtCode, DISTRICT), eq(supervisionInspections.id, inspectionId)),
      );
  });
});

describe('rectification steps in order only', () => {
  const rect = async () =>
    ((await as('si_admin_a', 'GET', '/rectifications')).json().items as Rectification[])[0]!;
  const step = (who: string, r: Rectification, body: object) =>
    as(who, 'POST', `/rectifications/${r.id}/transition`, { version: r.version, ...body });

  it('illegal steps are 409, missing evidence or reason 400, nothing written', async () => {
    const r = await rect();
    const audit = await countRows(t, 'audit_log');
    const verify = await step('si_zjj', r, { action: 'verify' });
    expect(verify.statusCode).toBe(409);
    expect(verify.json().code).toBe('conflict.transition');
    const empty = await step('si_admin_a', r, { action: 'submit_evidence', evidenceText: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('evidenceText');
    expect(await countRows(t, 'audit_log')).toBe(audit);
    const byTown = await step('si_zjj', r, { action: 'submit_evidence', evidenceText: '已清理' });
    expect(byTown.statusCode).toBe(403);
    expect((await rect()).version).toBe(r.version);
  });

  it('overdue after the deadline; evidence, return with a reason, evidence again, the town closes it', async () => {
    t.clock.advance(10 * DAY);
    cookies.clear(); // sessions expired meanwhile
    const overdue = (await as('si_zjj', 'GET', '/rectifications?overdue=true')).json().items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0].overdue).toBe(true);
    let r = await rect();
    const sub = await step('si_admin_a', r, {
      action: 'submit_evidence',
      evidenceText: '杂物已清理，通道畅通',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe('evidence_submitted');
    r = sub.json();
    const resubmit = await step('si_admin_a', r, { action: 'submit_evidence', evidenceText: 'again' });
    expect(resubmit.statusCode).toBe(409);
    const noReason = await step('si_zjj', r, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const ret = await step('si_zjj', r, { action: 'return', reason: '请补充现场照片说明' });
    expect(ret.json()).toMatchObject({ status: 'open', returnReason: '请补充现场照片说明' });
    const sub2 = await step('si_admin_a', ret.json(), {
      action: 'submit_evidence',
      evidenceText: '已补充说明',
    });
    const stale = await step('si_zjj', r, { action: 'verify' });
    expect(stale.statusCode).toBe(409);
    const closed = await step('si_zjj', sub2.json(), { action: 'verify' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', overdue: false, permittedActions: [] });
    expect((await as('si_zjj', 'GET', '/rectifications?overdue=true')).json().items).toEqual([]);
  });
});

describe('checklist versions and the self-check', () => {
  it('the district publishes a new version; the old inspection keeps its version; bad input 400', async () => {
    const cur = (await as('si_district', 'GET', '/checklists')).json().items;
    const safety = cur.find((c: { category: string }) => c.category === 'safety');
    const before = await countRows(t, 'supervision_checklists');
    const dup = await as('si_district', 'POST', '/checklists/safety/versions', {
      items: [safety.items[0], safety.items[0]],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ field: 'items.1.code', rule: 'unique' });
    expect(
      (await as('si_zjj', 'POST', '/checklists/safety/versions', { items: safety.items })).statusCode,
    ).toBe(403);
    expect(await countRows(t, 'supervision_checklists')).toBe(before);
    const pub = await as('si_district', 'POST', '/checklists/safety/versions', {
      items: [
        ...safety.items.slice(1),
        { code: 'safety-05', severity: 'minor', points: 2, zh: '午睡巡视有记录', en: 'Nap checks recorded' },
      ],
    });
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json().version).toBe(2);
    const old = (await as('si_zjj', 'GET', `/inspections/${inspectionId}`)).json() as InspectionDetail;
    expect(old.checklists.find((c) => c.category === 'safety')!.version).toBe(1);
    const versions = (await as('si_zjj', 'GET', '/checklists/safety/versions')).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('the institution’s monthly self-check uses the current templates; once a month; findings become items', async () => {
    const res = await as('si_admin_a', 'POST', '/self-checks', { month: '2026-03' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as InspectionDetail;
    expect(d.kind).toBe('self_check');
    expect(d.checklists.find((c) => c.category === 'safety')!.version).toBe(2);
    expect((await as('si_admin_a', 'POST', '/self-checks', { month: '2026-03' })).statusCode).toBe(409);
    expect((await as('si_zjj', 'POST', '/self-checks', { month: '2026-03' })).statusCode).toBe(403);
    const results = allPass(d).map((r) =>
      r.itemCode === 'food-04'
        ? { itemCode: 'food-04', outcome: 'finding' as const, note: '本周食谱未公示' }
        : r,
    );
    const saved = await as('si_admin_a', 'PUT', `/inspections/${d.id}/results`, {
      version: d.version,
      results,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const signed = await as('si_admin_a', 'POST', `/inspections/${d.id}/sign`, {
      version: saved.json().version,
    });
    expect(signed.json()).toMatchObject({ status: 'signed', findings: 1 });
    const items = (await as('si_zjj', 'GET', '/rectifications?status=open')).json().items as Rectification[];
    expect(items.map((i) => [i.itemCode, i.inspectionKind, i.severity])).toEqual([
      ['food-04', 'self_check', 'minor'],
    ]);
    expect((await as('si_xj', 'GET', `/inspections/${d.id}`)).statusCode).toBe(404);
  });
});

describe('plan target: annual on-site visit coverage', () => {
  it('counts operating institutions with a signed drawn inspection this year, in the caller’s scope', async () => {
    const { supervisionTargets } = await import('./targets.ts');
    const src = supervisionTargets.find((s) => s.key === 'annual_visit_coverage')!;
    const actor = (code: string) => ({
      userId: '00000000-0000-7000-8000-000000000000',
      username: 'x',
      districtCode: DISTRICT,
      role: 'town_officer' as const,
      scope: { kind: 'division' as const, divisionCode: code },
      sessionId: 'x',
    });
    const q = (code: string, year = 2026) => ({ actor: actor(code), year, asOf: t.clock.now() });
    expect(await src.measure(t.database.db, q(ZHUJIAJIAO))).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    expect(await src.measure(t.database.db, q(XUJING))).toMatchObject({ numerator: 0, denominator: 1 });
    expect((await src.measure(t.database.db, q(ZHUJIAJIAO, 2025))).numerator).toBe(0);
    const drill = await src.drillDown(t.database.db, q(ZHUJIAJIAO), { offset: 0, limit: 10 });
    expect(drill.total).toBe(2);
    expect(drill.rows.find((r) => r.id === instA)).toMatchObject({ counts: true });
    expect(drill.rows.filter((r) => r.counts)).toHaveLength(1);
  });
});

describe('plan target: monthly double-random draws held', () => {
  it('counts the months with a run draw of the division itself; a committed plan not yet drawn does not count', async () => {
    const { supervisionTargets } = await import('./targets.ts');
    const src = supervisionTargets.find((s) => s.key === 'monthly_draws_held')!;
    const actor = (code: string) => ({
      userId: '00000000-0000-7000-8000-000000000000',
      username: 'x',
      districtCode: DISTRICT,
      role: code === DISTRICT ? ('district_officer' as const) : ('town_officer' as const),
      scope: { kind: 'division' as const, divisionCode: code },
      sessionId: 'x',
    });
    const q = (code: string, townCode?: string) => ({
      actor: actor(code),
      year: 2026,
      asOf: new Date('2026-12-04T02:00:00Z'),
      ...(townCode ? { townCode } : {}),
    });
    // 徐泾 commits a plan for April but never draws it.
    const committed = await as('si_xj', 'POST', '/draw-plans', {
      month: '2026-04',
      divisionCode: XUJING,
      sampleSize: 1,
    });
    expect(committed.statusCode, committed.body).toBe(201);
    const db = t.database.db;
    expect(await src.measure(db, q(ZHUJIAJIAO, ZHUJIAJIAO))).toMatchObject({ value: 1, unit: 'count' });
    expect((await src.measure(db, q(XUJING, XUJING))).value).toBe(0);
    // Another town's officer cannot count 朱家角's draws.
    expect((await src.measure(db, q(XUJING, ZHUJIAJIAO))).value).toBe(0);
    // The district row counts district-level draws only (none here); each town's own in byTown.
    const district = await src.measure(db, q(DISTRICT));
    expect(district.value).toBe(0);
    expect(district.byTown?.[ZHUJIAJIAO]).toBe(1);
    expect(district.byTown?.[XUJING]).toBe(0);
    // The drill-down: one row a month so far (January to December), only March counts.
    const drill = await src.drillDown(db, q(ZHUJIAJIAO, ZHUJIAJIAO), { offset: 0, limit: 20 });
    expect(drill.total).toBe(12);
    expect(drill.rows.filter((r) => r.counts).map((r) => r.label)).toEqual(['2026-03']);
    expect(drill.rows.find((r) => r.label === '2026-04')).toMatchObject({ counts: false });
  });
});

describe('overdue escalation (daily job)', () => {
  const escalations = async () =>
    (
      (await t.database.db.execute(
        `select count(*)::int as n from audit_log where action = 'supervision.rectification_escalate'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n;

  it('nothing before the deadline; after it the item is escalated once: town and institution told, operating → 整改中, audited as system:jobs', async () => {
    const open = (await as('si_zjj', 'GET', '/rectifications?status=open')).json().items as Rectification[];
    const item = open.find((i) => i.itemCode === 'food-04')!;
    expect(item.institutionId).toBe(instA);
    await t.jobs.runDue();
    expect(await escalations()).toBe(0);

    t.clock.advance(40 * DAY);
    cookies.clear();
    expect((await as('si_zjj', 'GET', '/rectifications?overdue=true')).json().items).toHaveLength(1);
    await t.jobs.runDue();
    expect(await escalations()).toBe(1);
    const inst = await t.call('GET', `/api/v1/institutions/${instA}`, { cookie: cookies.get('si_zjj') });
    expect(inst.json().status).toBe('rectifying');
    expect(inst.json().history[0]).toMatchObject({
      action: 'rectify',
      toStatus: 'rectifying',
      actorUsername: null,
    });
    expect(inst.json().history[0].reason).toContain('整改逾期');
    const rectify = (await t.database.db.execute(
      `select actor_username from audit_log where action = 'institutions.rectify' and object_id = '${instA}'`,
    )) as unknown as { rows: { actor_username: string }[] };
    expect(rectify.rows).toEqual([{ actor_username: 'system:jobs' }]);
    for (const who of ['si_zjj', 'si_admin_a']) {
      await as(who, 'GET', '/rectifications'); // logs in
      const mine = await t.call('GET', '/api/v1/notifications', { cookie: cookies.get(who) });
      expect(
        mine.json().items.filter((n: { kind: string }) => n.kind === 'supervision.rectification_overdue'),
        who,
      ).toHaveLength(1);
    }
    // Another town's officer is not told.
    await as('si_xj', 'GET', '/rectifications');
    const xj = await t.call('GET', '/api/v1/notifications', { cookie: cookies.get('si_xj') });
    expect(
      xj.json().items.filter((n: { kind: string }) => n.kind === 'supervision.rectification_overdue'),
    ).toEqual([]);

    // The next day: already escalated, nothing more (no second notice, no second transition).
    t.clock.advance(DAY);
    await t.jobs.runDue();
    expect(await escalations()).toBe(1);
    const again = (await t.database.db.execute(
      `select count(*)::int as n from audit_log where action = 'institutions.rectify' and object_id = '${instA}'`,
    )) as unknown as { rows: { n: number }[] };
    expect(again.rows[0]!.n).toBe(1);
  });
});
