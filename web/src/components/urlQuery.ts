/**
 * A list's query (page, pageSize, filters, sort) kept in the URL and parsed with the contract's zod
 * schema, so a shared or reloaded link shows the same page and a bad parameter is dropped, not obeyed.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

export interface PageQuery {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/** The URL's parameters through the schema; invalid or unknown parameters are left out. */
export function parseQuery<Q>(schema: z.ZodType<Q>, params: URLSearchParams): Q {
  const raw: Record<string, string> = Object.fromEntries(params);
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') for (const k of issue.keys) delete raw[k];
      else if (issue.path[0] !== undefined) delete raw[String(issue.path[0])];
    }
  }
  return schema.parse({});
}

function setOrDelete(next: URLSearchParams, key: string, value: string | undefined) {
  if (value === undefined || value === '') next.delete(key);
  else next.set(key, value);
}

export interface UrlQuery<Q> {
  query: Q;
  /** Set or clear one filter; goes back to page 1. */
  setFilter: (key: keyof Q & string, value: string | undefined) => void;
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: string | undefined, order: 'asc' | 'desc' | undefined) => void;
}

export function useUrlQuery<Q extends PageQuery>(schema: z.ZodType<Q>): UrlQuery<Q> {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseQuery(schema, params), [schema, params]);
  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return {
    query,
    setFilter: useCallback(
      (key, value) =>
        update((next) => {
          setOrDelete(next, key, value);
          next.delete('page');
        }),
      [update],
    ),
    setPage: useCallback(
      (page, pageSize) =>
        update((next) => {
          next.set('page', String(page));
          next.set('pageSize', String(pageSize));
        }),
      [update],
    ),
    setSort: useCallback(
      (sort, order) =>
        update((next) => {
          setOrDelete(next, 'sort', sort);
          setOrDelete(next, 'order', sort ? order : undefined);
          next.delete('page');
        }),
      [update],
    ),
  };
}
