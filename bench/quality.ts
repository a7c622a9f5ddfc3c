/**
 * Benchmark: the quality module's pure work at district scale — the peer draw over every institution
 * (targets = reviewers = the pool; conflicts = same town, same operator, self) and scoring a round.
 * Prints ms and ratios against baselines run in the same script (the plain draw with no conflicts;
 * a floating-point weighted sum), never asserting timing.
 * Run: node --import tsx bench/quality.ts
 */
import type { FrameworkDimension } from '../domain/contracts/quality.ts';
import { drawPeers, peerConflicts } from '../domain/quality/peer-draw.ts';
import { SAMPLE_FRAMEWORK } from '../domain/quality/sample-framework.ts';
import { combine, gradeOf, maxPoints, scoreEvaluation } from '../domain/quality/scoring.ts';
import { runDraw } from '../domain/rules/draw.ts';
import { sha256Hex } from '../domain/rules/sha256.ts';
import { Rng } from '../server/demo/rng.ts';

const rng = new Rng(12);
const dims: FrameworkDimension[] = SAMPLE_FRAMEWORK.dimensions.map((d) => ({
  ...d,
  items: d.items.map((i) => ({ ...i, guidance: i.guidance ?? '', veto: i.veto ?? false })),
}));
const max = maxPoints(dims);

function time(label: string, runs: number, f: () => void): number {
  for (let w = 0; w < 2; w++) f();
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) f();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms`);
  return ms;
}

for (const n of [100, 400]) {
  const pool = Array.from({ length: n }, (_, i) => ({
    id: `inst-${String(i).padStart(5, '0')}`,
    townCode: `310118${String(100 + (i % 11)).padStart(3, '0')}`,
    operator: i % 17 === 0 ? `op-${i % 3}` : null,
  }));
  const secret = sha256Hex(`bench-${n}`);
  const base = time(`baseline: runDraw, ${n} targets, no conflicts`, 10, () => {
    runDraw({
      secretHex: secret,
      targets: pool.map((p) => ({ id: p.id, weight: 1 })),
      inspectors: pool.map((p) => ({ id: p.id })),
      conflicts: [],
      sampleSize: n,
    });
  });
  const conflicts = time(`  peerConflicts (${n}² pairs)`, 10, () => void peerConflicts(pool));
  const peers = time(`  drawPeers: ${n} institutions, 2 reviewers, other towns`, 10, () => {
    const a = drawPeers(secret, pool, 2);
    if (!a.ok) throw new Error('draw failed');
  });
  console.log(
    `  ratio drawPeers / baseline draw: ${(peers / base).toFixed(2)} (conflicts alone ${(conflicts / base).toFixed(2)})`,
  );

  // Scoring a round: every institution has self + 2 peers + commissioned.
  const entries = () =>
    dims.flatMap((d) =>
      d.items.map((i) => ({
        itemCode: i.code,
        score: Math.floor(i.points * (0.6 + rng.next() * 0.4) * 2) / 2,
        vetoed: false,
        note: '',
      })),
    );
  const forms = pool.map(() => [entries(), entries(), entries(), entries()]);
  const floatBase = time(`baseline: float weighted sum, ${n} institutions`, 20, () => {
    for (const f of forms) {
      const tot = f.map((e) => e.reduce((a, x) => a + x.score, 0));
      void (0.2 * tot[0]! + 0.3 * ((tot[1]! + tot[2]!) / 2) + 0.5 * tot[3]!);
    }
  });
  const exact = time(`  scoreEvaluation + combine + gradeOf, ${n} institutions`, 20, () => {
    const codes = dims.map((d) => d.code);
    for (const f of forms) {
      const s = f.map((e) => scoreEvaluation(dims, e));
      const c = combine(
        codes,
        { self: 20, peer: 30, commissioned: 50 },
        { self: s[0], peers: [s[1]!, s[2]!], commissioned: s[3] },
      );
      void gradeOf(c!.total, max, SAMPLE_FRAMEWORK.gradeBands, c!.vetoed);
    }
  });
  console.log(`  ratio exact scoring / float sum: ${(exact / floatBase).toFixed(2)}`);
}
