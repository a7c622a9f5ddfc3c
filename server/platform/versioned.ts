/**
 * Optimistic concurrency, one way for every versioned table (columns district_code, id, version,
 * updated_at): a conditional UPDATE … WHERE version = <the version the caller read>; no row updated
 * means someone else changed it first → 409 conflict.stale_version. The update bumps the version and
 * sets updated_at to the request's clock time.
 *
 *   const row = await repo.getInScope(tx, actor, id, true);          // read in scope, locked
 *   const next = await updateVersioned(tx, institutions, row, body.version, { name: body.name }, ctx.now);
 */
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { DomainError } from './errors.ts';

interface VersionedColumns {
  districtCode: PgColumn;
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
}

/** The row after the update; 409 conflict.stale_version when `expected` is not the current version. */
export async function updateVersioned<T extends PgTable & VersionedColumns>(
  tx: Db,
  table: T,
  row: { districtCode: string; id: string },
  expected: number,
  set: Partial<T['$inferInsert']>,
  now: Date,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .update(table as PgTable)
    .set({ ...set, updatedAt: now, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.districtCode, row.districtCode), eq(table.id, row.id), eq(table.version, expected)))
    .returning()) as T['$inferSelect'][];
  if (rows.length === 0) throw new DomainError('conflict.stale_version');
  return rows[0]!;
}

/** For a write that does not change the row itself (e.g. unlocking an account): the version must match. */
export function assertVersion(row: { version: number }, expected: number): void {
  if (row.version !== expected) throw new DomainError('conflict.stale_version');
}
