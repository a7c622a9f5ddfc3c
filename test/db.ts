/** A fresh migrated database for one test file: PGlite from the template, or a new PostgreSQL database. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { generateKeyRing } from '../server/platform/crypto/keys.ts';
import { installKeyRing } from '../server/platform/personal-data.ts';

// Every test file gets fresh personal-data keys (tests of key loss install others).
installKeyRing(generateKeyRing());

export interface TestDatabase extends Database {
  migration: string;
  /** The connection URL on PostgreSQL (undefined on in-memory PGlite). */
  url?: string;
}

/** Open a fresh database for this test file; call `close()` in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = inject('testDatabaseUrl');
  if (!url) {
    const template = inject('pgliteTemplate');
    const database = await openDatabase({ loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) });
    return { ...database, migration: await migrate(database) };
  }
  const name = `tuoyu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 5 });
  const migration = await migrate(database);
  await seedReference(database.db);
  return {
    ...database,
    migration,
    url: u.toString(),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
