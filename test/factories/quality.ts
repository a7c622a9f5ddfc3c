/**
 * Quality evaluation (issue 12) rows written through the module's services: the sample framework, a
 * round over operating institutions in several towns, and submitted evaluations.
 *
 *   const q = await buildQualityRound(db, { towns: 3, perTown: 2, now: t.clock.now() });
 */
import type { CreateRoundBody, FrameworkDimension, ScoreEntry } from '../../domain/contracts/quality.ts';
import type { Db } from '../../server/db/client.ts';
import { createEvaluationService } from '../../server/modules/quality/evaluations.ts';
import { createQualityService } from '../../server/modules/quality/service.ts';
import type { Actor } from '../../server/platform/context.ts';
import { actorFor, contextFor, FACTORY_NOW } from './context.ts';
import { buildInstitution } from './institutions.ts';

export const QUALITY_TOWNS = ['310118102', '310118106', '310118107', '310118109', '310118110'] as const;

export interface QualityRoundOverrides
  extends Partial<Omit<CreateRoundBody, 'frameworkId' | 'institutionIds'>> {
  towns?: number;
  perTown?: number;
  now?: Date;
  actor?: Actor;
  /** Draw the peers right away (default true). */
  draw?: boolean;
}

/** The sample framework, then operating institutions in `towns` towns, then an open round over them. */
export async function buildQualityRound(db: Db, o: QualityRoundOverrides = {}) {
  const { towns = 3, perTown = 2, now = FACTORY_NOW, actor = actorFor(), draw = true, ...body } = o;
  const ctx = contextFor(actor, now);
  const quality = createQualityService({ db });
  const framework = await quality.installSample(ctx, actor);
  const institutions = [];
  for (const town of QUALITY_TOWNS.slice(0, towns))
    for (let i = 0; i < perTown; i++)
      institutions.push(await buildInstitution(db, { status: 'operating', townCode: town, now }));
  const day = 86_400_000;
  let round = await quality.createRound(ctx, actor, {
    year: 2026,
    name: '2026 年度质量评估（测试）',
    frameworkId: framework.id,
    institutionIds: institutions.map((i) => i.id),
    weights: { self: 20, peer: 30, commissioned: 50 },
    reviewersPerInstitution: 2,
    selfDeadline: new Date(now.getTime() + 10 * day).toISOString(),
    reviewDeadline: new Date(now.getTime() + 20 * day).toISOString(),
    blind: true,
    publication: 'grade_and_dimensions',
    operators: {},
    ...body,
  });
  if (draw) round = await quality.draw(ctx, actor, round.id, round.version);
  return { framework, institutions, round, actor };
}

/** Scores for every item of a framework: `fraction` of its points (rounded down to 0.5). */
export function scoresFor(
  dimensions: readonly FrameworkDimension[],
  fraction = 1,
  veto = false,
): ScoreEntry[] {
  return dimensions.flatMap((d) =>
    d.items.map((i) => ({
      itemCode: i.code,
      score: Math.floor(i.points * fraction * 2) / 2,
      vetoed: veto && i.veto,
      note: '',
    })),
  );
}

/** Submit an evaluation form as the given actor (through the service). */
export async function submitAs(
  db: Db,
  actor: Actor,
  evaluationId: string,
  scores: ScoreEntry[],
  now: Date = FACTORY_NOW,
) {
  const svc = createEvaluationService({ db });
  const form = await svc.get(actor, evaluationId);
  return svc.submit(contextFor(actor, now), actor, evaluationId, {
    version: form.version,
    scores,
    comment: '',
  });
}
