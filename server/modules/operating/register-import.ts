/**
 * The attendance register from a spreadsheet (kit import `operating_attendance`, issue 17): each row names
 * the class by its name, the child by the register's key (the roster id: the register page copies it),
 * the day and present (是/否). The same rules as the day's tick list: the day a working day on the
 * district calendar, not after today, in a year the calendar covers; the class in the caller's scope;
 * the child on that class's roster. Any bad row → the whole file is refused with row errors naming the
 * column (zh/en), nothing written (the kit). present = 是 adds the mark, 否 removes it; a row already in
 * that state is "existing" and skipped, so a second import of the same file changes nothing. Within one
 * file the last row for a child-day wins. The kit audits the run (counts only, no names).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import { type AttendanceImportRow, attendanceImportRow } from '../../../domain/contracts/operating.ts';
import { isWorkingDay, type WorkCalendar } from '../../../domain/rules/workdays.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { bool, text } from '../../platform/import/cells.ts';
import { importColumn as col, type ImportDefinition } from '../../platform/import/definition.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import { classesInScope, classOfInstitution } from './register.ts';
import { operatingAttendance, operatingChildren } from './tables.ts';

const e = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

type ChildRef = { classId: string; institutionId: string; leftOn: string | null };
export interface RegisterImportContext {
  today: string;
  calendar: WorkCalendar;
  /** class name → the ids of the classes in scope with that name */
  classes: Map<string, string[]>;
  /** roster id → its class */
  children: Map<string, ChildRef>;
}

/** The roster children in the caller's scope (through the guard on institutions), optionally some ids. */
async function childrenInScope(db: Db, actor: Actor, ids?: string[]) {
  const rows = await db
    .select({
      id: operatingChildren.id,
      classId: operatingChildren.classId,
      institutionId: operatingChildren.institutionId,
      leftOn: operatingChildren.leftOn,
    })
    .from(operatingChildren)
    .innerJoin(
      institutions,
      and(
        eq(institutions.districtCode, operatingChildren.districtCode),
        eq(institutions.id, operatingChildren.institutionId),
      ),
    )
    .where(
      and(
        scopeWhere(actor, institutionScope),
        eq(operatingChildren.districtCode, actor.districtCode),
        ids ? inArray(operatingChildren.id, ids) : undefined,
      ),
    );
  return new Map(
    rows.map((r) => [r.id, { classId: r.classId, institutionId: r.institutionId, leftOn: r.leftOn }]),
  );
}

/** The rules of one row against the caller's scope and the calendar (pure given the context). */
export function registerRowErrors(v: AttendanceImportRow, c: RegisterImportContext): FieldError[] {
  const errors: FieldError[] = [];
  const classIds = c.classes.get(v.className) ?? [];
  if (classIds.length === 0)
    errors.push(
      e(
        'className',
        'class_not_found',
        '没有该名称的班级（或不在您的管辖范围内）',
        'No class with this name in your scope',
      ),
    );
  else if (classIds.length > 1)
    errors.push(
      e(
        'className',
        'class_ambiguous',
        '同名班级不止一个：请先在机构信息中改名区分',
        "More than one class has this name: rename one in the institution's record",
      ),
    );
  const child = c.children.get(v.childId);
  if (!child)
    errors.push(
      e(
        'childId',
        'not_in_roster',
        '名册中没有该幼儿编号（或不在您的管辖范围内）',
        'No child with this roster id in your scope',
      ),
    );
  else if (classIds.length === 1 && child.classId !== classIds[0])
    errors.push(
      e('childId', 'in_class', '该幼儿不在这个班级的名册中', "The child is not on this class's roster"),
    );
  else if (v.present && child.leftOn !== null && v.day >= child.leftOn)
    errors.push(
      e(
        'day',
        'not_left',
        `该幼儿已于 ${child.leftOn} 离园，不能登记该日及以后的出勤`,
        `The child left the class on ${child.leftOn}: no attendance from that day on`,
      ),
    );
  if (v.day > c.today)
    errors.push(
      e('day', 'not_future', '不能登记今天以后的出勤', 'Attendance cannot be entered for a day after today'),
    );
  else {
    const w = isWorkingDay(v.day, c.calendar);
    if (!w.ok)
      errors.push(
        e(
          'day',
          'outside_calendar',
          `${v.day.slice(0, 4)} 年的节假日安排尚未确认（工作日历未覆盖），暂不能登记该日出勤`,
          `The ${v.day.slice(0, 4)} holiday schedule is not confirmed (the working-day calendar does not cover it)`,
        ),
      );
    else if (!w.working)
      errors.push(
        e(
          'day',
          'working_day',
          '该日不是工作日，不能登记出勤',
          'That day is not a working day: no attendance can be entered',
        ),
      );
  }
  return errors;
}

const keyOf = (childId: string, day: string, present: boolean) =>
  `${childId.toLowerCase()}\u0000${day}\u0000${present ? 1 : 0}`;

