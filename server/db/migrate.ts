/** Apply the committed, generated migrations (forward-only), then the table and column comments. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { commentStatements } from '../platform/comments.ts';
import type { Database } from './client.ts';
import './schema.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** Migrate the database and set comments; returns the latest applied migration tag. */
export async function migrate(database: Database): Promise<string> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePg(database.db as unknown as NodePgDatabase, config);
  for (const stmt of commentStatements()) await database.exec(stmt);
  return migrationVersion(database);
}

/** The tag of the latest applied migration (e.g. "0001_audit_append_only"). */
export async function migrationVersion(database: Database): Promise<string> {
  const rows = await database.db.execute<{ created_at: string | number }>(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  // Both drivers answer with `{ rows }`.
  const row = (rows as unknown as { rows: { created_at: string | number }[] }).rows[0];
  if (!row) return 'none';
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const when = Number(row.created_at);
  return journal.entries.find((e) => e.when === when)?.tag ?? String(when);
}
