/**
 * Training attendance (issue 9 "attendance marked in the console or imported from XLSX with the kit"):
 * who attended a training, and the kit import `workforce_attendance` — each row names the training by
 * its title and start date and the person by document number (citizen ID, or passport / work permit),
 * checked against the name registered, with the hours credited (default: the training's hours).
 *
 * Rules of a row (`prepare` reads the trainings and the people in the caller's scope once per pass):
 * exactly one training in scope with that title and start date; a registered person in scope with that
 * number; the name as registered; hours > 0, ≤ the training's hours and ≤ 24 a day. A person already
 * marked for the training is skipped (the kit's "existing" count); a second import adds nothing.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import { type AttendanceImportRow, attendanceImportRow } from '../../../domain/contracts/workforce.ts';

import { validateCitizenId } from '../../../domain/rules/ids.ts';
import { validateTrainingHours } from '../../../domain/workforce/rules.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { num, text } from '../../platform/import/cells.ts';
import { importColumn as col, type ImportDefinition } from '../../platform/import/definition.ts';
import { indexCandidates } from '../../platform/personal-data.ts';
import { institutions } from '../institutions/tables.ts';
import { employmentScope, staffVisible } from './repository.ts';
import { trainingScope } from './service.ts';
import { employments, staff, trainingAttendance, trainingEvents } from './tables.ts';

const e = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

/** The attendees of one training among the people the caller may see (404 for a training out of scope). */
export async function listAttendance(db: Db, actor: Actor, eventId: string) {
  const [event] = await db
    .select({ id: trainingEvents.id })
    .from(trainingEvents)
    .where(and(trainingScope(actor), eq(trainingEvents.id, eventId)));
  if (!event) throw new DomainError('not_found');
  // The person's current employment in the caller's scope (post and institution shown).
  const current = and(
    eq(employments.districtCode, staff.districtCode),
    eq(employments.staffId, staff.id),
    eq(employments.status, 'active'),
    scopeWhere(actor, employmentScope),
  );
  const rows = await db
    .select({
      staffId: trainingAttendance.staffId,
      name: staff.fullName,
      hours: trainingAttendance.hours,
      post: sql<
        string | null
      >`(select ${employments.post} from ${employments} where ${current} order by ${employments.startDate} desc limit 1)`,
      institutionName: sql<
        string | null
      >`(select ${institutions.name} from ${employments} join ${institutions} on ${institutions.districtCode} = ${employments.districtCode} and ${institutions.id} = ${employments.institutionId} where ${current} order by ${employments.startDate} desc limit 1)`,
    })
    .from(trainingAttendance)
    .innerJoin(
      staff,
      and(eq(staff.districtCode, trainingAttendance.districtCode), eq(staff.id, trainingAttendance.staffId)),
    )
    .where(
      and(
        eq(trainingAttendance.districtCode, actor.districtCode),
        eq(trainingAttendance.eventId, eventId),
        staffVisible(actor),
      ),
    )
    .orderBy(asc(staff.fullName), asc(staff.id));
  return { items: rows.map((r) => ({ ...r, post: r.post as never })) };
}

// ── the import ─────────────────────────────────────────────────────────────────────────────────
type Doc = { kind: 'citizen_id' | 'passport'; number: string };

/** The number as stored: a citizen ID (18 characters, checksum checked) or a passport / work permit. */
function documentOf(raw: string, today: string): Doc | FieldError {
  const v = raw.replace(/\s+/g, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(v)) {
    const r = validateCitizenId(v, today);
    if (!r.ok)
      return e(
        'idNumber',
        r.reason ?? 'citizen_id',
        '公民身份号码无效（GB 11643 校验不通过）',
        'Invalid citizen ID number (GB 11643 check failed)',
      );
    return { kind: 'citizen_id', number: r.value };
  }
  if (!/^[A-Z0-9]{5,20}$/.test(v))
    return e(
      'idNumber',
      'document_format',
      '证件号码应为18位公民身份号码，或5至20位字母数字的护照/工作许可证号码',
      'The number must be an 18-character citizen ID or a 5–20 character passport / work-permit number',
    );
  return { kind: 'passport', number: v };
}

