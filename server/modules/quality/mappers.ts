/** Rows → API answers of the quality module. */
import type {
  DimensionScore,
  Framework,
  Participant,
  RoundSummary,
} from '../../../domain/contracts/quality.ts';
import { fromTenths } from '../../../domain/quality/scoring.ts';
import type { EvaluationRow, FrameworkRow, ParticipantRow, RoundRow } from './repository.ts';

export function toFramework(r: FrameworkRow, inUse: boolean): Framework {
  return {
    id: r.id,
    code: r.code,
    revision: r.revision,
    name: r.name,
    sample: r.sample,
    dimensions: r.dimensions,
    gradeBands: r.gradeBands,
    maxPoints: r.maxPoints,
    inUse,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

export function toRoundSummary(r: RoundRow, framework: FrameworkRow, participants: number): RoundSummary {
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    status: r.status,
    frameworkId: r.frameworkId,
    frameworkName: `${framework.name}（v${framework.revision}）`,
    weights: { self: r.weightSelf, peer: r.weightPeer, commissioned: r.weightCommissioned },
    reviewersPerInstitution: r.reviewersPerInstitution,
    selfDeadline: r.selfDeadline.toISOString(),
    reviewDeadline: r.reviewDeadline.toISOString(),
    blind: r.blind,
    publication: r.publication,
    participants,
    version: r.version,
  };
}

export function dimensionScores(
  framework: FrameworkRow,
  tenths: Record<string, number> | null,
): DimensionScore[] {
  if (!tenths) return [];
  return framework.dimensions.map((d) => ({
    code: d.code,
    name: d.name,
    score: fromTenths(tenths[d.code] ?? 0),
    max: d.items.reduce((a, i) => a + i.points, 0),
  }));
}

export function toParticipant(
  p: ParticipantRow,
  name: string,
  framework: FrameworkRow,
  round: RoundRow,
  evaluations: readonly EvaluationRow[],
): Participant {
  const mine = evaluations.filter((e) => e.participantId === p.id);
  const done = (k: EvaluationRow['kind']) =>
    mine.filter((e) => e.kind === k && e.status === 'submitted').length;
  return {
    id: p.id,
    institutionId: p.institutionId,
    institutionName: name,
    townCode: p.townCode,
    total: p.totalTenths === null ? null : fromTenths(p.totalTenths),
    percent: p.percentTenths === null ? null : fromTenths(p.percentTenths),
    grade: p.grade,
    vetoed: p.vetoed,
    dimensions: dimensionScores(framework, p.dimensionTenths),
    submitted: {
      self: done('self') > 0,
      peer: done('peer'),
      peerNeeded: round.drawnAt
        ? mine.filter((e) => e.kind === 'peer').length
        : round.reviewersPerInstitution,
      commissioned: done('commissioned') > 0,
    },
    demonstration: p.demonstration,
    version: p.version,
  };
}
