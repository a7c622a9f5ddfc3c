/** `npm run bench`: every benchmark in turn (each prints its own ratios against an in-run baseline). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  'bench/site-planner.ts',
  'bench/draw.ts',
  'bench/public-search.ts',
  'bench/personal-data.ts',
  'bench/import.ts',
  'bench/quality.ts',
  'bench/plan.ts',
  'bench/workforce.ts',
  'bench/supervision.ts',
  'bench/families.ts',
  'bench/subsidy.ts',
].filter((b) => existsSync(b));
let failed = 0;
for (const b of benches) {
  console.log(`\n== ${b}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', b], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
