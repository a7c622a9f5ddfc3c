/**
 * Reads on a streaming replica, writes on the primary (issue 15, ADR 0031). node-postgres gets one
 * "pool" that drizzle cannot tell from a pg.Pool: `connect()` — what drizzle uses for transactions —
 * is always the primary; `query()` goes to the replica only when the current request allows it (the
 * read-routing store, set by server/platform/read-routing.ts) and the statement is not a write. A
 * replica that refuses (25006: a GET that writes), conflicts with its recovery or is unreachable
 * makes the statement run again on the primary, so a user never sees the replica's trouble.
 * The `Db` type is unchanged: no module knows where its reads go.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { keepConnectionErrors } from './pool-errors.ts';

/** What one request allows (absent outside requests: jobs, migrations, scripts — all on the primary). */
export interface ReadRoutingStore {
  /** A GET/HEAD whose client has no unseen write: its statements may read on the replica. */
  allowReplica: boolean;
  /** A statement of this request wrote on the primary: later reads stay there (read-your-writes). */
  wrote: boolean;
}

export const readRouting = new AsyncLocalStorage<ReadRoutingStore>();

/** A statement that changes rows (by its text; drizzle writes these keywords in lower case). */
const WRITE = /\b(insert\s+into|update\s+\S+\s+set|delete\s+from|merge\s+into)\b/i;
export const isWriteStatement = (text: string) => WRITE.test(text);

type QueryArg = string | { text: string };
type PoolQuery = (this: pg.Pool, text: string) => Promise<pg.QueryResult>;
const textOf = (q: unknown) => (typeof q === 'string' ? q : ((q as { text?: string })?.text ?? ''));

/**
 * The primary's connections: a write seen inside the current request marks it, whether it came through
 * `query()` or a transaction's client, so later reads of the request and the client's next GETs (the
 * LSN cookie) see it.
 */
class TrackingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query has a dozen overloads; this only looks.
  override query(...args: any[]): any {
    const store = readRouting.getStore();
    if (store && !store.wrote && isWriteStatement(textOf(args[0]))) store.wrote = true;
    // biome-ignore lint/suspicious/noExplicitAny: forwarded unchanged.
    return (super.query as any)(...args);
  }
}

