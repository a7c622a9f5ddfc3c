/**
 * Queries of the quality module, every one through the jurisdiction guard:
 * - frameworks are the district's reference data (read by district code; written by district officers);
 * - participants, improvements: by town (division) and institution;
 * - evaluations: an institution sees its own self-evaluation and the peer reviews it writes (never
 *   the reviews of itself as forms); an evaluator sees commissioned forms of the rounds it is assigned
 *   to; officers see those of their towns;
 * - rounds: officers of the district see all; others the rounds they take part in.
 */
import { and, asc, desc, eq, exists, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { institutions } from '../institutions/tables.ts';
import {
  qualityEvaluations as ev,
  qualityFrameworks as fw,
  qualityImprovements as imp,
  qualityParticipants as pt,
  qualityRounds as rd,
  qualityRoundEvaluators as re,
} from './tables.ts';

export type FrameworkRow = typeof fw.$inferSelect;
export type RoundRow = typeof rd.$inferSelect;
export type ParticipantRow = typeof pt.$inferSelect;
export type EvaluationRow = typeof ev.$inferSelect;
export type ImprovementRow = typeof imp.$inferSelect;

export const participantScope = {
  district: pt.districtCode,
  division: pt.townCode,
  institution: pt.institutionId,
};
const improvementScope = {
  district: imp.districtCode,
  division: imp.townCode,
  institution: imp.institutionId,
};
interface Lockable<R> extends PromiseLike<R[]> {
  for(strength: 'update'): PromiseLike<R[]>;
}
const lock = <R>(q: Lockable<R>, forUpdate: boolean): PromiseLike<R[]> => (forUpdate ? q.for('update') : q);

function one<T>(rows: T[]): T {
  const r = rows[0];
  if (!r) throw new DomainError('not_found');
  return r;
}

/** Rounds an evaluator is assigned to. */
const assignedRounds = (actor: Actor) =>
  sql`(select ${re.roundId} from ${re} where ${re.districtCode} = ${actor.districtCode} and ${re.userId} = ${actor.userId})`;

export function evaluationWhere(actor: Actor): SQL {
  const s = actor.scope;
  if (s?.kind === 'institution')
    return (
      or(
        and(
          scopeWhere(actor, { district: ev.districtCode, institution: ev.institutionId }),
          eq(ev.kind, 'self'),
        ),
        scopeWhere(actor, { district: ev.districtCode, institution: ev.reviewerInstitutionId }),
      ) ?? sql`false`
    );
  if (actor.role === 'evaluator')
    return and(
      scopeWhere(actor, { district: ev.districtCode, division: ev.townCode }),
      eq(ev.kind, 'commissioned'),
      sql`${ev.roundId} in ${assignedRounds(actor)}`,
    )!;
  return scopeWhere(actor, {
    district: ev.districtCode,
    division: ev.townCode,
    institution: ev.institutionId,
  });
}

/** Participants in scope; an evaluator only those of the rounds it is assigned to. */
export function participantWhere(actor: Actor): SQL {
  const inScope = scopeWhere(actor, participantScope);
  return actor.role === 'evaluator' ? and(inScope, sql`${pt.roundId} in ${assignedRounds(actor)}`)! : inScope;
}

export function roundWhere(actor: Actor): SQL {
  if (actor.role === 'evaluator')
    return and(scopeWhere(actor, { district: rd.districtCode }), sql`${rd.id} in ${assignedRounds(actor)}`)!;
  if (actor.scope?.kind === 'division' && actor.scope.divisionCode === actor.districtCode)
    return scopeWhere(actor, { district: rd.districtCode });
  return and(
    eq(rd.districtCode, actor.districtCode),
    exists(
      sql`(select 1 from ${pt} where ${pt.districtCode} = ${rd.districtCode} and ${pt.roundId} = ${rd.id} and ${scopeWhere(actor, participantScope)})`,
    ),
  )!;
}

// — frameworks (district reference data) —
export const listFrameworks = (db: Db, districtCode: string) =>
  db.select().from(fw).where(eq(fw.districtCode, districtCode)).orderBy(asc(fw.code), desc(fw.revision));

export async function getFramework(
  db: Db,
  districtCode: string,
  id: string,
  forUpdate = false,
): Promise<FrameworkRow> {
  return one(
    await lock(
      db
        .select()
        .from(fw)
        .where(and(eq(fw.districtCode, districtCode), eq(fw.id, id))),
      forUpdate,
    ),
  );
}

export async function nextRevision(db: Db, districtCode: string, code: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${fw.revision}), 0)::int` })
    .from(fw)
    .where(and(eq(fw.districtCode, districtCode), eq(fw.code, code)));
  return (r?.n ?? 0) + 1;
}

export async function frameworksInUse(db: Db, districtCode: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: rd.frameworkId })
    .from(rd)
    .where(eq(rd.districtCode, districtCode));
  return new Set(rows.map((r) => r.id));
}

// — rounds —
export const listRounds = (db: Db, actor: Actor) =>
  db.select().from(rd).where(roundWhere(actor)).orderBy(desc(rd.year), desc(rd.createdAt));

export async function getRound(db: Db, actor: Actor, id: string, forUpdate = false): Promise<RoundRow> {
  return one(
    await lock(
      db
        .select()
        .from(rd)
        .where(and(roundWhere(actor), eq(rd.id, id))),
      forUpdate,
    ),
  );
}

/** System read of a round by id (after its evaluation or participant was found in scope). */
export async function roundById(db: Db, districtCode: string, id: string): Promise<RoundRow> {
  return one(
    await db
      .select()
      .from(rd)
      .where(and(eq(rd.districtCode, districtCode), eq(rd.id, id))),
  );
}

export const evaluatorsOf = (db: Db, round: RoundRow) =>
  db
    .select()
    .from(re)
    .where(and(eq(re.districtCode, round.districtCode), eq(re.roundId, round.id)))
    .orderBy(asc(re.username));

// — participants —
export function participantsOf(db: Db, actor: Actor, roundId: string) {
  return db
    .select({ p: pt, name: institutions.name })
    .from(pt)
    .innerJoin(
      institutions,
      and(eq(institutions.districtCode, pt.districtCode), eq(institutions.id, pt.institutionId)),
    )
    .where(and(participantWhere(actor), eq(pt.roundId, roundId)))
    .orderBy(asc(institutions.namePinyin), asc(pt.id));
}

export async function getParticipant(db: Db, actor: Actor, id: string, forUpdate = false) {
  return one(
    await lock(
      db
        .select({ p: pt, name: institutions.name })
        .from(pt)
        .innerJoin(
          institutions,
          and(eq(institutions.districtCode, pt.districtCode), eq(institutions.id, pt.institutionId)),
        )
        .where(and(participantWhere(actor), eq(pt.id, id))),
      forUpdate,
    ),
  );
}

/** The same institution's participations in other completed rounds, newest first (scope already checked). */
export function participationsOf(db: Db, districtCode: string, institutionId: string) {
  return db
    .select({ p: pt, round: rd })
    .from(pt)
    .innerJoin(rd, and(eq(rd.districtCode, pt.districtCode), eq(rd.id, pt.roundId)))
    .where(
      and(eq(pt.districtCode, districtCode), eq(pt.institutionId, institutionId), eq(rd.status, 'completed')),
    )
    .orderBy(desc(rd.year), desc(rd.completedAt));
}

// — evaluations —
export function evaluationsInScope(db: Db, actor: Actor, roundId?: string) {
  return db
    .select({ e: ev, round: rd, name: institutions.name })
    .from(ev)
    .innerJoin(rd, and(eq(rd.districtCode, ev.districtCode), eq(rd.id, ev.roundId)))
    .innerJoin(
      institutions,
      and(eq(institutions.districtCode, ev.districtCode), eq(institutions.id, ev.institutionId)),
    )
    .where(and(evaluationWhere(actor), roundId ? eq(ev.roundId, roundId) : undefined))
    .orderBy(desc(rd.year), asc(ev.status), asc(institutions.namePinyin), asc(ev.kind), asc(ev.id));
}

export async function getEvaluation(
  db: Db,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<EvaluationRow> {
  return one(
    await lock(
      db
        .select()
        .from(ev)
        .where(and(evaluationWhere(actor), eq(ev.id, id))),
      forUpdate,
    ),
  );
}

/** All evaluations of a round (system read for computing results; the round was found in scope). */
export const evaluationsOfRound = (db: Db, round: RoundRow) =>
  db
    .select()
    .from(ev)
    .where(and(eq(ev.districtCode, round.districtCode), eq(ev.roundId, round.id)));

export const evaluationsOfParticipant = (db: Db, p: ParticipantRow) =>
  db
    .select()
    .from(ev)
    .where(and(eq(ev.districtCode, p.districtCode), eq(ev.participantId, p.id)));

/** Names of institutions by id (the registry's own helper). */
export { institutionNames } from '../institutions/repository.ts';

// — improvements —
export const improvementsOf = (db: Db, actor: Actor, participantId: string) =>
  db
    .select()
    .from(imp)
    .where(and(scopeWhere(actor, improvementScope), eq(imp.participantId, participantId)))
    .orderBy(asc(imp.status), asc(imp.dueDate), asc(imp.id));

export async function getImprovement(
  db: Db,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<ImprovementRow> {
  return one(
    await lock(
      db
        .select()
        .from(imp)
        .where(and(scopeWhere(actor, improvementScope), eq(imp.id, id))),
      forUpdate,
    ),
  );
}
