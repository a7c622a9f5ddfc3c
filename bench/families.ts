/**
 * Families (issue 11, Tests and numbers): hourly booking under contention — the module's own `book`
 * (ONE autocommit statement, prepared once: it checks the slot is in the parent's view, the deadline,
 * the child's family and that the child holds no live booking of the slot, takes a place with the
 * conditional UPDATE, writes the booking row and its audit entry (ADR 0032); then, after the commit,
 * sealing those entries into the audit chain, ADR 0017) against, in the same run, on the bare driver
 * as named statements on a pool of the same size:
 *   - raw: a conditional UPDATE … WHERE booked < capacity on the same slot rows, autocommit — the issue's
 *     baseline (target ≥ 0.7×). It makes one of the booking's three writes and none of its checks;
 *   - floor: the same checks and the same three writes (slot, booking row, audit entry) as ONE
 *     hand-written statement, autocommit, its entries sealed after — what any implementation of the same
 *     work can reach (bench/README.md, families row);
 * with the same number of requests in flight. Rounds alternate (raw, floor, app, raw …) and the slots are
 * reset in between; the medians are compared. Every round checks that no slot holds more than its
 * capacity and that each slot's `booked` equals its booked rows (0 overbookings, or exit 1).
 *
 *   node --import tsx bench/families.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test:
 *                                          a database tuoyu_bench_fam_<pid> is made there and dropped after;
 *                                          BENCH_SLOTS (50), BENCH_CAPACITY (10), BENCH_REQUESTS (1000),
 *                                          BENCH_IN_FLIGHT (16), BENCH_ROUNDS (3))
 *
 * The birth-record import's throughput against COPY is the kit's import bench (bench/import.ts): the
 * families import runs the same kit (scan, dry run, batched commit).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { createHourlyService } from '../server/modules/families/hourly.ts';
import { sealAudit } from '../server/platform/audit/service.ts';
import { generateKeyRing } from '../server/platform/crypto/keys.ts';
import { DomainError } from '../server/platform/errors.ts';
import { uuidv7 } from '../server/platform/ids.ts';
import { installKeyRing } from '../server/platform/personal-data.ts';
import { actorFor, contextFor } from '../test/factories/context.ts';
import { addChildren, buildFamily, ZJJ_COMMUNITY } from '../test/factories/families.ts';
import { buildInstitution } from '../test/factories/institutions.ts';

const SLOTS = Number(process.env.BENCH_SLOTS ?? 50);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FAMILIES = 20;
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const D = '310118';

async function admin(q: string) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  await c.query(q);
  await c.end();
}

/** Run `jobs` with at most `n` in flight; elapsed ms. */
async function inFlight<T>(jobs: (() => Promise<T>)[], n: number): Promise<{ ms: number; results: T[] }> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return { ms: performance.now() - t0, results };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

