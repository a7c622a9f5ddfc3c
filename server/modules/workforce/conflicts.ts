/**
 * Staff ties between institutions, for other modules' conflict rules: the quality module's peer draw
 * must not let an institution review one where a member of its current staff works or worked.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { employments } from './tables.ts';

/**
 * Pairs (reviewer, target) among `institutionIds` where someone actively employed at the reviewer has
 * (or had) an employment at the target. Deterministic: sorted, without duplicates.
 */
export async function sharedStaffPairs(
  db: Db,
  districtCode: string,
  institutionIds: readonly string[],
): Promise<{ reviewerId: string; targetId: string }[]> {
  if (institutionIds.length < 2) return [];
  const now = alias(employments, 'now_at');
  const other = alias(employments, 'other_at');
  const rows = await db
    .selectDistinct({ reviewerId: now.institutionId, targetId: other.institutionId })
    .from(now)
    .innerJoin(other, and(eq(other.districtCode, now.districtCode), eq(other.staffId, now.staffId)))
    .where(
      and(
        eq(now.districtCode, districtCode),
        eq(now.status, 'active'),
        inArray(now.institutionId, [...institutionIds]),
        inArray(other.institutionId, [...institutionIds]),
        ne(other.institutionId, now.institutionId),
      ),
    )
    .orderBy(sql`1`, sql`2`);
  return rows;
}
