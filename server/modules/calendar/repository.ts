/**
 * Queries of the calendar module. Reads and writes on behalf of an officer go through `scopeWhere`
 * (the table has no division column, so only a whole-district scope sees its rows). The system read
 * behind every working-day count (`confirmedYears`) is by district code, for any caller's deadlines.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CalendarYearStatus } from '../../../domain/contracts/calendar.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { calendarYears } from './tables.ts';

export type CalendarYearRow = typeof calendarYears.$inferSelect;

const scope = { district: calendarYears.districtCode };

/** Every entry in the actor's scope, newest year first. */
export function entriesInScope(db: Db, actor: Actor) {
  return db
    .select()
    .from(calendarYears)
    .where(scopeWhere(actor, scope))
    .orderBy(desc(calendarYears.year), desc(calendarYears.enteredAt));
}

/** One entry in scope, or 404. */
export async function getEntry(
  db: Db,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<CalendarYearRow> {
  const q = db
    .select()
    .from(calendarYears)
    .where(and(scopeWhere(actor, scope), eq(calendarYears.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new DomainError('not_found');
  return row;
}

/** Entries of one year in scope with the given statuses. */
export function entriesOfYear(db: Db, actor: Actor, year: number, statuses: CalendarYearStatus[]) {
  return db
    .select()
    .from(calendarYears)
    .where(
      and(scopeWhere(actor, scope), eq(calendarYears.year, year), inArray(calendarYears.status, statuses)),
    );
}

/** The district's confirmed years (the system read behind getWorkCalendar). */
export function confirmedYears(db: Db, districtCode: string) {
  return db
    .select()
    .from(calendarYears)
    .where(and(eq(calendarYears.districtCode, districtCode), eq(calendarYears.status, 'confirmed')))
    .orderBy(asc(calendarYears.year));
}

/** Conditional update on the version: 0 rows → 409 conflict.stale_version. */
export async function updateEntry(
  db: Db,
  row: CalendarYearRow,
  expected: number,
  set: Partial<CalendarYearRow>,
  now: Date,
): Promise<CalendarYearRow> {
  const rows = await db
    .update(calendarYears)
    .set({ ...set, updatedAt: now, version: row.version + 1 })
    .where(
      and(
        eq(calendarYears.districtCode, row.districtCode),
        eq(calendarYears.id, row.id),
        eq(calendarYears.version, expected),
      ),
    )
    .returning();
  if (rows.length === 0) throw new DomainError('conflict.stale_version');
  return rows[0]!;
}
