/**
 * Use cases of the working-day calendar (issue 18, ADR 0011): a district officer enters a year's
 * holiday notice as a draft; a DIFFERENT district officer confirms it (four eyes), or rejects it;
 * the enterer may withdraw a draft. Every write is one transaction with its audit entry.
 */
import type {
  CalendarOverview,
  CalendarYear,
  CreateCalendarYearBody,
  DecideCalendarYearBody,
  YearDifference,
} from '../../../domain/contracts/calendar.ts';
import {
  calendarEnd,
  checkCalendarYear,
  diffYears,
  type HolidayRangeInput,
  sameYear,
  toHolidayYear,
} from '../../../domain/rules/calendar-year.ts';
import { parseDate } from '../../../domain/rules/dates.ts';
import { toFieldError } from '../../../domain/rules/reasons.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import './errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import * as repo from './repository.ts';
import { calendarYears } from './tables.ts';
import { countingYears, invalidateWorkCalendar, rowToHolidayYear, SHIPPED } from './work-calendar.ts';

function requireDistrictScope(actor: Actor) {
  const s = actor.scope;
  if (s?.kind !== 'division' || s.divisionCode !== actor.districtCode)
    throw new DomainError('calendar.district_scope');
}

function inputOf(r: Pick<repo.CalendarYearRow, 'year' | 'holidays' | 'workdays'>) {
  return { year: r.year, holidays: r.holidays as HolidayRangeInput[], workdays: r.workdays };
}

export function toCalendarYear(r: repo.CalendarYearRow): CalendarYear {
  return {
    id: r.id,
    year: r.year,
    noticeTitle: r.noticeTitle,
    noticeNumber: r.noticeNumber,
    noticeDate: r.noticeDate,
    holidays: r.holidays as HolidayRangeInput[],
    workdays: r.workdays,
    status: r.status as CalendarYear['status'],
    enteredBy: r.enteredBy,
    enteredAt: r.enteredAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    warnings: checkCalendarYear(inputOf(r)).warnings,
    version: r.version,
  };
}

function differencesOf(confirmed: repo.CalendarYearRow[]): YearDifference[] {
  const out: YearDifference[] = [];
  for (const r of confirmed) {
    const shipped = SHIPPED.get(r.year);
    if (!shipped) continue;
    const d = diffYears(shipped, rowToHolidayYear(r));
    if (!sameYear(d)) out.push({ year: r.year, localId: r.id, ...d, counting: 'local' });
  }
  return out;
}

