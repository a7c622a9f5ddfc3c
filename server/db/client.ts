/** One database handle for both drivers: embedded PGlite (default) or a PostgreSQL server. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Run plain SQL (several statements allowed on PGlite; one on PostgreSQL). */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance (PGlite only), e.g. to dump a test template. */
  pglite?: PGlite;
}

export interface DbOptions {
  /** postgres://… → PostgreSQL; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; undefined = in memory. */
  dataDir?: string;
  /** A PGlite data dump to start from (tests). */
  loadDataDir?: Blob | File;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
}

/** Open the configured database. */
export async function openDatabase(opts: DbOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (s) => {
        await pool.query(s);
      },
      close: () => pool.end(),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (s) => {
      await client.exec(s);
    },
    close: () => client.close(),
    pglite: client,
  };
}
