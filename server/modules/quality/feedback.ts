/**
 * Use cases of quality evaluation (issue 12), part 3: feedback per institution (dimension scores for the
 * radar, gaps, round-over-round change, peer comments, improvement plan, supervision findings of the
 * year), demonstration institutions (ranked candidates, the district confirms 1–2) and the public view.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Feedback, Findings, PublicQuality } from '../../../domain/contracts/quality.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import './errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { TargetSource } from '../../platform/targets.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { listedOnPortal } from '../institutions/public.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionFindings } from '../supervision/findings.ts';
import { seesReviewer } from './evaluations.ts';
import { dimensionScores, toParticipant, toRoundSummary } from './mappers.ts';
import * as repo from './repository.ts';
import { qualityImprovements, qualityParticipants, qualityRounds } from './tables.ts';

/** At most this many demonstration institutions per round (35号: 1–2 示范性托育机构). */
export const MAX_DEMONSTRATIONS = 2;
const DEMO_GRADES = ['excellent', 'good'] as const;

/**
 * Supervision findings of the last 12 months for an institution (dynamic monitoring), from the
 * supervision module's rectification items, through the guard: shown on the feedback page, and a
 * serious finding or an overdue rectification keeps the institution off the demonstration list.
 */
export function findingsOfYear(db: Db, actor: Actor, institutionId: string, asOf: Date): Promise<Findings> {
  return supervisionFindings(db, actor, institutionId, asOf);
}

const improvementAnswer = (r: repo.ImprovementRow) => ({
  id: r.id,
  title: r.title,
  dimensionCode: r.dimensionCode,
  dueDate: r.dueDate,
  status: r.status,
  doneAt: r.doneAt?.toISOString() ?? null,
  doneNote: r.doneNote,
  version: r.version,
});

