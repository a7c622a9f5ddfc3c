/**
 * Paged list + count, one way for every module: the page's rows and the total under the same WHERE,
 * read together. A page past the last answers an empty page (with the true total); a page number so
 * large that its offset is absurd is refused with a 400 naming `page` (the contract usually bounds it
 * first; this keeps the helper safe on its own).
 *
 *   return paged(q, {
 *     rows: (limit, offset) => db.select().from(t).where(where).orderBy(asc(t.name), asc(t.id)).limit(limit).offset(offset),
 *     count: () => countWhere(db, t, where),
 *     map: toSummary,
 *   });
 */
import { count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { fieldError } from './errors.ts';

/** The largest row offset a page may start at (10 million rows). */
export const MAX_OFFSET = 10_000_000;
/** The largest page size a caller may ask for. */
export const MAX_PAGE_SIZE = 100;

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** LIMIT and OFFSET of a page, or a 400 naming the field when the page is out of bounds. */
export function pageWindow({ page, pageSize }: PageQuery): { limit: number; offset: number } {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw fieldError(
      'pageSize',
      'page.size',
      `每页条数须为 1–${MAX_PAGE_SIZE}`,
      `pageSize must be 1–${MAX_PAGE_SIZE}`,
    );
  if (!Number.isSafeInteger(page) || page < 1 || (page - 1) * pageSize > MAX_OFFSET)
    throw fieldError(
      'page',
      'page.range',
      `页码须为 1 至 ${Math.floor(MAX_OFFSET / pageSize) + 1}`,
      `page must be 1 to ${Math.floor(MAX_OFFSET / pageSize) + 1}`,
    );
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** Read one page and the total together; `map` turns rows into the API's items. */
export async function paged<R, T = R>(
  q: PageQuery,
  read: {
    rows: (limit: number, offset: number) => Promise<R[]>;
    count: () => Promise<number>;
    map?: (row: R) => T;
  },
): Promise<Page<T>> {
  const { limit, offset } = pageWindow(q);
  const [rows, total] = await Promise.all([read.rows(limit, offset), read.count()]);
  const items = read.map ? rows.map(read.map) : (rows as unknown as T[]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** `select count(*) from table where …` as a number. */
export async function countWhere(db: Db, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}
