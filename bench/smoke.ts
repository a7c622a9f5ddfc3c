/**
 * `npm run bench:smoke` (CI): every benchmark once at a small size, for the correctness of the
 * benchmarks (their answers, their EXPLAIN checks, that they still run against today's code), not their
 * speed — the ratios printed here at these sizes mean nothing. Each bench exits 1 on a wrong answer;
 * this exits 1 if any did, or if one ran past its time limit.
 */
import { spawnSync } from 'node:child_process';

type Run = { file: string; args?: string[]; env?: Record<string, string>; timeoutMs?: number };

const runs: Run[] = [
  { file: 'bench/site-planner.ts' },
  { file: 'bench/draw.ts' },
  { file: 'bench/supervision.ts' },
  { file: 'bench/quality.ts' },
  { file: 'bench/subsidy.ts', args: ['20000'] },
  { file: 'bench/plan.ts', env: { BENCH_SCALES: '1', BENCH_ROUNDS: '1' } },
  { file: 'bench/public-search.ts', env: { BENCH_SCALES: '1,10', BENCH_SECONDS: '1', BENCH_ROUNDS: '1' } },
  { file: 'bench/personal-data.ts', env: { BENCH_ROWS: '20000' } },
  { file: 'bench/import.ts', env: { BENCH_ROWS: '2000' } },
  { file: 'bench/import.ts', env: { BENCH_ROWS: '1000', BENCH_IMPORT: 'birth_records' } },
  { file: 'bench/workforce.ts', env: { BENCH_STAFF: '2000', BENCH_BANS: '500', BENCH_RUNS: '1' } },
  { file: 'bench/load.ts', env: { LOAD_SECONDS: '8', LOAD_SOAK_SECONDS: '0', LOAD_RATE: '50' } },
  {
    file: 'bench/faults.ts',
    env: {
      FAULT_WRITES: '120',
      FAULT_KILL_AFTER: '50',
      FAULT_IMPORT_ROWS: '3000',
      FAULT_IMPORT_KILL_AFTER: '1',
      FAULT_BIRTH_ROWS: '2000',
      FAULT_BIRTH_KILL_AFTER: '1',
    },
    // Three drills with server restarts and job leases: ≈ 3 min at load 6–8 on the 2 shared cores.
    timeoutMs: 600_000,
  },
  {
    file: 'bench/families.ts',
    env: { BENCH_SLOTS: '10', BENCH_CAPACITY: '5', BENCH_REQUESTS: '100', BENCH_ROUNDS: '1' },
  },
];

const failed: string[] = [];
for (const r of runs) {
  const label = [r.file, ...(r.args ?? []), ...Object.entries(r.env ?? {}).map(([k, v]) => `${k}=${v}`)].join(
    ' ',
  );
  console.log(`\n== ${label}`);
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', r.file, ...(r.args ?? [])], {
    stdio: 'inherit',
    env: { ...process.env, ...r.env },
    timeout: r.timeoutMs ?? 300_000,
  });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (res.status !== 0) {
    failed.push(label);
    console.log(`-- FAILED (${res.signal ? `killed: ${res.signal}` : `exit ${res.status}`}) after ${s} s`);
  } else console.log(`-- ok in ${s} s`);
}
if (failed.length) {
  console.log(`\nbench smoke: ${failed.length} failed:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nbench smoke: all ${runs.length} ran and checked their answers`);