export function createFeedbackService({ db }: { db: Db }) {
  async function participantView(tx: Db, actor: Actor, id: string) {
    const { p, name } = await repo.getParticipant(tx, actor, id);
    const round = await repo.roundById(tx, p.districtCode, p.roundId);
    const framework = await repo.getFramework(tx, p.districtCode, round.frameworkId);
    const evaluations = await repo.evaluationsOfParticipant(tx, p);
    return {
      p,
      name,
      round,
      framework,
      evaluations,
      participant: toParticipant(p, name, framework, round, evaluations),
    };
  }

  return {
    async feedback(ctx: RequestContext, actor: Actor, id: string): Promise<Feedback> {
      const v = await participantView(db, actor, id);
      const submitted = v.evaluations.filter((e) => e.status === 'submitted');
      // Gaps: the mean points lost per item over every submitted evaluation, largest first.
      const gaps = v.framework.dimensions
        .flatMap((d) =>
          d.items.map((i) => {
            const got = submitted.map((e) => e.scores.find((s) => s.itemCode === i.code)?.score ?? 0);
            const mean = got.length ? got.reduce((a, b) => a + b, 0) / got.length : i.points;
            return {
              dimension: d.name,
              item: i.name,
              lost: Math.round((i.points - mean) * 10) / 10,
              points: i.points,
            };
          }),
        )
        .filter((g) => g.lost > 0)
        .sort((a, b) => b.lost - a.lost)
        .slice(0, 8);
      const history = await repo.participationsOf(db, v.p.districtCode, v.p.institutionId);
      const prev = history.find((h) => h.round.id !== v.round.id && h.round.year < v.round.year);
      const prevFramework = prev
        ? await repo.getFramework(db, prev.round.districtCode, prev.round.frameworkId)
        : null;
      const names = await repo.institutionNames(
        db,
        v.p.districtCode,
        submitted.flatMap((e) => (e.reviewerInstitutionId ? [e.reviewerInstitutionId] : [])),
      );
      const parts = await repo.participantsOf(db, actor, v.round.id);
      return {
        participant: v.participant,
        round: toRoundSummary(v.round, v.framework, parts.length),
        gaps,
        previous:
          prev && prevFramework
            ? {
                roundId: prev.round.id,
                year: prev.round.year,
                percent: prev.p.percentTenths === null ? null : prev.p.percentTenths / 10,
                dimensions: dimensionScores(prevFramework, prev.p.dimensionTenths),
              }
            : null,
        peerReviews: submitted
          .filter((e) => e.kind === 'peer')
          .map((e) => ({
            reviewer: seesReviewer(actor, v.round, e.reviewerInstitutionId)
              ? (names.get(e.reviewerInstitutionId ?? '') ?? null)
              : null,
            total: e.totalTenths === null ? null : e.totalTenths / 10,
            comment: e.comment,
          })),
        improvements: (await repo.improvementsOf(db, actor, v.p.id)).map(improvementAnswer),
        findings: await findingsOfYear(db, actor, v.p.institutionId, ctx.now),
      };
    },

    async addImprovement(
      ctx: RequestContext,
      actor: Actor,
      participantId: string,
      body: { title: string; dimensionCode: string; dueDate: string },
    ) {
      return db.transaction(async (tx) => {
        const { p } = await repo.getParticipant(tx, actor, participantId, true);
        const [row] = await tx
          .insert(qualityImprovements)
          .values({
            districtCode: p.districtCode,
            id: uuidv7(ctx.now.getTime()),
            participantId: p.id,
            institutionId: p.institutionId,
            townCode: p.townCode,
            title: body.title,
            dimensionCode: body.dimensionCode,
            dueDate: body.dueDate,
            status: 'open',
            createdBy: actor.userId,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'quality.improvement_create',
          objectType: 'quality_improvement',
          objectId: row!.id,
          changes: { title: body.title, dueDate: body.dueDate },
        });
        return improvementAnswer(row!);
      });
    },

    async completeImprovement(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: { version: number; note: string },
    ) {
      return db.transaction(async (tx) => {
        const row = await repo.getImprovement(tx, actor, id, true);
        if (row.status === 'done') throw new DomainError('conflict.transition', { allowed: [] });
        const next = await updateVersioned(
          tx,
          qualityImprovements,
          row,
          body.version,
          { status: 'done', doneAt: ctx.now, doneNote: body.note },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'quality.improvement_complete',
          objectType: 'quality_improvement',
          objectId: id,
          changes: { note: body.note },
        });
        return improvementAnswer(next);
      });
    },

    /** Candidates of a completed round (default: the latest), ranked by percentage: graded excellent/good, no veto, no findings. */
    async candidates(ctx: RequestContext, actor: Actor, roundId?: string) {
      const rounds = (await repo.listRounds(db, actor)).filter((r) => r.status === 'completed');
      const round = roundId ? rounds.find((r) => r.id === roundId) : rounds[0];
      const note = (await findingsOfYear(db, actor, '', ctx.now)).label;
      if (!round) return { roundId: null, findingsNote: note, items: [] };
      const parts = await repo.participantsOf(db, actor, round.id);
      const items = [];
      for (const { p, name } of parts) {
        if (p.vetoed || !p.grade || !(DEMO_GRADES as readonly string[]).includes(p.grade)) continue;
        const f = await findingsOfYear(db, actor, p.institutionId, ctx.now);
        if (f.items.some((x) => x.serious)) continue;
        items.push({
          participantId: p.id,
          institutionId: p.institutionId,
          institutionName: name,
          percent: (p.percentTenths ?? 0) / 10,
          grade: p.grade as 'excellent' | 'good',
          rank: 0,
          demonstration: p.demonstration,
          findingsChecked: f.source !== 'none',
          version: p.version,
        });
      }
      items.sort((a, b) => b.percent - a.percent || a.institutionName.localeCompare(b.institutionName, 'zh'));
      items.forEach((x, i) => {
        x.rank = i + 1;
      });
      return { roundId: round.id, findingsNote: note, items };
    },

    async setDemonstration(
      ctx: RequestContext,
      actor: Actor,
      participantId: string,
      body: { version: number; demonstration: boolean },
    ) {
      return db.transaction(async (tx) => {
        const { p } = await repo.getParticipant(tx, actor, participantId, true);
        const round = await repo.getRound(tx, actor, p.roundId, true);
        if (round.status !== 'completed') throw new DomainError('quality.not_candidate');
        if (body.demonstration) {
          if (p.vetoed || !p.grade || !(DEMO_GRADES as readonly string[]).includes(p.grade))
            throw new DomainError('quality.not_candidate');
          const f = await findingsOfYear(tx, actor, p.institutionId, ctx.now);
          if (f.items.some((x) => x.serious)) throw new DomainError('quality.not_candidate');
          const others = await tx
            .select({ id: qualityParticipants.id })
            .from(qualityParticipants)
            .where(
              and(
                eq(qualityParticipants.districtCode, p.districtCode),
                eq(qualityParticipants.roundId, p.roundId),
                eq(qualityParticipants.demonstration, true),
                ne(qualityParticipants.id, p.id),
              ),
            );
          if (others.length >= MAX_DEMONSTRATIONS) throw new DomainError('quality.too_many_demonstrations');
        }
        const next = await updateVersioned(
          tx,
          qualityParticipants,
          p,
          body.version,
          { demonstration: body.demonstration, demonstrationAt: body.demonstration ? ctx.now : null },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'quality.demonstration',
          objectType: 'quality_participant',
          objectId: p.id,
          changes: { institutionId: p.institutionId, demonstration: body.demonstration },
        });
        return { id: next.id, demonstration: next.demonstration, version: next.version };
      });
    },

    /** What the portal shows for one institution: its latest published result and demonstration status. */
    async publicView(districtCode: string, institutionId: string): Promise<PublicQuality> {
      await listedOnPortal(db, districtCode, institutionId); // unknown or unlisted: 404, as its page
      const rows = await repo.participationsOf(db, districtCode, institutionId);
      const demo = rows.find((r) => r.p.demonstration);
      const published = rows.find((r) => r.round.publication !== 'none' && r.p.grade);
      let result: PublicQuality['result'] = null;
      if (published) {
        const framework = await repo.getFramework(db, districtCode, published.round.frameworkId);
        result = {
          year: published.round.year,
          roundName: published.round.name,
          grade: published.p.grade!,
          dimensions:
            published.round.publication === 'grade_and_dimensions'
              ? dimensionScores(framework, published.p.dimensionTenths)
              : null,
        };
      }
      return {
        institutionId,
        demonstration: demo ? { year: demo.round.year, roundName: demo.round.name } : null,
        result,
      };
    },
  };
}

