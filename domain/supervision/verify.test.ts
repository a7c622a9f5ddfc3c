import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commit, conflictsHash, poolHash, runDraw } from '../rules/draw.ts';
import { checkAssignments, type PublishedDrawInput, verifyPublishedDraw } from './verify.ts';

const SECRET = 'ab'.repeat(32);

function publish(nTargets: number, nInspectors: number, sampleSize: number): PublishedDrawInput {
  const targets = Array.from({ length: nTargets }, (_, i) => ({ id: `t${i}`, weight: 1 + (i % 3) }));
  const inspectors = Array.from({ length: nInspectors }, (_, i) => ({ id: `i${i}` }));
  const conflicts = [{ inspectorId: 'i0', targetId: 't0' }];
  const r = runDraw({ secretHex: SECRET, targets, inspectors, conflicts, sampleSize });
  if (!r.ok) throw new Error(r.reason);
  return {
    status: 'drawn',
    commitment: (commit(SECRET) as { commitment: string }).commitment,
    sampleSize,
    inspectorsPerTarget: 2,
    targets,
    inspectors,
    conflicts,
    targetsPoolHash: poolHash(targets),
    inspectorsPoolHash: poolHash(inspectors),
    conflictsHash: conflictsHash(conflicts),
    secretHex: SECRET,
    result: r.result,
  };
}

describe('verifyPublishedDraw', () => {
  it('verifies an honest draw', () => {
    expect(verifyPublishedDraw(publish(10, 5, 4))).toEqual({ verified: true, assignments: 4 });
  });
  it('fails a tampered result, a swapped secret, an edited pool and an undrawn plan', () => {
    const d = publish(10, 5, 4);
    const tampered = structuredClone(d);
    tampered.result!.assignments[0]!.targetId = d.result!.assignments[0]!.targetId === 't9' ? 't8' : 't9';
    expect(verifyPublishedDraw(tampered)).toMatchObject({ verified: false, reason: 'draw.result_mismatch' });
    expect(verifyPublishedDraw({ ...d, secretHex: 'cd'.repeat(32) })).toMatchObject({
      verified: false,
      reason: 'draw.commitment_mismatch',
    });
    expect(verifyPublishedDraw({ ...d, targets: d.targets.slice(1) })).toMatchObject({
      verified: false,
      reason: 'draw.pool_hash_mismatch',
      field: 'targets',
    });
    expect(verifyPublishedDraw({ ...d, status: 'committed', secretHex: null })).toMatchObject({
      verified: false,
      reason: 'draw.not_drawn',
    });
  });
});

describe('property: recusal and ≥ 2 inspectors always hold', () => {
  it('holds for random pools, conflicts and secrets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(29)), { maxLength: 40 }),
        fc.uint8Array({ minLength: 16, maxLength: 32 }),
        fc.integer({ min: 1, max: 30 }),
        (nT, nI, per, pairs, secret, wanted) => {
          const targets = Array.from({ length: nT }, (_, i) => ({ id: `t${i}`, weight: 1 + (i % 4) }));
          const inspectors = Array.from({ length: nI }, (_, i) => ({ id: `i${i}` }));
          const conflicts = pairs
            .filter(([i, t]) => i < nI && t < nT)
            .map(([i, t]) => ({ inspectorId: `i${i}`, targetId: `t${t}` }));
          const secretHex = Buffer.from(secret).toString('hex');
          const sampleSize = Math.min(wanted, nT);
          const r = runDraw({
            secretHex,
            targets,
            inspectors,
            conflicts,
            sampleSize,
            inspectorsPerTarget: per,
          });
          if (!r.ok) {
            // The only refusal for valid sizes: some target has too few eligible inspectors.
            expect(r.reason).toBe('draw.insufficient_inspectors');
            return;
          }
          expect(checkAssignments(r.result, conflicts)).toEqual([]);
          expect(r.result.assignments).toHaveLength(sampleSize);
        },
      ),
      { numRuns: 300 },
    );
  });
});
