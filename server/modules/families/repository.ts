/**
 * Queries of the Families module. Every read of tenant rows adds `scopeWhere` on the family (town for
 * division scopes, the family itself for a parent); rows of a family (children, guardians, consents,
 * visits) are read only for families already found in scope. Slots are the institution's (a parent
 * sees every slot of the district: they are an offer to the public); bookings and applications carry
 * their family and institution.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import {
  families,
  familyApplications,
  familyBookings,
  familyChildren,
  familyCommunities,
  familyConsents,
  familyGuardians,
  familySessionSignups,
  familySessions,
  familySlots,
  familyVisits,
} from './tables.ts';

/** A guidance sign-up's session (the join of sign-ups to sessions, within the district). */
export const SIGNUP_SESSION = and(
  eq(familySessions.districtCode, familySessionSignups.districtCode),
  eq(familySessions.id, familySessionSignups.sessionId),
);

export type FamilyRow = typeof families.$inferSelect;
export type ChildRow = typeof familyChildren.$inferSelect;
export type GuardianRow = typeof familyGuardians.$inferSelect;
export type ConsentRow = typeof familyConsents.$inferSelect;
export type VisitRow = typeof familyVisits.$inferSelect;
export type SlotRow = typeof familySlots.$inferSelect;
export type BookingRow = typeof familyBookings.$inferSelect;
export type ApplicationRow = typeof familyApplications.$inferSelect;

export const familyScope = {
  district: families.districtCode,
  division: families.townCode,
  family: families.id,
};
export const visitScope = {
  district: familyVisits.districtCode,
  division: familyVisits.townCode,
  family: familyVisits.familyId,
};
export const bookingScope = {
  district: familyBookings.districtCode,
  institution: familyBookings.institutionId,
  family: familyBookings.familyId,
};

/** Slots: by town for officers, the institution's own, and all of the district for a parent. */
export function slotWhere(actor: Actor): SQL {
  // A parent's view is also written out in the booking's prepared statement (hourly.ts, bookStatement).
  if (actor.scope?.kind === 'family') return eq(familySlots.districtCode, actor.districtCode);
  return scopeWhere(actor, {
    district: familySlots.districtCode,
    division: familySlots.townCode,
    institution: familySlots.institutionId,
  });
}

/** Applications: the family's own, those naming the caller's institution, or by town. */
export function applicationWhere(actor: Actor): SQL {
  const s = actor.scope;
  if (s?.kind === 'institution')
    return (
      and(
        eq(familyApplications.districtCode, actor.districtCode),
        sql`${s.institutionId}::uuid = any(${familyApplications.preferences})`,
      ) ?? sql`false`
    );
  return scopeWhere(actor, {
    district: familyApplications.districtCode,
    division: familyApplications.townCode,
    family: familyApplications.familyId,
  });
}

/** One family in scope, or 404 (the same answer as for an id that does not exist). */
export async function getFamily(db: Db, actor: Actor, id: string, lock = false): Promise<FamilyRow> {
  const q = db
    .select()
    .from(families)
    .where(and(scopeWhere(actor, familyScope), eq(families.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  if (!row) throw new DomainError('not_found');
  return row;
}

export async function childrenOf(db: Db, districtCode: string, familyIds: string[]): Promise<ChildRow[]> {
  if (familyIds.length === 0) return [];
  return db
    .select()
    .from(familyChildren)
    .where(and(eq(familyChildren.districtCode, districtCode), inArray(familyChildren.familyId, familyIds)))
    .orderBy(familyChildren.birthDate, familyChildren.id);
}

export async function guardiansOf(db: Db, districtCode: string, familyId: string): Promise<GuardianRow[]> {
  return db
    .select()
    .from(familyGuardians)
    .where(and(eq(familyGuardians.districtCode, districtCode), eq(familyGuardians.familyId, familyId)))
    .orderBy(familyGuardians.position);
}

export async function consentsOf(db: Db, districtCode: string, familyIds: string[]): Promise<ConsentRow[]> {
  if (familyIds.length === 0) return [];
  return db
    .select()
    .from(familyConsents)
    .where(and(eq(familyConsents.districtCode, districtCode), inArray(familyConsents.familyId, familyIds)))
    .orderBy(familyConsents.givenAt);
}

/**
 * SQL: the family has a consent in force for the purpose (lists and jobs skip the others). Columns are
 * written fully qualified: drizzle leaves them bare in a select list, where they would bind to `fc`.
 */
export function hasConsent(purpose: string, on: 'families' | 'family_visits' = 'families'): SQL {
  const family = on === 'families' ? sql.raw('"families"."id"') : sql.raw('"family_visits"."family_id"');
  const district = sql.raw(`"${on}"."district_code"`);
  return sql`exists (select 1 from family_consents fc where fc.district_code = ${district}
    and fc.family_id = ${family} and fc.purpose = ${purpose} and fc.status = 'given')`;
}

/** Community name of each family (by family id), for list answers that label a family by its community. */
export async function communityNamesOf(
  db: Db,
  districtCode: string,
  familyIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (familyIds.length === 0) return names;
  const rows = await db
    .select({ id: families.id, name: familyCommunities.name })
    .from(families)
    .innerJoin(
      familyCommunities,
      and(
        eq(familyCommunities.districtCode, families.districtCode),
        eq(familyCommunities.code, families.communityCode),
      ),
    )
    .where(and(eq(families.districtCode, districtCode), inArray(families.id, [...new Set(familyIds)])));
  for (const r of rows) names.set(r.id, r.name);
  return names;
}
