/**
 * Use cases of the Families module (issue 11): families from birth records, consent per guardian and
 * purpose, home visits and their coverage. One transaction per write with its audit entry; answers
 * mask every personal number. Withdrawal of a consent stops processing at once: visit lists and
 * coverage skip families without a home-visit consent in force, and scheduling a visit is refused.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  assignWorkerBody,
  BirthRecordBody,
  Consent,
  ConsentPurpose,
  Coverage,
  createCommunityBody,
  Family,
  FamilySummary,
  familyListQuery,
  giveConsentBody,
  recordVisitBody,
  scheduleVisitBody,
  Visit,
  visitListQuery,
  withdrawConsentBody,
} from '../../../domain/contracts/families.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { consentInForce } from '../../../domain/families/rules.ts';
import { ageInMonths } from '../../../domain/rules/age.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import { divisionInScope, scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { containsAny } from '../../platform/like.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { maskedOf } from '../../platform/personal-data.ts';
import { users } from '../../platform/tables.ts';
import './errors.ts';
import { communityTowns, prepareRecord, upsertRecords } from './records.ts';
import * as repo from './repository.ts';
import {
  families,
  familyChildren,
  familyCommunities,
  familyConsents,
  familyGuardians,
  familyVisits,
} from './tables.ts';

type Q<T extends z.ZodType> = z.infer<T>;

/** Whether a town lies in the caller's scope (a division scope covering it). */
export function townInScope(actor: Actor, townCode: string): boolean {
  return divisionInScope(actor, townCode);
}

/** A health worker (active, covering `townCode`) by account id, or a 400 naming `workerId`. */
async function workerFor(tx: Db, districtCode: string, townCode: string, workerId: string) {
  const [w] = await tx
    .select()
    .from(users)
    .where(and(eq(users.districtCode, districtCode), eq(users.id, workerId)));
  if (
    w?.role !== 'health_worker' ||
    w.disabled ||
    !w.scopeDivisionCode ||
    !townCode.startsWith(w.scopeDivisionCode)
  )
    throw fieldError(
      'workerId',
      'not_a_worker_here',
      '该账号不是负责此街镇的卫生健康人员',
      'This account is not a health worker for this town',
    );
  return w;
}

export function toVisit(r: repo.VisitRow, today: string): Visit {
  return {
    id: r.id,
    familyId: r.familyId,
    townCode: r.townCode,
    communityCode: r.communityCode,
    workerId: r.workerId,
    workerName: r.workerName,
    scheduledFor: r.scheduledFor,
    status: r.status,
    visitedOn: r.visitedOn,
    feeding: r.feeding,
    growth: r.growth,
    safety: r.safety,
    diseasePrevention: r.diseasePrevention,
    handbookGiven: r.handbookGiven,
    overdue: r.status === 'scheduled' && r.scheduledFor < today,
    version: r.version,
  };
}

function toConsent(c: repo.ConsentRow): Consent {
  return {
    guardianId: c.guardianId,
    purpose: c.purpose,
    status: c.status,
    noticeVersion: c.noticeVersion,
    channel: c.channel,
    givenAt: c.givenAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  };
}

const yearStart = (today: string) => `${today.slice(0, 4)}-01-01`;