/** Plan target 'demonstration_institutions': institutions confirmed as demonstration in the year's completed rounds. */
export const demonstrationTarget: TargetSource = {
  key: 'demonstration_institutions',
  module: 'quality',
  async measure(db, q) {
    const rows = await demoRows(db, q.actor, q.year, q.townCode);
    const byTown: Record<string, number> = {};
    for (const r of rows) byTown[r.townCode] = (byTown[r.townCode] ?? 0) + 1;
    return { value: rows.length, unit: 'count', byTown };
  },
  async drillDown(db, q, page) {
    const rows = await demoRows(db, q.actor, q.year, q.townCode);
    return {
      total: rows.length,
      rows: rows.slice(page.offset, page.offset + page.limit).map((r) => ({
        id: r.institutionId,
        kind: 'institution' as const,
        label: r.name,
        townCode: r.townCode,
        counts: true,
        note: r.roundName,
      })),
    };
  },
};

async function demoRows(db: Db, actor: Actor, year: number, townCode?: string) {
  const rows = await db
    .selectDistinctOn([qualityParticipants.institutionId], {
      institutionId: qualityParticipants.institutionId,
      townCode: qualityParticipants.townCode,
      name: institutions.name,
      roundName: qualityRounds.name,
    })
    .from(qualityParticipants)
    .innerJoin(
      qualityRounds,
      and(
        eq(qualityRounds.districtCode, qualityParticipants.districtCode),
        eq(qualityRounds.id, qualityParticipants.roundId),
      ),
    )
    .innerJoin(
      institutions,
      and(
        eq(institutions.districtCode, qualityParticipants.districtCode),
        eq(institutions.id, qualityParticipants.institutionId),
      ),
    )
    .where(
      and(
        scopeWhere(actor, repo.participantScope),
        eq(qualityParticipants.demonstration, true),
        eq(qualityRounds.year, year),
        townCode ? eq(qualityParticipants.townCode, townCode) : undefined,
      ),
    )
    .orderBy(qualityParticipants.institutionId, desc(qualityRounds.completedAt));
  return rows;
}
