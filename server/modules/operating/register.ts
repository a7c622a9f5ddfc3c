/**
 * The attendance register of the operating subsidy (普惠托育运营补贴, issue 17): per class
 * (institution_classes) a minimal roster (name, birth month; names masked in every answer) and one mark
 * per child per day present. Every read and write finds the class through the jurisdiction guard on the
 * institutions table (another institution or town: 404). A day must be a working day on the district's
 * calendar, not in the future; a day in a year the calendar does not cover (2027 is not published) is
 * refused naming the field — never guessed. Saving a day replaces that day's marks; audited with counts.
 */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type {
  AttendanceBody,
  AttendanceDay,
  RegisterClass,
  RegisterMonth,
  Roster,
  RosterChild,
  RosterChildBody,
  RosterLeaveBody,
} from '../../../domain/contracts/operating.ts';
import { isWorkingDay } from '../../../domain/rules/workdays.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { maskPersonal } from '../../platform/personal-data.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import './errors.ts';
import { createOperatingSettingsService } from './service.ts';
import { operatingAttendance, operatingChildren } from './tables.ts';

/** A class joined to its institution (district and id). */
export const classOfInstitution = and(
  eq(institutions.districtCode, institutionClasses.districtCode),
  eq(institutions.id, institutionClasses.institutionId),
);

/** The classes of the institutions the caller may see (the guard on institutions), in its district. */
export function classesInScope(actor: Actor) {
  return and(scopeWhere(actor, institutionScope), eq(institutionClasses.districtCode, actor.districtCode));
}

type ChildRow = typeof operatingChildren.$inferSelect;

const toChild = (r: ChildRow): RosterChild => ({
  id: r.id,
  classId: r.classId,
  name: maskPersonal('name', r.childName),
  birthMonth: r.birthMonth,
  leftOn: r.leftOn,
});

/** Whether the child is in the class on `day` (not yet left). */
const inClassOn = (r: Pick<ChildRow, 'leftOn'>, day: string) => r.leftOn === null || r.leftOn > day;