export function registerImport(deps: {
  clock: { now(): Date };
}): ImportDefinition<AttendanceImportRow, RegisterImportContext> {
  return {
    kind: 'operating_attendance',
    titleZh: '运营补贴考勤登记',
    columns: [
      col(
        'className',
        '班级',
        'Class',
        true,
        '托小班',
        '与机构信息中的班级名称一致',
        "As in the institution's record",
      ),
      col(
        'childId',
        '幼儿编号',
        'Child roster id',
        true,
        '0194f6a2-3c1e-7b2a-9d4e-5f6a7b8c9d0e',
        '考勤登记页名册中的幼儿编号（可在该页复制）',
        'The roster id shown on the attendance register page (copy it there)',
      ),
      col(
        'day',
        '日期',
        'Date',
        true,
        '2026-03-02',
        'YYYY-MM-DD，工作日，不晚于今天',
        'YYYY-MM-DD, a working day, not after today',
      ),
      col(
        'present',
        '是否出勤',
        'Present',
        true,
        '是',
        '是 / 否（否：删除当天的出勤记录）',
        "yes / no (no: removes that day's mark)",
      ),
    ],
    toInput: (c) => ({
      className: c.className ?? '',
      childId: (c.childId ?? '').trim().toLowerCase(),
      day: text(c.day) ?? '',
      present: bool(c.present),
    }),
    schema: attendanceImportRow,
    async prepare(db, actor) {
      const [calendar, classRows, children] = await Promise.all([
        getWorkCalendar(db, actor.districtCode),
        db
          .select({ id: institutionClasses.id, name: institutionClasses.name })
          .from(institutionClasses)
          .innerJoin(institutions, classOfInstitution)
          .where(classesInScope(actor)),
        childrenInScope(db, actor),
      ]);
      const classes = new Map<string, string[]>();
      for (const r of classRows) classes.set(r.name, [...(classes.get(r.name) ?? []), r.id]);
      return { today: localDate(deps.clock.now()), calendar, classes, children };
    },
    rules: (v, _actor, context) => registerRowErrors(v, context),
    keyField: 'childId',
    naturalKey: (v) => keyOf(v.childId, v.day, v.present),
    async existingKeys(db, actor, keys) {
      if (keys.length === 0) return new Set();
      const parsed = keys.map((k) => {
        const [childId, day, p] = k.split('\u0000') as [string, string, string];
        return { key: k, childId, day, present: p === '1' };
      });
      const marks = await db
        .select({ childId: operatingAttendance.childId, day: operatingAttendance.day })
        .from(operatingAttendance)
        .where(
          and(
            eq(operatingAttendance.districtCode, actor.districtCode),
            inArray(operatingAttendance.childId, [...new Set(parsed.map((p) => p.childId))]),
            inArray(operatingAttendance.day, [...new Set(parsed.map((p) => p.day))]),
          ),
        );
      const have = new Set(marks.map((m) => `${m.childId}/${m.day}`));
      return new Set(parsed.filter((p) => have.has(`${p.childId}/${p.day}`) === p.present).map((p) => p.key));
    },
    async commitBatch(tx, ctx, actor, rows) {
      // The last row for a child-day wins; children re-read in scope (a row gone stale is not written).
      const last = new Map<string, AttendanceImportRow>();
      for (const r of rows) last.set(`${r.childId.toLowerCase()}/${r.day}`, r);
      const wanted = [...last.values()];
      const kids = await childrenInScope(tx, actor, [...new Set(wanted.map((r) => r.childId.toLowerCase()))]);
      const add = wanted.filter((r) => r.present && kids.has(r.childId.toLowerCase()));
      const drop = wanted.filter((r) => !r.present && kids.has(r.childId.toLowerCase()));
      let n = 0;
      if (add.length > 0) {
        const refs = add.map((r) => kids.get(r.childId.toLowerCase()) as ChildRef);
        const res = (await tx.execute(sql`
          insert into ${operatingAttendance} (district_code, child_id, day, institution_id, class_id, marked_by, marked_at)
          select ${actor.districtCode}, r.child_id, r.day, r.institution_id, r.class_id, ${actor.username}, ${ctx.now.toISOString()}::timestamptz
          from unnest(${sql.param(add.map((r) => r.childId.toLowerCase()))}::uuid[], ${sql.param(add.map((r) => r.day))}::date[],
            ${sql.param(refs.map((r) => r.institutionId))}::uuid[], ${sql.param(refs.map((r) => r.classId))}::uuid[])
            as r(child_id, day, institution_id, class_id)
          on conflict do nothing
          returning child_id`)) as unknown as { rows?: unknown[]; rowCount?: number };
        n += res.rows?.length ?? res.rowCount ?? 0;
      }
      if (drop.length > 0) {
        const res = (await tx.execute(sql`
          delete from ${operatingAttendance} a
          using unnest(${sql.param(drop.map((r) => r.childId.toLowerCase()))}::uuid[], ${sql.param(drop.map((r) => r.day))}::date[]) as r(child_id, day)
          where a.district_code = ${actor.districtCode} and a.child_id = r.child_id and a.day = r.day
          returning a.child_id`)) as unknown as { rows?: unknown[]; rowCount?: number };
        n += res.rows?.length ?? res.rowCount ?? 0;
      }
      return n;
    },
    analyzeTables: ['operating_attendance'],
  };
}
