/**
 * Monthly operating-subsidy claims (普惠托育运营补贴, issue 17, part 2). An institution builds its month's
 * claim from its attendance register: per class the child-months counted by the pure rule
 * (domain/operating/rules.ts, the district's minimum attended days) and the amount in force on the month's
 * 1st (null = 未设定, never guessed). Refused with a 400 naming the field, nothing written: a month with no
 * marks (`month`), named days without marks (`days`), an institution that is not inclusive and operating
 * (`institution`). One claim per institution per month (409), except that a claim returned for correction
 * is rebuilt in place. States: draft → submitted → approved / rejected (reason) / returned (reason).
 * Every read and write goes through the jurisdiction guard (another institution or town: 404); audited.
 */
import { and, asc, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import {
  OPERATING_REVIEW_WORKING_DAYS,
  type OperatingClaim,
  type OperatingClaimBody,
  type OperatingClaimDecisionBody,
  type OperatingClaimLine,
  type OperatingClaimStatus,
  type OperatingPaymentList,
  type OperatingReviewItem,
} from '../../../domain/contracts/operating.ts';
import { findDivision } from '../../../domain/divisions.ts';
import {
  childMonths,
  claimAmountFen,
  daysWithoutMarks,
  isEligible,
  type Mark,
} from '../../../domain/operating/rules.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { countWhere, type Page, type PageQuery, paged } from '../../platform/paging.ts';
import { reviewPage } from '../../platform/review-queue.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import './errors.ts';
import { createOperatingSettingsService } from './service.ts';
import { operatingAttendance, operatingClaims } from './tables.ts';

type ClaimRow = typeof operatingClaims.$inferSelect;

export const claimScope = {
  district: operatingClaims.districtCode,
  division: operatingClaims.townCode,
  institution: operatingClaims.institutionId,
};

/** The last day of a 'YYYY-MM' month. */
function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toClaim(r: ClaimRow, institutionName: string): OperatingClaim {
  return {
    id: r.id,
    institutionId: r.institutionId,
    institutionName,
    townCode: r.townCode,
    month: r.month,
    status: r.status,
    minAttendedDays: r.minAttendedDays,
    lines: r.lines,
    countedChildMonths: r.countedChildMonths,
    rateFen: r.rateFen,
    totalFen: r.totalFen,
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
  };
}

export function createClaimService({ db }: { db: Db }) {
  const settings = createOperatingSettingsService({ db });

  function select(tx: Db, actor: Actor, where: SQL | undefined) {
    return tx
      .select({ claim: operatingClaims, institutionName: institutions.name })
      .from(operatingClaims)
      .innerJoin(
        institutions,
        and(
          eq(institutions.districtCode, operatingClaims.districtCode),
          eq(institutions.id, operatingClaims.institutionId),
        ),
      )
      .where(and(scopeWhere(actor, claimScope), where))
      .orderBy(desc(operatingClaims.month), asc(institutions.name), asc(operatingClaims.id));
  }

  /** The claims in scope, a page at a time (month newest first, then institution name). */
  async function list(
    actor: Actor,
    q: PageQuery & { month?: string | undefined; status?: OperatingClaimStatus | undefined },
  ): Promise<Page<OperatingClaim>> {
    const where = and(
      q.month ? eq(operatingClaims.month, q.month) : undefined,
      q.status ? eq(operatingClaims.status, q.status) : undefined,
    );
    return paged(q, {
      rows: (limit, offset) => select(db, actor, where).limit(limit).offset(offset),
      count: () => countWhere(db, operatingClaims, and(scopeWhere(actor, claimScope), where)),
      map: (r) => toClaim(r.claim, r.institutionName),
    });
  }

  async function get(actor: Actor, id: string, tx: Db = db): Promise<OperatingClaim> {
    const [r] = await select(tx, actor, eq(operatingClaims.id, id));
    if (!r) throw new DomainError('operating.claim_not_found');
    return toClaim(r.claim, r.institutionName);
  }

  /** The claim row in scope, locked, or 404. */
  async function locked(tx: Db, actor: Actor, id: string): Promise<ClaimRow> {
    const [row] = await tx
      .select()
      .from(operatingClaims)
      .where(and(scopeWhere(actor, claimScope), eq(operatingClaims.id, id)))
      .for('update');
    if (!row) throw new DomainError('operating.claim_not_found');
    return row;
  }

  /** Compute a claim's figures from the register; 400 naming `month`/`days` when there is nothing to claim. */
  async function compute(tx: Db, actor: Actor, institutionId: string, body: OperatingClaimBody) {
    const { month } = body;
    const marks = await tx
      .select({
        childId: operatingAttendance.childId,
        day: operatingAttendance.day,
        classId: operatingAttendance.classId,
      })
      .from(operatingAttendance)
      .where(
        and(
          eq(operatingAttendance.districtCode, actor.districtCode),
          eq(operatingAttendance.institutionId, institutionId),
          gte(operatingAttendance.day, `${month}-01`),
          lte(operatingAttendance.day, lastDay(month)),
        ),
      );
    if (marks.length === 0)
      throw fieldError(
        'month',
        'has_attendance',
        `${month} 没有任何出勤登记，不能申报`,
        `There are no attendance marks in ${month}: nothing can be claimed`,
      );
    let used: (Mark & { classId: string })[] = marks;
    if (body.days !== undefined) {
      const outside = body.days.filter((d) => d.slice(0, 7) !== month);
      if (outside.length > 0)
        throw fieldError(
          'days',
          'in_month',
          `申报日期须在 ${month} 内：${outside.join('、')}`,
          `The days claimed must lie in ${month}: ${outside.join(', ')}`,
        );
      const missing = daysWithoutMarks(body.days, marks);
      if (missing.length > 0)
        throw fieldError(
          'days',
          'has_attendance',
          `以下日期没有出勤登记，不能申报：${missing.join('、')}`,
          `These days have no attendance marks and cannot be claimed: ${missing.join(', ')}`,
        );
      const named = new Set(body.days);
      used = marks.filter((m) => named.has(m.day));
    }
    // The rule of the claimed month, not today's: the minimum and the amount in force then.
    const minAttendedDays = await settings.minDaysForMonth(actor.districtCode, month, tx);
    const rate = await settings.amountForMonth(actor.districtCode, month, tx);
    const classes = await tx
      .select({ id: institutionClasses.id, name: institutionClasses.name })
      .from(institutionClasses)
      .where(
        and(
          eq(institutionClasses.districtCode, actor.districtCode),
          eq(institutionClasses.institutionId, institutionId),
        ),
      )
      .orderBy(asc(institutionClasses.name));
    const lines: OperatingClaimLine[] = [];
    for (const c of classes) {
      const cm = childMonths(
        used.filter((m) => m.classId === c.id),
        month,
        minAttendedDays,
      );
      if (cm.length === 0) continue;
      lines.push({
        classId: c.id,
        className: c.name,
        childrenMarked: cm.length,
        countedChildMonths: cm.filter((x) => x.counted).length,
      });
    }
    const counted = lines.reduce((n, l) => n + l.countedChildMonths, 0);
    return {
      minAttendedDays,
      lines,
      countedChildMonths: counted,
      rateFen: rate?.amountFen ?? null,
      totalFen: claimAmountFen(counted, rate),
    };
  }

  /** Build the institution's claim for a month (draft). A returned claim for the month is rebuilt in place. */
  async function build(ctx: RequestContext, actor: Actor, body: OperatingClaimBody): Promise<OperatingClaim> {
    const scope = actor.scope;
    if (scope?.kind !== 'institution') throw new DomainError('auth.forbidden');
    if (body.month > localDate(ctx.now).slice(0, 7))
      throw fieldError(
        'month',
        'not_future',
        '不能申报本月以后的月份',
        'A claim cannot be built for a month after this one',
      );
    return db.transaction(async (tx) => {
      const [inst] = await tx
        .select()
        .from(institutions)
        .where(and(scopeWhere(actor, institutionScope), eq(institutions.id, scope.institutionId)));
      if (!inst) throw new DomainError('operating.claim_not_found');
      if (!isEligible(inst))
        throw fieldError(
          'institution',
          'eligible',
          !inst.inclusive
            ? '本机构不是普惠性托育机构，不能申报运营补贴'
            : `本机构备案状态为“${inst.status}”，只有在办（operating）的普惠机构可以申报`,
          !inst.inclusive
            ? 'This institution is not inclusive (普惠): it cannot claim the operating subsidy'
            : `This institution's filing status is "${inst.status}": only operating inclusive institutions may claim`,
        );
      const figures = await compute(tx, actor, inst.id, body);
      const [existing] = await tx
        .select()
        .from(operatingClaims)
        .where(
          and(
            eq(operatingClaims.districtCode, actor.districtCode),
            eq(operatingClaims.institutionId, inst.id),
            eq(operatingClaims.month, body.month),
          ),
        )
        .for('update');
      if (existing && existing.status !== 'returned') throw new DomainError('operating.claim_exists');
      let id: string;
      if (existing) {
        id = existing.id;
        await tx
          .update(operatingClaims)
          .set({ ...figures, status: 'draft', townCode: inst.townCode })
          .where(and(eq(operatingClaims.districtCode, actor.districtCode), eq(operatingClaims.id, id)));
      } else {
        id = uuidv7(ctx.now.getTime());
        await tx.insert(operatingClaims).values({
          districtCode: actor.districtCode,
          id,
          institutionId: inst.id,
          townCode: inst.townCode,
          month: body.month,
          status: 'draft',
          ...figures,
          createdBy: actor.username,
          createdAt: ctx.now,
        });
      }
      await recordAudit(tx, ctx, {
        action: existing ? 'operating.claim_rebuild' : 'operating.claim_build',
        objectType: 'operating_claim',
        objectId: id,
        changes: {
          month: body.month,
          countedChildMonths: figures.countedChildMonths,
          totalFen: figures.totalFen,
          ...(body.days ? { days: body.days.length } : {}),
        },
      });
      return get(actor, id, tx);
    });
  }

  async function move(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    from: readonly OperatingClaimStatus[],
    to: OperatingClaimStatus,
    extra: Partial<typeof operatingClaims.$inferInsert>,
    reason?: string,
  ): Promise<OperatingClaim> {
    return db.transaction(async (tx) => {
      const row = await locked(tx, actor, id);
      if (!from.includes(row.status)) throw new DomainError('conflict.transition');
      await tx
        .update(operatingClaims)
        .set({ status: to, ...extra })
        .where(and(eq(operatingClaims.districtCode, row.districtCode), eq(operatingClaims.id, id)));
      await recordAudit(tx, ctx, {
        action: `operating.claim_${to}`,
        objectType: 'operating_claim',
        objectId: id,
        changes: { status: { from: row.status, to }, ...(reason ? { reason } : {}) },
      });
      return get(actor, id, tx);
    });
  }

  /** The institution submits its draft to the district. */
  function submit(ctx: RequestContext, actor: Actor, id: string): Promise<OperatingClaim> {
    return move(ctx, actor, id, ['draft'], 'submitted', { submittedAt: ctx.now, reason: null });
  }

  /** The district approves, rejects (reason) or returns (reason) a submitted claim. */
  async function decide(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    body: OperatingClaimDecisionBody,
  ): Promise<OperatingClaim> {
    const to = ({ approve: 'approved', reject: 'rejected', return: 'returned' } as const)[body.decision];
    if (body.decision === 'approve') {
      const c = await get(actor, id);
      if (c.status === 'submitted' && c.rateFen === null)
        throw fieldError(
          'decision',
          'amount_set',
          '该月补贴标准未设定，不能通过；请先录入标准，再退回机构重新生成',
          'No amount is set for that month: the claim cannot be approved; enter the amount, then return the claim to be rebuilt',
        );
    }
    return move(
      ctx,
      actor,
      id,
      ['submitted'],
      to,
      { decidedBy: actor.username, decidedAt: ctx.now, reason: body.reason ?? null },
      body.reason,
    );
  }

  /** The district's queue: submitted claims, oldest submission first, with working days waited. */
  async function reviewQueue(
    ctx: RequestContext,
    actor: Actor,
    q: PageQuery & { month?: string | undefined },
  ): Promise<Page<OperatingReviewItem>> {
    const where = and(
      scopeWhere(actor, claimScope),
      eq(operatingClaims.status, 'submitted'),
      q.month ? eq(operatingClaims.month, q.month) : undefined,
    );
    const page = await paged(q, {
      rows: (limit, offset) =>
        db
          .select({ claim: operatingClaims, institutionName: institutions.name })
          .from(operatingClaims)
          .innerJoin(
            institutions,
            and(
              eq(institutions.districtCode, operatingClaims.districtCode),
              eq(institutions.id, operatingClaims.institutionId),
            ),
          )
          .where(where)
          .orderBy(asc(operatingClaims.submittedAt), asc(operatingClaims.id))
          .limit(limit)
          .offset(offset),
      count: () => countWhere(db, operatingClaims, where),
    });
    const reviewer = actor.scope?.kind === 'division' && actor.scope.divisionCode === actor.districtCode;
    const timed = reviewPage(page, {
      now: ctx.now,
      deadlineWorkingDays: OPERATING_REVIEW_WORKING_DAYS,
      calendar: await getWorkCalendar(db, actor.districtCode),
      submittedAt: (r) => r.claim.submittedAt ?? r.claim.createdAt,
      permitted: (r): ('approve' | 'reject' | 'return')[] =>
        !reviewer ? [] : r.claim.rateFen === null ? ['reject', 'return'] : ['approve', 'reject', 'return'],
    });
    return {
      ...timed,
      items: timed.items.map(({ row, timing: { calendarCovered: _c, ...timing } }) => ({
        ...toClaim(row.claim, row.institutionName),
        ...timing,
      })),
    };
  }

  /** The month's payment list: approved claims with totals per town (the district's). */
  async function paymentList(actor: Actor, month: string): Promise<OperatingPaymentList> {
    const claims = (
      await select(db, actor, and(eq(operatingClaims.month, month), eq(operatingClaims.status, 'approved')))
    )
      .map((r) => toClaim(r.claim, r.institutionName))
      .sort((a, b) =>
        a.townCode !== b.townCode
          ? a.townCode < b.townCode
            ? -1
            : 1
          : a.institutionName.localeCompare(b.institutionName, 'zh-CN'),
      );
    const towns = new Map<string, OperatingPaymentList['towns'][number]>();
    for (const c of claims) {
      const t = towns.get(c.townCode) ?? {
        townCode: c.townCode,
        townName: findDivision(c.townCode)?.nameZh ?? c.townCode,
        claims: 0,
        countedChildMonths: 0,
        totalFen: 0,
      };
      t.claims += 1;
      t.countedChildMonths += c.countedChildMonths;
      t.totalFen += c.totalFen ?? 0;
      towns.set(c.townCode, t);
    }
    const list = [...towns.values()];
    return {
      month,
      claims,
      towns: list,
      countedChildMonths: list.reduce((n, t) => n + t.countedChildMonths, 0),
      totalFen: list.reduce((n, t) => n + t.totalFen, 0),
    };
  }

  return { list, get, build, submit, decide, reviewQueue, paymentList };
}
export type ClaimService = ReturnType<typeof createClaimService>;
