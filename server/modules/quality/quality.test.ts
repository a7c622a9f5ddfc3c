/**
 * Issue 12: frameworks, a round from opening to demonstration institutions, over HTTP. Institutions in
 * three towns are written by factories; every call under test goes through the API.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation, RoundDetail } from '../../../domain/contracts/quality.ts';
import { peerConflicts } from '../../../domain/quality/peer-draw.ts';
import { verifyDraw } from '../../../domain/rules/draw.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { multipartBody, SAMPLE_FILES } from '../../../test/factories/inputs.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildQualityRound, scoresFor } from '../../../test/factories/quality.ts';
import { auditLog } from '../../platform/tables.ts';
import { creditCodeFor } from '../institutions/factories.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionInspections, supervisionRectifications } from '../supervision/tables.ts';
import { qualityEvaluations } from './tables.ts';

let t: TestApp;
let q: Awaited<ReturnType<typeof buildQualityRound>>;
const district = { kind: 'division', divisionCode: DISTRICT } as const;
const cookies = new Map<string, string>();
const as = async (who: string) => {
  if (!cookies.has(who)) cookies.set(who, await t.login(who));
  return cookies.get(who)!;
};
const call = async (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  t.call(method, url, { ...(who ? { cookie: await as(who) } : {}), ...(body !== undefined ? { body } : {}) });
const Q = '/api/v1/quality';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('q_district', 'district_officer', district);
  await t.createUser('q_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('q_eval', 'evaluator', district);
  await t.createUser('q_eval2', 'evaluator', district);
  q = await buildQualityRound(t.database.db, { towns: 3, perTown: 2, now: t.clock.now() });
  for (const [k, inst] of q.institutions.entries())
    await t.createUser(`q_inst${k}`, 'institution_admin', { kind: 'institution', institutionId: inst.id });
});
afterAll(() => t.close());

const instUser = (institutionId: string) =>
  `q_inst${q.institutions.findIndex((i) => i.id === institutionId)}`;

describe('frameworks', () => {
  it('the sample is labelled as a sample, and a version in use by a round cannot change (409, nothing written)', async () => {
    const list = await call('q_district', 'GET', `${Q}/frameworks`);
    expect(list.statusCode).toBe(200);
    const fw = list.json().items[0];
    expect(fw).toMatchObject({ sample: true, inUse: true, maxPoints: 100 });
    expect(fw.name).toContain('示例');
    expect(fw.dimensions).toHaveLength(7);
    const edit = await call('q_district', 'PATCH', `${Q}/frameworks/${fw.id}`, {
      version: fw.version,
      name: '改名',
      dimensions: fw.dimensions,
      gradeBands: fw.gradeBands,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('quality.framework_in_use');
    expect((await call('q_district', 'GET', `${Q}/frameworks/${fw.id}`)).json().name).toBe(fw.name);
  });

  it('the district edits its own as a new version; an unused version can change', async () => {
    const fw = (await call('q_district', 'GET', `${Q}/frameworks`)).json().items[0];
    const created = await call('q_district', 'POST', `${Q}/frameworks`, {
      code: fw.code,
      name: '青浦区托育机构规范办园行为评估指标（本区版）',
      dimensions: fw.dimensions,
      gradeBands: { excellent: 85, good: 75, qualified: 60 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ revision: fw.revision + 1, sample: false, inUse: false });
    const edit = await call('q_district', 'PATCH', `${Q}/frameworks/${created.json().id}`, {
      version: 1,
      name: '本区版（修订）',
      dimensions: fw.dimensions,
      gradeBands: { excellent: 85, good: 75, qualified: 60 },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().version).toBe(2);
    const badBands = await call('q_district', 'PATCH', `${Q}/frameworks/${created.json().id}`, {
      version: 2,
      name: 'x',
      dimensions: fw.dimensions,
      gradeBands: { excellent: 60, good: 75, qualified: 80 },
    });
    expect(badBands.statusCode).toBe(400);
    expect(badBands.json().errors[0].field).toBe('gradeBands');
  });
});

describe('opening a round and the peer draw', () => {
  it('publishes the commitment, hides the secret until the draw, and the draw verifies', async () => {
    const round: RoundDetail = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`)).json();
    expect(round.draw.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(round.draw.secretHex).toMatch(/^[0-9a-f]{64}$/);
    const forms = await t.database.db
      .select()
      .from(qualityEvaluations)
      .where(eq(qualityEvaluations.kind, 'peer'));
    const town = new Map(q.institutions.map((i) => [i.id, i.townCode]));
    for (const inst of q.institutions) {
      const reviewers = forms.filter((f) => f.institutionId === inst.id).map((f) => f.reviewerInstitutionId!);
      expect(reviewers.length).toBeGreaterThanOrEqual(2);
      for (const r of reviewers) expect(town.get(r)).not.toBe(inst.townCode);
    }
    const pool = q.institutions.map((i) => ({ id: i.id, townCode: i.townCode, operator: null }));
    const published = {
      secretHex: round.draw.secretHex!,
      commitment: round.draw.commitment,
      targets: pool.map((p) => ({ id: p.id, weight: 1 })),
      inspectors: pool.map((p) => ({ id: p.id })),
      conflicts: peerConflicts(pool),
      sampleSize: pool.length,
      inspectorsPerTarget: 2,
    };
    const res = await import('./repository.ts').then((r) => r.roundById(t.database.db, DISTRICT, q.round.id));
    expect(verifyDraw(published, res.drawResult as never).ok).toBe(true);
  });

  it('a fresh round shows no secret before its draw', async () => {
    const fw = (await call('q_district', 'GET', `${Q}/frameworks`))
      .json()
      .items.find((f: { inUse: boolean }) => f.inUse);
    const res = await call('q_district', 'POST', `${Q}/rounds`, {
      year: 2027,
      name: '2027 年度',
      frameworkId: fw.id,
      institutionIds: q.institutions.map((i) => i.id),
      weights: { self: 20, peer: 30, commissioned: 50 },
      selfDeadline: '2027-05-01T00:00:00+08:00',
      reviewDeadline: '2027-06-01T00:00:00+08:00',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().draw).toMatchObject({ secretHex: null, drawnAt: null });
    expect(res.json().draw.commitment).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a round where an institution has fewer than 2 eligible reviewers (400, nothing written)', async () => {
    const a = await buildInstitution(t.database.db, {
      status: 'operating',
      townCode: ZHUJIAJIAO,
      now: t.clock.now(),
    });
    const b = await buildInstitution(t.database.db, {
      status: 'operating',
      townCode: ZHUJIAJIAO,
      now: t.clock.now(),
    });
    const c = await buildInstitution(t.database.db, {
      status: 'operating',
      townCode: XUJING,
      now: t.clock.now(),
    });
    const fw = (await call('q_district', 'GET', `${Q}/frameworks`)).json().items[0];
    const before = [
      await countRows(t, 'quality_rounds'),
      await countRows(t, 'quality_participants'),
      await countRows(t, 'quality_evaluations'),
    ];
    const res = await call('q_district', 'POST', `${Q}/rounds`, {
      year: 2026,
      name: '不足',
      frameworkId: fw.id,
      institutionIds: [a.id, b.id, c.id],
      weights: { self: 20, peer: 30, commissioned: 50 },
      selfDeadline: '2026-05-01T00:00:00+08:00',
      reviewDeadline: '2026-06-01T00:00:00+08:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'institutionIds.0', rule: 'peer_reviewers' });
    expect(res.json().errors[0].message_zh).toContain('至少需要 2 家');
    expect([
      await countRows(t, 'quality_rounds'),
      await countRows(t, 'quality_participants'),
      await countRows(t, 'quality_evaluations'),
    ]).toEqual(before);
    // Same operator in another town is a conflict too.
    const d = await buildInstitution(t.database.db, {
      status: 'operating',
      townCode: '310118107',
      now: t.clock.now(),
    });
    const same = await call('q_district', 'POST', `${Q}/rounds`, {
      year: 2026,
      name: '同一举办者',
      frameworkId: fw.id,
      institutionIds: [a.id, c.id, d.id],
      weights: { self: 20, peer: 30, commissioned: 50 },
      selfDeadline: '2026-05-01T00:00:00+08:00',
      reviewDeadline: '2026-06-01T00:00:00+08:00',
      operators: { [a.id]: '某某教育集团', [d.id]: '某某教育集团' },
    });
    expect(same.statusCode).toBe(400);
    // The registry's operator (举办者) is a conflict without any list in the request (the same layout
    // as a, c, d above: only the shared operator leaves too few reviewers).
    const chain = creditCodeFor(77_000_001, { prefix: '91' });
    const e = await buildInstitution(t.database.db, {
      status: 'operating',
      townCode: ZHUJIAJIAO,
      operatorName: '某某托育连锁',
      operatorCreditCode: chain,
      now: t.clock.now(),
    });
    const f = await buildInstitution(t.database.db, {
      status: 'operating',
      townCode: '310118107',
      operatorCreditCode: chain.toLowerCase(),
      now: t.clock.now(),
    });
    expect(f.operatorCreditCode).toBe(chain);
    const registry = await call('q_district', 'POST', `${Q}/rounds`, {
      year: 2026,
      name: '登记的举办者',
      frameworkId: fw.id,
      institutionIds: [e.id, c.id, f.id],
      weights: { self: 20, peer: 30, commissioned: 50 },
      selfDeadline: '2026-05-01T00:00:00+08:00',
      reviewDeadline: '2026-06-01T00:00:00+08:00',
    });
    expect(registry.statusCode).toBe(400);
    expect(registry.json().errors[0]).toMatchObject({ field: 'institutionIds.0', rule: 'peer_reviewers' });
  });
});

describe('evaluation forms and scope', () => {
  it('an institution sees its self-evaluation and the reviews it writes, not the reviews of itself', async () => {
    const inst = q.institutions[0]!;
    const res = await call(instUser(inst.id), 'GET', `${Q}/evaluations?roundId=${q.round.id}`);
    expect(res.statusCode).toBe(200);
    const items: Evaluation[] = res.json().items;
    expect(items.filter((e) => e.kind === 'self').map((e) => e.institutionId)).toEqual([inst.id]);
    for (const e of items.filter((x) => x.kind === 'peer')) {
      expect(e.reviewerInstitutionId).toBe(inst.id);
      expect(e.institutionId).not.toBe(inst.id);
    }
    expect(items.some((e) => e.kind === 'commissioned')).toBe(false);
  });

  it('a score above an item points is a 400 naming the field, and nothing is written', async () => {
    const inst = q.institutions[0]!;
    const who = instUser(inst.id);
    const self: Evaluation = (await call(who, 'GET', `${Q}/evaluations?roundId=${q.round.id}`))
      .json()
      .items.find((e: Evaluation) => e.kind === 'self');
    const scores = scoresFor(q.framework.dimensions, 1);
    scores[0] = { ...scores[0]!, score: 99 };
    const res = await call(who, 'POST', `${Q}/evaluations/${self.id}/submit`, {
      version: self.version,
      scores,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'scores.0.score', rule: 'max' });
    expect(res.json().errors[0].message_en).toContain('cannot exceed');
    const after = await t.database.db
      .select()
      .from(qualityEvaluations)
      .where(eq(qualityEvaluations.id, self.id));
    expect(after[0]).toMatchObject({ status: 'assigned', version: self.version, totalTenths: null });
  });

  it('another institution cannot read or submit a form that is not its own (404)', async () => {
    const self: Evaluation = (await call(instUser(q.institutions[0]!.id), 'GET', `${Q}/evaluations`))
      .json()
      .items.find((e: Evaluation) => e.kind === 'self');
    const other = instUser(q.institutions[1]!.id);
    expect((await call(other, 'GET', `${Q}/evaluations/${self.id}`)).statusCode).toBe(404);
    const res = await call(other, 'POST', `${Q}/evaluations/${self.id}/submit`, {
      version: 1,
      scores: scoresFor(q.framework.dimensions),
    });
    expect(res.statusCode).toBe(404);
  });

  it('an evaluator sees only the rounds it is assigned to', async () => {
    expect((await call('q_eval', 'GET', `${Q}/rounds`)).json().items).toEqual([]);
    expect((await call('q_eval', 'GET', `${Q}/rounds/${q.round.id}`)).statusCode).toBe(404);
    const someParticipant = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`)).json().items[0].id;
    expect((await call('q_eval', 'GET', `${Q}/participants/${someParticipant}/feedback`)).statusCode).toBe(
      404,
    );
    expect((await call('q_eval', 'GET', `${Q}/evaluations`)).json().items).toEqual([]);
    const round = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`)).json();
    const bad = await call('q_district', 'POST', `${Q}/rounds/${q.round.id}/evaluators`, {
      username: 'q_town',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await call('q_district', 'POST', `${Q}/rounds/${q.round.id}/evaluators`, {
      username: 'q_eval',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().evaluators.map((e: { username: string }) => e.username)).toEqual(['q_eval']);
    expect(round.version).toBeGreaterThan(0);
    const mine = (await call('q_eval', 'GET', `${Q}/evaluations`)).json().items as Evaluation[];
    expect(mine).toHaveLength(q.institutions.length);
    expect(new Set(mine.map((e) => e.kind))).toEqual(new Set(['commissioned']));
    expect((await call('q_eval2', 'GET', `${Q}/evaluations`)).json().items).toEqual([]);
  });

  it('the home page lists the forms to fill in (institution) and the progress (district)', async () => {
    const inst = await call(instUser(q.institutions[0]!.id), 'GET', '/api/v1/dashboard');
    const tasks = inst.json().widgets.find((w: { id: string }) => w.id === 'quality-tasks');
    expect(tasks.items.map((i: { key: string }) => i.key)).toEqual([
      'quality-todo-self',
      'quality-todo-peer',
    ]);
    const district = await call('q_district', 'GET', '/api/v1/dashboard');
    const overview = district.json().widgets.find((w: { id: string }) => w.id === 'quality-overview');
    expect(
      overview.items.find((i: { key: string }) => i.key === 'quality-open-rounds').value,
    ).toBeGreaterThanOrEqual(1);
  });

  it('a town officer sees the participants of its own town only', async () => {
    const res = await call('q_town', 'GET', `${Q}/rounds/${q.round.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((p: { townCode: string }) => p.townCode === ZHUJIAJIAO)).toBe(true);
    expect(res.json().items.length).toBe(2);
  });
});

describe('from submissions to results, feedback and the demonstration badge', () => {
  it('completing is refused while forms are missing', async () => {
    const round = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`)).json();
    const res = await call('q_district', 'POST', `${Q}/rounds/${q.round.id}/complete`, {
      version: round.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('quality.incomplete');
  });

  it('everyone submits; the veto of one reviewer overrides; grades follow the weights', async () => {
    // Institution k scores fraction f(k) of the points; institution 5 fails a veto item in one peer review.
    const fraction = [1, 0.95, 0.85, 0.7, 0.5, 1];
    const all = await t.database.db
      .select()
      .from(qualityEvaluations)
      .where(eq(qualityEvaluations.roundId, q.round.id));
    for (const e of all) {
      const k = q.institutions.findIndex((i) => i.id === e.institutionId);
      const who =
        e.kind === 'commissioned'
          ? 'q_eval'
          : instUser(e.kind === 'self' ? e.institutionId : e.reviewerInstitutionId!);
      const vetoNow =
        k === 5 &&
        e.kind === 'peer' &&
        !all.some((x) => x.kind === 'peer' && x.institutionId === e.institutionId && x.id < e.id);
      const res = await call(who, 'POST', `${Q}/evaluations/${e.id}/submit`, {
        version: e.version,
        scores: scoresFor(q.framework.dimensions, fraction[k]!, vetoNow),
        comment: `评语 ${k}`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const round = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`)).json();
    const done = await call('q_district', 'POST', `${Q}/rounds/${q.round.id}/complete`, {
      version: round.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const byInst = new Map(done.json().items.map((p: { institutionId: string }) => [p.institutionId, p]));
    const grades = q.institutions.map((i) => (byInst.get(i.id) as { grade: string }).grade);
    expect(grades).toEqual(['excellent', 'excellent', 'good', 'qualified', 'unqualified', 'unqualified']);
    const vetoed = byInst.get(q.institutions[5]!.id) as { vetoed: boolean; percent: number };
    expect(vetoed).toMatchObject({ vetoed: true, percent: 100 });
    const again = await call('q_district', 'POST', `${Q}/rounds/${q.round.id}/complete`, {
      version: done.json().version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('a self-evaluation (and its evidence) after the deadline is refused, nothing stored', async () => {
    const other = await buildQualityRound(t.database.db, {
      towns: 3,
      perTown: 1,
      now: t.clock.now(),
      draw: false,
    });
    await t.createUser('q_late', 'institution_admin', {
      kind: 'institution',
      institutionId: other.institutions[0]!.id,
    });
    const self: Evaluation = (
      await call('q_late', 'GET', `${Q}/evaluations?roundId=${other.round.id}`)
    ).json().items[0];
    const upload = async () => {
      const m = multipartBody('现场照片.pdf', 'application/pdf', SAMPLE_FILES.pdf);
      return t.app.inject({
        method: 'POST',
        url: `${Q}/evaluations/${self.id}/evidence`,
        headers: { cookie: await as('q_late'), ...m.headers },
        payload: m.payload,
      });
    };
    const ok = await upload();
    expect(ok.statusCode, ok.body).toBe(201);
    const detail = await call('q_late', 'GET', `${Q}/evaluations/${self.id}`);
    expect(detail.json().evidence.map((x: { fileName: string }) => x.fileName)).toEqual(['现场照片.pdf']);
    const file = await call('q_late', 'GET', `${Q}/evaluations/${self.id}/evidence/${ok.json().id}`);
    expect(file.statusCode).toBe(200);
    const stranger = instUser(q.institutions[0]!.id);
    expect(
      (await call(stranger, 'GET', `${Q}/evaluations/${self.id}/evidence/${ok.json().id}`)).statusCode,
    ).toBe(404);
    const files = await countRows(t, 'attachments');
    t.clock.advance(11 * 86_400_000);
    cookies.delete('q_late'); // the session expired meanwhile
    const res = await call('q_late', 'POST', `${Q}/evaluations/${self.id}/submit`, {
      version: self.version,
      scores: scoresFor(q.framework.dimensions),
    });
    const lateFile = await upload();
    t.clock.advance(-11 * 86_400_000);
    expect(lateFile.statusCode).toBe(409);
    expect(await countRows(t, 'attachments')).toBe(files);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('quality.deadline_passed');
    const row = await t.database.db
      .select()
      .from(qualityEvaluations)
      .where(eq(qualityEvaluations.id, self.id));
    expect(row[0]!.status).toBe('assigned');
  });

  it('feedback: dimensions for the radar; blind peer reviews hide the reviewer from the institution', async () => {
    const inst = q.institutions[2]!;
    const p = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`))
      .json()
      .items.find((x: { institutionId: string }) => x.institutionId === inst.id);
    const own = await call(instUser(inst.id), 'GET', `${Q}/participants/${p.id}/feedback`);
    expect(own.statusCode).toBe(200);
    expect(own.json().participant.dimensions).toHaveLength(7);
    expect(own.json().peerReviews.length).toBeGreaterThanOrEqual(2);
    expect(own.json().peerReviews.every((r: { reviewer: string | null }) => r.reviewer === null)).toBe(true);
    expect(own.json().gaps.length).toBeGreaterThan(0);
    expect(own.json().findings).toMatchObject({ source: 'supervision', items: [] });
    const officer = await call('q_district', 'GET', `${Q}/participants/${p.id}/feedback`);
    expect(
      officer.json().peerReviews.every((r: { reviewer: string | null }) => typeof r.reviewer === 'string'),
    ).toBe(true);
    expect(
      (await call(instUser(q.institutions[0]!.id), 'GET', `${Q}/participants/${p.id}/feedback`)).statusCode,
    ).toBe(404);
  });

  it('improvement items are tracked to completion', async () => {
    const inst = q.institutions[3]!;
    const who = instUser(inst.id);
    const p = (await call(who, 'GET', `${Q}/rounds/${q.round.id}`)).json().items[0];
    expect(p.institutionId).toBe(inst.id);
    const add = await call(who, 'POST', `${Q}/participants/${p.id}/improvements`, {
      title: '完善应急演练记录',
      dimensionCode: 'D6',
      dueDate: '2026-06-30',
    });
    expect(add.statusCode).toBe(201);
    const done = await call(who, 'POST', `${Q}/improvements/${add.json().id}/complete`, {
      version: 1,
      note: '已完成两次演练',
    });
    expect(done.json()).toMatchObject({ status: 'done', doneNote: '已完成两次演练' });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, add.json().id)));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'quality.improvement_complete',
      'quality.improvement_create',
    ]);
  });

  it('demonstration: ranked candidates without veto; at most 2; the badge on the portal', async () => {
    const c = await call('q_district', 'GET', `${Q}/demonstration?roundId=${q.round.id}`);
    expect(c.statusCode).toBe(200);
    const items = c.json().items;
    expect(items.map((x: { institutionId: string }) => x.institutionId)).toEqual([
      q.institutions[0]!.id,
      q.institutions[1]!.id,
      q.institutions[2]!.id,
    ]);
    expect(items.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3]);
    for (const x of items.slice(0, 2)) {
      const res = await call('q_district', 'POST', `${Q}/participants/${x.participantId}/demonstration`, {
        version: x.version,
        demonstration: true,
      });
      expect(res.statusCode).toBe(200);
    }
    const third = await call(
      'q_district',
      'POST',
      `${Q}/participants/${items[2].participantId}/demonstration`,
      { version: items[2].version, demonstration: true },
    );
    expect(third.json().code).toBe('quality.too_many_demonstrations');
    const all = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`)).json().items;
    const vetoed = all.find((x: { vetoed: boolean }) => x.vetoed);
    const refused = await call('q_district', 'POST', `${Q}/participants/${vetoed.id}/demonstration`, {
      version: vetoed.version,
      demonstration: true,
    });
    expect(refused.json().code).toBe('quality.not_candidate');
    const pub = await call(null, 'GET', `/api/v1/public/quality/institutions/${q.institutions[0]!.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ demonstration: { year: 2026 }, result: { grade: 'excellent' } });
    expect(pub.json().result.dimensions).toHaveLength(7);
    const none = await call(null, 'GET', `/api/v1/public/quality/institutions/${q.institutions[4]!.id}`);
    expect(none.json().demonstration).toBeNull();
    // An id the portal does not list (unknown, or a draft) is a 404, as the institution's own page.
    const unknown = await call(
      null,
      'GET',
      '/api/v1/public/quality/institutions/0190f000-0000-7000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
    const draft = await buildInstitution(t.database.db, { name: '青浦区朱家角镇质量公示草稿测试托育园' });
    expect((await call(null, 'GET', `/api/v1/public/quality/institutions/${draft.id}`)).statusCode).toBe(404);
  });

  it('a serious supervision finding (or an overdue rectification) takes an institution off the candidates', async () => {
    const inst = q.institutions[2]!;
    const before = (await call('q_district', 'GET', `${Q}/demonstration?roundId=${q.round.id}`)).json();
    expect(before.findingsNote.zh).toContain('督导检查');
    expect(before.items.some((x: { institutionId: string }) => x.institutionId === inst.id)).toBe(true);
    // Test setup (not under test): a signed self-check with one serious finding, still open.
    const [row] = await t.database.db
      .select({ townCode: institutions.townCode })
      .from(institutions)
      .where(eq(institutions.id, inst.id));
    const now = t.clock.now();
    const inspectionId = '01900000-0000-7000-8000-00000000f001';
    await t.database.db.insert(supervisionInspections).values({
      districtCode: DISTRICT,
      id: inspectionId,
      kind: 'self_check',
      month: now.toISOString().slice(0, 7),
      institutionId: inst.id,
      townCode: row!.townCode,
      inspectorIds: [],
      checklistIds: [],
      results: [],
      signoffs: [],
      status: 'signed',
      signedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await t.database.db.insert(supervisionRectifications).values({
      districtCode: DISTRICT,
      id: '01900000-0000-7000-8000-00000000f002',
      inspectionId,
      institutionId: inst.id,
      townCode: row!.townCode,
      category: 'fire',
      itemCode: 'fire-1',
      severity: 'serious',
      note: '疏散通道堆放杂物',
      deadline: '2099-01-01',
      status: 'open',
      createdAt: now,
      updatedAt: now,
    });
    const after = (await call('q_district', 'GET', `${Q}/demonstration?roundId=${q.round.id}`)).json();
    expect(after.items.some((x: { institutionId: string }) => x.institutionId === inst.id)).toBe(false);
    const p = (await call('q_district', 'GET', `${Q}/rounds/${q.round.id}`))
      .json()
      .items.find((x: { institutionId: string }) => x.institutionId === inst.id);
    const fb = (await call('q_district', 'GET', `${Q}/participants/${p.id}/feedback`)).json();
    expect(fb.findings.items).toEqual([
      { date: expect.any(String), title: '疏散通道堆放杂物（待整改）', serious: true },
    ]);
    const refused = await call('q_district', 'POST', `${Q}/participants/${p.id}/demonstration`, {
      version: p.version,
      demonstration: true,
    });
    expect(refused.json().code).toBe('quality.not_candidate');
  });

  it('exports the round as XLSX', async () => {
    const res = await call('q_district', 'GET', `${Q}/rounds/${q.round.id}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('q_town', 'GET', `${Q}/rounds/${q.round.id}/export`)).statusCode).toBe(403);
  });
});
