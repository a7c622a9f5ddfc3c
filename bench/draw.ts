/**
 * Benchmark: verifiable double-random draw over 2,100 institutions × 500 inspectors.
 * Prints ms per draw and the share of time spent in SHA-256 (pool hashes, seed, commitment, stream blocks),
 * measured by timing the same number of hashes of the same sizes separately. Does not assert timing.
 * Run: node --import tsx bench/draw.ts
 */
import { commit, conflictsHash, poolHash, riskWeight, runDraw, verifyDraw } from '../domain/rules/draw.ts';
import { sha256, sha256Hex } from '../domain/rules/sha256.ts';
import { Rng } from '../server/demo/rng.ts';

const rng = new Rng(310118);
const rand = () => rng.next();

const targets = Array.from({ length: 2100 }, (_, i) => ({
  id: `91310118${String(i).padStart(9, '0')}X`,
  weight: riskWeight({
    complaints: rand() < 0.1 ? Math.floor(rand() * 4) : 0,
    abnormalRecords: rand() < 0.05 ? 2 : 0,
  }),
}));
const inspectors = Array.from({ length: 500 }, (_, i) => ({ id: `insp-${String(i).padStart(4, '0')}` }));
const conflicts = Array.from({ length: 3000 }, () => ({
  inspectorId: inspectors[Math.floor(rand() * inspectors.length)]!.id,
  targetId: targets[Math.floor(rand() * targets.length)]!.id,
}));

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

for (const sampleSize of [210, 2100]) {
  const runs = 20;
  for (let w = 0; w < 3; w++)
    runDraw({ secretHex: sha256Hex(`warm-${w}`), targets, inspectors, conflicts, sampleSize });
  const times: number[] = [];
  let total = 0;
  let blocks = 0;
  let last: ReturnType<typeof runDraw> | null = null;
  for (let r = 0; r < runs; r++) {
    const secretHex = sha256Hex(`bench-secret-${r}`);
    const [res, ms] = time(() => runDraw({ secretHex, targets, inspectors, conflicts, sampleSize }));
    if (!res.ok) throw new Error(res.reason);
    total += ms;
    times.push(ms);
    blocks += res.stats.streamBlocks;
    last = res;
  }
  const perDraw = total / runs;
  // Hashing work in one draw: 2 pool hashes + conflicts hash + commitment + seed + stream blocks (36 bytes each).
  const tPool = JSON.stringify(targets.map((t) => [t.id, t.weight])).length;
  const iPool = JSON.stringify(inspectors.map((i) => [i.id, null])).length;
  const cPool = JSON.stringify(conflicts.map((c) => [c.inspectorId, c.targetId])).length;
  const [, hashMs] = time(() => {
    for (let r = 0; r < runs; r++) {
      sha256(new Uint8Array(tPool));
      sha256(new Uint8Array(iPool));
      sha256(new Uint8Array(cPool));
      sha256(new Uint8Array(32));
      sha256(new Uint8Array(300));
    }
    const buf = new Uint8Array(36);
    for (let b = 0; b < blocks; b++) sha256(buf);
  });
  const [, poolMs] = time(() => {
    for (let r = 0; r < runs; r++) {
      poolHash(targets);
      poolHash(inspectors);
      conflictsHash(conflicts);
    }
  });
  console.log(
    `draw ${targets.length} institutions × ${inspectors.length} inspectors, sample ${sampleSize}, 2 inspectors each, ${conflicts.length} conflict pairs`,
  );
  const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  console.log(
    `  ${perDraw.toFixed(1)} ms per draw (mean of ${runs} after 3 warm-up draws; median ${median.toFixed(1)} ms); ${(blocks / runs).toFixed(0)} stream blocks per draw`,
  );
  console.log(
    `  share of time hashing: SHA-256 compression ≈ ${((100 * hashMs) / total).toFixed(0)}% (${(hashMs / runs).toFixed(1)} ms/draw); ` +
      `pool hashes incl. canonical JSON + UTF-8 ≈ ${((100 * poolMs) / total).toFixed(0)}% (${(poolMs / runs).toFixed(1)} ms/draw)`,
  );
  if (last?.ok) {
    const c = commit(sha256Hex(`bench-secret-${runs - 1}`));
    if (c.ok) {
      const published = {
        secretHex: sha256Hex(`bench-secret-${runs - 1}`),
        commitment: c.commitment,
        targets,
        inspectors,
        conflicts,
        sampleSize,
      };
      const [v, vMs] = time(() => verifyDraw(published, last.result));
      console.log(`  verifyDraw: ${v.ok ? 'accepted' : v.reason} in ${vMs.toFixed(1)} ms`);
    }
  }
}
