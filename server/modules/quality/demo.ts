/**
 * Demo data of the Quality evaluation (issue 12) module: the sample framework, one completed round for
 * 2025 (results, two demonstration institutions, improvement items) and one open round for 2026 (peers
 * drawn, some self-evaluations in, the demo `evaluator` account assigned). Written through the services;
 * deterministic (the seeded Rng — the draw secrets are revealed by each draw, so nothing stays secret).
 * No personal data.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ScoreEntry } from '../../../domain/contracts/quality.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionFindings } from '../supervision/findings.ts';
import { createEvaluationService } from './evaluations.ts';
import { createFeedbackService } from './feedback.ts';
import { createQualityService } from './service.ts';
import { qualityEvaluations } from './tables.ts';

const DAY = 86_400_000;
const TOWNS_IN_ROUND = 4;
const PER_TOWN = 3;

export async function seedQualityDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const { district, rng } = ctx;
  const districtUser = ctx.accounts.get('district');
  if (!districtUser) return;
  const hex = () => Array.from({ length: 32 }, () => rng.int(0, 255).toString(16).padStart(2, '0')).join('');
  const quality = createQualityService({ db, secret: hex });
  const forms = createEvaluationService({ db });
  const feedback = createFeedbackService({ db });
  const officer: Actor = {
    userId: districtUser,
    username: 'district',
    districtCode: district,
    role: 'district_officer',
    scope: { kind: 'division', divisionCode: district },
    sessionId: 'demo',
  };
  const at = (d: Date, actor: Actor = officer): RequestContext => ({
    actor,
    districtCode: district,
    ip: null,
    requestId: null,
    now: d,
  });
  const instActor = (id: string): Actor => ({
    ...officer,
    userId: rng.uuid(0),
    username: 'demo-institution',
    role: 'institution_admin',
    scope: { kind: 'institution', institutionId: id },
  });
  const evaluatorId = ctx.accounts.get('evaluator');
  const evaluator: Actor = {
    ...officer,
    userId: evaluatorId ?? rng.uuid(0),
    username: 'evaluator',
    role: 'evaluator',
  };

  // Operating institutions of the first towns that have enough of them.
  const rows = await db
    .select({ id: institutions.id, townCode: institutions.townCode })
    .from(institutions)
    .where(and(eq(institutions.districtCode, district), eq(institutions.status, 'operating')))
    .orderBy(asc(institutions.townCode), asc(institutions.namePinyin));
  // Institutions with a serious supervision finding or an overdue rectification today cannot be
  // demonstration candidates; the demo round is drawn from the others, so the district has candidates.
  const flagged = new Set<string>();
  for (const r of rows)
    if ((await supervisionFindings(db, officer, r.id, ctx.now)).items.some((f) => f.serious))
      flagged.add(r.id);
  const byTown = new Map<string, string[]>();
  for (const r of rows)
    if (!flagged.has(r.id)) byTown.set(r.townCode, [...(byTown.get(r.townCode) ?? []), r.id]);
  const ids = [...byTown.values()]
    .filter((l) => l.length >= PER_TOWN)
    .slice(0, TOWNS_IN_ROUND)
    .flatMap((l) => l.slice(0, PER_TOWN));
  if (ids.length < 6) return;
  const quality0 = new Map(ids.map((id) => [id, 0.62 + rng.next() * 0.38]));

  const framework = await quality.installSample(at(new Date('2025-03-01T02:00:00Z')), officer);
  const scores = (fraction: number, veto = false): ScoreEntry[] =>
    framework.dimensions.flatMap((d) =>
      d.items.map((i) => {
        const f = Math.min(1, Math.max(0, fraction + (rng.next() - 0.5) * 0.2));
        return {
          itemCode: i.code,
          score: Math.floor(i.points * f * 2) / 2,
          vetoed: veto && i.veto,
          note: '',
        };
      }),
    );
  const submitAll = async (
    roundId: string,
    when: Date,
    only?: (e: typeof qualityEvaluations.$inferSelect) => boolean,
  ) => {
    const all = await db
      .select()
      .from(qualityEvaluations)
      .where(and(eq(qualityEvaluations.districtCode, district), eq(qualityEvaluations.roundId, roundId)))
      // Not by id: the round's draw made these ids from the clock, so id order differs on every seed.
      .orderBy(
        asc(qualityEvaluations.institutionId),
        asc(qualityEvaluations.kind),
        asc(qualityEvaluations.reviewerInstitutionId),
      );
    for (const e of all.filter(only ?? (() => true))) {
      const actor =
        e.kind === 'commissioned'
          ? evaluator
          : instActor(e.kind === 'self' ? e.institutionId : e.reviewerInstitutionId!);
      // The second institution of the round fails a veto item in the commissioned evaluation (一票否决).
      const veto = e.kind === 'commissioned' && e.institutionId === ids[1];
      const bias = e.kind === 'self' ? 0.05 : 0;
      await forms.submit(at(when, actor), actor, e.id, {
        version: e.version,
        scores: scores(quality0.get(e.institutionId)! + bias, veto),
        comment: e.kind === 'peer' ? '环境整洁，照护规范；建议加强家园共育记录。' : '',
      });
    }
  };

  // 2025: a completed round.
  const opened = new Date('2025-04-01T02:00:00Z');
  const weights = { self: 20, peer: 30, commissioned: 50 };
  let r25 = await quality.createRound(at(opened), officer, {
    year: 2025,
    name: '2025 年度托育机构质量评估',
    frameworkId: framework.id,
    institutionIds: ids,
    weights,
    reviewersPerInstitution: 2,
    selfDeadline: '2025-05-31T15:59:59Z',
    reviewDeadline: '2025-06-30T15:59:59Z',
    blind: true,
    publication: 'grade_and_dimensions',
    operators: {},
  });
  r25 = await quality.draw(at(new Date(opened.getTime() + DAY)), officer, r25.id, r25.version);
  if (evaluatorId)
    r25 = await quality.assignEvaluator(at(new Date(opened.getTime() + DAY)), officer, r25.id, 'evaluator');
  await submitAll(r25.id, new Date('2025-05-20T02:00:00Z'));
  r25 = await quality.complete(at(new Date('2025-07-15T02:00:00Z')), officer, r25.id, r25.version);
  const done = new Date('2025-07-20T02:00:00Z');
  const candidates = await feedback.candidates(at(done), officer, r25.id);
  for (const c of candidates.items.slice(0, 2))
    await feedback.setDemonstration(at(done), officer, c.participantId, {
      version: c.version,
      demonstration: true,
    });
  for (const p of r25.items.filter((x) => x.grade !== 'excellent').slice(0, 4)) {
    const a = instActor(p.institutionId);
    const item = await feedback.addImprovement(at(done, a), a, p.id, {
      title: '完善安全隐患排查与应急演练记录',
      dimensionCode: 'D6',
      dueDate: '2025-10-31',
    });
    await feedback.addImprovement(at(done, a), a, p.id, {
      title: '增加家长开放日与养育指导活动',
      dimensionCode: 'D5',
      dueDate: '2026-03-31',
    });
    if (rng.chance(0.6))
      await feedback.completeImprovement(at(new Date('2025-10-15T02:00:00Z'), a), a, item.id, {
        version: item.version,
        note: '已完成两次消防演练并建立月度排查台账',
      });
  }

  // 2026: an open round (peers drawn; half of the self-evaluations in; the evaluator assigned).
  const open26 = new Date(Math.min(ctx.now.getTime() - 10 * DAY, Date.parse('2026-11-20T02:00:00Z')));
  let r26 = await quality.createRound(at(open26), officer, {
    year: 2026,
    name: '2026 年度托育机构质量评估',
    frameworkId: framework.id,
    institutionIds: ids,
    weights,
    reviewersPerInstitution: 2,
    selfDeadline: new Date(ctx.now.getTime() + 30 * DAY).toISOString(),
    reviewDeadline: new Date(ctx.now.getTime() + 60 * DAY).toISOString(),
    blind: true,
    publication: 'grade',
    operators: {},
  });
  r26 = await quality.draw(at(new Date(open26.getTime() + DAY)), officer, r26.id, r26.version);
  if (evaluatorId)
    await quality.assignEvaluator(at(new Date(open26.getTime() + DAY)), officer, r26.id, 'evaluator');
  const half = new Set(ids.filter((_, k) => k % 2 === 0));
  await submitAll(
    r26.id,
    new Date(open26.getTime() + 2 * DAY),
    (e) => e.kind === 'self' && half.has(e.institutionId),
  );
}
