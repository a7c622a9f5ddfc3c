/**
 * Verification of a published draw (issue 10), shared by the server's tests, `scripts/draw-verify.ts`
 * and the portal page (which recomputes in the browser). Pure: no I/O, no clock.
 * A draw verifies when: the revealed secret hashes to the commitment published before the draw; the
 * published pools hash to the published pool hashes; re-running domain/rules/draw.ts on the published
 * inputs gives exactly the published result (seed, targets, inspectors).
 */
import { conflictsHash, type DrawResult, poolHash, verifyDraw } from '../rules/draw.ts';

export interface PublishedDrawInput {
  status: string;
  commitment: string;
  sampleSize: number;
  inspectorsPerTarget: number;
  targets: readonly { id: string; weight: number }[];
  inspectors: readonly { id: string }[];
  conflicts: readonly { inspectorId: string; targetId: string }[];
  targetsPoolHash: string;
  inspectorsPoolHash: string;
  conflictsHash: string;
  secretHex: string | null;
  result: DrawResult | null;
}

export type VerifyOutcome =
  | { verified: true; assignments: number }
  | { verified: false; reason: string; field?: string };

/** Recompute a published draw and say whether it matches. */
export function verifyPublishedDraw(d: PublishedDrawInput): VerifyOutcome {
  if (d.status !== 'drawn' || !d.secretHex || !d.result) return { verified: false, reason: 'draw.not_drawn' };
  if (poolHash(d.targets) !== d.targetsPoolHash) {
    return { verified: false, reason: 'draw.pool_hash_mismatch', field: 'targets' };
  }
  if (poolHash(d.inspectors) !== d.inspectorsPoolHash) {
    return { verified: false, reason: 'draw.pool_hash_mismatch', field: 'inspectors' };
  }
  if (conflictsHash(d.conflicts) !== d.conflictsHash) {
    return { verified: false, reason: 'draw.pool_hash_mismatch', field: 'conflicts' };
  }
  if (
    d.result.targetsPoolHash !== d.targetsPoolHash ||
    d.result.inspectorsPoolHash !== d.inspectorsPoolHash
  ) {
    return { verified: false, reason: 'draw.pool_hash_mismatch', field: 'result' };
  }
  const v = verifyDraw(
    {
      commitment: d.commitment,
      secretHex: d.secretHex,
      targets: d.targets,
      inspectors: d.inspectors,
      conflicts: d.conflicts,
      sampleSize: d.sampleSize,
      inspectorsPerTarget: d.inspectorsPerTarget,
    },
    d.result,
  );
  if (!v.ok) return { verified: false, reason: v.reason, field: v.field };
  return { verified: true, assignments: d.result.assignments.length };
}

/** The structural invariants of a result: ≥ min inspectors per target, no conflicted inspector, no repeats. */
export function checkAssignments(
  result: Pick<DrawResult, 'assignments' | 'inspectorsPerTarget'>,
  conflicts: readonly { inspectorId: string; targetId: string }[],
  min = 2,
): string[] {
  const banned = new Set(conflicts.map((c) => `${c.inspectorId}\u0000${c.targetId}`));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const a of result.assignments) {
    if (seen.has(a.targetId)) problems.push(`repeat:${a.targetId}`);
    seen.add(a.targetId);
    if (new Set(a.inspectorIds).size !== a.inspectorIds.length) problems.push(`dup-inspector:${a.targetId}`);
    if (a.inspectorIds.length < Math.max(min, result.inspectorsPerTarget))
      problems.push(`too-few:${a.targetId}`);
    for (const i of a.inspectorIds)
      if (banned.has(`${i}\u0000${a.targetId}`)) problems.push(`conflict:${a.targetId}:${i}`);
  }
  return problems;
}
