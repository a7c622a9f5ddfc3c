/** Lost PostgreSQL connections, handled where every pool is made. */
import type pg from 'pg';

/**
 * A pool whose lost connections never crash the process. pg-pool listens for errors only on idle
 * clients; a client checked out (a transaction open, or between a job's statements) whose server goes
 * away emits 'error' with no listener, and Node ends the process for it. The statement in flight is
 * rejected on its own, and the pool drops the client when it is released (no longer queryable), so
 * the listener only has to be there. The fault drill (bench/faults.ts) found this: PostgreSQL
 * restarted under load crashed the server once in CI.
 */
export function keepConnectionErrors(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
}
