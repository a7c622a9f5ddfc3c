/**
 * LIKE/ILIKE search terms: `%`, `_` and `\` in what the user typed match literally (backslash is
 * PostgreSQL's default LIKE escape character).
 *
 *   where(containsAny([t.name, t.address], q.q))   // name or address contains the term, case-insensitive
 */
import { ilike, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** The term with LIKE's wildcards and escape character escaped. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A pattern matching values that contain `term` literally. */
export const containsPattern = (term: string) => `%${likeEscape(term)}%`;

/** Any of the columns contains `term` (case-insensitive); undefined (no condition) for an empty term. */
export function containsAny(columns: AnyPgColumn[], term: string | undefined): SQL | undefined {
  if (!term) return undefined;
  const p = containsPattern(term);
  return or(...columns.map((c) => ilike(c, p)));
}
