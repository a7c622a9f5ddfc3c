/**
 * Benchmark (issue 10): verifying a published draw at Shanghai scale (2,100 institutions × 500 inspectors),
 * as `npm run draw:verify` and the portal page do — JSON parse, schema check, pool/conflict hashes and the
 * full re-run — against the baseline of the bare draw (runDraw) in the same script. Prints ms, the ratio,
 * and the share of the verification spent in SHA-256 (timed separately on same-sized inputs).
 * Does not assert timing. Run: node --import tsx bench/supervision.ts
 */
import { publishedDrawSchema } from '../domain/contracts/supervision.ts';
import { commit, conflictsHash, poolHash, riskWeight, runDraw } from '../domain/rules/draw.ts';
import { sha256, sha256Hex } from '../domain/rules/sha256.ts';
import { verifyPublishedDraw } from '../domain/supervision/verify.ts';
import { Rng } from '../server/demo/rng.ts';

const rng = new Rng(1024);
const uuid = () => rng.uuid(Date.UTC(2026, 0, 1));
const targets = Array.from({ length: 2100 }, () => ({
  id: uuid(),
  weight: riskWeight({
    complaints: rng.chance(0.1) ? rng.int(1, 3) : 0,
    abnormalRecords: rng.chance(0.05) ? 2 : 0,
  }),
}));
const inspectors = Array.from({ length: 500 }, () => ({ id: uuid() }));
const conflicts = Array.from({ length: 1000 }, () => ({
  inspectorId: inspectors[rng.int(0, 499)]!.id,
  targetId: targets[rng.int(0, 2099)]!.id,
}));
const dedup = [...new Map(conflicts.map((c) => [`${c.inspectorId}|${c.targetId}`, c])).values()];
const secretHex = sha256Hex('bench-secret');
const sampleSize = 210; // a 10 % monthly sample

const r = runDraw({ secretHex, targets, inspectors, conflicts: dedup, sampleSize });
if (!r.ok) throw new Error(r.reason);
const doc = JSON.stringify({
  id: '00000000-0000-7000-8000-000000000001',
  month: '2026-01',
  level: 'district',
  divisionCode: '310000',
  status: 'drawn',
  committedAt: '2026-01-02T00:00:00.000Z',
  drawnAt: '2026-01-05T00:00:00.000Z',
  commitment: (commit(secretHex) as { commitment: string }).commitment,
  sampleSize,
  inspectorsPerTarget: 2,
  targets,
  inspectors,
  conflicts: dedup,
  targetsPoolHash: poolHash(targets),
  inspectorsPoolHash: poolHash(inspectors),
  conflictsHash: conflictsHash(dedup),
  targetNames: {},
  inspectorNames: {},
  secretHex,
  result: r.result,
});

function median(f: () => void, runs = 15): number {
  for (let i = 0; i < 3; i++) f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const baseline = median(() => {
  runDraw({ secretHex, targets, inspectors, conflicts: dedup, sampleSize });
});
const verify = median(() => {
  const out = verifyPublishedDraw(publishedDrawSchema.parse(JSON.parse(doc)));
  if (!out.verified) throw new Error('bench: did not verify');
});
// SHA-256 inside verification: the pool/conflict texts twice (verify + re-run) and the stream blocks.
const texts = [
  `tuoyu-pool-v1\n${JSON.stringify(targets.map((t) => [t.id, t.weight]))}`,
  `tuoyu-pool-v1\n${JSON.stringify(inspectors.map((i) => [i.id, null]))}`,
  `tuoyu-conflicts-v1\n${JSON.stringify(dedup.map((c) => [c.inspectorId, c.targetId]))}`,
];
const block = new Uint8Array(36);
const sha = median(() => {
  for (let k = 0; k < 2; k++) for (const t of texts) sha256Hex(t);
  for (let b = 0; b < r.stats.streamBlocks; b++) sha256(block);
});

console.log(
  `supervision bench: ${targets.length} institutions × ${inspectors.length} inspectors, sample ${sampleSize}, ${dedup.length} recusals`,
);
console.log(`  draw (baseline)        ${baseline.toFixed(1)} ms`);
console.log(
  `  verify published draw  ${verify.toFixed(1)} ms  (ratio ${(verify / baseline).toFixed(2)} × the draw)`,
);
console.log(
  `  SHA-256 share of verify ${((100 * sha) / verify).toFixed(0)} % (${sha.toFixed(1)} ms, ${r.stats.streamBlocks} stream blocks)`,
);
console.log(`  published document     ${(doc.length / 1024).toFixed(0)} KiB`);
