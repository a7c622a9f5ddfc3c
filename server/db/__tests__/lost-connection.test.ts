/**
 * A connection lost while it is checked out never ends the process (server/db/pool-errors.ts).
 *
 * pg-pool listens for 'error' only on idle clients. A transaction's client whose backend goes away
 * emits 'error' on the client itself; without a listener Node throws it as an uncaught exception and
 * the server dies — the fault drill's "PostgreSQL restarted under load" did so once in CI. Here the
 * backend of an open transaction is terminated from another connection: the transaction must fail as
 * a rejected promise, nothing may be thrown outside it, and the pool must serve the next query.
 *
 * PostgreSQL only (TEST_DATABASE_URL); PGlite has no connections to lose.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../client.ts';

const url = inject('testDatabaseUrl');

describe.skipIf(!url)('a lost connection (PostgreSQL)', () => {
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  beforeEach(() => {
    uncaught.length = 0;
    process.on('uncaughtException', onUncaught);
  });
  afterEach(() => {
    process.off('uncaughtException', onUncaught);
  });

  async function terminate(pid: number) {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await other.end();
    }
  }

  for (const withReplica of [false, true]) {
    it(`inside a transaction fails that transaction only${withReplica ? ' (routing pool)' : ''}`, async () => {
      const database = await openDatabase({
        url,
        poolSize: 2,
        ...(withReplica ? { replicaUrl: url } : {}),
      });
      try {
        const outcome = await database.db
          .transaction(async (tx) => {
            const r = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
              rows: { pid: number }[];
            };
            await terminate(Number(r.rows[0]?.pid));
            // Let the socket's end arrive while the client is still checked out and idle.
            await new Promise((resolve) => setTimeout(resolve, 200));
            await tx.execute(sql`select 1`);
            return 'committed';
          })
          .then(
            (v) => v,
            (e: Error) => `rejected: ${e.message}`,
          );
        expect(outcome).toMatch(/^rejected: /);
        expect(uncaught).toEqual([]);
        // The dead client was dropped on release; the pool connects afresh.
        const again = (await database.db.execute(sql`select 41 + 1 as n`)) as unknown as {
          rows: { n: number }[];
        };
        expect(Number(again.rows[0]?.n)).toBe(42);
      } finally {
        await database.close();
      }
    });
  }
});
