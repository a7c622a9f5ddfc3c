/**
 * Guardians' rights (issue 11; PIPL 第四十五–四十七条, 《儿童个人信息网络保护规定》 第十九–二十条).
 *
 * Export: a parent downloads their family's data — guardians, children, consents, visits, bookings,
 * applications and their own requests — as JSON, and prints the same data from the portal. Personal
 * numbers (ID numbers, mobiles) are MASKED in the export, as everywhere else: showing them in clear
 * would go through the kit's reveal rule (server/platform/reveal.ts: a stated purpose, a permission,
 * an audit entry per number), and a parent's export is not a purpose the kit knows; the parent knows
 * their own numbers, and a correction request names a wrong one. The export is audited
 * (`families.export`, counts only).
 *
 * Requests: a parent asks for a correction or a deletion; the due date is the 15th working day after
 * the submission date on the district's calendar (getWorkCalendar + addWorkingDays). When the calendar
 * does not cover those days yet, the request is still accepted (a right is not refused for a missing
 * calendar year) with `due_on` NULL and `calendarCovered: false`; reads retry with the calendar of the
 * time, so the due date appears once the district confirms the year. District officers and the
 * officers of the family's town handle requests (lifecycle: domain/families/lifecycle.ts); completing a
 * deletion anonymises the family with the retention job's function (retention.ts). Officers are
 * notified on submission, the parent on completion or rejection.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateFamilyRequestBody,
  FamilyRequest,
  FamilyRequestAction,
  familyRequestListQuery,
  familyRequestTransitionBody,
  GuidanceHistory,
} from '../../../domain/contracts/families.ts';
import type { FamilyFullExport } from '../../../domain/contracts/families-online.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import { familyRequestLifecycle } from '../../../domain/families/lifecycle.ts';
import { addWorkingDays, type WorkCalendar } from '../../../domain/rules/workdays.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { divisionInScope, scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { createApplicationsService } from './applications.ts';
import { createGuidanceService } from './guidance.ts';
import { createOnlineService } from './online.ts';
import './errors.ts';
import { createHourlyService } from './hourly.ts';
import * as repo from './repository.ts';
import { anonymiseFamilies } from './retention.ts';
import { createFamiliesService } from './service.ts';
import { familyGuardians, familyRequests, familySessionSignups, familySessions } from './tables.ts';

type Q<T extends z.ZodType> = z.infer<T>;
type RequestRow = typeof familyRequests.$inferSelect;

/** Working days a request is handled within (issue 11). */
export const REQUEST_DEADLINE_WORKING_DAYS = 15;

export const requestScope = {
  district: familyRequests.districtCode,
  division: familyRequests.townCode,
  family: familyRequests.familyId,
};

/** The due date, or null when the calendar does not cover the 15 working days (never a guess). */
export function requestDueOn(submittedOn: string, cal: WorkCalendar): string | null {
  const due = addWorkingDays(submittedOn, REQUEST_DEADLINE_WORKING_DAYS, cal);
  return due.ok ? due.date : null;
}

function relationOf(actor: Actor, r: RequestRow): 'supervisor' | 'none' {
  return actor.scope?.kind === 'division' && divisionInScope(actor, r.townCode) ? 'supervisor' : 'none';
}