/** Every date of a 'YYYY-MM' month. */
function daysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export function createRegisterService({ db }: { db: Db }) {
  const settings = createOperatingSettingsService({ db });
  /** The class in the actor's scope, or 404. */
  async function classInScope(tx: Db, actor: Actor, classId: string) {
    const [c] = await tx
      .select({ id: institutionClasses.id, name: institutionClasses.name, institutionId: institutions.id })
      .from(institutionClasses)
      .innerJoin(institutions, classOfInstitution)
      .where(and(classesInScope(actor), eq(institutionClasses.id, classId)));
    if (!c) throw new DomainError('operating.class_not_found');
    return c;
  }

  async function children(tx: Db, actor: Actor, classId: string): Promise<ChildRow[]> {
    return tx
      .select()
      .from(operatingChildren)
      .where(
        and(eq(operatingChildren.districtCode, actor.districtCode), eq(operatingChildren.classId, classId)),
      )
      .orderBy(asc(operatingChildren.birthMonth), asc(operatingChildren.id));
  }

  async function roster(actor: Actor, classId: string): Promise<Roster> {
    const c = await classInScope(db, actor, classId);
    return {
      classId: c.id,
      className: c.name,
      institutionId: c.institutionId,
      children: (await children(db, actor, classId)).map(toChild),
    };
  }

  async function addChild(
    ctx: RequestContext,
    actor: Actor,
    classId: string,
    body: RosterChildBody,
  ): Promise<RosterChild> {
    if (body.birthMonth > localDate(ctx.now).slice(0, 7))
      throw fieldError(
        'birthMonth',
        'not_future',
        '出生年月不能晚于本月',
        'The birth month cannot be after this month',
      );
    return db.transaction(async (tx) => {
      const c = await classInScope(tx, actor, classId);
      const [row] = (await tx
        .insert(operatingChildren)
        .values({
          districtCode: actor.districtCode,
          id: uuidv7(ctx.now.getTime()),
          institutionId: c.institutionId,
          classId,
          childName: body.name,
          birthMonth: body.birthMonth,
          createdBy: actor.username,
          createdAt: ctx.now,
        })
        .returning()) as [ChildRow];
      await recordAudit(tx, ctx, {
        action: 'operating.roster_add',
        objectType: 'operating_child',
        objectId: row.id,
        changes: { classId, birthMonth: body.birthMonth },
      });
      return toChild(row);
    });
  }

  /**
   * A child leaves the class from `leftOn` on (离园; null undoes it). Attendance before stays (claims are
   * built from it); a day with a mark on or after `leftOn` refuses the date. Audited, without the name.
   */
  async function leave(
    ctx: RequestContext,
    actor: Actor,
    classId: string,
    childId: string,
    body: RosterLeaveBody,
  ): Promise<RosterChild> {
    if (body.leftOn !== null && body.leftOn > localDate(ctx.now))
      throw fieldError(
        'leftOn',
        'not_future',
        '离园日期不能晚于今天',
        'The leaving date cannot be after today',
      );
    return db.transaction(async (tx) => {
      await classInScope(tx, actor, classId);
      const [child] = await tx
        .select()
        .from(operatingChildren)
        .where(
          and(
            eq(operatingChildren.districtCode, actor.districtCode),
            eq(operatingChildren.classId, classId),
            eq(operatingChildren.id, childId),
          ),
        )
        .for('update');
      if (!child) throw new DomainError('operating.child_not_found');
      if (body.leftOn !== null) {
        const [last] = await tx
          .select({ day: operatingAttendance.day })
          .from(operatingAttendance)
          .where(
            and(
              eq(operatingAttendance.districtCode, actor.districtCode),
              eq(operatingAttendance.childId, childId),
              gte(operatingAttendance.day, body.leftOn),
            ),
          )
          .orderBy(desc(operatingAttendance.day))
          .limit(1);
        if (last)
          throw fieldError(
            'leftOn',
            'after_attendance',
            `该幼儿 ${last.day} 仍有出勤记录：离园日期应晚于最后一次出勤`,
            `The child was marked present on ${last.day}: the leaving date must be after the last day attended`,
          );
      }
      const [row] = (await tx
        .update(operatingChildren)
        .set({ leftOn: body.leftOn })
        .where(and(eq(operatingChildren.districtCode, actor.districtCode), eq(operatingChildren.id, childId)))
        .returning()) as [ChildRow];
      await recordAudit(tx, ctx, {
        action: 'operating.roster_leave',
        objectType: 'operating_child',
        objectId: childId,
        changes: { classId, leftOn: { from: child.leftOn, to: body.leftOn } },
      });
      return toChild(row);
    });
  }

  /** 400 naming `day` unless it is a working day on the district's calendar, today or before. */
  async function checkDay(actor: Actor, day: string, now: Date): Promise<void> {
    if (day > localDate(now))
      throw fieldError(
        'day',
        'not_future',
        '不能登记今天以后的出勤',
        'Attendance cannot be entered for a day after today',
      );
    const w = isWorkingDay(day, await getWorkCalendar(db, actor.districtCode));
    if (!w.ok)
      throw fieldError(
        'day',
        'outside_calendar',
        `${day.slice(0, 4)} 年的节假日安排尚未确认（工作日历未覆盖），暂不能登记该日出勤`,
        `The ${day.slice(0, 4)} holiday schedule is not confirmed (the working-day calendar does not cover it): attendance cannot be entered for that day yet`,
      );
    if (!w.working)
      throw fieldError(
        'day',
        'working_day',
        '该日不是工作日，不能登记出勤',
        'That day is not a working day: no attendance can be entered',
      );
  }

  async function attendance(actor: Actor, classId: string, day: string, tx: Db = db): Promise<AttendanceDay> {
    await classInScope(tx, actor, classId);
    const kids = (await children(tx, actor, classId)).filter((k) => inClassOn(k, day));
    const marks = await tx
      .select({ childId: operatingAttendance.childId })
      .from(operatingAttendance)
      .where(
        and(
          eq(operatingAttendance.districtCode, actor.districtCode),
          eq(operatingAttendance.classId, classId),
          eq(operatingAttendance.day, day),
        ),
      );
    const present = new Set(marks.map((m) => m.childId));
    return {
      classId,
      day,
      marks: kids.map((k) => ({
        childId: k.id,
        name: maskPersonal('name', k.childName),
        present: present.has(k.id),
      })),
      presentCount: present.size,
    };
  }

  /** Save a day's tick list (replaces the day's marks; audited with counts, never names). */
  async function putAttendance(
    ctx: RequestContext,
    actor: Actor,
    classId: string,
    day: string,
    body: AttendanceBody,
  ): Promise<AttendanceDay> {
    await classInScope(db, actor, classId);
    await checkDay(actor, day, ctx.now);
    return db.transaction(async (tx) => {
      const c = await classInScope(tx, actor, classId);
      // Two saves of the same class-day at once (two devices, a double click) would both delete the
      // day's marks and both insert them: the second insert a duplicate key. One at a time per class-day
      // (a transaction-scoped advisory lock), so the last save wins as a replace should.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`operating_attendance:${classId}:${day}`}, 0))`,
      );
      // Read the roster under a share lock: a child's leaving (离园, row locked for update) waits for this
      // save, or this save sees it.
      const roster = await tx
        .select()
        .from(operatingChildren)
        .where(
          and(eq(operatingChildren.districtCode, actor.districtCode), eq(operatingChildren.classId, classId)),
        )
        .for('share');
      const kids = new Set(roster.filter((k) => inClassOn(k, day)).map((k) => k.id));
      const wanted = [...new Set(body.present)];
      const strangers = wanted.filter((id) => !kids.has(id));
      if (strangers.some((id) => roster.some((k) => k.id === id)))
        throw fieldError(
          'present',
          'not_left',
          '出勤名单中有当日已离园的幼儿',
          'The list names a child who had left the class by that day',
        );
      if (strangers.length > 0)
        throw fieldError(
          'present',
          'in_roster',
          '出勤名单中有不在本班名册中的幼儿',
          'The list names a child who is not on this class roster',
        );
      const where = and(
        eq(operatingAttendance.districtCode, actor.districtCode),
        eq(operatingAttendance.classId, classId),
        eq(operatingAttendance.day, day),
      );
      const before = await tx
        .delete(operatingAttendance)
        .where(where)
        .returning({ childId: operatingAttendance.childId });
      if (wanted.length > 0)
        await tx.insert(operatingAttendance).values(
          wanted.map((childId) => ({
            districtCode: actor.districtCode,
            childId,
            day,
            institutionId: c.institutionId,
            classId,
            markedBy: actor.username,
            markedAt: ctx.now,
          })),
        );
      await recordAudit(tx, ctx, {
        action: 'operating.attendance',
        objectType: 'institution_class',
        objectId: classId,
        changes: { day, present: { from: before.length, to: wanted.length } },
      });
      return attendance(actor, classId, day, tx);
    });
  }

  /** The classes in the caller's scope, by institution then class name. */
  async function classes(actor: Actor): Promise<RegisterClass[]> {
    return db
      .select({
        id: institutionClasses.id,
        name: institutionClasses.name,
        institutionId: institutions.id,
        institutionName: institutions.name,
      })
      .from(institutionClasses)
      .innerJoin(institutions, classOfInstitution)
      .where(classesInScope(actor))
      .orderBy(asc(institutions.name), asc(institutionClasses.position), asc(institutionClasses.name));
  }

  /** A class's month: working days, days with marks, and per child (masked) the days attended. */
  async function month(actor: Actor, classId: string, month: string, now: Date): Promise<RegisterMonth> {
    const [c] = await db
      .select({
        id: institutionClasses.id,
        name: institutionClasses.name,
        institutionName: institutions.name,
      })
      .from(institutionClasses)
      .innerJoin(institutions, classOfInstitution)
      .where(and(classesInScope(actor), eq(institutionClasses.id, classId)));
    if (!c) throw new DomainError('operating.class_not_found');
    const cal = await getWorkCalendar(db, actor.districtCode);
    const all = daysOf(month);
    const checked = all.map((d) => ({ d, w: isWorkingDay(d, cal) }));
    const calendarCovered = checked.every((x) => x.w.ok);
    const workingDays = calendarCovered ? checked.filter((x) => x.w.ok && x.w.working).map((x) => x.d) : [];
    // Children who left before the month began are not on its register (their months before keep them).
    const kids = (await children(db, actor, classId)).filter((k) => inClassOn(k, all[0] as string));
    const marks = await db
      .select({ childId: operatingAttendance.childId, day: operatingAttendance.day })
      .from(operatingAttendance)
      .where(
        and(
          eq(operatingAttendance.districtCode, actor.districtCode),
          eq(operatingAttendance.classId, classId),
          gte(operatingAttendance.day, all[0] as string),
          lte(operatingAttendance.day, all[all.length - 1] as string),
        ),
      )
      .orderBy(asc(operatingAttendance.day));
    const byChild = new Map<string, string[]>();
    const byDay = new Map<string, number>();
    for (const m of marks) {
      byChild.set(m.childId, [...(byChild.get(m.childId) ?? []), m.day]);
      byDay.set(m.day, (byDay.get(m.day) ?? 0) + 1);
    }
    const minAttendedDays = await settings.minDaysForMonth(actor.districtCode, month);
    return {
      classId: c.id,
      className: c.name,
      institutionName: c.institutionName,
      month,
      calendarCovered,
      workingDays,
      today: localDate(now),
      days: [...byDay].map(([day, presentCount]) => ({ day, presentCount })),
      children: kids.map((k) => {
        const attended = byChild.get(k.id) ?? [];
        return { ...toChild(k), attended, counted: attended.length >= minAttendedDays };
      }),
      childDays: marks.length,
      minAttendedDays,
    };
  }

  return { roster, addChild, leave, attendance, putAttendance, classes, month };
}
