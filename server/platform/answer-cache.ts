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
 * recently used go first) in the process.
 * With `store` (ADR 0033) answers are also kept in the `kept_answers` table with their data version, so
 * another process serves them under the same rule instead of measuring again (a starting process drops
 * them before its first read: `forgetStoredOnFirstUse`, its code may measure differently). And with
 * `refreshBehindMs` a slow answer (its last measurement took longer) is not measured while the caller
 * waits after a write: the previous answer is served, marked by `stale` (the caller shows that it is
 * being measured again, and its `asOf`), and one measurement runs behind it.
 */
import { createHash } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { keptAnswers } from './tables.ts';

/** The district's committed audit entries (sealed + pending): grows with every committed write. */
export async function districtDataVersion(db: Db, districtCode: string): Promise<number> {
  const r = await db.execute(districtDataVersionSql(districtCode));
  const [row] = (r as unknown as { rows: { v: string | number }[] }).rows;
  return Number(row?.v ?? 0);
}

/** The statement of districtDataVersion (column `v`; a benchmark's bare route runs it too). */
export function districtDataVersionSql(districtCode: string): SQL {
  // One statement, so one snapshot: the sealer moves entries from pending to sealed in one transaction.
  return sql`select
    coalesce((select seq from audit_chain_head where district_code = ${districtCode}), 0)
    + (select count(*) from audit_log where district_code = ${districtCode} and seq is null) as v`;
}

interface Entry<T> {
  version: number;
  /** What else the answer depends on besides the data (e.g. the China date its statuses are judged on). */
  epoch: string;
  /** Wall-clock ms when the computation started (its reads saw the data as of then or later). */
  at: number;
  value: Promise<T>;
  /** Set once the computation succeeded: its answer and how long it took. */
  done?: { value: T; tookMs: number };
}

export interface AnswerCacheStats {
  hits: number;
  /** Hits served from the kept_answers table (measured by another process, or before a restart). */
  storedHits: number;
  misses: number;
  /** Answers served while the district had written since, with a measurement started behind them. */
  behind: number;
  /** Measurements behind an answer that failed (the next read starts another). */
  refreshFailures: number;
  entries: number;
}

export interface AnswerGetOptions<T> {
  /** Serve a kept answer younger than this even after writes (the caller shows its `asOf`). */
  maxStaleMs?: number;
  /**
   * When the district wrote since the kept answer and measuring it took longer than this (ms), serve the
   * kept answer through `stale` at once and measure again behind it (one measurement per key at a time);
   * a quicker answer is measured again while the caller waits, as without this option.
   */
  refreshBehindMs?: number;
  /** Marks an answer served behind a measurement (e.g. `refreshing: true`); identity by default. */
  stale?: (value: T) => T;
  /**
   * What else the answer depends on (e.g. today's date): an answer of another epoch is never served as
   * current, but may be served behind a measurement like one of an older data version.
   */
  epoch?: string;
}

type Stored<T> = { version: number; epoch: string; at: number; tookMs: number; value: T };

async function loadKept<T>(db: Db, districtCode: string, cache: string, keyHash: string) {
  const [row] = await db
    .select()
    .from(keptAnswers)
    .where(
      and(
        eq(keptAnswers.districtCode, districtCode),
        eq(keptAnswers.cache, cache),
        eq(keptAnswers.keyHash, keyHash),
      ),
    );
  if (!row) return undefined;
  const kept = row.answer as { epoch: string; value: T };
  return {
    version: row.dataVersion,
    epoch: kept.epoch,
    at: row.measuredAt.getTime(),
    tookMs: row.tookMs,
    value: kept.value,
  } satisfies Stored<T>;
}

async function saveKept<T>(db: Db, districtCode: string, cache: string, keyHash: string, a: Stored<T>) {
  const set = {
    dataVersion: a.version,
    measuredAt: new Date(a.at),
    tookMs: Math.round(a.tookMs),
    answer: { epoch: a.epoch, value: a.value } as unknown,
  };
  await db
    .insert(keptAnswers)
    .values({ districtCode, cache, keyHash, ...set })
    .onConflictDoUpdate({
      target: [keptAnswers.districtCode, keptAnswers.cache, keptAnswers.keyHash],
      set,
      // Two processes measuring at once: the answer of the later data version stays.
      setWhere: sql`${keptAnswers.dataVersion} <= excluded.data_version`,
    });
}

