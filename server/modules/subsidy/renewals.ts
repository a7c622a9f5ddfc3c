/**
 * The yearly renewal of the childcare subsidy (年度复核, issue 17, ADR 0027). A district officer opens a
 * year: one open renewal for every approved application that needs one (domain/subsidy/renewal.ts),
 * idempotent — a second opening adds only what is new. The town officer of the child's hukou town
 * confirms each or stops it with a reason; the year's batch pays an application approved before the
 * year only once its renewal is confirmed (payableInYear, used by service.ts#createBatch). No public text
 * gives the procedure: a local choice. Every write is audited; the child is answered masked.
 */
import { and, asc, count, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldError } from '../../../domain/contracts/common.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import type {
  Renewal,
  RenewalAction,
  RenewalDecisionBody,
  renewalCountsQuery,
  renewalListQuery,
  renewalOpenBody,
} from '../../../domain/contracts/subsidy-renewal.ts';
import { needsRenewal } from '../../../domain/subsidy/renewal.ts';
import { renewalLifecycle } from '../../../domain/subsidy/renewal-lifecycle.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import { divisionInScope, scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { maskedOf, maskPersonal } from '../../platform/personal-data.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { renewalStates } from './renewal-states.ts';
import { applicationScope, childOf, subsidyValues } from './service.ts';
import { subsidyApplications, subsidyRenewals } from './tables.ts';

type Q<T extends z.ZodType> = z.infer<T>;
type RenewalRow = typeof subsidyRenewals.$inferSelect;

/** Renewals are the town's like their applications: scoped by the hukou town. */
export const renewalScope = { district: subsidyRenewals.districtCode, division: subsidyRenewals.townCode };

function permitted(actor: Actor, r: Pick<RenewalRow, 'state' | 'townCode'>): RenewalAction[] {
  const supervises = actor.scope?.kind === 'division' && divisionInScope(actor, r.townCode);
  return renewalLifecycle.permitted(r.state, supervises ? 'supervisor' : 'none', (p) =>
    roleMay(actor.role, p),
  );
}