const trainingKey = (title: string, startDate: string) => `${title}\u0000${startDate}`;
type EventRef = { id: string; hours: number; startDate: string; endDate: string };
type PersonRef = { id: string; name: string };
export interface AttendanceContext {
  today: string;
  events: Map<string, EventRef[]>;
  /** blind index (either document column) → person */
  people: Map<string, PersonRef>;
}

async function eventsInScope(db: Db, actor: Actor, titles?: string[]) {
  const rows = await db
    .select({
      id: trainingEvents.id,
      title: trainingEvents.title,
      startDate: trainingEvents.startDate,
      endDate: trainingEvents.endDate,
      hours: trainingEvents.hours,
    })
    .from(trainingEvents)
    .where(and(trainingScope(actor), titles ? inArray(trainingEvents.title, titles) : undefined));
  const map = new Map<string, EventRef[]>();
  for (const r of rows) {
    const k = trainingKey(r.title, r.startDate);
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return map;
}

async function peopleInScope(db: Db, actor: Actor, indexes?: string[]) {
  const rows = await db
    .select({
      id: staff.id,
      name: staff.fullName,
      a: staff.idNumberBidx,
      b: staff.passportNumberBidx,
    })
    .from(staff)
    .where(
      and(
        eq(staff.districtCode, actor.districtCode),
        staffVisible(actor),
        indexes
          ? sql`(${inArray(staff.idNumberBidx, indexes as never[])} or ${inArray(staff.passportNumberBidx, indexes as never[])})`
          : undefined,
      ),
    );
  const map = new Map<string, PersonRef>();
  for (const r of rows) {
    if (r.a) map.set(r.a, { id: r.id, name: r.name });
    if (r.b) map.set(r.b, { id: r.id, name: r.name });
  }
  return map;
}

const candidates = (d: Doc) => indexCandidates(d.kind, d.number) as string[];
const find = (people: Map<string, PersonRef>, d: Doc) =>
  candidates(d)
    .map((i) => people.get(i))
    .find(Boolean);

/** The rules of one row against what the caller's scope holds (pure given the context). */
export function attendanceRowErrors(v: AttendanceImportRow, c: AttendanceContext): FieldError[] {
  const errors: FieldError[] = [];
  const found = c.events.get(trainingKey(v.title, v.startDate)) ?? [];
  const event = found.length === 1 ? found[0] : undefined;
  if (found.length === 0)
    errors.push(
      e(
        'title',
        'training_not_found',
        '没有该名称和开始日期的培训（或不在您的管辖范围内）：请先在培训页面登记',
        'No training with this title and start date in your scope: record it on the trainings page first',
      ),
    );
  else if (found.length > 1)
    errors.push(
      e(
        'title',
        'training_ambiguous',
        '同名同日的培训不止一个：请先在培训页面改名区分',
        'More than one training has this title and start date: rename one on the trainings page',
      ),
    );
  const doc = documentOf(v.idNumber, c.today);
  if ('field' in doc) errors.push(doc);
  else {
    const person = find(c.people, doc);
    if (!person)
      errors.push(
        e(
          'idNumber',
          'out_of_scope',
          '该证件号码的人员未登记或不在您的管辖范围内',
          'No registered person in your scope holds this number',
        ),
      );
    else if (person.name !== v.name)
      errors.push(
        e('name', 'name_mismatch', '姓名与登记的不一致', 'The name differs from the one registered'),
      );
  }
  if (event) {
    const hours = v.hours ?? event.hours;
    errors.push(...validateTrainingHours(hours, event.startDate, event.endDate));
    if (hours > event.hours)
      errors.push(
        e(
          'hours',
          'more_than_event',
          '计入课时不能超过培训课时',
          'Credited hours cannot exceed the training hours',
        ),
      );
  }
  return errors;
}

/** Resolve rows (already checked) to training and person ids in the caller's scope, row by row (undefined: unresolved). */
async function resolve(db: Db, actor: Actor, rows: AttendanceImportRow[], today: string) {
  const docs = rows.map((r) => documentOf(r.idNumber, today));
  const valid = docs.filter((d): d is Doc => !('field' in d));
  const events = await eventsInScope(db, actor, [...new Set(rows.map((r) => r.title))]);
  const people = valid.length
    ? await peopleInScope(db, actor, [...new Set(valid.flatMap(candidates))])
    : new Map<string, PersonRef>();
  return rows.map((r, i) => {
    const event = events.get(trainingKey(r.title, r.startDate));
    const doc = docs[i]!;
    const person = 'field' in doc ? undefined : find(people, doc);
    if (event?.length !== 1 || !person) return undefined;
    return { eventId: event[0]!.id, staffId: person.id, hours: r.hours ?? event[0]!.hours };
  });
}

export function attendanceImport(deps: {
  clock: { now(): Date };
}): ImportDefinition<AttendanceImportRow, AttendanceContext> {
  const today = () => localDate(deps.clock.now());
  return {
    kind: 'workforce_attendance',
    titleZh: '培训出勤',
    columns: [
      col(
        'title',
        '培训名称',
        'Training',
        true,
        '2026年第二期职业道德培训',
        '与培训页面登记的名称一致',
        'As recorded on the trainings page',
      ),
      col(
        'startDate',
        '开始日期',
        'Start date',
        true,
        '2026-05-12',
        'YYYY-MM-DD，培训的开始日期',
        "YYYY-MM-DD, the training's start date",
      ),
      col(
        'idNumber',
        '证件号码',
        'Document number',
        true,
        '310118199001010000',
        '公民身份号码，或外籍人员的护照/工作许可证号码',
        'Citizen ID number, or the passport / work-permit number of foreign staff',
      ),
      col('name', '姓名', 'Name', true, '张三', '与登记的姓名一致', 'As registered'),
      col(
        'hours',
        '计入课时',
        'Hours',
        false,
        '8',
        '空：按培训课时；不超过培训课时',
        "Empty: the training's hours; at most those",
      ),
    ],
    toInput: (c) => ({
      title: c.title ?? '',
      startDate: text(c.startDate) ?? '',
      idNumber: c.idNumber ?? '',
      name: c.name ?? '',
      hours: num(c.hours),
    }),
    schema: attendanceImportRow,
    async prepare(db, actor) {
      const [events, people] = await Promise.all([eventsInScope(db, actor), peopleInScope(db, actor)]);
      return { today: today(), events, people };
    },
    rules: (v, _actor, context) => attendanceRowErrors(v, context),
    keyField: 'idNumber',
    naturalKey: (v) =>
      `${trainingKey(v.title, v.startDate)}\u0000${v.idNumber.replace(/\s+/g, '').toUpperCase()}`,
    async existingKeys(db, actor, keys) {
      if (keys.length === 0) return new Set();
      const rows = keys.map((k) => {
        const [title, startDate, idNumber] = k.split('\u0000') as [string, string, string];
        return { title, startDate, idNumber, name: '' };
      });
      const resolved = await resolve(db, actor, rows, today());
      const found = resolved.filter((r) => r !== undefined);
      if (found.length === 0) return new Set();
      const present = await db
        .select({ eventId: trainingAttendance.eventId, staffId: trainingAttendance.staffId })
        .from(trainingAttendance)
        .where(
          and(
            eq(trainingAttendance.districtCode, actor.districtCode),
            inArray(trainingAttendance.eventId, [...new Set(found.map((r) => r.eventId))]),
            inArray(trainingAttendance.staffId, [...new Set(found.map((r) => r.staffId))]),
          ),
        );
      const have = new Set(present.map((p) => `${p.eventId}/${p.staffId}`));
      return new Set(
        keys.filter((_, i) => {
          const r = resolved[i];
          return r !== undefined && have.has(`${r.eventId}/${r.staffId}`);
        }),
      );
    },
    async commitBatch(tx, ctx, actor, rows) {
      const resolved = (await resolve(tx, actor, rows, today())).filter((r) => r !== undefined);
      if (resolved.length === 0) return 0;
      const res = (await tx.execute(sql`
        insert into ${trainingAttendance} (district_code, event_id, staff_id, hours, created_at)
        select ${actor.districtCode}, r.event_id, r.staff_id, r.hours, ${ctx.now.toISOString()}::timestamptz
        from unnest(${sql.param(resolved.map((r) => r.eventId))}::uuid[], ${sql.param(resolved.map((r) => r.staffId))}::uuid[],
          ${sql.param(resolved.map((r) => r.hours))}::float8[]) as r(event_id, staff_id, hours)
        on conflict do nothing
        returning staff_id`)) as unknown as { rows?: unknown[]; rowCount?: number };
      return res.rows?.length ?? res.rowCount ?? 0;
    },
    analyzeTables: ['workforce_training_attendance'],
  };
}
