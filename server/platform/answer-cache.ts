/**
 * Answers that cost a lot to compute and are read far more often than the records behind them change —
 * the plan's target table, measured from every module's records, on the portal and on officers' home
 * pages (ADR 0030). An answer is kept per key (district, scope, query, day) in this process and served
 * again while one of these holds:
 * - **nothing was written since** in its district: every write is audited in its own transaction
 *   (ADR 0004, 0017), so the number of the district's committed audit entries (sealed + pending) grows
 *   with every committed write and never shrinks — the answer's "data version". Exact: an answer
 *   served this way equals a fresh one;
 * - or the caller allows a stale answer (`maxStaleMs`) and the answer is younger than that. The caller
 *   must show when the answer was measured (its `asOf`), so nobody reads it as live.
 * Concurrent misses of one key share one computation. At most `maxEntries` answers are kept (the least
 * recently used go first). Nothing here crosses processes: each server process keeps its own.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** The district's committed audit entries (sealed + pending): grows with every committed write. */
export async function districtDataVersion(db: Db, districtCode: string): Promise<number> {
  // One statement, so one snapshot: the sealer moves entries from pending to sealed in one transaction.
  const r = await db.execute(sql`select
    coalesce((select seq from audit_chain_head where district_code = ${districtCode}), 0)
    + (select count(*) from audit_log where district_code = ${districtCode} and seq is null) as v`);
  const [row] = (r as unknown as { rows: { v: string | number }[] }).rows;
  return Number(row?.v ?? 0);
}

interface Entry<T> {
  version: number;
  /** Wall-clock ms when the computation started (its reads saw the data as of then or later). */
  at: number;
  value: Promise<T>;
}

export interface AnswerCacheStats {
  hits: number;
  misses: number;
  entries: number;
}

export function createAnswerCache<T>(o: { maxEntries: number; now?: () => number }) {
  const entries = new Map<string, Entry<T>>();
  const now = o.now ?? Date.now;
  const stats = { hits: 0, misses: 0 };

  function remember(key: string, e: Entry<T>) {
    entries.delete(key);
    entries.set(key, e);
    while (entries.size > o.maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  }

  return {
    /**
     * The answer for `key` in `districtCode`: a kept one if still valid (see the header), else
     * `compute()` (kept when it succeeds; a failure is not kept).
     */
    async get(
      db: Db,
      districtCode: string,
      key: string,
      compute: () => Promise<T>,
      opts: { maxStaleMs?: number } = {},
    ): Promise<T> {
      const k = `${districtCode}\u0000${key}`;
      const known = entries.get(k);
      const t = now();
      if (known && opts.maxStaleMs !== undefined && t - known.at <= opts.maxStaleMs) {
        stats.hits++;
        remember(k, known);
        return known.value;
      }
      const version = await districtDataVersion(db, districtCode);
      const again = entries.get(k);
      if (again && again.version === version) {
        stats.hits++;
        remember(k, again);
        return again.value;
      }
      stats.misses++;
      const e: Entry<T> = { version, at: t, value: compute() };
      remember(k, e);
      try {
        return await e.value;
      } catch (err) {
        if (entries.get(k) === e) entries.delete(k);
        throw err;
      }
    },
    stats(): AnswerCacheStats {
      return { ...stats, entries: entries.size };
    },
    clear() {
      entries.clear();
    },
  };
}
export type AnswerCache<T> = ReturnType<typeof createAnswerCache<T>>;
