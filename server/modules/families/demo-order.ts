/**
 * The demo's families in an order that depends only on what the seeded Rng chose. Families, children and
 * guardians made from birth records get UUIDv7 ids from the clock (records.ts), all in the same
 * millisecond, so ordering them by id shuffles them afresh on every seed: a demo that draws over rows in
 * id order gives different rows their bookings, registrations or requests on each run (a journey once
 * found the demo parent's younger child without free hours for that reason). The later demos sort by
 * this rank instead: community, the first child's birth date and name, address; the id only breaks a
 * tie of all of them.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { families, familyChildren } from './tables.ts';

/** Each family of the district (anonymised ones included) with its place in the demo order. */
export async function demoFamilyRank(db: Db, district: string): Promise<Map<string, number>> {
  const rows = await db
    .select({
      id: families.id,
      community: families.communityCode,
      address: families.address,
      first: sql<string>`coalesce(min(${familyChildren.birthDate}::text || ' ' || ${familyChildren.childName}), '')`,
    })
    .from(families)
    .leftJoin(
      familyChildren,
      and(eq(familyChildren.districtCode, families.districtCode), eq(familyChildren.familyId, families.id)),
    )
    .where(eq(families.districtCode, district))
    .groupBy(families.districtCode, families.id);
  rows.sort(
    (a, b) =>
      byText(a.community, b.community) ||
      byText(a.first, b.first) ||
      byText(a.address, b.address) ||
      byText(a.id, b.id),
  );
  return new Map(rows.map((r, i) => [r.id, i]));
}

/** Code-point order: the same on every Node version and locale (localeCompare follows ICU). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts `rows` in place by their family's demo rank, then by `then` within a family. */
export function inDemoOrder<T extends { familyId: string }>(
  rows: T[],
  rank: Map<string, number>,
  then: (a: T, b: T) => number = () => 0,
): T[] {
  return rows.sort((a, b) => rank.get(a.familyId)! - rank.get(b.familyId)! || then(a, b));
}
