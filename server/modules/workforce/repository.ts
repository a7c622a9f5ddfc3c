/**
 * Scoped reads of the workforce tables. A person is seen by a district-wide officer always, and by a
 * town officer or institution admin through an employment in its scope; employments, assignments and
 * the history are shown only where they lie in the caller's scope (an institution admin sees its own).
 */
import { and, asc, eq, exists, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import {
  banEntries,
  banMatches,
  certificates,
  classAssignments,
  employments,
  staff,
  trainingAttendance,
  trainingEvents,
} from './tables.ts';

export type StaffRow = typeof staff.$inferSelect;
export type EmploymentRow = typeof employments.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;

/** The guard's view of an employment: district, its institution's town, the institution. */
export const employmentScope = {
  district: employments.districtCode,
  division: employments.townCode,
  institution: employments.institutionId,
};

export const institutionScopeCols = {
  district: institutions.districtCode,
  division: institutions.townCode,
  institution: institutions.id,
};

/** A person the actor may see: the whole district's officers see everyone; others through an employment. */
export function staffVisible(actor: Actor): SQL {
  return (
    or(
      scopeWhere(actor, { district: staff.districtCode }),
      exists(
        sql`(select 1 from ${employments} where ${employments.districtCode} = ${staff.districtCode} and ${employments.staffId} = ${staff.id} and ${scopeWhere(actor, employmentScope)})`,
      ),
    ) ?? sql`false`
  );
}

export async function findStaff(db: Db, actor: Actor, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(staff)
    .where(and(eq(staff.districtCode, actor.districtCode), eq(staff.id, id), staffVisible(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getStaff(db: Db, actor: Actor, id: string, forUpdate = false): Promise<StaffRow> {
  const row = await findStaff(db, actor, id, forUpdate);
  if (!row) throw new DomainError('not_found');
  return row;
}

/** Employments of people, in the actor's scope, with the institution's name. */
export async function employmentsOf(db: Db, actor: Actor, staffIds: readonly string[], onlyActive = false) {
  if (staffIds.length === 0) return [];
  return db
    .select({ e: employments, institutionName: institutions.name, institutionKind: institutions.kind })
    .from(employments)
    .innerJoin(
      institutions,
      and(
        eq(institutions.districtCode, employments.districtCode),
        eq(institutions.id, employments.institutionId),
      ),
    )
    .where(
      and(
        scopeWhere(actor, employmentScope),
        inArray(employments.staffId, [...staffIds]),
        onlyActive ? eq(employments.status, 'active') : undefined,
      ),
    )
    .orderBy(asc(employments.startDate), asc(employments.id));
}

/** Certificates of people already read in scope. */
export async function certificatesOf(db: Db, districtCode: string, staffIds: readonly string[]) {
  if (staffIds.length === 0) return [];
  return db
    .select()
    .from(certificates)
    .where(and(eq(certificates.districtCode, districtCode), inArray(certificates.staffId, [...staffIds])))
    .orderBy(asc(certificates.issuedOn), asc(certificates.id));
}

/** Which of these people match a ban entry still in force. */
export async function bannedOf(
  db: Db,
  districtCode: string,
  staffIds: readonly string[],
): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const rows = await db
    .select({ staffId: banMatches.staffId })
    .from(banMatches)
    .innerJoin(
      banEntries,
      and(eq(banEntries.districtCode, banMatches.districtCode), eq(banEntries.id, banMatches.banEntryId)),
    )
    .where(
      and(
        eq(banMatches.districtCode, districtCode),
        inArray(banMatches.staffId, [...staffIds]),
        isNull(banEntries.liftedAt),
      ),
    );
  return new Set(rows.map((r) => r.staffId));
}

/** Class assignments of employments (already read in scope), with the class names. */
export async function assignmentsOf(db: Db, districtCode: string, employmentIds: readonly string[]) {
  if (employmentIds.length === 0) return [];
  return db
    .select({
      employmentId: classAssignments.employmentId,
      classId: classAssignments.classId,
      name: institutionClasses.name,
    })
    .from(classAssignments)
    .innerJoin(
      institutionClasses,
      and(
        eq(institutionClasses.districtCode, classAssignments.districtCode),
        eq(institutionClasses.id, classAssignments.classId),
      ),
    )
    .where(
      and(
        eq(classAssignments.districtCode, districtCode),
        inArray(classAssignments.employmentId, [...employmentIds]),
      ),
    )
    .orderBy(asc(institutionClasses.position));
}

/** Attendance of people (already read in scope) in a year, with the events. */
export async function attendanceOf(db: Db, districtCode: string, staffIds: readonly string[], year: number) {
  if (staffIds.length === 0) return [];
  return db
    .select({
      staffId: trainingAttendance.staffId,
      eventId: trainingEvents.id,
      title: trainingEvents.title,
      category: trainingEvents.category,
      startDate: trainingEvents.startDate,
      hours: trainingAttendance.hours,
    })
    .from(trainingAttendance)
    .innerJoin(
      trainingEvents,
      and(
        eq(trainingEvents.districtCode, trainingAttendance.districtCode),
        eq(trainingEvents.id, trainingAttendance.eventId),
      ),
    )
    .where(
      and(
        eq(trainingAttendance.districtCode, districtCode),
        inArray(trainingAttendance.staffId, [...staffIds]),
        sql`${trainingEvents.startDate} >= ${`${year}-01-01`} and ${trainingEvents.startDate} <= ${`${year}-12-31`}`,
      ),
    )
    .orderBy(asc(trainingEvents.startDate));
}