/** A log sequence number `X/Y` (hex) as a number, or null when it is not one. */
export function parseLsn(value: unknown): bigint | null {
  if (typeof value !== 'string') return null;
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(value);
  if (!m) return null;
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

/**
 * Errors after which the primary is asked instead: a write refused by the standby (25006), a query
 * cancelled by a conflict with recovery (40001), the replica restarting, full or unreachable (08…,
 * 57P0x, 53300, and driver errors without a SQLSTATE: refused, reset, timed out, terminated).
 * Any other SQLSTATE is the statement's own error and would be the same on the primary.
 */
export function replicaShouldYield(error: unknown): 'refused' | 'unreachable' | null {
  // Only the server's own errors carry a SQLSTATE; the driver's (ECONNREFUSED, EPIPE — five letters
  // too —, timeouts, "Connection terminated") mean the replica could not be asked.
  if (error instanceof TypeError || error instanceof RangeError) return null; // a bug, the same anywhere
  if (!(error instanceof pg.DatabaseError)) return 'unreachable';
  const code = error.code ?? '';
  if (code === '25006' || code === '40001') return 'refused';
  if (code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300') return 'unreachable';
  return null;
}

export interface ReplicaStatus {
  state: 'up' | 'down' | 'not_standby';
  /** Bytes of WAL the replica has not replayed yet (null when unknown). */
  lagBytes: number | null;
}

export interface ReplicaHandle {
  /** The replica's replayed LSN (cached ~20 ms; a failure is remembered 2 s); null: not usable. */
  replayLsn(): Promise<bigint | null>;
  /** The primary's current WAL position `X/Y` (for the client's read-your-writes cookie). */
  primaryLsn(): Promise<string | null>;
  status(): Promise<ReplicaStatus>;
  /** Statements answered by the replica / re-run on the primary since start (tests, diagnostics). */
  counters: { replica: number; fallback: number };
}

export interface RoutingOptions {
  primaryUrl: string;
  replicaUrl: string;
  poolSize: number;
  /** How long a replay LSN is trusted (ms). */
  replayCacheMs?: number;
  /** How long an unreachable replica is left alone before it is tried again (ms). */
  downForMs?: number;
}

/**
 * The primary's pool with `query()` routed. It must stay a pg.Pool (drizzle opens transactions with
 * `connect()` only on something it recognises as a pool).
 */
export class RoutingPool extends pg.Pool {
  readonly replicaPool: pg.Pool;
  readonly replica: ReplicaHandle;
  private downUntil = 0;
  private cached: { at: number; lsn: bigint | null } | undefined;
  private pending: Promise<bigint | null> | undefined;

  constructor(private readonly opts: RoutingOptions) {
    super({ connectionString: opts.primaryUrl, max: opts.poolSize, Client: TrackingClient });
    // A short connect timeout: an unreachable replica costs a request one second once, then `downForMs`.
    this.replicaPool = new pg.Pool({
      connectionString: opts.replicaUrl,
      max: opts.poolSize,
      connectionTimeoutMillis: 1000,
      application_name: 'tuoyu-replica-reads',
    });
    keepConnectionErrors(this.replicaPool);
    this.replica = {
      counters: { replica: 0, fallback: 0 },
      replayLsn: () => this.replayLsn(),
      primaryLsn: async () => {
        try {
          // Straight to the primary's own pool (not routed).
          const r: pg.QueryResult = await (pg.Pool.prototype.query as PoolQuery).call(
            this,
            'select pg_current_wal_lsn()::text as lsn',
          );
          return (r.rows[0] as { lsn: string } | undefined)?.lsn ?? null;
        } catch {
          return null;
        }
      },
      status: () => this.status(),
    };
  }

  private markDown() {
    this.downUntil = Date.now() + (this.opts.downForMs ?? 2000);
    this.cached = { at: Date.now(), lsn: null };
  }

  private async replayLsn(): Promise<bigint | null> {
    const now = Date.now();
    if (now < this.downUntil) return null;
    if (this.cached && now - this.cached.at < (this.opts.replayCacheMs ?? 20)) return this.cached.lsn;
    this.pending ??= this.replicaPool
      .query('select pg_last_wal_replay_lsn()::text as lsn')
      .then(
        (r) => {
          // NULL: not in recovery (a promoted or mistaken URL) — reading there could miss the primary's rows.
          const lsn = parseLsn((r.rows[0] as { lsn: string | null } | undefined)?.lsn);
          this.cached = { at: Date.now(), lsn };
          return lsn;
        },
        () => {
          this.markDown();
          return null;
        },
      )
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private async status(): Promise<ReplicaStatus> {
    try {
      const r = await this.replicaPool.query('select pg_last_wal_replay_lsn()::text as lsn');
      const replay = parseLsn((r.rows[0] as { lsn: string | null }).lsn);
      if (replay === null) return { state: 'not_standby', lagBytes: null };
      const primary = parseLsn(await this.replica.primaryLsn());
      const lag = primary === null ? null : primary > replay ? Number(primary - replay) : 0;
      return { state: 'up', lagBytes: lag };
    } catch {
      return { state: 'down', lagBytes: null };
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool.query's overloads; drizzle uses the promise form.
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: forwarded unchanged.
    const primary = () => (pg.Pool.prototype.query as any).apply(this, args);
    const store = readRouting.getStore();
    if (
      typeof args[args.length - 1] === 'function' ||
      !store?.allowReplica ||
      store.wrote ||
      Date.now() < this.downUntil ||
      isWriteStatement(textOf(args[0] as QueryArg))
    )
      return primary();
    // biome-ignore lint/suspicious/noExplicitAny: forwarded unchanged.
    return (this.replicaPool.query as any)(...args).then(
      (result: unknown) => {
        this.replica.counters.replica++;
        return result;
      },
      (error: unknown) => {
        const why = replicaShouldYield(error);
        if (!why) throw error;
        this.replica.counters.fallback++;
        if (why === 'unreachable') this.markDown();
        // A statement the standby refused wanted to write (SELECT … FOR UPDATE, a function that writes):
        // the rest of the request reads where it wrote.
        else if (store) store.wrote = true;
        return primary();
      },
    );
  }

  override async end(): Promise<void> {
    await Promise.all([super.end(), this.replicaPool.end()]);
  }
}
