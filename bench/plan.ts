/**
 * Benchmark: the plan-target dashboard (every target of the year measured by its registered source,
 * through the jurisdiction guard) at 1× (≈110 institutions, Qingpu today), 10× and 100× (≈11,000)
 * registry rows, on PGlite, with the district officer's scope. Prints the median latency per scale,
 * the 100×/1× ratio (goal: within 2.5×) and the EXPLAIN of the slowest source query at 100×.
 * Synthetic rows from generate_series (no people). Does not assert timing. The dashboard is measured
 * cold (a fresh service each call: every target measured, what the first read after a write costs) and
 * kept (the same service again, nothing written: the answer cache of ADR 0030).
 *
 *   node --import tsx bench/plan.ts
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { institutionTargetSources } from '../server/modules/institutions/targets.ts';
import { createPlanService, seedPlanFromPack } from '../server/modules/plan/service.ts';
import type { Actor, RequestContext } from '../server/platform/context.ts';

const DISTRICT = '310118';
const TOWNS = [
  '310118001',
  '310118002',
  '310118003',
  '310118101',
  '310118102',
  '310118103',
  '310118104',
  '310118105',
  '310118106',
  '310118107',
  '310118108',
];
const ROUNDS = 7;
const now = new Date('2026-06-30T02:00:00Z');
const actor: Actor = {
  userId: '00000000-0000-7000-8000-000000000001',
  username: 'bench',
  districtCode: DISTRICT,
  role: 'district_officer',
  scope: { kind: 'division', divisionCode: DISTRICT },
  sessionId: 'bench',
};
const ctx: RequestContext = { actor, districtCode: DISTRICT, ip: null, requestId: null, now };

const database = await openDatabase({});
await migrate(database);
const db = database.db;
await seedReference(db);
await seedPlanFromPack(db, DISTRICT, now);
const newPlan = () => createPlanService({ db, targets: institutionTargetSources });
const plan = newPlan();

let inserted = 0;
async function growTo(n: number) {
  const from = inserted + 1;
  const towns = sql.raw(`array[${TOWNS.map((t) => `'${t}'`).join(',')}]`);
  await db.execute(sql`
    insert into institutions (district_code, id, name, credit_code, kind, ownership, inclusive, service_forms,
      address, town_code, lat, lng, public_phone, opening_hours, meals_provided, director_name, status,
      seats, enrolled, toddler_classes, filed_at, created_at, updated_at)
    select ${DISTRICT}, gen_random_uuid(), '机构' || i, lpad(i::text, 18, '0'),
      (array['childcare_institution','kindergarten','community_point','family_point'])[1 + i % 4],
      case when i % 3 = 0 then 'public' else 'private' end, i % 2 = 0, array['full_day'],
      '青浦区某路' || i || '号', (${towns})[1 + i % 11], 31.15, 121.12, '021-00000000', '8:00-17:00', true,
      '测试', (array['filed','operating','rectifying','draft'])[1 + i % 4], 50, 30,
      case when i % 4 = 1 and i % 3 <> 0 then 1 else 0 end,
      timestamp with time zone '2021-09-01 00:00:00+08' + (i % 1800) * interval '1 day',
      ${now}, ${now}
    from generate_series(${from}::int, ${n}::int) as i`);
  inserted = n;
}

async function median(f: () => Promise<unknown>): Promise<number> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? 0;
}

/** `BENCH_MAX_ROWS` stops the growth early (the CI smoke: correctness, not speed). */
const MAX_ROWS = Number(process.env.BENCH_MAX_ROWS ?? Number.POSITIVE_INFINITY);
const results: { scale: string; rows: number; ms: number; kept: number }[] = [];
for (const [scale, n] of (
  [
    ['1×', 110],
    ['10×', 1_100],
    ['100×', 11_000],
  ] as const
).filter(([, rows]) => rows <= MAX_ROWS)) {
  await growTo(n);
  await db.execute(sql`analyze institutions`);
  const ms = await median(() => newPlan().dashboard(ctx, actor, { year: 2026 }));
  const kept = await median(() => plan.dashboard(ctx, actor, { year: 2026 }));
  results.push({ scale, rows: n, ms, kept });
  console.log(
    `${scale.padEnd(5)} ${String(n).padStart(6)} institutions: dashboard ${ms.toFixed(1)} ms measured, ${kept.toFixed(1)} ms kept (medians of ${ROUNDS})`,
  );
}
const base = results[0]?.ms ?? 1;
for (const r of results.slice(1))
  console.log(`${r.scale}/1× = ${(r.ms / base).toFixed(2)} measured (goal for 100×: ≤ 2.5)`);

// The slowest source at 100×, and its plan.
const timings: { key: string; ms: number }[] = [];
for (const s of institutionTargetSources)
  timings.push({ key: s.key, ms: await median(() => s.measure(db, { actor, year: 2026, asOf: now })) });
timings.sort((a, b) => b.ms - a.ms);
console.log('per source at 100×:', timings.map((t) => `${t.key} ${t.ms.toFixed(1)} ms`).join(', '));
const explain = await db.execute(sql`explain analyze
  select town_code, count(*), count(*) filter (where toddler_classes > 0) from institutions
  where district_code = ${DISTRICT} and status in ('filed','operating','rectifying') and kind = 'kindergarten'
  group by town_code`);
console.log('EXPLAIN ANALYZE (kindergarten share, 100×):');
for (const row of (explain as unknown as { rows: Record<string, string>[] }).rows)
  console.log(' ', Object.values(row)[0]);
await database.close();