export function createFamiliesService({ db }: { db: Db }) {
  async function communityName(districtCode: string, code: string) {
    const [c] = await db
      .select({ name: familyCommunities.name })
      .from(familyCommunities)
      .where(and(eq(familyCommunities.districtCode, districtCode), eq(familyCommunities.code, code)));
    return c?.name ?? code;
  }

  async function familyDetail(ctx: RequestContext, _actor: Actor, f: repo.FamilyRow): Promise<Family> {
    const today = localDate(ctx.now);
    const [children, guardians, consents, visits] = await Promise.all([
      repo.childrenOf(db, f.districtCode, [f.id]),
      repo.guardiansOf(db, f.districtCode, f.id),
      repo.consentsOf(db, f.districtCode, [f.id]),
      db
        .select()
        .from(familyVisits)
        .where(and(eq(familyVisits.districtCode, f.districtCode), eq(familyVisits.familyId, f.id)))
        .orderBy(desc(familyVisits.scheduledFor)),
    ]);
    return {
      id: f.id,
      townCode: f.townCode,
      communityCode: f.communityCode,
      communityName: await communityName(f.districtCode, f.communityCode),
      address: f.address,
      resident: f.resident,
      children: children.map((c) => {
        const age = ageInMonths(c.birthDate, today);
        return {
          id: c.id,
          name: c.childName,
          idNumber: maskedOf('citizen_id', c.idNumber) ?? '',
          birthDate: c.birthDate,
          sex: c.sex,
          ageMonths: age.ok ? age.months : 0,
        };
      }),
      guardians: guardians.map((g) => ({
        id: g.id,
        name: g.guardianName,
        relation: g.relation,
        idNumber: maskedOf('citizen_id', g.idNumber),
        mobile: maskedOf('phone', g.mobile) ?? '',
      })),
      consents: consents.map(toConsent),
      visits: visits.map((v) => toVisit(v, today)),
      version: f.version,
    };
  }

  return {
    async communities(actor: Actor) {
      const s = actor.scope;
      const conds: SQL[] = [eq(familyCommunities.districtCode, actor.districtCode)];
      if (s?.kind === 'division' && s.divisionCode.length > 6)
        conds.push(sql`${familyCommunities.townCode} like ${`${s.divisionCode}%`}`);
      const rows = await db
        .select({ c: familyCommunities, workerName: users.displayName })
        .from(familyCommunities)
        .leftJoin(
          users,
          and(
            eq(users.districtCode, familyCommunities.districtCode),
            eq(users.id, familyCommunities.workerId),
          ),
        )
        .where(and(...conds))
        .orderBy(asc(familyCommunities.code));
      return {
        items: rows.map(({ c, workerName }) => ({
          code: c.code,
          townCode: c.townCode,
          name: c.name,
          workerId: c.workerId,
          workerName: c.workerId ? workerName : null,
        })),
      };
    },

    /** The health workers whose division covers a town in the caller's scope (for 社区分工 and scheduling). */
    async healthWorkers(actor: Actor) {
      const rows = await db
        .select({ id: users.id, displayName: users.displayName, townCode: users.scopeDivisionCode })
        .from(users)
        .where(
          and(
            eq(users.districtCode, actor.districtCode),
            eq(users.role, 'health_worker'),
            eq(users.disabled, false),
            sql`${users.scopeDivisionCode} is not null`,
          ),
        )
        .orderBy(asc(users.scopeDivisionCode), asc(users.displayName));
      const s = actor.scope;
      const mine = (code: string) =>
        s?.kind === 'division' && (code.startsWith(s.divisionCode) || s.divisionCode.startsWith(code));
      return {
        items: rows.flatMap((r) => (r.townCode && mine(r.townCode) ? [{ ...r, townCode: r.townCode }] : [])),
      };
    },

    /** 社区分工: put a health worker of the town in charge of a community's home visits (or clear it). */
    async assignWorker(ctx: RequestContext, actor: Actor, code: string, body: Q<typeof assignWorkerBody>) {
      return db.transaction(async (tx) => {
        const [c] = await tx
          .select()
          .from(familyCommunities)
          .where(
            and(eq(familyCommunities.districtCode, actor.districtCode), eq(familyCommunities.code, code)),
          )
          .for('update');
        if (!c || !townInScope(actor, c.townCode)) throw new DomainError('not_found');
        const worker = body.workerId
          ? await workerFor(tx, actor.districtCode, c.townCode, body.workerId)
          : null;
        await tx
          .update(familyCommunities)
          .set({ workerId: worker?.id ?? null })
          .where(and(eq(familyCommunities.districtCode, c.districtCode), eq(familyCommunities.code, c.code)));
        await recordAudit(tx, ctx, {
          action: 'families.community_worker',
          objectType: 'community',
          objectId: c.code,
          changes: { workerId: { from: c.workerId, to: worker?.id ?? null } },
        });
        return {
          code: c.code,
          townCode: c.townCode,
          name: c.name,
          workerId: worker?.id ?? null,
          workerName: worker?.displayName ?? null,
        };
      });
    },

    async createCommunity(ctx: RequestContext, actor: Actor, body: Q<typeof createCommunityBody>) {
      const townCode = body.code.slice(0, 9);
      const town = findDivision(townCode);
      if (town?.level !== 'town' || !townInScope(actor, townCode))
        throw fieldError(
          'code',
          'unknown_town',
          '社区代码的前 9 位不是本区的街镇',
          'The first 9 digits name no town of this district',
        );
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(familyCommunities)
          .values({
            districtCode: actor.districtCode,
            code: body.code,
            townCode,
            name: body.name,
            createdAt: ctx.now,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw new DomainError('families.community_exists');
        await recordAudit(tx, ctx, {
          action: 'families.community_create',
          objectType: 'community',
          objectId: row.code,
          changes: { ...body },
        });
        return { code: row.code, townCode: row.townCode, name: row.name, workerId: null, workerName: null };
      });
    },

    /** One birth record entered by hand: the same checks and writer as the import. */
    async create(ctx: RequestContext, actor: Actor, body: BirthRecordBody): Promise<Family> {
      const today = localDate(ctx.now);
      const communities = await communityTowns(db, actor.districtCode);
      const { errors, record } = prepareRecord(body, today, communities, (t) => townInScope(actor, t));
      throwIfErrors(errors);
      const familyId = await db.transaction(async (tx) => {
        const r = await upsertRecords(tx, actor.districtCode, ctx.now, [record!], 'manual');
        if (r.inserted === 0) throw new DomainError('families.child_registered');
        await recordAudit(tx, ctx, {
          action: 'families.create',
          objectType: 'family',
          objectId: r.familyIds[0]!,
          changes: auditRecord(body),
        });
        return r.familyIds[0]!;
      });
      return familyDetail(ctx, actor, await repo.getFamily(db, actor, familyId));
    },

    async list(ctx: RequestContext, actor: Actor, q: Q<typeof familyListQuery>) {
      const today = localDate(ctx.now);
      const conds: (SQL | undefined)[] = [
        scopeWhere(actor, repo.familyScope),
        sql`${families.anonymisedAt} is null`,
      ];
      if (q.town) conds.push(eq(families.townCode, q.town));
      if (q.community) conds.push(eq(families.communityCode, q.community));
      if (q.consent) conds.push(repo.hasConsent(q.consent));
      if (q.resident) conds.push(eq(families.resident, q.resident === 'true'));
      if (q.q)
        conds.push(
          inArray(
            families.id,
            db
              .select({ id: familyChildren.familyId })
              .from(familyChildren)
              .where(
                and(
                  eq(familyChildren.districtCode, actor.districtCode),
                  containsAny([familyChildren.childName], q.q),
                ),
              ),
          ),
        );
      const where = and(...conds);
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(families)
            .where(where)
            .orderBy(asc(families.communityCode), asc(families.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, families, where),
      });
      const ids = page.items.map((f) => f.id);
      const [children, consents, visited, names] = await Promise.all([
        repo.childrenOf(db, actor.districtCode, ids),
        repo.consentsOf(db, actor.districtCode, ids),
        ids.length === 0
          ? []
          : db
              .selectDistinct({ familyId: familyVisits.familyId })
              .from(familyVisits)
              .where(
                and(
                  eq(familyVisits.districtCode, actor.districtCode),
                  inArray(familyVisits.familyId, ids),
                  eq(familyVisits.status, 'done'),
                  gte(familyVisits.visitedOn, yearStart(today)),
                ),
              ),
        db
          .select({ code: familyCommunities.code, name: familyCommunities.name })
          .from(familyCommunities)
          .where(eq(familyCommunities.districtCode, actor.districtCode)),
      ]);
      const nameOf = new Map(names.map((n) => [n.code, n.name]));
      const visitedSet = new Set(visited.map((v) => v.familyId));
      const items: FamilySummary[] = page.items.map((f) => {
        const own = consents.filter((c) => c.familyId === f.id);
        return {
          id: f.id,
          townCode: f.townCode,
          communityCode: f.communityCode,
          communityName: nameOf.get(f.communityCode) ?? f.communityCode,
          resident: f.resident,
          children: children
            .filter((c) => c.familyId === f.id)
            .map((c) => ({ id: c.id, name: c.childName, birthDate: c.birthDate })),
          visitedThisYear: visitedSet.has(f.id),
          consents: (['home_visit', 'guidance_signup', 'online_resources'] as const).filter((p) =>
            consentInForce(own, p),
          ),
        };
      });
      return { ...page, items };
    },

    async get(ctx: RequestContext, actor: Actor, id: string) {
      return familyDetail(ctx, actor, await repo.getFamily(db, actor, id));
    },

    /** The parent's own family (scope `family`). */
    async mine(ctx: RequestContext, actor: Actor) {
      if (actor.scope?.kind !== 'family') throw new DomainError('not_found');
      return familyDetail(ctx, actor, await repo.getFamily(db, actor, actor.scope.familyId));
    },

    async giveConsent(ctx: RequestContext, actor: Actor, familyId: string, body: Q<typeof giveConsentBody>) {
      await db.transaction(async (tx) => {
        const f = await repo.getFamily(tx, actor, familyId, true);
        const guardian = await guardianOf(tx, f, body.guardianId);
        await tx
          .insert(familyConsents)
          .values({
            districtCode: f.districtCode,
            id: uuidv7(ctx.now.getTime()),
            familyId: f.id,
            guardianId: guardian.id,
            purpose: body.purpose,
            status: 'given',
            noticeVersion: body.noticeVersion,
            channel: body.channel,
            givenAt: ctx.now,
          })
          .onConflictDoUpdate({
            target: [familyConsents.districtCode, familyConsents.guardianId, familyConsents.purpose],
            set: {
              status: 'given',
              noticeVersion: body.noticeVersion,
              channel: body.channel,
              givenAt: ctx.now,
              withdrawnAt: null,
            },
          });
        await recordAudit(tx, ctx, {
          action: 'families.consent_give',
          objectType: 'family',
          objectId: f.id,
          changes: { ...body },
        });
      });
      return this.get(ctx, actor, familyId);
    },

    /** Withdrawal: at once; scheduled visits of the family are cancelled when no home-visit consent is left. */
    async withdrawConsent(
      ctx: RequestContext,
      actor: Actor,
      familyId: string,
      body: Q<typeof withdrawConsentBody>,
    ) {
      await db.transaction(async (tx) => {
        const f = await repo.getFamily(tx, actor, familyId, true);
        await guardianOf(tx, f, body.guardianId);
        const rows = await tx
          .update(familyConsents)
          .set({ status: 'withdrawn', withdrawnAt: ctx.now })
          .where(
            and(
              eq(familyConsents.districtCode, f.districtCode),
              eq(familyConsents.guardianId, body.guardianId),
              eq(familyConsents.purpose, body.purpose),
              eq(familyConsents.status, 'given'),
            ),
          )
          .returning();
        if (rows.length === 0)
          throw fieldError(
            'purpose',
            'not_given',
            '该监护人未给出此项同意',
            'This guardian has not given this consent',
          );
        let cancelled = 0;
        if (body.purpose === 'home_visit') {
          const left = await repo.consentsOf(tx, f.districtCode, [f.id]);
          if (!consentInForce(left, 'home_visit'))
            cancelled = (
              await tx
                .update(familyVisits)
                .set({ status: 'cancelled', updatedAt: ctx.now, version: sql`${familyVisits.version} + 1` })
                .where(
                  and(
                    eq(familyVisits.districtCode, f.districtCode),
                    eq(familyVisits.familyId, f.id),
                    eq(familyVisits.status, 'scheduled'),
                  ),
                )
                .returning({ id: familyVisits.id })
            ).length;
        }
        await recordAudit(tx, ctx, {
          action: 'families.consent_withdraw',
          objectType: 'family',
          objectId: f.id,
          changes: { ...body, visitsCancelled: cancelled },
        });
      });
      return this.get(ctx, actor, familyId);
    },

    // — home visits —

    async scheduleVisit(ctx: RequestContext, actor: Actor, body: Q<typeof scheduleVisitBody>) {
      const today = localDate(ctx.now);
      if (body.scheduledFor < today)
        throw fieldError('scheduledFor', 'past', '计划日期不能早于今天', 'The date cannot lie in the past');
      const row = await db.transaction(async (tx) => {
        const f = await repo.getFamily(tx, actor, body.familyId, true);
        const consents = await repo.consentsOf(tx, f.districtCode, [f.id]);
        if (!consentInForce(consents, 'home_visit')) throw new DomainError('families.consent_missing');
        // The worker named, else the health worker scheduling it, else the community's (社区分工).
        let workerId = body.workerId ?? (actor.role === 'health_worker' ? actor.userId : null);
        if (!workerId) {
          const [c] = await tx
            .select({ workerId: familyCommunities.workerId })
            .from(familyCommunities)
            .where(
              and(
                eq(familyCommunities.districtCode, f.districtCode),
                eq(familyCommunities.code, f.communityCode),
              ),
            );
          workerId = c?.workerId ?? null;
        }
        const worker = workerId ? await workerFor(tx, actor.districtCode, f.townCode, workerId) : null;
        const workerName = worker?.displayName ?? null;
        const [v] = await tx
          .insert(familyVisits)
          .values({
            districtCode: f.districtCode,
            id: uuidv7(ctx.now.getTime()),
            familyId: f.id,
            townCode: f.townCode,
            communityCode: f.communityCode,
            workerId,
            workerName,
            scheduledFor: body.scheduledFor,
            status: 'scheduled',
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.visit_schedule',
          objectType: 'family_visit',
          objectId: v!.id,
          changes: { ...body },
        });
        return v!;
      });
      return toVisit(row, today);
    },

    async recordVisit(ctx: RequestContext, actor: Actor, id: string, body: Q<typeof recordVisitBody>) {
      const today = localDate(ctx.now);
      if (body.visitedOn > today)
        throw fieldError(
          'visitedOn',
          'future',
          '访视日期不能晚于今天',
          'The visit date cannot lie in the future',
        );
      const row = await db.transaction(async (tx) => {
        const [me] = await tx
          .select({ name: users.displayName })
          .from(users)
          .where(and(eq(users.districtCode, actor.districtCode), eq(users.id, actor.userId)));
        const [v] = await tx
          .select()
          .from(familyVisits)
          .where(and(scopeWhere(actor, repo.visitScope), eq(familyVisits.id, id)))
          .for('update');
        if (!v) throw new DomainError('not_found');
        if (v.status !== 'scheduled') throw new DomainError('families.visit_not_scheduled');
        const consents = await repo.consentsOf(tx, v.districtCode, [v.familyId]);
        if (!consentInForce(consents, 'home_visit')) throw new DomainError('families.consent_missing');
        const { version, ...fields } = body;
        const [u] = await tx
          .update(familyVisits)
          .set({
            ...fields,
            status: 'done',
            workerId: v.workerId ?? actor.userId,
            workerName: v.workerName ?? me?.name ?? actor.username,
            updatedAt: ctx.now,
            version: v.version + 1,
          })
          .where(
            and(
              eq(familyVisits.districtCode, v.districtCode),
              eq(familyVisits.id, v.id),
              eq(familyVisits.version, version),
            ),
          )
          .returning();
        if (!u) throw new DomainError('conflict.stale_version');
        await recordAudit(tx, ctx, {
          action: 'families.visit_record',
          objectType: 'family_visit',
          objectId: v.id,
          changes: { ...fields },
        });
        return u;
      });
      return toVisit(row, today);
    },

    /** Visits in scope of families whose home-visit consent is in force (withdrawn ones drop out). */
    async visits(ctx: RequestContext, actor: Actor, q: Q<typeof visitListQuery>) {
      const today = localDate(ctx.now);
      const conds: (SQL | undefined)[] = [
        scopeWhere(actor, repo.visitScope),
        repo.hasConsent('home_visit', 'family_visits'),
      ];
      if (q.status) conds.push(eq(familyVisits.status, q.status));
      if (q.town) conds.push(eq(familyVisits.townCode, q.town));
      if (q.mine === 'true') conds.push(eq(familyVisits.workerId, actor.userId));
      if (q.overdue === 'true')
        conds.push(eq(familyVisits.status, 'scheduled'), lt(familyVisits.scheduledFor, today));
      const where = and(...conds);
      return paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(familyVisits)
            .where(where)
            .orderBy(asc(familyVisits.scheduledFor), asc(familyVisits.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familyVisits, where),
        map: (r) => toVisit(r, today),
      });
    },

    /** Coverage this year: resident families with a home-visit consent in force, visited (done) this year. */
    async coverage(ctx: RequestContext, actor: Actor): Promise<Coverage> {
      return visitCoverage(db, actor, localDate(ctx.now));
    },
  };
}

