import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createAnswerCache, districtDataVersion } from '../answer-cache.ts';
import { recordAudit, sealAudit } from '../audit/service.ts';
import type { RequestContext } from '../context.ts';

const DISTRICT = '310118';
const OTHER = '310117';
let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase();
});
afterAll(() => d.close());

const ctx = (district = DISTRICT): RequestContext => ({
  actor: null,
  districtCode: district,
  ip: null,
  requestId: 'cache',
  now: new Date(),
});
const write = (district = DISTRICT) => recordAudit(d.db, ctx(district), { action: 'test.cache_write' });

/** A computation that counts its runs and answers its run number. */
function counter() {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    compute: async () => {
      runs += 1;
      return runs;
    },
  };
}

describe('the district data version (committed audit entries)', () => {
  it('grows with each committed write, not with sealing, not with a rolled-back write, not with another district', async () => {
    const v0 = await districtDataVersion(d.db, DISTRICT);
    await write();
    await write();
    const v1 = await districtDataVersion(d.db, DISTRICT);
    expect(v1).toBe(v0 + 2);
    await sealAudit(d.db, DISTRICT);
    expect(await districtDataVersion(d.db, DISTRICT)).toBe(v1);
    await expect(
      d.db.transaction(async (tx) => {
        await recordAudit(tx, ctx(), { action: 'test.cache_rolled_back' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await write(OTHER);
    expect(await districtDataVersion(d.db, DISTRICT)).toBe(v1);
    await write();
    expect(await districtDataVersion(d.db, DISTRICT)).toBe(v1 + 1);
  });
});

describe('the answer cache', () => {
  it('serves a kept answer while nothing is written in its district, and measures again after a write', async () => {
    const cache = createAnswerCache<number>({ maxEntries: 10 });
    const c = counter();
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute)).toBe(1);
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute)).toBe(1);
    await sealAudit(d.db, DISTRICT); // sealing is not a write
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute)).toBe(1);
    await write(OTHER); // another district's write does not touch this one's answers
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute)).toBe(1);
    await write();
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute)).toBe(2);
    expect(await cache.get(d.db, DISTRICT, 'other key', c.compute)).toBe(3);
    expect(cache.stats()).toMatchObject({ hits: 3, misses: 3, entries: 2 });
  });

  it('a stale answer only where the caller allows it, and only while younger than the allowed age', async () => {
    let clock = 1_000_000;
    const cache = createAnswerCache<number>({ maxEntries: 10, now: () => clock });
    const c = counter();
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute, { maxStaleMs: 60_000 })).toBe(1);
    await write();
    clock += 59_000;
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute, { maxStaleMs: 60_000 })).toBe(1);
    // A caller that wants the current answer gets it.
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute)).toBe(2);
    await write();
    clock += 60_001;
    expect(await cache.get(d.db, DISTRICT, 'k', c.compute, { maxStaleMs: 60_000 })).toBe(3);
  });

  it('concurrent misses of one key share one computation; a failure is not kept', async () => {
    const cache = createAnswerCache<number>({ maxEntries: 10 });
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = async () => {
      runs += 1;
      await gate;
      return runs;
    };
    const all = Promise.all([1, 2, 3, 4].map(() => cache.get(d.db, DISTRICT, 'slow', slow)));
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await all).toEqual([1, 1, 1, 1]);
    expect(runs).toBe(1);

    let fail = true;
    const flaky = async () => {
      if (fail) throw new Error('database went away');
      return 42;
    };
    await expect(cache.get(d.db, DISTRICT, 'flaky', flaky)).rejects.toThrow('database went away');
    fail = false;
    expect(await cache.get(d.db, DISTRICT, 'flaky', flaky)).toBe(42);
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const cache = createAnswerCache<string>({ maxEntries: 2 });
    let runs = 0;
    const compute = (v: string) => async () => {
      runs += 1;
      return v;
    };
    await cache.get(d.db, DISTRICT, 'a', compute('a'));
    await cache.get(d.db, DISTRICT, 'b', compute('b'));
    await cache.get(d.db, DISTRICT, 'a', compute('a')); // a is now the most recent
    await cache.get(d.db, DISTRICT, 'c', compute('c')); // drops b
    expect(cache.stats().entries).toBe(2);
    expect(runs).toBe(3);
    await cache.get(d.db, DISTRICT, 'a', compute('a'));
    expect(runs).toBe(3);
    await cache.get(d.db, DISTRICT, 'b', compute('b'));
    expect(runs).toBe(4);
  });
});

