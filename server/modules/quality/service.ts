/**
 * Use cases of quality evaluation (issue 12), part 1: frameworks, rounds, the peer draw, evaluator
 * assignment and completing a round. One transaction per write, with its audit entry inside.
 */

import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import type {
  CreateRoundBody,
  FrameworkBody,
  RoundDetail,
  UpdateFrameworkBody,
} from '../../../domain/contracts/quality.ts';
import { drawPeers, peerConflicts } from '../../../domain/quality/peer-draw.ts';
import { SAMPLE_FRAMEWORK } from '../../../domain/quality/sample-framework.ts';
import {
  checkBands,
  checkFramework,
  combine,
  gradeOf,
  maxPoints,
  percentTenths,
  type Scored,
  type ScoreError,
} from '../../../domain/quality/scoring.ts';
import { commit, type DrawConflict } from '../../../domain/rules/draw.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import { sharedStaffPairs } from '../workforce/conflicts.ts';
import './errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { users } from '../../platform/tables.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { institutions } from '../institutions/tables.ts';
import { dimensionScores, toFramework, toParticipant, toRoundSummary } from './mappers.ts';
import * as repo from './repository.ts';
import {
  qualityEvaluations,
  qualityFrameworks,
  qualityParticipants,
  qualityRoundEvaluators,
  qualityRounds,
} from './tables.ts';

/** Institutions that can take part in a round (in service or under rectification). */
const ELIGIBLE_STATUSES = IN_SERVICE_STATUSES;

export const toFieldErrors = (errors: ScoreError[]) =>
  errors.map((e) => ({ field: e.field, rule: e.rule, message_zh: e.zh, message_en: e.en }));

function requireDistrict(actor: Actor) {
  const s = actor.scope;
  if (s?.kind !== 'division' || s.divisionCode !== actor.districtCode)
    throw new DomainError('auth.forbidden');
}

/**
 * Conflicts from staff movements (回避): a reviewing institution one of whose current staff works or
 * worked at the target (employment history from the workforce module, district scope).
 */
export async function staffConflicts(
  db: Db,
  districtCode: string,
  institutionIds: readonly string[],
): Promise<DrawConflict[]> {
  const pairs = await sharedStaffPairs(db, districtCode, institutionIds);
  return pairs.map((p) => ({ inspectorId: p.reviewerId, targetId: p.targetId }));
}

export interface QualityServiceDeps {
  db: Db;
  /** The draw secret (hex, 32 bytes); the demo passes its seeded generator. */
  secret?: () => string;
}

