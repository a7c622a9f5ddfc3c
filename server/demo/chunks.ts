/**
 * Demo data goes in by chunks: one INSERT per `size` rows keeps each statement's parameters under
 * PostgreSQL's 65,535 limit (and PGlite's memory small) however many rows a module's demo builds.
 */
export async function insertChunks<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
  size = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}