describe('answers kept in the kept_answers table and measured behind (ADR 0033)', () => {
  /** A computation taking `ms` on the given clock, answering its run number. */
  function timed(clock: { t: number }, ms: number) {
    let runs = 0;
    let gate: Promise<void> | null = null;
    let open = () => {};
    return {
      get runs() {
        return runs;
      },
      /** Hold the next measurements until `release()` (so reads arrive while one runs). */
      hold() {
        gate = new Promise((r) => {
          open = r;
        });
      },
      release() {
        open();
        gate = null;
      },
      compute: async () => {
        runs += 1;
        const run = runs;
        clock.t += ms;
        if (gate) await gate;
        return { run };
      },
    };
  }

  it('another process (a second cache on the same table) serves the stored answer while nothing was written, and measures again after a write', async () => {
    const clock = { t: 5_000_000 };
    const first = createAnswerCache<{ run: number }>({
      maxEntries: 10,
      now: () => clock.t,
      store: 'test.kept',
    });
    const c = timed(clock, 10);
    expect(await first.get(d.db, DISTRICT, 'shared', c.compute)).toEqual({ run: 1 });
    const second = createAnswerCache<{ run: number }>({
      maxEntries: 10,
      now: () => clock.t,
      store: 'test.kept',
    });
    expect(await second.get(d.db, DISTRICT, 'shared', c.compute)).toEqual({ run: 1 });
    expect(c.runs).toBe(1);
    expect(second.stats()).toMatchObject({ storedHits: 1, misses: 0 });
    // Another district's key of the same text is its own answer.
    expect(await second.get(d.db, OTHER, 'shared', c.compute)).toEqual({ run: 2 });
    await write();
    expect(await second.get(d.db, DISTRICT, 'shared', c.compute)).toEqual({ run: 3 });
    // The later version replaced the stored one: a third process serves run 3.
    const third = createAnswerCache<{ run: number }>({
      maxEntries: 10,
      now: () => clock.t,
      store: 'test.kept',
    });
    expect(await third.get(d.db, DISTRICT, 'shared', c.compute)).toEqual({ run: 3 });
    expect(c.runs).toBe(3);
  });

  it('after a write a slow answer is served marked stale at once and measured once behind it; a quick one is measured while the caller waits', async () => {
    const clock = { t: 9_000_000 };
    const cache = createAnswerCache<{ run: number; stale?: boolean }>({
      maxEntries: 10,
      now: () => clock.t,
      store: 'test.behind',
    });
    const opts = { refreshBehindMs: 1000, stale: (v: { run: number }) => ({ ...v, stale: true }) };
    const slow = timed(clock, 5000);
    expect(await cache.get(d.db, DISTRICT, 'slow', slow.compute, opts)).toEqual({ run: 1 });
    await write();
    slow.hold();
    const served = await Promise.all(
      [1, 2, 3].map(() => cache.get(d.db, DISTRICT, 'slow', slow.compute, opts)),
    );
    expect(served).toEqual([1, 2, 3].map(() => ({ run: 1, stale: true })));
    slow.release();
    await cache.settled();
    expect(slow.runs).toBe(2); // one measurement behind the three reads
    expect(await cache.get(d.db, DISTRICT, 'slow', slow.compute, opts)).toEqual({ run: 2 });
    expect(cache.stats()).toMatchObject({ behind: 3, refreshFailures: 0 });
    // Another process finds the slow answer in the table: after a write it serves it stale too.
    await write();
    const another = createAnswerCache<{ run: number; stale?: boolean }>({
      maxEntries: 10,
      now: () => clock.t,
      store: 'test.behind',
    });
    expect(await another.get(d.db, DISTRICT, 'slow', slow.compute, opts)).toEqual({ run: 2, stale: true });
    await another.settled();
    expect(await another.get(d.db, DISTRICT, 'slow', slow.compute, opts)).toEqual({ run: 3 });

    const quick = timed(clock, 10);
    expect(await cache.get(d.db, DISTRICT, 'quick', quick.compute, opts)).toEqual({ run: 1 });
    await write();
    expect(await cache.get(d.db, DISTRICT, 'quick', quick.compute, opts)).toEqual({ run: 2 });
  });
});