export function createQualityService({
  db,
  secret = () => randomBytes(32).toString('hex'),
}: QualityServiceDeps) {
  async function frameworkAnswer(tx: Db, row: repo.FrameworkRow) {
    return toFramework(row, (await repo.frameworksInUse(tx, row.districtCode)).has(row.id));
  }

  function checkFrameworkBody(b: Pick<FrameworkBody, 'dimensions' | 'gradeBands'>) {
    throwIfErrors(toFieldErrors([...checkFramework(b.dimensions), ...checkBands(b.gradeBands)]));
  }

  async function createFramework(ctx: RequestContext, actor: Actor, body: FrameworkBody, sample = false) {
    requireDistrict(actor);
    checkFrameworkBody(body);
    return db.transaction(async (tx) => {
      const revision = await repo.nextRevision(tx, actor.districtCode, body.code);
      const [row] = await tx
        .insert(qualityFrameworks)
        .values({
          districtCode: actor.districtCode,
          id: uuidv7(ctx.now.getTime()),
          code: body.code,
          revision,
          name: body.name,
          sample,
          dimensions: body.dimensions,
          gradeBands: body.gradeBands,
          maxPoints: maxPoints(body.dimensions),
          createdBy: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'quality.framework_create',
        objectType: 'quality_framework',
        objectId: row!.id,
        changes: { code: body.code, revision, sample },
      });
      return toFramework(row!, false);
    });
  }

  async function roundDetail(tx: Db, actor: Actor, round: repo.RoundRow): Promise<RoundDetail> {
    const framework = await repo.getFramework(tx, round.districtCode, round.frameworkId);
    const parts = await repo.participantsOf(tx, actor, round.id);
    const evaluations = await repo.evaluationsOfRound(tx, round);
    const evaluators = actor.role === 'district_officer' ? await repo.evaluatorsOf(tx, round) : [];
    const result = (round.drawResult ?? null) as {
      targetsPoolHash?: string;
      inspectorsPoolHash?: string;
      conflictsHash?: string;
    } | null;
    return {
      ...toRoundSummary(round, framework, parts.length),
      draw: {
        algorithm: 'tuoyu-draw-v1',
        commitment: round.drawCommitment,
        // The secret stays hidden until the draw; then anyone can re-run it.
        secretHex: round.drawnAt ? round.drawSecret : null,
        seed: round.drawSeed,
        targetsPoolHash: result?.targetsPoolHash ?? null,
        inspectorsPoolHash: result?.inspectorsPoolHash ?? null,
        conflictsHash: result?.conflictsHash ?? null,
        drawnAt: round.drawnAt?.toISOString() ?? null,
      },
      evaluators: evaluators.map((e) => ({ userId: e.userId, username: e.username })),
      items: parts.map(({ p, name }) => toParticipant(p, name, framework, round, evaluations)),
    };
  }

  return {
    async listFrameworks(actor: Actor) {
      const rows = await repo.listFrameworks(db, actor.districtCode);
      const used = await repo.frameworksInUse(db, actor.districtCode);
      return { items: rows.map((r) => toFramework(r, used.has(r.id))) };
    },
    async getFramework(actor: Actor, id: string) {
      return frameworkAnswer(db, await repo.getFramework(db, actor.districtCode, id));
    },
    createFramework: (ctx: RequestContext, actor: Actor, body: FrameworkBody) =>
      createFramework(ctx, actor, body),
    /** The sample framework shaped like WS/T 821-2023 (labelled as a sample), as a new version of its code. */
    installSample: (ctx: RequestContext, actor: Actor) => createFramework(ctx, actor, SAMPLE_FRAMEWORK, true),

    async updateFramework(ctx: RequestContext, actor: Actor, id: string, body: UpdateFrameworkBody) {
      requireDistrict(actor);
      checkFrameworkBody(body);
      return db.transaction(async (tx) => {
        const row = await repo.getFramework(tx, actor.districtCode, id, true);
        if ((await repo.frameworksInUse(tx, actor.districtCode)).has(row.id))
          throw new DomainError('quality.framework_in_use');
        const next = await updateVersioned(
          tx,
          qualityFrameworks,
          row,
          body.version,
          {
            name: body.name,
            dimensions: body.dimensions,
            gradeBands: body.gradeBands,
            maxPoints: maxPoints(body.dimensions),
          },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'quality.framework_update',
          objectType: 'quality_framework',
          objectId: id,
          changes: { name: body.name, dimensions: body.dimensions.length },
        });
        return toFramework(next, false);
      });
    },

    async listRounds(actor: Actor) {
      const rounds = await repo.listRounds(db, actor);
      const items = [];
      for (const r of rounds) {
        const framework = await repo.getFramework(db, r.districtCode, r.frameworkId);
        items.push(toRoundSummary(r, framework, (await repo.participantsOf(db, actor, r.id)).length));
      }
      return { items };
    },

    async getRound(actor: Actor, id: string) {
      return roundDetail(db, actor, await repo.getRound(db, actor, id));
    },

    async createRound(ctx: RequestContext, actor: Actor, body: CreateRoundBody) {
      requireDistrict(actor);
      const ids = [...new Set(body.institutionIds)];
      return db.transaction(async (tx) => {
        const framework = await repo.getFramework(tx, actor.districtCode, body.frameworkId).catch(() => {
          throw new DomainError('validation.failed', {
            errors: [
              {
                field: 'frameworkId',
                rule: 'exists',
                message_zh: '指标体系不存在',
                message_en: 'No such framework',
              },
            ],
          });
        });
        const rows = await tx
          .select({
            id: institutions.id,
            townCode: institutions.townCode,
            status: institutions.status,
            operator: institutions.operatorCreditCode,
          })
          .from(institutions)
          .where(and(eq(institutions.districtCode, actor.districtCode), inArray(institutions.id, ids)));
        const found = new Map(rows.map((r) => [r.id, r]));
        const bad = ids.findIndex(
          (id) => !(ELIGIBLE_STATUSES as readonly string[]).includes(found.get(id)?.status ?? ''),
        );
        if (bad >= 0)
          throwIfErrors([
            {
              field: `institutionIds.${bad}`,
              rule: 'eligible',
              message_zh: '机构不存在或不在营业（仅营业中或整改中的机构可参评）',
              message_en:
                'No such institution in service (only operating or rectifying institutions take part)',
            },
          ]);
        const pool = ids.map((id) => ({
          id,
          townCode: found.get(id)!.townCode,
          // The registry's operator (举办者) first; the round's own list covers institutions without one.
          operator: found.get(id)!.operator ?? body.operators[id] ?? null,
        }));
        // Fewer than the needed eligible reviewers for any institution: refuse before anything is written.
        const conflicts = peerConflicts(pool, await staffConflicts(tx, actor.districtCode, ids));
        for (const [k, t] of pool.entries()) {
          const eligible = pool.length - conflicts.filter((c) => c.targetId === t.id).length;
          if (body.weights.peer > 0 && eligible < body.reviewersPerInstitution)
            throwIfErrors([
              {
                field: `institutionIds.${k}`,
                rule: 'peer_reviewers',
                message_zh: `该机构只有 ${eligible} 家可互评机构（须来自其他街镇、不同举办者），至少需要 ${body.reviewersPerInstitution} 家`,
                message_en: `This institution has ${eligible} eligible peer reviewers (other towns, another operator); ${body.reviewersPerInstitution} are needed`,
              },
            ]);
        }
        const secretHex = secret();
        const c = commit(secretHex);
        if (!c.ok) throw new Error('quality: bad draw secret');
        const id = uuidv7(ctx.now.getTime());
        const [round] = await tx
          .insert(qualityRounds)
          .values({
            districtCode: actor.districtCode,
            id,
            year: body.year,
            name: body.name,
            frameworkId: framework.id,
            status: 'open',
            weightSelf: body.weights.self,
            weightPeer: body.weights.peer,
            weightCommissioned: body.weights.commissioned,
            reviewersPerInstitution: body.reviewersPerInstitution,
            selfDeadline: new Date(body.selfDeadline),
            reviewDeadline: new Date(body.reviewDeadline),
            blind: body.blind,
            publication: body.publication,
            drawCommitment: c.commitment,
            drawSecret: secretHex,
            createdBy: actor.userId,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        const base = {
          districtCode: actor.districtCode,
          roundId: id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        const parts = pool.map((m) => ({
          ...base,
          id: uuidv7(ctx.now.getTime()),
          institutionId: m.id,
          townCode: m.townCode,
          operator: m.operator,
        }));
        await tx.insert(qualityParticipants).values(parts);
        const forms = parts.flatMap((p) =>
          (['self', 'commissioned'] as const)
            .filter((k) => (k === 'self' ? body.weights.self : body.weights.commissioned) > 0)
            .map((kind) => ({
              ...base,
              id: uuidv7(ctx.now.getTime()),
              participantId: p.id,
              institutionId: p.institutionId,
              townCode: p.townCode,
              kind,
              status: 'assigned' as const,
            })),
        );
        if (forms.length) await tx.insert(qualityEvaluations).values(forms);
        await recordAudit(tx, ctx, {
          action: 'quality.round_create',
          objectType: 'quality_round',
          objectId: id,
          changes: {
            year: body.year,
            frameworkId: framework.id,
            institutions: ids.length,
            weights: body.weights,
            commitment: c.commitment,
          },
        });
        return roundDetail(tx, actor, round!);
      });
    },

    /** The peer draw: reveal the committed secret, assign reviewers, publish the result. */
    async draw(ctx: RequestContext, actor: Actor, id: string, version: number) {
      requireDistrict(actor);
      return db.transaction(async (tx) => {
        const round = await repo.getRound(tx, actor, id, true);
        if (round.status !== 'open') throw new DomainError('quality.round_closed');
        if (round.drawnAt) throw new DomainError('quality.already_drawn');
        const parts = await tx
          .select()
          .from(qualityParticipants)
          .where(
            and(
              eq(qualityParticipants.districtCode, round.districtCode),
              eq(qualityParticipants.roundId, round.id),
            ),
          );
        const pool = parts.map((p) => ({ id: p.institutionId, townCode: p.townCode, operator: p.operator }));
        const extra = await staffConflicts(
          tx,
          round.districtCode,
          pool.map((p) => p.id),
        );
        const ans = drawPeers(round.drawSecret, pool, round.reviewersPerInstitution, extra);
        if (!ans.ok)
          throwIfErrors([
            {
              field: 'institutionIds',
              rule: 'peer_reviewers',
              message_zh: `机构 ${ans.targetId ?? ''} 只有 ${ans.eligible} 家可互评机构，至少需要 ${ans.needed} 家`,
              message_en: `Institution ${ans.targetId ?? ''} has ${ans.eligible} eligible reviewers; ${ans.needed} are needed`,
            },
          ]);
        if (!ans.ok) throw new Error('unreachable');
        const byInst = new Map(parts.map((p) => [p.institutionId, p]));
        const base = {
          districtCode: round.districtCode,
          roundId: round.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        const forms = ans.result.assignments.flatMap((a) => {
          const p = byInst.get(a.targetId)!;
          return a.inspectorIds.map((reviewer) => ({
            ...base,
            id: uuidv7(ctx.now.getTime()),
            participantId: p.id,
            institutionId: p.institutionId,
            townCode: p.townCode,
            kind: 'peer' as const,
            status: 'assigned' as const,
            reviewerInstitutionId: reviewer,
          }));
        });
        await tx.insert(qualityEvaluations).values(forms);
        const next = await updateVersioned(
          tx,
          qualityRounds,
          round,
          version,
          {
            drawnAt: ctx.now,
            drawSeed: ans.result.seed,
            drawResult: { ...ans.result, conflicts: ans.conflicts },
          },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'quality.peer_draw',
          objectType: 'quality_round',
          objectId: id,
          changes: { commitment: round.drawCommitment, seed: ans.result.seed, assignments: forms.length },
        });
        return roundDetail(tx, actor, next);
      });
    },

    async assignEvaluator(ctx: RequestContext, actor: Actor, id: string, username: string) {
      requireDistrict(actor);
      return db.transaction(async (tx) => {
        const round = await repo.getRound(tx, actor, id, true);
        if (round.status !== 'open') throw new DomainError('quality.round_closed');
        const [user] = await tx
          .select({ id: users.id, role: users.role, username: users.username })
          .from(users)
          .where(and(eq(users.districtCode, actor.districtCode), eq(users.username, username)));
        if (user?.role !== 'evaluator') throw new DomainError('quality.evaluator_role');
        const inserted = await tx
          .insert(qualityRoundEvaluators)
          .values({
            districtCode: round.districtCode,
            id: uuidv7(ctx.now.getTime()),
            roundId: round.id,
            userId: user.id,
            username: user.username,
            assignedBy: actor.userId,
            createdAt: ctx.now,
          })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) throw new DomainError('conflict.duplicate');
        await recordAudit(tx, ctx, {
          action: 'quality.evaluator_assign',
          objectType: 'quality_round',
          objectId: id,
          changes: { userId: user.id },
        });
        return roundDetail(tx, actor, round);
      });
    },

    /** Compute every participant's result (weights, veto override, grade) and close the round. */
    async complete(ctx: RequestContext, actor: Actor, id: string, version: number) {
      requireDistrict(actor);
      return db.transaction(async (tx) => {
        const round = await repo.getRound(tx, actor, id, true);
        if (round.status !== 'open') throw new DomainError('quality.round_closed');
        if (round.weightPeer > 0 && !round.drawnAt) throw new DomainError('quality.not_drawn');
        const framework = await repo.getFramework(tx, round.districtCode, round.frameworkId);
        const evaluations = await repo.evaluationsOfRound(tx, round);
        const weights = {
          self: round.weightSelf,
          peer: round.weightPeer,
          commissioned: round.weightCommissioned,
        };
        const scored = (e: repo.EvaluationRow): Scored => {
          const dims: Record<string, number> = {};
          const byItem = new Map(e.scores.map((s) => [s.itemCode, s]));
          for (const d of framework.dimensions)
            dims[d.code] = d.items.reduce((a, i) => a + Math.round((byItem.get(i.code)?.score ?? 0) * 10), 0);
          return { dimensions: dims, total: e.totalTenths ?? 0, vetoed: e.vetoed };
        };
        const parts = await tx
          .select()
          .from(qualityParticipants)
          .where(
            and(
              eq(qualityParticipants.districtCode, round.districtCode),
              eq(qualityParticipants.roundId, round.id),
            ),
          );
        const codes = framework.dimensions.map((d) => d.code);
        for (const p of parts) {
          const mine = evaluations.filter((e) => e.participantId === p.id);
          const pending = mine.some((e) => e.status !== 'submitted');
          const sub = (k: repo.EvaluationRow['kind']) =>
            mine.filter((e) => e.kind === k && e.status === 'submitted').map(scored);
          const c = pending
            ? null
            : combine(codes, weights, {
                self: sub('self')[0],
                peers: sub('peer'),
                commissioned: sub('commissioned')[0],
              });
          if (!c) throw new DomainError('quality.incomplete');
          await updateVersioned(
            tx,
            qualityParticipants,
            p,
            p.version,
            {
              totalTenths: c.total,
              percentTenths: percentTenths(c.total, framework.maxPoints),
              grade: gradeOf(c.total, framework.maxPoints, framework.gradeBands, c.vetoed),
              vetoed: c.vetoed,
              dimensionTenths: c.dimensions,
            },
            ctx.now,
          );
        }
        const next = await updateVersioned(
          tx,
          qualityRounds,
          round,
          version,
          { status: 'completed', completedAt: ctx.now },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'quality.round_complete',
          objectType: 'quality_round',
          objectId: id,
          changes: { participants: parts.length },
        });
        return roundDetail(tx, actor, next);
      });
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
export { dimensionScores };
