import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit, conflictsHash, poolHash, runDraw } from '../domain/rules/draw.ts';

const secret = '5a'.repeat(32);
const targets = Array.from({ length: 6 }, (_, i) => ({
  id: `00000000-0000-7000-8000-00000000000${i}`,
  weight: 1,
}));
const inspectors = Array.from({ length: 4 }, (_, i) => ({ id: `00000000-0000-7000-9000-00000000000${i}` }));
const r = runDraw({ secretHex: secret, targets, inspectors, conflicts: [], sampleSize: 3 });
if (!r.ok) throw new Error(r.reason);
const doc = {
  id: '00000000-0000-7000-8000-0000000000aa',
  month: '2026-01',
  level: 'district',
  divisionCode: '310118',
  status: 'drawn',
  committedAt: '2026-01-02T00:00:00.000Z',
  drawnAt: '2026-01-05T00:00:00.000Z',
  commitment: (commit(secret) as { commitment: string }).commitment,
  sampleSize: 3,
  inspectorsPerTarget: 2,
  targets,
  inspectors,
  conflicts: [],
  targetsPoolHash: poolHash(targets),
  inspectorsPoolHash: poolHash(inspectors),
  conflictsHash: conflictsHash([]),
  targetNames: {},
  inspectorNames: {},
  secretHex: secret,
  result: r.result,
};

function run(file: string): { code: number; out: string } {
  try {
    const out = execFileSync('node', ['--import', 'tsx', 'scripts/draw-verify.ts', file], {
      encoding: 'utf8',
    });
    return { code: 0, out };
  } catch (e) {
    const x = e as { status: number; stdout: string };
    return { code: x.status, out: x.stdout };
  }
}

describe('draw:verify', () => {
  it('says verified for an honest file and fails a tampered one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'draw-verify-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(doc));
    const ok = run(good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('verified');
    const bad = path.join(dir, 'bad.json');
    const t = structuredClone(doc);
    // Swap the first two drawn targets: the same set, another order — the draw order is part of the result.
    t.result.assignments = [
      t.result.assignments[1]!,
      t.result.assignments[0]!,
      ...t.result.assignments.slice(2),
    ];
    writeFileSync(bad, JSON.stringify(t));
    const no = run(bad);
    expect(no.code).toBe(1);
    expect(no.out).toContain('NOT verified');
  });
});