export async function visitCoverage(
  db: Db,
  actor: Actor,
  today: string,
  townCode?: string,
): Promise<Coverage> {
  const from = yearStart(today);
  const conds: (SQL | undefined)[] = [
    scopeWhere(actor, repo.familyScope),
    eq(families.resident, true),
    sql`${families.anonymisedAt} is null`,
    repo.hasConsent('home_visit'),
  ];
  if (townCode) conds.push(eq(families.townCode, townCode));
  // The district pinned as a constant too (Citus routes the subquery to the tenant's shard).
  const visitedExpr = sql<number>`count(*) filter (where exists (select 1 from family_visits v
    where v.district_code = ${actor.districtCode} and v.district_code = "families"."district_code"
    and v.family_id = "families"."id" and v.status = 'done' and v.visited_on >= ${from}))`.mapWith(Number);
  const rows = await db
    .select({ townCode: families.townCode, eligible: count(), visited: visitedExpr })
    .from(families)
    .where(and(...conds))
    .groupBy(families.townCode)
    .orderBy(families.townCode);
  const overdueRows = await db
    .select({ townCode: familyVisits.townCode, n: count() })
    .from(familyVisits)
    .where(
      and(
        scopeWhere(actor, repo.visitScope),
        eq(familyVisits.status, 'scheduled'),
        lt(familyVisits.scheduledFor, today),
        repo.hasConsent('home_visit', 'family_visits'),
      ),
    )
    .groupBy(familyVisits.townCode);
  const overdue = new Map(overdueRows.map((r) => [r.townCode, r.n]));
  // Per worker: the visits in scope assigned to a worker, of families whose home-visit consent is in force.
  const workerRows = await db
    .select({
      workerId: familyVisits.workerId,
      workerName: sql<string | null>`max(${familyVisits.workerName})`,
      visited:
        sql<number>`count(distinct ${familyVisits.familyId}) filter (where ${familyVisits.status} = 'done'
        and ${familyVisits.visitedOn} >= ${from})`.mapWith(Number),
      scheduled: sql<number>`count(*) filter (where ${familyVisits.status} = 'scheduled')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${familyVisits.status} = 'scheduled'
        and ${familyVisits.scheduledFor} < ${today})`.mapWith(Number),
    })
    .from(familyVisits)
    .where(
      and(
        scopeWhere(actor, repo.visitScope),
        sql`${familyVisits.workerId} is not null`,
        townCode ? eq(familyVisits.townCode, townCode) : undefined,
        repo.hasConsent('home_visit', 'family_visits'),
      ),
    )
    .groupBy(familyVisits.workerId)
    .orderBy(familyVisits.workerId);
  const eligible = rows.reduce((s, r) => s + r.eligible, 0);
  const visited = rows.reduce((s, r) => s + r.visited, 0);
  return {
    year: Number(today.slice(0, 4)),
    eligible,
    visited,
    share: eligible === 0 ? null : visited / eligible,
    towns: rows.map((r) => ({ ...r, overdue: overdue.get(r.townCode) ?? 0 })),
    workers: workerRows.flatMap((w) => (w.workerId ? [{ ...w, workerId: w.workerId }] : [])),
  };
}

async function guardianOf(tx: Db, f: repo.FamilyRow, guardianId: string) {
  const [g] = await tx
    .select()
    .from(familyGuardians)
    .where(
      and(
        eq(familyGuardians.districtCode, f.districtCode),
        eq(familyGuardians.familyId, f.id),
        eq(familyGuardians.id, guardianId),
      ),
    );
  if (!g)
    throw fieldError(
      'guardianId',
      'not_in_family',
      '该监护人不属于此家庭',
      'This guardian is not of this family',
    );
  return g;
}

export type { ConsentPurpose };

/** A birth record for the audit trail, under the column names the trail masks (idNumber, name, mobile). */
export function auditRecord(body: BirthRecordBody) {
  const { childIdNumber, childName, ...rest } = body;
  return { ...rest, child: { name: childName, idNumber: childIdNumber } };
}
