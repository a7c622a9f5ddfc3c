/**
 * Peer-review assignment (同行互评) by the verifiable draw (domain/rules/draw.ts, commit-reveal): every
 * participating institution is a target and every participant a possible reviewer; a reviewer must be
 * in ANOTHER town, never the institution itself and never under the same owner/operator (举办者). Each
 * target gets `perTarget` (≥ 2) reviewers, least-loaded first. The conflicts are derived here and
 * published with the result (their hash), so anyone can re-run the draw from the revealed secret.
 */
import {
  DRAW_ALGORITHM,
  type DrawConflict,
  type DrawResult,
  MIN_INSPECTORS_PER_TARGET,
  runDraw,
} from '../rules/draw.ts';

export interface PeerPoolMember {
  id: string;
  townCode: string;
  /** Owner/operator key; institutions with the same key never review each other. null: none declared. */
  operator: string | null;
}

/** Every (reviewer, target) pair that may not be drawn. */
export function peerConflicts(
  pool: readonly PeerPoolMember[],
  extra: readonly DrawConflict[] = [],
): DrawConflict[] {
  const out: DrawConflict[] = [...extra];
  for (const r of pool)
    for (const t of pool)
      if (r.id === t.id || r.townCode === t.townCode || (r.operator !== null && r.operator === t.operator))
        out.push({ inspectorId: r.id, targetId: t.id });
  return out;
}

export type PeerDrawAnswer =
  | { ok: true; result: DrawResult; conflicts: DrawConflict[] }
  | { ok: false; targetId: string | null; eligible: number; needed: number };

/** Assign reviewers to every participant; fails (naming the institution) when one has too few eligible. */
export function drawPeers(
  secretHex: string,
  pool: readonly PeerPoolMember[],
  perTarget = MIN_INSPECTORS_PER_TARGET,
  /** Further (reviewer, target) pairs to avoid, e.g. a staff member who worked at the target. */
  extra: readonly DrawConflict[] = [],
): PeerDrawAnswer {
  const conflicts = peerConflicts(pool, extra);
  const r = runDraw({
    secretHex,
    targets: pool.map((p) => ({ id: p.id, weight: 1 })),
    inspectors: pool.map((p) => ({ id: p.id })),
    conflicts,
    sampleSize: pool.length,
    inspectorsPerTarget: Math.max(MIN_INSPECTORS_PER_TARGET, perTarget),
  });
  if (r.ok) return { ok: true, result: r.result, conflicts };
  const d = r.detail ?? {};
  return {
    ok: false,
    targetId: typeof d.targetId === 'string' ? d.targetId : null,
    eligible: typeof d.eligible === 'number' ? d.eligible : 0,
    needed: typeof d.needed === 'number' ? d.needed : perTarget,
  };
}

export { DRAW_ALGORITHM };