export function createCalendarService({ db }: { db: Db }) {
  async function decide(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    body: DecideCalendarYearBody,
    to: 'confirmed' | 'rejected' | 'withdrawn',
  ) {
    requireDistrictScope(actor);
    if (to !== 'confirmed' && !body.reason)
      throw fieldError('reason', 'required', '请填写理由', 'A reason is required');
    const row = await db.transaction(async (tx) => {
      const entry = await repo.getEntry(tx, actor, id, true);
      if (entry.status !== 'draft') throw new DomainError('conflict.transition', { allowed: [] });
      const own = entry.enteredById === actor.userId;
      if (to === 'confirmed' && own) throw new DomainError('calendar.four_eyes');
      if (to === 'rejected' && own) throw new DomainError('calendar.four_eyes');
      if (to === 'withdrawn' && !own) throw new DomainError('calendar.withdraw_own');
      let superseded: string | null = null;
      if (to === 'confirmed') {
        throwIfErrors(checkCalendarYear(inputOf(entry)).errors);
        for (const old of await repo.entriesOfYear(tx, actor, entry.year, ['confirmed'])) {
          await repo.updateEntry(tx, old, old.version, { status: 'superseded' }, ctx.now);
          superseded = old.id;
        }
      }
      const updated = await repo.updateEntry(
        tx,
        entry,
        body.version,
        {
          status: to,
          decidedById: actor.userId,
          decidedBy: actor.username,
          decidedAt: ctx.now,
          decisionReason: body.reason ?? null,
        },
        ctx.now,
      );
      const action = {
        confirmed: 'calendar.confirm',
        rejected: 'calendar.reject',
        withdrawn: 'calendar.withdraw',
      }[to];
      await recordAudit(tx, ctx, {
        action,
        objectType: 'calendar_year',
        objectId: entry.id,
        changes: {
          year: entry.year,
          status: { from: 'draft', to },
          ...(superseded ? { superseded } : {}),
          ...(body.reason ? { reason: body.reason } : {}),
        },
      });
      return updated;
    });
    if (to === 'confirmed') invalidateWorkCalendar(db, actor.districtCode);
    return toCalendarYear(row);
  }

  return {
    async overview(_ctx: RequestContext, actor: Actor): Promise<CalendarOverview> {
      const rows = await repo.entriesInScope(db, actor);
      const confirmed = rows.filter((r) => r.status === 'confirmed');
      const years = countingYears(confirmed).map((c) => ({
        year: c.year.year,
        source: c.source,
        notice: c.year.notice,
        issued: c.year.issued,
        verified: c.year.verified,
        note: c.year.note ?? null,
        enteredBy: c.row?.enteredBy ?? null,
        confirmedBy: c.row?.decidedBy ?? null,
        confirmedAt: c.row?.decidedAt?.toISOString() ?? null,
        differs: c.differs,
      }));
      return {
        end: calendarEnd(years.map((y) => y.year)),
        years,
        drafts: rows.filter((r) => r.status === 'draft').map(toCalendarYear),
        history: rows
          .filter((r) => r.status !== 'draft' && r.status !== 'confirmed')
          .slice(0, 20)
          .map(toCalendarYear),
        differences: differencesOf(confirmed),
      };
    },

    async differences(_ctx: RequestContext, actor: Actor) {
      const rows = await repo.entriesInScope(db, actor);
      return { items: differencesOf(rows.filter((r) => r.status === 'confirmed')) };
    },

    /** A new draft. Refused: any check error (400), a draft already open (409), a shipped year entered identically (409). */
    async enter(ctx: RequestContext, actor: Actor, body: CreateCalendarYearBody) {
      requireDistrictScope(actor);
      const input = { year: body.year, holidays: body.holidays, workdays: body.workdays };
      const checked = checkCalendarYear(input);
      throwIfErrors([...checkNoticeDate(body.noticeDate), ...checked.errors]);
      const shipped = SHIPPED.get(body.year);
      if (shipped && sameYear(diffYears(shipped, toHolidayYear(input, { notice: '', issued: '' }))))
        throw new DomainError('calendar.same_as_shipped');
      const row = await db.transaction(async (tx) => {
        if ((await repo.entriesOfYear(tx, actor, body.year, ['draft'])).length > 0)
          throw new DomainError('calendar.draft_exists');
        const [inserted] = await tx
          .insert(calendarYears)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            year: body.year,
            noticeTitle: body.noticeTitle,
            noticeNumber: body.noticeNumber,
            noticeDate: body.noticeDate,
            holidays: body.holidays,
            workdays: body.workdays,
            status: 'draft',
            enteredById: actor.userId,
            enteredBy: actor.username,
            enteredAt: ctx.now,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'calendar.enter',
          objectType: 'calendar_year',
          objectId: inserted!.id,
          changes: { ...body },
        });
        return inserted!;
      });
      return toCalendarYear(row);
    },

    confirm: (ctx: RequestContext, actor: Actor, id: string, body: DecideCalendarYearBody) =>
      decide(ctx, actor, id, body, 'confirmed'),
    reject: (ctx: RequestContext, actor: Actor, id: string, body: DecideCalendarYearBody) =>
      decide(ctx, actor, id, body, 'rejected'),
    withdraw: (ctx: RequestContext, actor: Actor, id: string, body: DecideCalendarYearBody) =>
      decide(ctx, actor, id, body, 'withdrawn'),
  };
}

/** The notice's date: a real date (the zod contract checks only its shape). */
function checkNoticeDate(d: string) {
  const p = parseDate(d, 'noticeDate');
  return p.ok ? [] : [toFieldError(p)];
}
