/**
 * Status history, one way for every lifecycle (domain/lifecycle.ts): a table per object type with the
 * same columns — who, when, from, to, action, reason (or review opinion) — and one function that appends
 * a row inside the caller's transaction. Declare the table with `historyColumns` plus the parent key:
 *
 *   export const fooHistory = pgTable('foo_status_history',
 *     { ...historyColumns(FOO_STATES, ['create', ...FOO_ACTIONS]), fooId: uuid('foo_id').notNull() },
 *     (t) => [primaryKey({ columns: [t.districtCode, t.id] }), fooFk(t), index(…).on(t.districtCode, t.fooId, t.at), ...enumChecks(t)]);
 *   comment(fooHistory, …, { ...historyComments(), fooId: ['所属 ID', 'Foo id'] });
 *   const history = statusHistory(fooHistory, 'fooId');
 *   await history.append(tx, ctx, actor, { districtCode, objectId, action: 'submit', from: 'draft', to: 'submitted' });
 */
import { and, desc, eq } from 'drizzle-orm';
import { type PgColumn, type PgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import type { Actor, RequestContext } from './context.ts';
import { enumText } from './enum-columns.ts';
import { uuidv7 } from './ids.ts';
import { DISTRICT_COMMENT, districtCode, tz } from './tables.ts';

type Values = readonly [string, ...string[]];

/** The common columns of a status-history table (add the parent key column yourself). */
export function historyColumns<const S extends Values, const A extends Values>(states: S, actions: A) {
  return {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    action: enumText('action', actions).notNull(),
    fromStatus: enumText('from_status', states),
    toStatus: enumText('to_status', states).notNull(),
    reason: varchar('reason', { length: 500 }),
    actorId: uuid('actor_id'),
    actorUsername: varchar('actor_username', { length: 64 }),
    at: tz('at').notNull(),
  };
}

/** The zh/en comments of the common columns. */
export function historyComments(
  reasonText: [zh: string, en: string] = ['原因或审核意见', 'Reason or review opinion'],
) {
  return {
    districtCode: DISTRICT_COMMENT,
    id: ['记录 ID', 'Entry id'] as [string, string],
    action: ['动作（create 或生命周期动作）', 'Action (create or a lifecycle action)'] as [string, string],
    fromStatus: ['原状态', 'Status before'] as [string, string],
    toStatus: ['新状态', 'Status after'] as [string, string],
    reason: reasonText,
    actorId: ['操作人账号 ID', 'Actor account id'] as [string, string],
    actorUsername: ['操作人登录名', 'Actor login name'] as [string, string],
    at: ['时间', 'Time'] as [string, string],
  };
}

/** One transition (or the creation) of an object, as appended to its history. */
export interface HistoryEntry<S extends string = string, A extends string = string> {
  districtCode: string;
  objectId: string;
  action: A;
  from: S | null;
  to: S;
  reason?: string | null | undefined;
}

interface HistoryCols {
  districtCode: PgColumn;
  id: PgColumn;
  at: PgColumn;
}

/** The append and read functions of one history table; `parentKey` is the column naming the object. */
export function statusHistory<T extends PgTable & HistoryCols, K extends keyof T['$inferInsert'] & keyof T>(
  table: T,
  parentKey: K,
) {
  type Row = T['$inferSelect'];
  type S = T['$inferInsert'] extends { toStatus: infer X } ? X & string : string;
  type A = T['$inferInsert'] extends { action: infer X } ? X & string : string;
  const parent = table[parentKey] as unknown as PgColumn;
  return {
    table,
    /** The history row (not yet written), e.g. to insert several in one statement. */
    row(ctx: RequestContext, actor: Actor | null, e: HistoryEntry<S, A>) {
      return {
        districtCode: e.districtCode,
        id: uuidv7(ctx.now.getTime()),
        [parentKey]: e.objectId,
        action: e.action,
        fromStatus: e.from,
        toStatus: e.to,
        reason: e.reason?.trim() || null,
        actorId: actor?.userId ?? null,
        actorUsername: actor?.username ?? null,
        at: ctx.now,
      } as unknown as T['$inferInsert'];
    },
    /** Append one row inside the caller's transaction. */
    async append(tx: Db, ctx: RequestContext, actor: Actor | null, e: HistoryEntry<S, A>): Promise<void> {
      await tx.insert(table).values(this.row(ctx, actor, e));
    },
    /** The object's history, newest first (the caller has already found the object in scope). */
    of(db: Db, districtCode: string, objectId: string): Promise<Row[]> {
      return db
        .select()
        .from(table as PgTable)
        .where(and(eq(table.districtCode, districtCode), eq(parent, objectId)))
        .orderBy(desc(table.at), desc(table.id)) as unknown as Promise<Row[]>;
    },
  };
}