export function createAnswerCache<T>(o: {
  maxEntries: number;
  now?: () => number;
  /**
   * Also keep answers in the `kept_answers` table under this name (ADR 0033), so another
   * process serves them while the district's data version is unchanged. The answers must be plain JSON.
   */
  store?: string;
  /**
   * Drop every answer kept under `store` before this cache first reads the table (once per process):
   * a process starting with new code must not serve what older code measured (ADR 0033).
   */
  forgetStoredOnFirstUse?: boolean;
}) {
  const entries = new Map<string, Entry<T>>();
  const refreshing = new Map<string, Promise<void>>();
  const now = o.now ?? Date.now;
  const stats = { hits: 0, storedHits: 0, misses: 0, behind: 0, refreshFailures: 0 };
  let forgotten: Promise<void> | null = null;
  async function forgetOnce(db: Db, store: string) {
    forgotten ??= (async () => {
      await db.delete(keptAnswers).where(eq(keptAnswers.cache, store));
    })().catch((err) => {
      forgotten = null;
      throw err;
    });
    await forgotten;
  }

  function remember(key: string, e: Entry<T>) {
    entries.delete(key);
    entries.set(key, e);
    while (entries.size > o.maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  }

  /** Measure `key` at `version`: kept in memory (and in the table) when it succeeds. */
  function measure(
    db: Db,
    districtCode: string,
    keyHash: string,
    version: number,
    epoch: string,
    compute: () => Promise<T>,
  ) {
    const e: Entry<T> = { version, epoch, at: now(), value: compute() };
    e.value = e.value.then(async (value) => {
      e.done = { value, tookMs: now() - e.at };
      if (o.store)
        await saveKept(db, districtCode, o.store, keyHash, {
          version,
          epoch,
          at: e.at,
          tookMs: e.done.tookMs,
          value,
        });
      return value;
    });
    return e;
  }

  return {
    /**
     * The answer for `key` in `districtCode`: a kept one if still valid (see the header), else
     * `compute()` (kept when it succeeds; a failure is not kept) — or, with `refreshBehindMs`, the
     * previous answer while `compute()` runs behind it.
     */
    async get(
      db: Db,
      districtCode: string,
      key: string,
      compute: () => Promise<T>,
      opts: AnswerGetOptions<T> = {},
    ): Promise<T> {
      const k = `${districtCode}\u0000${key}`;
      const known = entries.get(k);
      const t = now();
      if (known && opts.maxStaleMs !== undefined && t - known.at <= opts.maxStaleMs) {
        stats.hits++;
        remember(k, known);
        return known.value;
      }
      const epoch = opts.epoch ?? '';
      const version = await districtDataVersion(db, districtCode);
      const again = entries.get(k);
      if (again && again.version === version && again.epoch === epoch) {
        stats.hits++;
        remember(k, again);
        return again.value;
      }
      const keyHash = createHash('sha256').update(k).digest('hex');
      if (o.store && o.forgetStoredOnFirstUse) await forgetOnce(db, o.store);
      const stored = o.store ? await loadKept<T>(db, districtCode, o.store, keyHash) : undefined;
      if (stored && stored.version === version && stored.epoch === epoch) {
        stats.hits++;
        stats.storedHits++;
        remember(k, { version, epoch, at: stored.at, value: Promise.resolve(stored.value), done: stored });
        return stored.value;
      }
      // The latest answer at hand, of an older data version or another epoch: in memory or in the table.
      const previous =
        again?.done && (!stored || stored.at <= again.at)
          ? { value: again.done.value, tookMs: again.done.tookMs }
          : stored;
      if (previous && opts.refreshBehindMs !== undefined && previous.tookMs > opts.refreshBehindMs) {
        stats.behind++;
        if (!refreshing.has(k)) {
          const e = measure(db, districtCode, keyHash, version, epoch, compute);
          refreshing.set(
            k,
            e.value
              .then(() => remember(k, e))
              .catch(() => {
                stats.refreshFailures++;
              })
              .finally(() => refreshing.delete(k)),
          );
        }
        return opts.stale ? opts.stale(previous.value) : previous.value;
      }
      stats.misses++;
      const e = measure(db, districtCode, keyHash, version, epoch, compute);
      remember(k, e);
      try {
        return await e.value;
      } catch (err) {
        if (entries.get(k) === e) entries.delete(k);
        throw err;
      }
    },
    /** Resolves when every measurement running behind an answer has ended (tests, benches, shutdown). */
    async settled(): Promise<void> {
      while (refreshing.size > 0) await Promise.all([...refreshing.values()]);
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