describe('the epoch (what an answer depends on besides the data, e.g. the date its statuses are judged on)', () => {
  it('another epoch is never current; a slow answer of the previous epoch is served behind a measurement, a quick one is measured while waiting', async () => {
    let clock = 20_000_000;
    const cache = createAnswerCache<{ n: number; stale?: boolean }>({
      maxEntries: 10,
      now: () => clock,
      store: 'test.epoch',
    });
    let runs = 0;
    const measure = (ms: number) => async () => {
      runs += 1;
      clock += ms;
      return { n: runs };
    };
    const opts = (epoch: string) => ({
      epoch,
      refreshBehindMs: 1000,
      stale: (v: { n: number }) => ({ ...v, stale: true }),
    });
    expect(await cache.get(d.db, DISTRICT, 'day', measure(5000), opts('2026-12-06'))).toEqual({ n: 1 });
    expect(await cache.get(d.db, DISTRICT, 'day', measure(5000), opts('2026-12-06'))).toEqual({ n: 1 });
    // The next day, nothing written: yesterday's slow answer is served marked, today's measured behind it.
    expect(await cache.get(d.db, DISTRICT, 'day', measure(5000), opts('2026-12-07'))).toEqual({
      n: 1,
      stale: true,
    });
    await cache.settled();
    expect(await cache.get(d.db, DISTRICT, 'day', measure(5000), opts('2026-12-07'))).toEqual({ n: 2 });
    // Another process on the next day finds today's answer in the table.
    const another = createAnswerCache<{ n: number; stale?: boolean }>({
      maxEntries: 10,
      now: () => clock,
      store: 'test.epoch',
    });
    expect(await another.get(d.db, DISTRICT, 'day', measure(5000), opts('2026-12-07'))).toEqual({ n: 2 });
    // Without the behind option, another epoch is measured while the caller waits.
    expect(await another.get(d.db, DISTRICT, 'day', measure(10), { epoch: '2026-12-08' })).toEqual({ n: 3 });
    expect(runs).toBe(3);
  });
});

describe('a starting process drops the kept answers (forgetStoredOnFirstUse)', () => {
  it('does not serve what an earlier process stored; afterwards it serves what others store', async () => {
    let runs = 0;
    const compute = async () => {
      runs += 1;
      return runs;
    };
    const earlier = createAnswerCache<number>({ maxEntries: 10, store: 'test.start' });
    expect(await earlier.get(d.db, DISTRICT, 'a', compute)).toBe(1);
    const starting = createAnswerCache<number>({
      maxEntries: 10,
      store: 'test.start',
      forgetStoredOnFirstUse: true,
    });
    expect(await starting.get(d.db, DISTRICT, 'a', compute)).toBe(2); // measured again, not run 1
    const other = createAnswerCache<number>({ maxEntries: 10, store: 'test.start' });
    expect(await other.get(d.db, DISTRICT, 'b', compute)).toBe(3);
    expect(await starting.get(d.db, DISTRICT, 'b', compute)).toBe(3); // stored by another, after its start
    expect(runs).toBe(3);
  });
});
