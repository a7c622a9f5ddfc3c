/**
 * Use cases of quality evaluation (issue 12), part 2: the evaluation forms. An institution fills in its
 * self-evaluation (before the self deadline) and the peer reviews drawn to it; an evaluator assigned to
 * the round fills in the commissioned evaluations (before the review deadline). Scores are checked
 * against the framework (an item's points are the ceiling: 400 naming the field).
 */
import type { Evaluation, SubmitEvaluationBody } from '../../../domain/contracts/quality.ts';
import { checkScores, fromTenths, scoreEvaluation } from '../../../domain/quality/scoring.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import './errors.ts';
import type { CheckedFile } from '../../platform/files/check.ts';
import { type AttachmentRow, type FileService, listAttachments } from '../../platform/files/service.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { toFramework } from './mappers.ts';
import * as repo from './repository.ts';
import { toFieldErrors } from './service.ts';
import { qualityEvaluations } from './tables.ts';

const deadlineOf = (e: repo.EvaluationRow, r: repo.RoundRow) =>
  e.kind === 'self' ? r.selfDeadline : r.reviewDeadline;

/** Whether the caller may see who reviewed (a blind round hides reviewers from everyone but the district and the reviewer). */
export function seesReviewer(
  actor: Actor,
  round: repo.RoundRow,
  reviewerInstitutionId: string | null,
): boolean {
  if (!round.blind) return true;
  if (actor.scope?.kind === 'institution') return actor.scope.institutionId === reviewerInstitutionId;
  return actor.role === 'district_officer' || actor.role === 'town_officer';
}

export function toEvaluation(
  actor: Actor,
  e: repo.EvaluationRow,
  round: repo.RoundRow,
  names: ReadonlyMap<string, string>,
): Evaluation {
  const shown = seesReviewer(actor, round, e.reviewerInstitutionId);
  return {
    id: e.id,
    roundId: round.id,
    roundName: round.name,
    kind: e.kind,
    status: e.status,
    institutionId: e.institutionId,
    institutionName: names.get(e.institutionId) ?? '',
    reviewerInstitutionId: shown ? e.reviewerInstitutionId : null,
    reviewerName: shown && e.reviewerInstitutionId ? (names.get(e.reviewerInstitutionId) ?? null) : null,
    deadline: deadlineOf(e, round).toISOString(),
    scores: e.scores,
    total: e.totalTenths === null ? null : fromTenths(e.totalTenths),
    vetoed: e.vetoed,
    comment: e.comment,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    version: e.version,
  };
}

const owner = (e: repo.EvaluationRow) => ({
  type: 'quality_evaluation',
  id: e.id,
  districtCode: e.districtCode,
});
export const toEvidence = (a: AttachmentRow) => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  uploadedAt: a.uploadedAt.toISOString(),
});

/** The caller may fill in this form now: its own kind of form, round open, before the deadline. */
function assertMayFill(ctx: RequestContext, actor: Actor, e: repo.EvaluationRow, round: repo.RoundRow) {
  const inst = actor.scope?.kind === 'institution' ? actor.scope.institutionId : null;
  const mayFill =
    (e.kind === 'self' && inst === e.institutionId) ||
    (e.kind === 'peer' && inst !== null && inst === e.reviewerInstitutionId) ||
    (e.kind === 'commissioned' && actor.role === 'evaluator');
  if (!mayFill) throw new DomainError('auth.forbidden');
  if (round.status !== 'open') throw new DomainError('quality.round_closed');
  if (ctx.now > deadlineOf(e, round)) throw new DomainError('quality.deadline_passed');
}

export function createEvaluationService({ db, files }: { db: Db; files?: FileService }) {
  async function namesFor(tx: Db, districtCode: string, rows: repo.EvaluationRow[]) {
    const ids = new Set<string>();
    for (const e of rows) {
      ids.add(e.institutionId);
      if (e.reviewerInstitutionId) ids.add(e.reviewerInstitutionId);
    }
    return repo.institutionNames(tx, districtCode, [...ids]);
  }

  async function detail(tx: Db, actor: Actor, e: repo.EvaluationRow) {
    const round = await repo.roundById(tx, e.districtCode, e.roundId);
    const framework = await repo.getFramework(tx, e.districtCode, round.frameworkId);
    return {
      ...toEvaluation(actor, e, round, await namesFor(tx, e.districtCode, [e])),
      framework: toFramework(framework, true),
      evidence: (await listAttachments(tx, owner(e))).map(toEvidence),
    };
  }

  return {
    /** The forms in the caller's scope (an institution: its self-evaluation and the reviews it writes). */
    async list(actor: Actor, roundId?: string) {
      const rows = await repo.evaluationsInScope(db, actor, roundId);
      const names = await namesFor(
        db,
        actor.districtCode,
        rows.map((r) => r.e),
      );
      return { items: rows.map(({ e, round }) => toEvaluation(actor, e, round, names)) };
    },

    async get(actor: Actor, id: string) {
      return detail(db, actor, await repo.getEvaluation(db, actor, id));
    },

    async submit(ctx: RequestContext, actor: Actor, id: string, body: SubmitEvaluationBody) {
      return db.transaction(async (tx) => {
        const e = await repo.getEvaluation(tx, actor, id, true);
        const round = await repo.roundById(tx, e.districtCode, e.roundId);
        // Who fills in what: the institution its self-evaluation and its drawn reviews; evaluators commissioned ones.
        assertMayFill(ctx, actor, e, round);
        const framework = await repo.getFramework(tx, e.districtCode, round.frameworkId);
        throwIfErrors(toFieldErrors(checkScores(framework.dimensions, body.scores)));
        const s = scoreEvaluation(framework.dimensions, body.scores);
        const next = await updateVersioned(
          tx,
          qualityEvaluations,
          e,
          body.version,
          {
            status: 'submitted',
            scores: body.scores.map((x) => ({
              itemCode: x.itemCode,
              score: x.score,
              vetoed: x.vetoed,
              note: x.note,
            })),
            comment: body.comment,
            totalTenths: s.total,
            vetoed: s.vetoed,
            submittedAt: ctx.now,
            submittedBy: actor.userId,
          },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'quality.evaluation_submit',
          objectType: 'quality_evaluation',
          objectId: id,
          changes: { kind: e.kind, total: fromTenths(s.total), vetoed: s.vetoed },
        });
        return detail(tx, actor, next);
      });
    },

    /** Evidence (kit files, purpose quality_evidence) on a form the caller may still fill in. */
    async addEvidence(ctx: RequestContext, actor: Actor, id: string, file: CheckedFile) {
      if (!files) throw new Error('quality: no file service');
      const row = await files.attach(ctx, {
        owner: async (tx) => {
          const e = await repo.getEvaluation(tx, actor, id, true);
          assertMayFill(ctx, actor, e, await repo.roundById(tx, e.districtCode, e.roundId));
          return owner(e);
        },
        file,
        audit: { action: 'quality.evidence_upload', objectType: 'quality_evaluation', objectId: id },
      });
      return toEvidence(row);
    },

    async downloadEvidence(ctx: RequestContext, actor: Actor, id: string, fileId: string) {
      if (!files) throw new Error('quality: no file service');
      return files.download(ctx, {
        owner: async (tx) => owner(await repo.getEvaluation(tx, actor, id)),
        attachmentId: fileId,
        auditAction: 'quality.evidence_download',
      });
    },
  };
}