export function createRenewalService({ db }: { db: Db }) {
  const joined = (where: SQL | undefined) =>
    db
      .select({
        r: subsidyRenewals,
        applicationNo: subsidyApplications.applicationNo,
        childName: subsidyApplications.childName,
        childIdNumber: subsidyApplications.childIdNumber,
      })
      .from(subsidyRenewals)
      .innerJoin(
        subsidyApplications,
        and(
          eq(subsidyApplications.districtCode, subsidyRenewals.districtCode),
          eq(subsidyApplications.id, subsidyRenewals.applicationId),
        ),
      )
      .where(where);
  type Joined = Awaited<ReturnType<typeof joined>>[number];
  const answer = (actor: Actor, x: Joined): Renewal => ({
    id: x.r.id,
    applicationId: x.r.applicationId,
    applicationNo: x.applicationNo,
    childName: maskPersonal('name', x.childName),
    childIdNumber: maskedOf('citizen_id', x.childIdNumber) ?? '',
    townCode: x.r.townCode,
    year: x.r.year,
    state: x.r.state,
    stopReason: x.r.stopReason,
    note: x.r.note,
    openedAt: x.r.openedAt.toISOString(),
    decidedAt: x.r.decidedAt?.toISOString() ?? null,
    permittedActions: permitted(actor, x.r),
    version: x.r.version,
  });

  async function getOne(actor: Actor, id: string): Promise<Renewal> {
    const [x] = await joined(and(scopeWhere(actor, renewalScope), eq(subsidyRenewals.id, id)));
    if (!x) throw new DomainError('not_found');
    return answer(actor, x);
  }

  return {
    /**
     * Open `year`'s renewals: one per approved application that needs one and has none for the year.
     * Not for an application whose renewal of an earlier year was stopped (the stop ended its payment).
     */
    async open(ctx: RequestContext, actor: Actor, body: Q<typeof renewalOpenBody>) {
      if (actor.scope?.kind !== 'division' || actor.scope.divisionCode !== actor.districtCode)
        throw new DomainError('auth.forbidden');
      const today = localDate(ctx.now);
      const thisYear = Number(today.slice(0, 4));
      if (body.year > thisYear + 1)
        throw fieldError(
          'year',
          'subsidy.renewal_year',
          `只能发起本年度或下一年度（${thisYear + 1}）的复核`,
          `Only this year's or next year's (${thisYear + 1}) renewals can be opened`,
        );
      const values = subsidyValues(actor.districtCode, today);
      return db.transaction(async (tx) => {
        // One opening of a district's year at a time (two would both insert; the unique index holds, but
        // the counts and the audit entry should describe one opening).
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`subsidy-renewal:${actor.districtCode}:${body.year}`}))`,
        );
        const apps = await tx
          .select()
          .from(subsidyApplications)
          .where(and(scopeWhere(actor, applicationScope), eq(subsidyApplications.status, 'approved')))
          .orderBy(asc(subsidyApplications.townCode), asc(subsidyApplications.id));
        const have = await renewalStates(tx, actor.districtCode, body.year);
        const stoppedBefore = new Set(
          (
            await tx
              .select({ applicationId: subsidyRenewals.applicationId })
              .from(subsidyRenewals)
              .where(
                and(
                  eq(subsidyRenewals.districtCode, actor.districtCode),
                  lt(subsidyRenewals.year, body.year),
                  eq(subsidyRenewals.state, 'stopped'),
                ),
              )
          ).map((r) => r.applicationId),
        );
        const due = apps.filter(
          (a) =>
            !have.has(a.id) &&
            !stoppedBefore.has(a.id) &&
            needsRenewal(
              { id: a.id, status: a.status, approvedAt: a.decidedOn, child: childOf(a) },
              values,
              body.year,
            ),
        );
        let opened = 0;
        const towns = new Map<string, number>();
        for (let i = 0; i < due.length; i += 1_000) {
          const rows = await tx
            .insert(subsidyRenewals)
            .values(
              due.slice(i, i + 1_000).map((a) => ({
                districtCode: actor.districtCode,
                id: uuidv7(ctx.now.getTime()),
                applicationId: a.id,
                year: body.year,
                townCode: a.townCode,
                state: 'open' as const,
                openedBy: actor.userId,
                openedAt: ctx.now,
                createdAt: ctx.now,
                updatedAt: ctx.now,
              })),
            )
            .onConflictDoNothing()
            .returning({ townCode: subsidyRenewals.townCode });
          opened += rows.length;
          for (const r of rows) towns.set(r.townCode, (towns.get(r.townCode) ?? 0) + 1);
        }
        if (opened > 0) {
          await recordAudit(tx, ctx, {
            action: 'subsidy.renewal_open',
            objectType: 'subsidy_renewal_year',
            objectId: String(body.year),
            changes: { year: body.year, opened, towns: Object.fromEntries(towns) },
          });
          for (const [townCode, n] of towns)
            await notifyRole(
              tx,
              {
                districtCode: actor.districtCode,
                role: 'town_officer',
                scope: { kind: 'division', divisionCode: townCode },
              },
              {
                kind: 'subsidy.renewal_open',
                titleZh: `${body.year} 年度育儿补贴复核已发起`,
                titleEn: `The ${body.year} childcare subsidy renewals are open`,
                bodyZh: `本街镇有 ${n} 名婴幼儿待年度复核；确认后方可发放该年度补贴。`,
                bodyEn: `${n} children of your town await the yearly renewal; the year is paid once confirmed.`,
                link: `/admin/subsidy/renewals?year=${body.year}&state=open`,
                dedupeKey: `subsidy-renewal-open:${body.year}:${townCode}`,
              },
              { now: ctx.now },
            );
        }
        return { year: body.year, opened, existing: have.size };
      });
    },

    async list(actor: Actor, q: Q<typeof renewalListQuery>) {
      const where = and(
        scopeWhere(actor, renewalScope),
        q.year ? eq(subsidyRenewals.year, q.year) : undefined,
        q.state ? eq(subsidyRenewals.state, q.state) : undefined,
        q.townCode ? eq(subsidyRenewals.townCode, q.townCode) : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          joined(where)
            .orderBy(
              sql`case when ${subsidyRenewals.state} = 'open' then 0 else 1 end`,
              asc(subsidyRenewals.townCode),
              asc(subsidyApplications.applicationNo),
              asc(subsidyRenewals.id),
            )
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, subsidyRenewals, where),
      });
      return { ...page, items: page.items.map((x) => answer(actor, x)) };
    },

    async counts(actor: Actor, q: Q<typeof renewalCountsQuery>) {
      const rows = await db
        .select({ state: subsidyRenewals.state, n: count() })
        .from(subsidyRenewals)
        .where(
          and(
            scopeWhere(actor, renewalScope),
            eq(subsidyRenewals.year, q.year),
            q.townCode ? eq(subsidyRenewals.townCode, q.townCode) : undefined,
          ),
        )
        .groupBy(subsidyRenewals.state);
      const n = (s: RenewalRow['state']) => Number(rows.find((r) => r.state === s)?.n ?? 0);
      return { year: q.year, open: n('open'), confirmed: n('confirmed'), stopped: n('stopped') };
    },

    get: getOne,

    /** The town confirms the renewal or stops it (a stop reason; a note for "other"). */
    async decide(ctx: RequestContext, actor: Actor, id: string, body: RenewalDecisionBody): Promise<Renewal> {
      const note = body.note?.trim() || null;
      await db.transaction(async (tx) => {
        const [r] = await tx
          .select()
          .from(subsidyRenewals)
          .where(and(scopeWhere(actor, renewalScope), eq(subsidyRenewals.id, id)))
          .for('update');
        if (!r) throw new DomainError('not_found');
        if (!permitted(actor, r).includes(body.action)) throw new DomainError('subsidy.renewal_not_allowed');
        const errors: FieldError[] = [];
        if (body.action === 'stop' && !body.stopReason)
          errors.push({
            field: 'stopReason',
            rule: 'required',
            message_zh: '停发须选择停发事由（死亡、出国定居、户籍迁出或其他）',
            message_en: 'A stop needs its reason (death, emigration, hukou moved or other)',
          });
        if (body.action === 'stop' && body.stopReason === 'other' && !note)
          errors.push({
            field: 'note',
            rule: 'required',
            message_zh: '停发事由为“其他”时须说明情况',
            message_en: 'A stop for another reason needs a note saying what it is',
          });
        if (body.action === 'confirm' && body.stopReason)
          errors.push({
            field: 'stopReason',
            rule: 'subsidy.renewal_confirm_reason',
            message_zh: '确认续发不填写停发事由',
            message_en: 'A confirmation takes no stop reason',
          });
        throwIfErrors(errors);
        const to = renewalLifecycle.transitions[body.action].to;
        await updateVersioned(
          tx,
          subsidyRenewals,
          r,
          body.version,
          {
            state: to,
            stopReason: body.action === 'stop' ? body.stopReason! : null,
            note,
            decidedBy: actor.userId,
            decidedAt: ctx.now,
          },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: `subsidy.renewal_${body.action}`,
          objectType: 'subsidy_renewal',
          objectId: r.id,
          changes: {
            application: r.applicationId,
            year: r.year,
            from: r.state,
            to,
            stopReason: body.action === 'stop' ? body.stopReason : null,
          },
        });
      });
      return getOne(actor, id);
    },
  };
}
