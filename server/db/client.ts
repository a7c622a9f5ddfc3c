/** One database handle for both drivers: embedded PGlite (default) or a PostgreSQL server. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { keepConnectionErrors } from './pool-errors.ts';
import { type ReplicaHandle, RoutingPool } from './replica.ts';
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
  /** The streaming replica that serves the reads of safe requests (DATABASE_REPLICA_URL; ADR 0031). */
  replica?: ReplicaHandle;
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
  /** A streaming replica of `url` for reads (postgres://…; server/db/replica.ts). */
  replicaUrl?: string;
}

/** Open the configured database. */
export async function openDatabase(opts: DbOptions): Promise<Database> {
  if (opts.replicaUrl && !opts.url) throw new Error('a replica needs the primary (url)');
  if (opts.url) {
    // With a replica, the routing pool decides per statement; exec() (migrations, comments) is always
    // called outside a request, so it runs on the primary.
    const pool = opts.replicaUrl
      ? new RoutingPool({ primaryUrl: opts.url, replicaUrl: opts.replicaUrl, poolSize: opts.poolSize ?? 10 })
      : new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    keepConnectionErrors(pool);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (s) => {
        await pool.query(s);
      },
      close: () => pool.end(),
      ...(pool instanceof RoutingPool ? { replica: pool.replica } : {}),
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