installKeyRing(generateKeyRing());
const name = `tuoyu_bench_fam_${process.pid}`;
await admin(`CREATE DATABASE ${name}`);
const u = new URL(BASE_URL);
u.pathname = `/${name}`;
const database = await openDatabase({ url: u.toString(), poolSize: 8 });
// The baselines run on the bare driver, each as a named statement (parsed and planned once per
// connection, as book()'s is), on a pool of the same size.
const bare = new pg.Pool({ connectionString: u.toString(), max: 8 });
// Its idle clients may still be closing when the database is dropped WITH (FORCE) at the end: the
// server's "terminating connection" must not crash the bench (it did once in a CI rehearsal).
bare.on('error', () => {});
const db = database.db;
let failed = false;
try {
  await migrate(database);
  await seedReference(db);
  const now = new Date();
  const inst = await buildInstitution(db, { status: 'operating', now });
  const instActor = actorFor('institution_admin', { kind: 'institution', institutionId: inst.id });
  const hourly = createHourlyService({ db });
  const date = new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  const slots: string[] = [];
  for (let i = 0; i < SLOTS; i++) {
    const h = 8 + (i % 10);
    const m = Math.floor(i / 10) * 5;
    const hh = (x: number) => String(x).padStart(2, '0');
    const s = await hourly.createSlot(contextFor(instActor, now), instActor, {
      date,
      startTime: `${hh(h)}:${hh(m)}`,
      endTime: `${hh(h + 1)}:${hh(m)}`,
      capacity: CAPACITY,
      cancelHoursBefore: 2,
    });
    slots.push(s.id);
  }
  // Families with enough children that every request is a different (child, slot) pair.
  const perFamily = Math.ceil(REQUESTS / FAMILIES);
  const kids: { familyId: string; childId: string }[] = [];
  for (let f = 0; f < FAMILIES; f++) {
    // One birth date per family, so every synthetic ID number (date + sequence) is unique.
    const birthDate = `2025-03-${String(f + 1).padStart(2, '0')}`;
    const fam = await buildFamily(db, { seq: 1, communityCode: ZJJ_COMMUNITY, now, birthDate });
    const more = await addChildren(db, fam.familyId, perFamily - 1, { now, birthDate, seqFrom: 100 });
    for (const childId of [fam.childId, ...more]) kids.push({ familyId: fam.familyId, childId });
  }
  await db.execute(sql`analyze`);
  // Request i: child i books slot i mod SLOTS (each slot gets REQUESTS / SLOTS requests for CAPACITY places).
  const plan = Array.from({ length: REQUESTS }, (_, i) => ({ kid: kids[i]!, slot: slots[i % SLOTS]! }));

  const reset = async () => {
    await db.execute(sql`delete from family_bookings where district_code = ${D}`);
    await db.execute(sql`update family_slots set booked = 0 where district_code = ${D}`);
  };
  const check = async (what: string, bookingRows: boolean) => {
    const rows = (await db.execute(sql`select s.id, s.booked, s.capacity,
        (select count(*)::int from family_bookings b where b.district_code = s.district_code and b.slot_id = s.id
          and b.status = 'booked') as n from family_slots s where s.district_code = ${D}`)) as unknown as {
      rows: { booked: number; capacity: number; n: number }[];
    };
    const over = rows.rows.filter((r) => r.booked > r.capacity || (bookingRows && r.n !== r.booked));
    const taken = rows.rows.reduce((s, r) => s + r.booked, 0);
    if (over.length) {
      failed = true;
      console.error(`${what}: ${over.length} slots overbooked or inconsistent`);
    }
    return taken;
  };

  const raw = async () => {
    const r = await inFlight(
      plan.map(({ slot }) => async () => {
        const res = await bare.query({
          name: 'bench_raw',
          text: `update family_slots set booked = booked + 1
                 where district_code = $1 and id = $2 and booked < capacity returning booked`,
          values: [D, slot],
        });
        return res.rows.length;
      }),
      IN_FLIGHT,
    );
    return { ms: r.ms, taken: r.results.reduce((a: number, b) => a + b, 0) };
  };
  // The same work as book() in ONE hand-written statement, autocommit (the floor any implementation of
  // the same checks and writes can reach): the deadline, the child of the family, no live booking of the
  // child in the slot, the conditional UPDATE, the booking row and its audit entry; the entries are
  // sealed into the chain after, as for book().
  const floor = async () => {
    const r = await inFlight(
      plan.map(({ kid, slot }) => async () => {
        const now = new Date().toISOString();
        const res = await bare.query({
          name: 'bench_floor',
          text: `with taken as (
            update family_slots set booked = booked + 1
            where district_code = $1 and id = $2 and booked < capacity and cancel_deadline > $3::timestamptz
              and exists (select 1 from family_children c
                          where c.district_code = $1 and c.family_id = $4 and c.id = $5)
              and not exists (select 1 from family_bookings b where b.district_code = $1 and b.slot_id = $2
                              and b.child_id = $5 and b.status <> 'cancelled')
            returning district_code, id, institution_id),
          booking as (
            insert into family_bookings (district_code, id, slot_id, institution_id, family_id, child_id, status, created_at)
            select district_code, $6::uuid, id, institution_id, $4::uuid, $5::uuid, 'booked', $3::timestamptz from taken
            returning id)
          insert into audit_log (district_code, at, actor_id, actor_username, role, scope, action, object_type,
            object_id, result, changes)
          select $1, $3::timestamptz, $7::uuid, 'factory-parent', 'parent', $8,
            'families.book', 'family_booking', booking.id::text, 'success',
            jsonb_build_object('slotId', $2::text, 'childId', $5::text, 'status', 'booked')
          from booking returning 1`,
          values: [D, slot, now, kid.familyId, kid.childId, uuidv7(), uuidv7(), `family:${kid.familyId}`],
        });
        return res.rows.length;
      }),
      IN_FLIGHT,
    );
    const t0 = performance.now();
    await sealAudit(db);
    const sealMs = performance.now() - t0;
    return { ms: r.ms + sealMs, sealMs, taken: r.results.reduce((a: number, b) => a + b, 0) };
  };
  const app = async () => {
    const r = await inFlight(
      plan.map(({ kid, slot }) => async () => {
        const actor = actorFor('parent', { kind: 'family', familyId: kid.familyId });
        try {
          await hourly.book(contextFor(actor, new Date()), actor, slot, {
            childId: kid.childId,
            waitlist: false,
          });
          return 1;
        } catch (e) {
          if (e instanceof DomainError && e.code === 'families.slot_full') return 0;
          throw e;
        }
      }),
      IN_FLIGHT,
    );
    // The audit entries are linked into the chain after the commit (ADR 0017): that work counts too.
    const t0 = performance.now();
    await sealAudit(db);
    const sealMs = performance.now() - t0;
    return { ms: r.ms + sealMs, sealMs, taken: r.results.reduce((a: number, b) => a + b, 0) };
  };

  const places = Math.min(REQUESTS, SLOTS * CAPACITY);
  console.log(
    `PostgreSQL ${name}; ${SLOTS} slots × ${CAPACITY} places, ${REQUESTS} requests (${REQUESTS / SLOTS} per slot), ` +
      `${IN_FLIGHT} in flight on a pool of 8, ${ROUNDS} rounds alternated`,
  );
  const rawMs: number[] = [];
  const floorMs: number[] = [];
  const appMs: number[] = [];
  // One warm-up of each (connections, plans), not counted.
  await raw();
  await reset();
  await floor();
  await reset();
  await app();
  await reset();
  for (let round = 0; round < ROUNDS; round++) {
    const r = await raw();
    const rawTaken = await check('raw', false);
    await reset();
    const f = await floor();
    const floorTaken = await check('floor', true);
    await reset();
    if (f.taken !== places || floorTaken !== places) {
      failed = true;
      console.error(
        `round ${round + 1}: places taken by the floor ${f.taken}/${floorTaken}, expected ${places}`,
      );
    }
    floorMs.push(f.ms);
    const a = await app();
    const appTaken = await check('app', true);
    await reset();
    if (r.taken !== places || a.taken !== places || rawTaken !== places || appTaken !== places) {
      failed = true;
      console.error(
        `round ${round + 1}: places taken raw ${r.taken}/${rawTaken}, app ${a.taken}/${appTaken}, expected ${places}`,
      );
    }
    rawMs.push(r.ms);
    appMs.push(a.ms);
    console.log(
      `round ${round + 1}: raw UPDATE ${r.ms.toFixed(0)} ms (${Math.round((REQUESTS / r.ms) * 1000)} req/s), ` +
        `same-work floor ${f.ms.toFixed(0)} ms (sealing ${f.sealMs.toFixed(0)} ms), ` +
        `book() ${a.ms.toFixed(0)} ms (sealing ${a.sealMs.toFixed(0)} ms) (${Math.round((REQUESTS / a.ms) * 1000)} req/s); places taken ${a.taken}/${places}, 0 overbooked`,
    );
  }
  const ratio = median(rawMs) / median(appMs);
  console.log(
    `median: raw ${median(rawMs).toFixed(0)} ms, same-work floor ${median(floorMs).toFixed(0)} ms, ` +
      `book() ${median(appMs).toFixed(0)} ms; ratio book()/raw UPDATE throughput ${ratio.toFixed(3)}× (target ≥ 0.7×); ` +
      `book()/floor ${(median(floorMs) / median(appMs)).toFixed(3)}×, floor/raw UPDATE ${(median(rawMs) / median(floorMs)).toFixed(3)}×`,
  );
} finally {
  await bare.end();
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
process.exit(failed ? 1 : 0);