export function createRightsService({ db }: { db: Db }) {
  const families = createFamiliesService({ db });
  const guidance = createGuidanceService({ db });
  const online = createOnlineService({ db });
  const hourly = createHourlyService({ db });
  const apps = createApplicationsService({ db });

  async function answer(ctx: RequestContext, actor: Actor, rows: RequestRow[]): Promise<FamilyRequest[]> {
    if (rows.length === 0) return [];
    const districtCode = rows[0]!.districtCode;
    const today = localDate(ctx.now);
    const cal = await getWorkCalendar(db, districtCode);
    const guardians = await db
      .select({ id: familyGuardians.id, name: familyGuardians.guardianName })
      .from(familyGuardians)
      .where(
        and(
          eq(familyGuardians.districtCode, districtCode),
          inArray(familyGuardians.id, [...new Set(rows.map((r) => r.guardianId))]),
        ),
      );
    const guardianName = new Map(guardians.map((g) => [g.id, g.name]));
    const communityName = await repo.communityNamesOf(
      db,
      districtCode,
      rows.map((r) => r.familyId),
    );
    return rows.map((r) => {
      const dueOn = r.dueOn ?? requestDueOn(r.submittedOn, cal);
      const relation = relationOf(actor, r);
      return {
        id: r.id,
        familyId: r.familyId,
        townCode: r.townCode,
        communityName: communityName.get(r.familyId) ?? '',
        kind: r.kind,
        guardianId: r.guardianId,
        guardianName: guardianName.get(r.guardianId) ?? '',
        field: r.field,
        text: r.detail,
        status: r.status,
        submittedOn: r.submittedOn,
        dueOn,
        calendarCovered: dueOn !== null,
        overdue: r.status === 'submitted' && dueOn !== null && today > dueOn,
        resolution: r.resolution,
        handledAt: r.handledAt?.toISOString() ?? null,
        permittedActions: familyRequestLifecycle.permitted(r.status, relation, (p) =>
          roleMay(actor.role, p),
        ) as FamilyRequestAction[],
        version: r.version,
      };
    });
  }

  return {
    /** The family's data for its parent (masked numbers; see the header); 404 for another family. */
    async exportFamily(ctx: RequestContext, actor: Actor, familyId: string): Promise<FamilyFullExport> {
      if (actor.scope?.kind !== 'family') throw new DomainError('not_found');
      const family = await families.get(ctx, actor, familyId);
      const [bookings, applications, requests] = await Promise.all([
        hourly.bookings(ctx, actor),
        apps.list(ctx, actor, { page: 1, pageSize: 100 }),
        db
          .select()
          .from(familyRequests)
          .where(and(scopeWhere(actor, requestScope), eq(familyRequests.familyId, family.id)))
          .orderBy(asc(familyRequests.createdAt)),
      ]);
      // Guidance sign-ups of every year the family took part in (the history answers one year at a time).
      const years = await db
        .selectDistinct({
          year: sql<number>`extract(year from ${familySessions.startsAt} at time zone 'Asia/Shanghai')::int`,
        })
        .from(familySessionSignups)
        .innerJoin(familySessions, repo.SIGNUP_SESSION)
        .where(
          and(
            eq(familySessionSignups.districtCode, actor.districtCode),
            eq(familySessionSignups.familyId, family.id),
          ),
        )
        .orderBy(sql`1`);
      const guidanceYears: GuidanceHistory[] = [];
      for (const { year } of years) guidanceYears.push(await guidance.history(ctx, actor, { year }));
      // Online registrations and handbook / resource-pack distributions (the parent's scope: their family).
      const onlineRegistrations = (
        await online.listRegistrations(actor, { page: 1, pageSize: 100, familyId: family.id })
      ).items;
      const distributions = (
        await online.listDistributions(actor, { page: 1, pageSize: 100, familyId: family.id })
      ).items;
      await db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'families.export',
          objectType: 'family',
          objectId: family.id,
          changes: {
            children: family.children.length,
            guardians: family.guardians.length,
            visits: family.visits.length,
            bookings: bookings.items.length,
            applications: applications.items.length,
            requests: requests.length,
            guidanceSignups: guidanceYears.reduce((n, y) => n + y.items.length, 0),
            onlineRegistrations: onlineRegistrations.length,
            distributions: distributions.length,
          },
        }),
      );
      return {
        exportedAt: ctx.now.toISOString(),
        masked: true,
        family,
        bookings: bookings.items.filter((b) => b.familyId === family.id),
        applications: applications.items.filter((a) => a.familyId === family.id),
        requests: await answer(ctx, actor, requests),
        guidance: guidanceYears,
        onlineRegistrations,
        distributions,
      };
    },

    /** A parent's correction or deletion request for their own family. */
    async submit(ctx: RequestContext, actor: Actor, body: CreateFamilyRequestBody): Promise<FamilyRequest> {
      if (actor.scope?.kind !== 'family') throw new DomainError('auth.forbidden');
      const familyId = actor.scope.familyId;
      const text = body.text?.trim() ?? '';
      if (body.kind === 'correction' && !body.field)
        throw fieldError('field', 'required', '请选择要更正的信息项', 'Choose which item is to be corrected');
      if (body.kind === 'correction' && text === '')
        throw fieldError(
          'text',
          'required',
          '请填写更正内容（正确的信息是什么）',
          'Write the correction (what the right information is)',
        );
      const today = localDate(ctx.now);
      const dueOn = requestDueOn(today, await getWorkCalendar(db, actor.districtCode));
      const row = await db.transaction(async (tx) => {
        const f = await repo.getFamily(tx, actor, familyId, true);
        if (f.anonymisedAt) throw new DomainError('families.anonymised');
        const [g] = await tx
          .select({ id: familyGuardians.id })
          .from(familyGuardians)
          .where(
            and(
              eq(familyGuardians.districtCode, f.districtCode),
              eq(familyGuardians.familyId, f.id),
              eq(familyGuardians.id, body.guardianId),
            ),
          );
        if (!g)
          throw fieldError(
            'guardianId',
            'not_your_family',
            '该监护人不属于您的家庭',
            'This guardian is not of your family',
          );
        const [r] = await tx
          .insert(familyRequests)
          .values({
            districtCode: f.districtCode,
            id: uuidv7(ctx.now.getTime()),
            familyId: f.id,
            townCode: f.townCode,
            guardianId: g.id,
            requestedBy: actor.userId,
            kind: body.kind,
            field: body.kind === 'correction' ? (body.field ?? null) : null,
            detail: text === '' ? null : text,
            status: 'submitted',
            submittedOn: today,
            dueOn,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        // The text may hold personal data: the audit trail keeps the kind, the field and the dates only.
        await recordAudit(tx, ctx, {
          action: 'families.request_submit',
          objectType: 'family_request',
          objectId: r!.id,
          changes: { kind: r!.kind, field: r!.field, submittedOn: today, dueOn },
        });
        const kindZh = body.kind === 'correction' ? '更正' : '删除';
        const message = {
          kind: 'families.request_submitted',
          titleZh: `家长提出个人信息${kindZh}申请`,
          titleEn: `A parent asks for a ${body.kind} of personal data`,
          bodyZh: dueOn
            ? `请于 ${dueOn} 前（15 个工作日内）办理。`
            : '节假日日历尚未覆盖办理期限，请尽快确认下一年度日历并在 15 个工作日内办理。',
          bodyEn: dueOn
            ? `Handle it by ${dueOn} (15 working days).`
            : 'The holiday calendar does not cover the deadline yet: confirm next year and handle it within 15 working days.',
          link: '/admin/families/requests',
          dedupeKey: `family-request:${r!.id}`,
        };
        for (const role of ['district_officer', 'town_officer'] as const)
          await notifyRole(
            tx,
            {
              districtCode: f.districtCode,
              role,
              scope: { kind: 'division', divisionCode: f.townCode },
            },
            message,
            { now: ctx.now },
          );
        return r!;
      });
      return (await answer(ctx, actor, [row]))[0]!;
    },

    async list(ctx: RequestContext, actor: Actor, q: Q<typeof familyRequestListQuery>) {
      const today = localDate(ctx.now);
      const conds: (SQL | undefined)[] = [scopeWhere(actor, requestScope)];
      if (q.status) conds.push(eq(familyRequests.status, q.status));
      // Overdue as stored; a request without a stored due date is computed on answer (`overdue`).
      if (q.overdue === 'true')
        conds.push(eq(familyRequests.status, 'submitted'), sql`${familyRequests.dueOn} < ${today}`);
      const where = and(...conds);
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(familyRequests)
            .where(where)
            .orderBy(
              sql`case when ${familyRequests.status} = 'submitted' then 0 else 1 end`,
              asc(familyRequests.dueOn),
              desc(familyRequests.createdAt),
              asc(familyRequests.id),
            )
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familyRequests, where),
      });
      return { ...page, items: await answer(ctx, actor, page.items) };
    },

    /** An officer completes (a deletion anonymises the family) or rejects (with a reason) a request. */
    async transition(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: Q<typeof familyRequestTransitionBody>,
    ): Promise<FamilyRequest> {
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .select()
          .from(familyRequests)
          .where(and(scopeWhere(actor, requestScope), eq(familyRequests.id, id)))
          .for('update');
        if (!r) throw new DomainError('not_found');
        const relation = relationOf(actor, r);
        if (!familyRequestLifecycle.allows(body.action, relation, (p) => roleMay(actor.role, p)))
          throw new DomainError(relation === 'none' ? 'not_found' : 'auth.forbidden');
        const checked = familyRequestLifecycle.check(r.status, body.action, body.reason);
        if (!checked.ok) {
          if (checked.reason === 'transition.reason_required')
            throw fieldError('reason', 'required', '不予办理须填写理由', 'A rejection needs a reason');
          throw new DomainError('families.request_handled');
        }
        const [u] = await tx
          .update(familyRequests)
          .set({
            status: checked.to,
            resolution: body.reason ?? null,
            handledBy: actor.userId,
            handledAt: ctx.now,
            updatedAt: ctx.now,
            version: r.version + 1,
          })
          .where(
            and(
              eq(familyRequests.districtCode, r.districtCode),
              eq(familyRequests.id, r.id),
              eq(familyRequests.version, body.version),
            ),
          )
          .returning();
        if (!u) throw new DomainError('conflict.stale_version');
        const anonymised =
          r.kind === 'deletion' && body.action === 'complete'
            ? await anonymiseFamilies(tx, r.districtCode, [r.familyId], ctx.now)
            : null;
        await recordAudit(tx, ctx, {
          action: `families.request_${body.action}`,
          objectType: 'family_request',
          objectId: r.id,
          changes: {
            status: { from: r.status, to: checked.to },
            kind: r.kind,
            ...(body.reason ? { reason: body.reason } : {}),
            ...(anonymised ? { anonymised } : {}),
          },
        });
        const done = checked.to === 'done';
        await notifyRole(
          tx,
          { districtCode: r.districtCode, role: 'parent', scope: { kind: 'family', familyId: r.familyId } },
          {
            kind: 'families.request_handled',
            titleZh: done ? '您的个人信息申请已办结' : '您的个人信息申请未予办理',
            titleEn: done ? 'Your personal-data request is done' : 'Your personal-data request was rejected',
            bodyZh: done
              ? r.kind === 'deletion'
                ? '您家庭的个人信息已删除（匿名化）。'
                : '您申请更正的信息已处理。'
              : `理由：${body.reason ?? ''}`,
            bodyEn: done
              ? r.kind === 'deletion'
                ? "Your family's personal data has been deleted (anonymised)."
                : 'The correction you asked for has been made.'
              : `Reason: ${body.reason ?? ''}`,
            link: '/family/rights',
            dedupeKey: `family-request-handled:${r.id}`,
          },
          { now: ctx.now },
        );
        if (!anonymised) return u;
        // The anonymisation cleared the request's own text too: answer what is stored now.
        const [after] = await tx
          .select()
          .from(familyRequests)
          .where(and(eq(familyRequests.districtCode, r.districtCode), eq(familyRequests.id, r.id)));
        return after!;
      });
      return (await answer(ctx, actor, [row]))[0]!;
    },
  };
}
