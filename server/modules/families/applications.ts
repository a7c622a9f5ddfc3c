/**
 * Applications for a place (issue 11): a parent names 1–3 operating institutions, the service form and
 * the start date; an institution named in the list offers a place only when one of its classes fits
 * the child's age on the start date and has a free place (the registry's class bands and capacity);
 * the family accepts or declines; the institution enrols (the class's `enrolled` goes up by a
 * conditional UPDATE … WHERE enrolled < capacity). The waitlist position is the application's rank
 * among the submitted applications naming the same first choice, oldest first.
 */
import { and, asc, count, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Application,
  applicationListQuery,
  applicationTransitionBody,
  createApplicationBody,
} from '../../../domain/contracts/families.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import { type ApplicationRelation, applicationLifecycle } from '../../../domain/families/lifecycle.ts';
import { checkPreferences } from '../../../domain/families/rules.ts';
import { ageInMonths } from '../../../domain/rules/age.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import './errors.ts';
import * as repo from './repository.ts';
import { familyApplications, familyChildren } from './tables.ts';

type Q<T extends z.ZodType> = z.infer<T>;

function relationOf(actor: Actor, a: repo.ApplicationRow): ApplicationRelation {
  const s = actor.scope;
  if (s?.kind === 'family' && s.familyId === a.familyId) return 'family';
  if (s?.kind === 'institution' && a.preferences.includes(s.institutionId)) return 'institution';
  return 'none';
}

