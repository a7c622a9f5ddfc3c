/**
 * Childcare subsidy casework (育儿补贴, issue 17). Applications arrive from the national system (the
 * import, import.ts); the town of the child's hukou checks each within the pack's working days (30,
 * on the district's calendar: `dueOn` NULL and flagged while the calendar does not cover them — never
 * a guess); approved children's months (domain/subsidy/rules.ts) are paid in batches the district
 * builds for the finance bureau (at least quarterly), with totals per town and an XLSX; the bank's
 * returns put the months back as due, and a corrected account takes them in the next batch. A stop
 * (death, emigration, hukou moved) ends the months due from its month. Every write is audited; the
 * ID numbers, the mobile and the bank account are sealed and answered masked.
 */
import { and, asc, desc, eq, inArray, like, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type {
  Batch,
  BatchStatus,
  batchLineQuery,
  batchTransitionBody,
  createBatchBody,
  MySubsidy,
  SubsidyAction,
  SubsidyApplication,
  SubsidyApplicationBody,
  SubsidyDecisionBody,
  subsidyAccountBody,
  subsidyListQuery,
} from '../../../domain/contracts/subsidy.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { resolvePolicy } from '../../../domain/policy/resolve.ts';
import { normalizeMobile, validateCitizenId } from '../../../domain/rules/ids.ts';
import { toFieldError } from '../../../domain/rules/reasons.ts';
import { addWorkingDays, type WorkCalendar } from '../../../domain/rules/workdays.ts';
import { payableInYear } from '../../../domain/subsidy/renewal.ts';
import {
  amountFor,
  checkBankAccount,
  checkChild,
  dueSpan,
  monthOf,
  monthRange,
  monthsDue,
  type SubsidyValues,
  totalsByTown,
} from '../../../domain/subsidy/rules.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import { divisionInScope, scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { indexCandidates, maskedOf, protect, sealValue } from '../../platform/personal-data.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { familyChildren } from '../families/tables.ts';
import './errors.ts';
import { renewalStates, renewalsOfApplications } from './renewal-states.ts';
import { subsidyApplications, subsidyBatches, subsidyBatchLines } from './tables.ts';

type Q<T extends z.ZodType> = z.infer<T>;
type AppRow = typeof subsidyApplications.$inferSelect;
type BatchRow = typeof subsidyBatches.$inferSelect;
type Tx = Db;

export const applicationScope = {
  district: subsidyApplications.districtCode,
  division: subsidyApplications.townCode,
  family: subsidyApplications.familyId,
};
/** Batches are the district's: only an account with the whole district in scope reaches them. */
const batchScope = { district: subsidyBatches.districtCode };

export interface ResolvedSubsidy extends SubsidyValues {
  reviewWorkingDays: number;
  minBatchesPerYear: number;
  localHukouOnly: boolean;
  /** The packs the values come from and whether any is unverified (shown beside every figure). */
  source: string;
  unverified: boolean;
}

/** The subsidy values in force for a district on a date, or 409 subsidy.no_rules. */
export function subsidyValues(districtCode: string, onDate: string): ResolvedSubsidy {
  const r = resolvePolicy(districtCode, onDate);
  const v = r.ok ? r.values.childcareSubsidy : undefined;
  if (!r.ok || !v) throw new DomainError('subsidy.no_rules');
  const keys = Object.keys(r.sources).filter((k) => k.startsWith('childcareSubsidy.'));
  const packs = [...new Set(keys.map((k) => `${r.sources[k]!.title}`))];
  return {
    ...v,
    source: packs.map((t) => `《${t}》`).join('、'),
    unverified: keys.some((k) => r.unverified.includes(k)),
  };
}

/** The review deadline, or null when the calendar does not cover the working days. */
export function reviewDueOn(appliedOn: string, days: number, cal: WorkCalendar): string | null {
  const due = addWorkingDays(appliedOn, days, cal);
  return due.ok ? due.date : null;
}

/** What the checks of one application need besides the row itself. */
export interface CheckContext {
  today: string;
  values: ResolvedSubsidy;
  districtCode: string;
  /** Whether a town lies in the caller's scope. */
  townInScope: (townCode: string) => boolean;
}

/** Field errors of one application (none = it can be recorded). Pure given the context. */
export function checkApplication(b: SubsidyApplicationBody, c: CheckContext): FieldError[] {
  const errors: FieldError[] = [];
  const push = (f: { field: string; rule: string; zh: string; en: string } | null) => {
    if (f) errors.push({ field: f.field, rule: f.rule, message_zh: f.zh, message_en: f.en });
  };
  const id = validateCitizenId(b.childIdNumber, c.today);
  if (!id.ok) errors.push(toFieldError({ reason: id.reason }, 'childIdNumber'));
  else if (id.birthDate !== b.childBirthDate)
    push({
      field: 'childBirthDate',
      rule: 'birth.id_mismatch',
      zh: '出生日期与身份证号码中的出生日期不一致',
      en: 'The birth date differs from the one in the ID number',
    });
  push(checkChild({ birthDate: b.childBirthDate, adoptedOn: b.adoptedOn ?? null }, c.values, c.today));
  if (c.values.localHukouOnly && !b.localHukou)
    push({
      field: 'localHukou',
      rule: 'subsidy.local_hukou',
      zh: `本市育儿补贴对象为本市户籍婴幼儿（${c.values.source}）`,
      en: `Only children with a hukou of the city are eligible here (${c.values.source})`,
    });
  const town = findDivision(b.hukouTownCode);
  if (town?.level !== 'town' || !b.hukouTownCode.startsWith(c.districtCode))
    push({
      field: 'hukouTownCode',
      rule: 'division.unknown_town',
      zh: '户籍街镇代码不是本区的街镇',
      en: 'The hukou town code is not a town of this district',
    });
  else if (!c.townInScope(b.hukouTownCode))
    push({
      field: 'hukouTownCode',
      rule: 'scope.out_of_scope',
      zh: '该街镇不在您的管辖范围内',
      en: 'This town is outside your jurisdiction',
    });
  if (!normalizeMobile(b.applicantMobile).ok)
    push({
      field: 'applicantMobile',
      rule: 'mobile.invalid',
      zh: '手机号码应为 11 位，以 1 开头',
      en: 'A mobile number has 11 digits starting with 1',
    });
  push(checkBankAccount(b.accountKind, b.bankAccount));
  if (b.appliedOn > c.today)
    push({
      field: 'appliedOn',
      rule: 'date.future',
      zh: '申请日期晚于今天',
      en: 'The application date is in the future',
    });
  else if (b.appliedOn < c.values.firstMonth)
    push({
      field: 'appliedOn',
      rule: 'subsidy.before_scheme',
      zh: `申请日期早于补贴制度起始日（${c.values.firstMonth}）`,
      en: `The application date is before the scheme began (${c.values.firstMonth})`,
    });
  for (const [field, d] of [
    ['adoptedOn', b.adoptedOn],
    ['hukouFrom', b.hukouFrom],
  ] as const)
    if (d && d > c.today)
      push({ field, rule: 'date.future', zh: '日期晚于今天', en: 'The date is in the future' });
  return errors;
}

export const duplicateChildError = (no: string): FieldError => ({
  field: 'childIdNumber',
  rule: 'subsidy.duplicate_child',
  message_zh: `该婴幼儿已有育儿补贴申请（编号 ${no}），一孩只受理一份申请`,
  message_en: `This child has an application already (no. ${no}); one application a child`,
});

/**
 * Record one application (the import's row writer, in the caller's transaction). The caller has
 * checked it; the unique indexes (application number, child) are the last word under concurrency.
 */
export async function recordApplication(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  b: SubsidyApplicationBody,
  values: ResolvedSubsidy,
  cal: WorkCalendar,
): Promise<AppRow | null> {
  const child = protect('citizen_id', b.childIdNumber);
  const [family] = await tx
    .select({ familyId: familyChildren.familyId })
    .from(familyChildren)
    .where(
      and(
        eq(familyChildren.districtCode, actor.districtCode),
        inArray(familyChildren.idNumberBidx, indexCandidates('citizen_id', b.childIdNumber)),
      ),
    );
  const dueOn = reviewDueOn(b.appliedOn, values.reviewWorkingDays, cal);
  const [row] = await tx
    .insert(subsidyApplications)
    .values({
      districtCode: actor.districtCode,
      id: uuidv7(ctx.now.getTime()),
      applicationNo: b.applicationNo.trim(),
      childName: b.childName,
      childIdNumber: child.sealed,
      childIdBidx: child.index,
      childBirthDate: b.childBirthDate,
      townCode: b.hukouTownCode,
      localHukou: b.localHukou,
      adoptedOn: b.adoptedOn ?? null,
      hukouFrom: b.hukouFrom ?? null,
      applicantName: b.applicantName,
      applicantRelation: b.applicantRelation,
      applicantMobile: sealValue('phone', b.applicantMobile),
      bankName: b.bankName,
      accountKind: b.accountKind,
      bankAccount: sealValue('bank_account', b.bankAccount),
      appliedOn: b.appliedOn,
      dueOn,
      status: 'submitted',
      familyId: family?.familyId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await recordAudit(tx, ctx, {
    action: 'subsidy.receive',
    objectType: 'subsidy_application',
    objectId: row.id,
    changes: { applicationNo: row.applicationNo, townCode: row.townCode, appliedOn: row.appliedOn, dueOn },
  });
  return row;
}

interface Paid {
  months: number;
  amount: number;
  /** Months in lines not returned (paid, or pending in a batch). */
  covered: Set<string>;
}

async function paidOf(db: Db, districtCode: string, ids: string[]): Promise<Map<string, Paid>> {
  const out = new Map<string, Paid>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      applicationId: subsidyBatchLines.applicationId,
      fromMonth: subsidyBatchLines.fromMonth,
      toMonth: subsidyBatchLines.toMonth,
      months: subsidyBatchLines.months,
      amount: subsidyBatchLines.amount,
    })
    .from(subsidyBatchLines)
    .where(
      and(
        eq(subsidyBatchLines.districtCode, districtCode),
        inArray(subsidyBatchLines.applicationId, ids),
        ne(subsidyBatchLines.status, 'returned'),
      ),
    );
  for (const r of rows) {
    const p = out.get(r.applicationId) ?? { months: 0, amount: 0, covered: new Set<string>() };
    p.months += r.months;
    p.amount += r.amount;
    for (const m of monthRange(r.fromMonth, r.toMonth)) p.covered.add(m);
    out.set(r.applicationId, p);
  }
  return out;
}

export const childOf = (r: Pick<AppRow, 'childBirthDate' | 'adoptedOn' | 'hukouFrom' | 'endsOn'>) => ({
  birthDate: r.childBirthDate,
  adoptedOn: r.adoptedOn,
  hukouFrom: r.hukouFrom,
  endsOn: r.endsOn,
});

function relationOf(actor: Actor, r: AppRow): 'reviewer' | 'none' {
  return actor.scope?.kind === 'division' && divisionInScope(actor, r.townCode) ? 'reviewer' : 'none';
}

function permitted(actor: Actor, r: AppRow): SubsidyAction[] {
  if (relationOf(actor, r) !== 'reviewer' || !['district_officer', 'town_officer'].includes(actor.role ?? ''))
    return [];
  if (r.status === 'submitted') return ['approve', 'reject'];
  if (r.status === 'approved') return ['stop'];
  return [];
}

/** Contiguous runs of sorted months (one payment line each). */
export function runsOf(months: string[]): { from: string; to: string; n: number }[] {
  const out: { from: string; to: string; n: number }[] = [];
  for (const m of months) {
    const last = out.at(-1);
    if (last && monthRange(last.to, m).length === 2) {
      last.to = m;
      last.n += 1;
    } else out.push({ from: m, to: m, n: 1 });
  }
  return out;
}

export function createSubsidyService({ db }: { db: Db }) {
  async function answer(ctx: RequestContext, actor: Actor, rows: AppRow[]): Promise<SubsidyApplication[]> {
    if (rows.length === 0) return [];
    const today = localDate(ctx.now);
    const values = subsidyValues(actor.districtCode, today);
    const cal = await getWorkCalendar(db, actor.districtCode);
    const paid = await paidOf(
      db,
      actor.districtCode,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const dueOn = r.dueOn ?? reviewDueOn(r.appliedOn, values.reviewWorkingDays, cal);
      const span = r.status === 'rejected' ? null : dueSpan(childOf(r), values);
      const p = paid.get(r.id);
      return {
        id: r.id,
        applicationNo: r.applicationNo,
        childName: r.childName,
        childIdNumber: maskedOf('citizen_id', r.childIdNumber) ?? '',
        childBirthDate: r.childBirthDate,
        townCode: r.townCode,
        localHukou: r.localHukou,
        adoptedOn: r.adoptedOn,
        hukouFrom: r.hukouFrom,
        applicantName: r.applicantName,
        applicantRelation: r.applicantRelation,
        applicantMobile: maskedOf('phone', r.applicantMobile) ?? '',
        bankName: r.bankName,
        accountKind: r.accountKind,
        bankAccount: maskedOf('bank_account', r.bankAccount) ?? '',
        appliedOn: r.appliedOn,
        dueOn,
        calendarCovered: dueOn !== null,
        overdue: r.status === 'submitted' && dueOn !== null && today > dueOn,
        status: r.status,
        decidedOn: r.decidedOn,
        reviewedInTime: r.decidedOn && dueOn ? r.decidedOn <= dueOn : null,
        reason: r.reason,
        endsOn: r.endsOn,
        endReason: r.endReason,
        dueFrom: span?.from ?? null,
        dueTo: span?.to ?? null,
        monthsDue: span ? monthRange(span.from, span.to).length : 0,
        monthsPaid: p?.months ?? 0,
        amountPaid: p?.amount ?? 0,
        familyLinked: r.familyId !== null,
        permittedActions: permitted(actor, r),
        version: r.version,
      };
    });
  }

  async function getRow(tx: Db, actor: Actor, id: string, forUpdate = false): Promise<AppRow> {
    const q = tx
      .select()
      .from(subsidyApplications)
      .where(and(scopeWhere(actor, applicationScope), eq(subsidyApplications.id, id)));
    const [r] = forUpdate ? await q.for('update') : await q;
    if (!r) throw new DomainError('not_found');
    return r;
  }

  async function answerBatches(actor: Actor, rows: BatchRow[]): Promise<Batch[]> {
    if (rows.length === 0) return [];
    const lines = await db
      .select({
        batchId: subsidyBatchLines.batchId,
        applicationId: subsidyBatchLines.applicationId,
        townCode: subsidyBatchLines.townCode,
        months: subsidyBatchLines.months,
        amount: subsidyBatchLines.amount,
        status: subsidyBatchLines.status,
      })
      .from(subsidyBatchLines)
      .where(
        and(
          eq(subsidyBatchLines.districtCode, actor.districtCode),
          inArray(
            subsidyBatchLines.batchId,
            rows.map((b) => b.id),
          ),
        ),
      );
    return rows.map((b) => {
      const mine = lines.filter((l) => l.batchId === b.id);
      const kept = mine.filter((l) => l.status !== 'returned');
      const t = totalsByTown(kept);
      const actions: Batch['permittedActions'] =
        b.status === 'draft' ? ['submit'] : b.status === 'submitted' ? ['mark_paid'] : [];
      return {
        id: b.id,
        year: b.year,
        through: b.throughMonth,
        status: b.status,
        createdAt: b.createdAt.toISOString(),
        submittedAt: b.submittedAt?.toISOString() ?? null,
        paidAt: b.paidAt?.toISOString() ?? null,
        children: t.children,
        months: t.months,
        amount: t.amount,
        returned: mine.length - kept.length,
        towns: t.towns,
        permittedActions: actions,
        version: b.version,
      };
    });
  }

  return {
    values: (districtCode: string, today: string) => subsidyValues(districtCode, today),

    async list(ctx: RequestContext, actor: Actor, q: Q<typeof subsidyListQuery>) {
      const today = localDate(ctx.now);
      const conds: (SQL | undefined)[] = [scopeWhere(actor, applicationScope)];
      if (q.status) conds.push(eq(subsidyApplications.status, q.status));
      if (q.townCode) conds.push(eq(subsidyApplications.townCode, q.townCode));
      if (q.q) conds.push(like(subsidyApplications.applicationNo, `${q.q.replace(/[\\%_]/g, '\\$&')}%`));
      if (q.overdue === 'true')
        conds.push(eq(subsidyApplications.status, 'submitted'), sql`${subsidyApplications.dueOn} < ${today}`);
      const where = and(...conds);
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(subsidyApplications)
            .where(where)
            .orderBy(
              sql`case when ${subsidyApplications.status} = 'submitted' then 0 else 1 end`,
              asc(subsidyApplications.dueOn),
              desc(subsidyApplications.appliedOn),
              asc(subsidyApplications.id),
            )
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, subsidyApplications, where),
      });
      return { ...page, items: await answer(ctx, actor, page.items) };
    },

    async get(ctx: RequestContext, actor: Actor, id: string): Promise<SubsidyApplication> {
      return (await answer(ctx, actor, [await getRow(db, actor, id)]))[0]!;
    },

    /** The town's decision: approve or reject (a reason) a submitted one; stop an approved one from a date. */
    async decide(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: SubsidyDecisionBody,
    ): Promise<SubsidyApplication> {
      const today = localDate(ctx.now);
      const row = await db.transaction(async (tx) => {
        const r = await getRow(tx, actor, id, true);
        if (!permitted(actor, r).includes(body.action)) throw new DomainError('subsidy.not_allowed');
        const reason = body.reason?.trim() || null;
        const errors: FieldError[] = [];
        if ((body.action === 'reject' || body.action === 'stop') && !reason)
          errors.push({
            field: 'reason',
            rule: 'required',
            message_zh: body.action === 'reject' ? '不予通过须说明理由' : '停发须说明情况',
            message_en:
              body.action === 'reject' ? 'A rejection needs its reason' : 'A stop needs its explanation',
          });
        if (body.action === 'stop') {
          if (!body.endsOn)
            errors.push({
              field: 'endsOn',
              rule: 'required',
              message_zh: '请填写停发事由发生日期',
              message_en: 'Give the date of the stopping event',
            });
          else if (body.endsOn < r.childBirthDate || body.endsOn > today)
            errors.push({
              field: 'endsOn',
              rule: 'date.out_of_range',
              message_zh: '停发日期须在出生日期之后且不晚于今天',
              message_en: 'The stop date must lie between the birth date and today',
            });
          if (!body.endReason)
            errors.push({
              field: 'endReason',
              rule: 'required',
              message_zh: '请选择停发事由',
              message_en: 'Choose the stop reason',
            });
        }
        throwIfErrors(errors);
        const set =
          body.action === 'stop'
            ? { status: 'stopped' as const, endsOn: body.endsOn!, endReason: body.endReason!, reason }
            : {
                status: body.action === 'approve' ? ('approved' as const) : ('rejected' as const),
                decidedOn: today,
                decidedBy: actor.userId,
                reason,
              };
        const next = await updateVersioned(tx, subsidyApplications, r, body.version, set, ctx.now);
        await recordAudit(tx, ctx, {
          action: `subsidy.${body.action}`,
          objectType: 'subsidy_application',
          objectId: r.id,
          changes: { from: r.status, to: next.status, endsOn: next.endsOn, endReason: next.endReason },
        });
        if (next.familyId && body.action !== 'stop') {
          const ok = body.action === 'approve';
          await notifyRole(
            tx,
            {
              districtCode: r.districtCode,
              role: 'parent',
              scope: { kind: 'family', familyId: next.familyId },
            },
            {
              kind: 'subsidy.decided',
              titleZh: ok ? '育儿补贴申请已审核通过' : '育儿补贴申请未通过审核',
              titleEn: ok
                ? 'Your childcare subsidy application is approved'
                : 'Your childcare subsidy application was rejected',
              bodyZh: ok ? '补贴将按季度分批发放至您登记的账户。' : `理由：${reason ?? ''}`,
              bodyEn: ok ? 'It is paid quarterly to the account you gave.' : `Reason: ${reason ?? ''}`,
              link: '/family',
              dedupeKey: `subsidy-decided:${r.id}`,
            },
            { now: ctx.now },
          );
        }
        return next;
      });
      return (await answer(ctx, actor, [row]))[0]!;
    },

    /** A corrected bank account (after a return or at the applicant's request); audited without the number. */
    async correctAccount(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: Q<typeof subsidyAccountBody>,
    ): Promise<SubsidyApplication> {
      const bad = checkBankAccount(body.accountKind, body.bankAccount);
      if (bad) throw fieldError(bad.field, bad.rule, bad.zh, bad.en);
      const row = await db.transaction(async (tx) => {
        const r = await getRow(tx, actor, id, true);
        if (relationOf(actor, r) !== 'reviewer' || r.status === 'rejected')
          throw new DomainError('subsidy.not_allowed');
        const next = await updateVersioned(
          tx,
          subsidyApplications,
          r,
          body.version,
          {
            bankName: body.bankName,
            accountKind: body.accountKind,
            bankAccount: sealValue('bank_account', body.bankAccount),
            reason: body.reason,
          },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'subsidy.correct_account',
          objectType: 'subsidy_application',
          objectId: r.id,
          changes: { bankName: body.bankName, accountKind: body.accountKind, reason: body.reason },
        });
        return next;
      });
      return (await answer(ctx, actor, [row]))[0]!;
    },

    // ── payment batches ──

    async listBatches(actor: Actor, q: { page: number; pageSize: number }) {
      const where = scopeWhere(actor, batchScope);
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(subsidyBatches)
            .where(where)
            .orderBy(desc(subsidyBatches.createdAt), asc(subsidyBatches.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, subsidyBatches, where),
      });
      return { ...page, items: await answerBatches(actor, page.items) };
    },

    async getBatch(actor: Actor, id: string): Promise<Batch> {
      const [b] = await db
        .select()
        .from(subsidyBatches)
        .where(and(scopeWhere(actor, batchScope), eq(subsidyBatches.id, id)));
      if (!b) throw new DomainError('not_found');
      return (await answerBatches(actor, [b]))[0]!;
    },

    /**
     * A batch of every approved (or later stopped) child's months due in `year` through `through` that
     * no batch covers yet, one line per run of months. A returned line's months are due again once the
     * account has been corrected after the return (until then the child waits: paying the same closed
     * account again would only come back).
     */
    async createBatch(ctx: RequestContext, actor: Actor, body: Q<typeof createBatchBody>): Promise<Batch> {
      if (actor.scope?.kind !== 'division' || actor.scope.divisionCode !== actor.districtCode)
        throw new DomainError('auth.forbidden');
      const today = localDate(ctx.now);
      if (!body.through.startsWith(`${body.year}-`))
        throw fieldError(
          'through',
          'subsidy.month_in_year',
          '发放截止月份须在补贴年度内',
          'The last month must lie in the year paid',
        );
      if (body.through > monthOf(today))
        throw fieldError(
          'through',
          'subsidy.future_month',
          '不能发放尚未到来的月份',
          'Months still to come cannot be paid',
        );
      const values = subsidyValues(actor.districtCode, today);
      const id = await db.transaction(async (tx) => {
        // One batch at a time is built (two concurrent builds would both see the same months as unpaid).
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext(${`subsidy-batch:${actor.districtCode}`}))`,
        );
        const apps = await tx
          .select()
          .from(subsidyApplications)
          .where(
            and(
              scopeWhere(actor, applicationScope),
              inArray(subsidyApplications.status, ['approved', 'stopped']),
            ),
          )
          .orderBy(asc(subsidyApplications.townCode), asc(subsidyApplications.id));
        const paid = new Map<string, Set<string>>();
        const CHUNK = 5_000;
        for (let i = 0; i < apps.length; i += CHUNK) {
          const p = await paidOf(
            tx,
            actor.districtCode,
            apps.slice(i, i + CHUNK).map((a) => a.id),
          );
          for (const [k, v] of p) paid.set(k, v.covered);
        }
        // A child whose payment the bank returned waits until its account is corrected (a later update).
        const returned = await tx
          .select({
            applicationId: subsidyBatchLines.applicationId,
            at: sql<Date>`max(${subsidyBatchLines.returnedAt})`,
          })
          .from(subsidyBatchLines)
          .where(
            and(
              eq(subsidyBatchLines.districtCode, actor.districtCode),
              eq(subsidyBatchLines.status, 'returned'),
            ),
          )
          .groupBy(subsidyBatchLines.applicationId);
        const lastReturn = new Map(returned.map((r) => [r.applicationId, new Date(r.at).getTime()]));
        // The yearly renewal (ADR 0027): approved before the year, paid for it only once confirmed.
        const renewal = await renewalStates(tx, actor.districtCode, body.year);
        const batchId = uuidv7(ctx.now.getTime());
        const lines: (typeof subsidyBatchLines.$inferInsert)[] = [];
        for (const a of apps) {
          if ((lastReturn.get(a.id) ?? 0) >= a.updatedAt.getTime()) continue;
          if (!payableInYear(a.decidedOn, renewal.get(a.id) ?? null, body.year)) continue;
          const covered = paid.get(a.id);
          const due = monthsDue(childOf(a), values, { year: body.year, through: body.through }).filter(
            (m) => !covered?.has(m),
          );
          for (const run of runsOf(due))
            lines.push({
              districtCode: actor.districtCode,
              id: uuidv7(ctx.now.getTime()),
              batchId,
              applicationId: a.id,
              townCode: a.townCode,
              fromMonth: run.from,
              toMonth: run.to,
              months: run.n,
              amount: amountFor(run.n, values),
              status: 'pending',
              createdAt: ctx.now,
            });
        }
        if (lines.length === 0) throw new DomainError('subsidy.nothing_due');
        await tx.insert(subsidyBatches).values({
          districtCode: actor.districtCode,
          id: batchId,
          year: body.year,
          throughMonth: body.through,
          status: 'draft',
          createdBy: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        for (let i = 0; i < lines.length; i += 1_000)
          await tx.insert(subsidyBatchLines).values(lines.slice(i, i + 1_000));
        const t = totalsByTown(lines);
        await recordAudit(tx, ctx, {
          action: 'subsidy.batch_create',
          objectType: 'subsidy_batch',
          objectId: batchId,
          changes: {
            year: body.year,
            through: body.through,
            lines: lines.length,
            months: t.months,
            amount: t.amount,
          },
        });
        return batchId;
      });
      return this.getBatch(actor, id);
    },

    async transitionBatch(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: Q<typeof batchTransitionBody>,
    ): Promise<Batch> {
      await db.transaction(async (tx) => {
        const [b] = await tx
          .select()
          .from(subsidyBatches)
          .where(and(scopeWhere(actor, batchScope), eq(subsidyBatches.id, id)))
          .for('update');
        if (!b) throw new DomainError('not_found');
        const from: BatchStatus = body.action === 'submit' ? 'draft' : 'submitted';
        if (b.status !== from) throw new DomainError('subsidy.batch_not_allowed');
        const to: BatchStatus = body.action === 'submit' ? 'submitted' : 'paid';
        await updateVersioned(
          tx,
          subsidyBatches,
          b,
          body.version,
          to === 'submitted' ? { status: to, submittedAt: ctx.now } : { status: to, paidAt: ctx.now },
          ctx.now,
        );
        if (to === 'paid')
          await tx
            .update(subsidyBatchLines)
            .set({ status: 'paid' })
            .where(
              and(
                eq(subsidyBatchLines.districtCode, b.districtCode),
                eq(subsidyBatchLines.batchId, b.id),
                eq(subsidyBatchLines.status, 'pending'),
              ),
            );
        await recordAudit(tx, ctx, {
          action: `subsidy.batch_${body.action}`,
          objectType: 'subsidy_batch',
          objectId: b.id,
          changes: { from: b.status, to },
        });
      });
      return this.getBatch(actor, id);
    },

    async lines(actor: Actor, batchId: string, q: Q<typeof batchLineQuery>) {
      await this.getBatch(actor, batchId);
      const where = and(
        eq(subsidyBatchLines.districtCode, actor.districtCode),
        eq(subsidyBatchLines.batchId, batchId),
        q.townCode ? eq(subsidyBatchLines.townCode, q.townCode) : undefined,
        q.status ? eq(subsidyBatchLines.status, q.status) : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) => lineRows(db, where, limit, offset),
        count: () => countWhere(db, subsidyBatchLines, where),
      });
      return page;
    },

    /** The bank returned a payment (wrong account, closed account…): its months are due again. */
    async returnLine(ctx: RequestContext, actor: Actor, batchId: string, lineId: string, reason: string) {
      await db.transaction(async (tx) => {
        const [b] = await tx
          .select()
          .from(subsidyBatches)
          .where(and(scopeWhere(actor, batchScope), eq(subsidyBatches.id, batchId)));
        if (!b) throw new DomainError('not_found');
        if (b.status === 'draft') throw new DomainError('subsidy.batch_not_allowed');
        const [l] = await tx
          .select()
          .from(subsidyBatchLines)
          .where(
            and(
              eq(subsidyBatchLines.districtCode, b.districtCode),
              eq(subsidyBatchLines.batchId, b.id),
              eq(subsidyBatchLines.id, lineId),
            ),
          )
          .for('update');
        if (!l) throw new DomainError('not_found');
        if (l.status === 'returned') throw new DomainError('subsidy.line_returned');
        await tx
          .update(subsidyBatchLines)
          .set({ status: 'returned', returnReason: reason, returnedAt: ctx.now })
          .where(and(eq(subsidyBatchLines.districtCode, l.districtCode), eq(subsidyBatchLines.id, l.id)));
        await recordAudit(tx, ctx, {
          action: 'subsidy.line_return',
          objectType: 'subsidy_batch',
          objectId: b.id,
          changes: { line: l.id, application: l.applicationId, months: l.months, amount: l.amount, reason },
        });
        // The town corrects the account; the months go into the next batch.
        await notifyRole(
          tx,
          {
            districtCode: l.districtCode,
            role: 'town_officer',
            scope: { kind: 'division', divisionCode: l.townCode },
          },
          {
            kind: 'subsidy.returned',
            titleZh: '育儿补贴发放被退回，请核对收款账户',
            titleEn: 'A childcare subsidy payment was returned: check the account',
            bodyZh: `退回原因：${reason}。更正账户后，相应月份将纳入下一批次。`,
            bodyEn: `Reason: ${reason}. Once the account is corrected, the months go into the next batch.`,
            link: `/admin/subsidy/applications/${l.applicationId}`,
            dedupeKey: `subsidy-returned:${l.id}`,
          },
          { now: ctx.now },
        );
      });
      return this.getBatch(actor, batchId);
    },

    /** A parent's children's applications (the family's scope). */
    async mine(ctx: RequestContext, actor: Actor): Promise<MySubsidy> {
      if (actor.scope?.kind !== 'family') throw new DomainError('auth.forbidden');
      const today = localDate(ctx.now);
      const values = subsidyValues(actor.districtCode, today);
      const rows = await db
        .select()
        .from(subsidyApplications)
        .where(scopeWhere(actor, applicationScope))
        .orderBy(asc(subsidyApplications.appliedOn), asc(subsidyApplications.id));
      const items = await answer(ctx, actor, rows);
      const year = Number(today.slice(0, 4));
      const renewals = await renewalsOfApplications(
        db,
        actor.districtCode,
        rows.map((r) => r.id),
        year,
      );
      return {
        items: items.map((a) => ({
          applicationNo: a.applicationNo,
          childName: a.childName,
          childIdNumber: a.childIdNumber,
          status: a.status,
          appliedOn: a.appliedOn,
          dueOn: a.dueOn,
          reason: a.status === 'rejected' ? a.reason : null,
          dueFrom: a.dueFrom,
          dueTo: a.dueTo,
          monthsDue: a.monthsDue,
          monthsPaid: a.monthsPaid,
          amountPaid: a.amountPaid,
          bankAccount: a.bankAccount,
          renewal: renewals.get(a.id) ?? null,
        })),
        yuanPerMonth: values.yuanPerYear / 12,
        source: values.source,
        unverified: values.unverified,
      };
    },
  };
}

export type LineRow = {
  id: string;
  applicationId: string;
  applicationNo: string;
  childName: string;
  townCode: string;
  fromMonth: string;
  toMonth: string;
  months: number;
  amount: number;
  bankName: string;
  bankAccount: string;
  status: 'pending' | 'paid' | 'returned';
  returnReason: string | null;
};

/** A page of a batch's lines with the application's number, child and masked account. */
export async function lineRows(
  db: Db,
  where: SQL | undefined,
  limit: number,
  offset: number,
): Promise<LineRow[]> {
  const rows = await db
    .select({
      id: subsidyBatchLines.id,
      applicationId: subsidyBatchLines.applicationId,
      applicationNo: subsidyApplications.applicationNo,
      childName: subsidyApplications.childName,
      townCode: subsidyBatchLines.townCode,
      fromMonth: subsidyBatchLines.fromMonth,
      toMonth: subsidyBatchLines.toMonth,
      months: subsidyBatchLines.months,
      amount: subsidyBatchLines.amount,
      bankName: subsidyApplications.bankName,
      bankAccount: subsidyApplications.bankAccount,
      status: subsidyBatchLines.status,
      returnReason: subsidyBatchLines.returnReason,
    })
    .from(subsidyBatchLines)
    .innerJoin(
      subsidyApplications,
      and(
        eq(subsidyApplications.districtCode, subsidyBatchLines.districtCode),
        eq(subsidyApplications.id, subsidyBatchLines.applicationId),
      ),
    )
    .where(where)
    .orderBy(
      asc(subsidyBatchLines.townCode),
      asc(subsidyApplications.applicationNo),
      asc(subsidyBatchLines.fromMonth),
    )
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, bankAccount: maskedOf('bank_account', r.bankAccount) ?? '' }));
}