export function createApplicationsService({ db }: { db: Db }) {
  async function answer(tx: Db, actor: Actor, rows: repo.ApplicationRow[]): Promise<Application[]> {
    if (rows.length === 0) return [];
    const d = actor.districtCode;
    const instIds = [...new Set(rows.flatMap((r) => r.preferences))];
    const [names, kids] = await Promise.all([
      tx
        .select({ id: institutions.id, name: institutions.name })
        .from(institutions)
        .where(and(eq(institutions.districtCode, d), inArray(institutions.id, instIds))),
      tx
        .select({ id: familyChildren.id, name: familyChildren.childName })
        .from(familyChildren)
        .where(
          and(
            eq(familyChildren.districtCode, d),
            inArray(
              familyChildren.id,
              rows.map((r) => r.childId),
            ),
          ),
        ),
    ]);
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const kidOf = new Map(kids.map((k) => [k.id, k.name]));
    const out: Application[] = [];
    for (const r of rows) {
      let position: number | null = null;
      if (r.status === 'submitted') {
        const [p] = await tx
          .select({ n: count() })
          .from(familyApplications)
          .where(
            and(
              eq(familyApplications.districtCode, r.districtCode),
              eq(familyApplications.status, 'submitted'),
              sql`${familyApplications.preferences}[1] = ${r.preferences[0]!}::uuid`,
              sql`(${familyApplications.createdAt}, ${familyApplications.id}) <= (${r.createdAt}, ${r.id})`,
            ),
          );
        position = p?.n ?? null;
      }
      out.push({
        id: r.id,
        familyId: r.familyId,
        childId: r.childId,
        childName: kidOf.get(r.childId) ?? '',
        preferences: r.preferences.map((id) => ({ id, name: nameOf.get(id) ?? '' })),
        serviceForm: r.serviceForm,
        startDate: r.startDate,
        status: r.status,
        offeredInstitutionId: r.offeredInstitutionId,
        waitlistPosition: position,
        createdAt: r.createdAt.toISOString(),
        permittedActions: applicationLifecycle.permitted(r.status, relationOf(actor, r), (p) =>
          roleMay(actor.role, p),
        ),
        version: r.version,
      });
    }
    return out;
  }

  /** A class of the institution that fits the child's age on the start date and has a free place. */
  async function fittingClass(tx: Db, districtCode: string, institutionId: string, months: number) {
    const [c] = await tx
      .select()
      .from(institutionClasses)
      .where(
        and(
          eq(institutionClasses.districtCode, districtCode),
          eq(institutionClasses.institutionId, institutionId),
          sql`${institutionClasses.minAgeMonths} <= ${months} and ${institutionClasses.maxAgeMonths} >= ${months}`,
          lt(institutionClasses.enrolled, institutionClasses.capacity),
        ),
      )
      .orderBy(asc(institutionClasses.position))
      .limit(1);
    return c;
  }

  return {
    async create(ctx: RequestContext, actor: Actor, body: Q<typeof createApplicationBody>) {
      if (actor.scope?.kind !== 'family') throw new DomainError('auth.forbidden');
      const familyId = actor.scope.familyId;
      throwIfErrors(checkPreferences(body.preferences));
      if (body.startDate < localDate(ctx.now))
        throw fieldError(
          'startDate',
          'past',
          '入托日期不能早于今天',
          'The start date cannot lie in the past',
        );
      const row = await db.transaction(async (tx) => {
        const f = await repo.getFamily(tx, actor, familyId, true);
        const [child] = await tx
          .select()
          .from(familyChildren)
          .where(
            and(
              eq(familyChildren.districtCode, f.districtCode),
              eq(familyChildren.familyId, f.id),
              eq(familyChildren.id, body.childId),
            ),
          );
        if (!child)
          throw fieldError(
            'childId',
            'not_your_child',
            '该婴幼儿不属于您的家庭',
            'This child is not of your family',
          );
        const insts = await tx
          .select({ id: institutions.id, status: institutions.status })
          .from(institutions)
          .where(
            and(eq(institutions.districtCode, f.districtCode), inArray(institutions.id, body.preferences)),
          );
        if (insts.length !== body.preferences.length)
          throw fieldError(
            'preferences',
            'unknown_institution',
            '意向机构不存在',
            'An institution does not exist',
          );
        if (insts.some((i) => i.status !== 'operating'))
          throw new DomainError('families.institution_not_operating');
        const [open] = await tx
          .select({ id: familyApplications.id })
          .from(familyApplications)
          .where(
            and(
              eq(familyApplications.districtCode, f.districtCode),
              eq(familyApplications.childId, child.id),
              inArray(familyApplications.status, ['submitted', 'offered', 'accepted']),
            ),
          );
        if (open) throw new DomainError('families.application_open');
        const [a] = await tx
          .insert(familyApplications)
          .values({
            districtCode: f.districtCode,
            id: uuidv7(ctx.now.getTime()),
            familyId: f.id,
            childId: child.id,
            townCode: f.townCode,
            preferences: body.preferences,
            serviceForm: body.serviceForm,
            startDate: body.startDate,
            status: 'submitted',
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.apply',
          objectType: 'family_application',
          objectId: a!.id,
          changes: { ...body },
        });
        return a!;
      });
      return (await answer(db, actor, [row]))[0]!;
    },

    async list(_ctx: RequestContext, actor: Actor, q: Q<typeof applicationListQuery>) {
      const conds: (SQL | undefined)[] = [repo.applicationWhere(actor)];
      if (q.status) conds.push(eq(familyApplications.status, q.status));
      const where = and(...conds);
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(familyApplications)
            .where(where)
            .orderBy(asc(familyApplications.createdAt), asc(familyApplications.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familyApplications, where),
      });
      return { ...page, items: await answer(db, actor, page.items) };
    },

    async transition(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: Q<typeof applicationTransitionBody>,
    ) {
      const row = await db.transaction(async (tx) => {
        const [a] = await tx
          .select()
          .from(familyApplications)
          .where(and(repo.applicationWhere(actor), eq(familyApplications.id, id)))
          .for('update');
        if (!a) throw new DomainError('not_found');
        const relation = relationOf(actor, a);
        const checked = applicationLifecycle.check(a.status, body.action, body.reason);
        if (!checked.ok)
          throw new DomainError('conflict.transition', {
            allowed: applicationLifecycle.permitted(a.status, relation, (p) => roleMay(actor.role, p)),
          });
        if (!applicationLifecycle.allows(body.action, relation, (p) => roleMay(actor.role, p)))
          throw new DomainError(relation === 'none' ? 'not_found' : 'auth.forbidden');
        const set: Partial<typeof familyApplications.$inferInsert> = { status: checked.to };
        if (body.action === 'offer' || body.action === 'enroll') {
          const instId = actor.scope?.kind === 'institution' ? actor.scope.institutionId : '';
          if (body.action === 'enroll' && a.offeredInstitutionId !== instId)
            throw new DomainError('families.not_preferred');
          const [inst] = await tx
            .select()
            .from(institutions)
            .where(and(eq(institutions.districtCode, a.districtCode), eq(institutions.id, instId)));
          if (inst?.status !== 'operating') throw new DomainError('families.institution_not_operating');
          const [child] = await tx
            .select()
            .from(familyChildren)
            .where(and(eq(familyChildren.districtCode, a.districtCode), eq(familyChildren.id, a.childId)));
          const age = ageInMonths(child!.birthDate, a.startDate);
          const cls = await fittingClass(tx, a.districtCode, instId, age.ok ? age.months : -1);
          if (!cls) throw new DomainError('families.no_place');
          if (body.action === 'offer') set.offeredInstitutionId = instId;
          else {
            const taken = await tx
              .update(institutionClasses)
              .set({ enrolled: sql`${institutionClasses.enrolled} + 1` })
              .where(
                and(
                  eq(institutionClasses.districtCode, cls.districtCode),
                  eq(institutionClasses.id, cls.id),
                  lt(institutionClasses.enrolled, institutionClasses.capacity),
                ),
              )
              .returning({ id: institutionClasses.id });
            if (taken.length === 0) throw new DomainError('families.no_place');
            await tx
              .update(institutions)
              .set({ enrolled: sql`${institutions.enrolled} + 1` })
              .where(and(eq(institutions.districtCode, inst.districtCode), eq(institutions.id, inst.id)));
          }
        }
        const [u] = await tx
          .update(familyApplications)
          .set({ ...set, reason: body.reason ?? a.reason, updatedAt: ctx.now, version: a.version + 1 })
          .where(
            and(
              eq(familyApplications.districtCode, a.districtCode),
              eq(familyApplications.id, a.id),
              eq(familyApplications.version, body.version),
            ),
          )
          .returning();
        if (!u) throw new DomainError('conflict.stale_version');
        await recordAudit(tx, ctx, {
          action: `families.application_${body.action}`,
          objectType: 'family_application',
          objectId: a.id,
          changes: {
            status: { from: a.status, to: checked.to },
            ...(set.offeredInstitutionId ? { institutionId: set.offeredInstitutionId } : {}),
          },
        });
        return u;
      });
      return (await answer(db, actor, [row]))[0]!;
    },
  };
}
