/**
 * Verifiable double-random draw (双随机一公开, 国办发〔2015〕58号): random targets × random inspectors.
 *
 * Protocol: (1) before the draw publish commit(secret), the target pool, the inspector pool and the
 * conflict pairs; (2) draw with the secret; (3) publish the secret and the result. Anyone can re-run
 * verifyDraw: it recomputes the commitment, the pool hashes, the seed and the whole result.
 *
 * Algorithm 'tuoyu-draw-v1':
 * - pools are sorted by id (UTF-16 code-unit order) so input order does not matter;
 * - seed = SHA-256(UTF-8 'tuoyu-draw-v1\n' + secret hex (lower case) + '\n' + targetsPoolHash + '\n' +
 *   inspectorsPoolHash), numbers come from the SHA-256 counter-mode stream (draw-stream.ts);
 * - targets: weighted sampling without replacement by successive draws — each pick chooses a remaining
 *   target with probability weight / remaining total (uniform integer below the total, Fenwick tree).
 *   This is the same distribution as Efraimidis–Spirakis but needs no Math.log/Math.pow, whose last-bit
 *   results are implementation-defined in ECMAScript; integer-only arithmetic makes the draw bit-exact on
 *   every engine. Weights are positive integers (riskWeight gives the default from complaints/abnormal records);
 * - inspectors: for each drawn target in draw order, `inspectorsPerTarget` (≥ 2) inspectors without a
 *   conflict with that target, least-loaded first; ties among equally loaded inspectors are broken by the
 *   stream (partial Fisher–Yates). Every target of the pool must have enough eligible inspectors, checked
 *   before drawing so that the error does not depend on chance.
 */
import { createStream, fenwick } from './draw-stream.ts';
import { err, ok, type Result } from './result.ts';
import { fromHex, sha256Hex } from './sha256.ts';

/** Algorithm name published with every result; bump it on any change to the procedure. */
export const DRAW_ALGORITHM = 'tuoyu-draw-v1';
/** 双随机 rule: at least two inspectors per check (国办发〔2015〕58号). */
export const MIN_INSPECTORS_PER_TARGET = 2;
/** Largest accepted risk weight. */
export const MAX_WEIGHT = 1_000_000;

/** A target institution with its risk weight (positive integer). */
export interface DrawTarget {
  id: string;
  weight: number;
}
/** An inspector. */
export interface DrawInspector {
  id: string;
}
/** An inspector who must recuse from a target. */
export interface DrawConflict {
  inspectorId: string;
  targetId: string;
}
/** Everything the draw depends on. */
export interface DrawInputs {
  secretHex: string;
  targets: readonly DrawTarget[];
  inspectors: readonly DrawInspector[];
  conflicts: readonly DrawConflict[];
  sampleSize: number;
  inspectorsPerTarget?: number;
}
/** Inputs as published, including the commitment published before the draw. */
export interface PublishedInputs extends DrawInputs {
  commitment: string;
}
/** One drawn target and its inspectors (sorted by id). */
export interface DrawAssignment {
  targetId: string;
  inspectorIds: string[];
}
/** The published result. `assignments` are in draw order. */
export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  commitment: string;
  targetsPoolHash: string;
  inspectorsPoolHash: string;
  conflictsHash: string;
  seed: string;
  sampleSize: number;
  inspectorsPerTarget: number;
  assignments: DrawAssignment[];
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Default risk weight: 1 + complaints (capped at 5) + abnormal records (capped at 5). A platform choice. */
export function riskWeight(signals: { complaints: number; abnormalRecords: number }): number {
  const c = Math.max(0, Math.min(5, Math.floor(signals.complaints || 0)));
  const a = Math.max(0, Math.min(5, Math.floor(signals.abnormalRecords || 0)));
  return 1 + c + a;
}

function secretBytes(secretHex: string): Uint8Array | null {
  if (typeof secretHex !== 'string' || secretHex.length < 32) return null;
  return fromHex(secretHex);
}

/** Commitment to a secret: SHA-256 hex of its bytes (≥ 16 bytes, given as hex). */
export function commit(secretHex: string): Result<{ commitment: string }> {
  const bytes = secretBytes(secretHex);
  if (!bytes) return err('draw.bad_secret', 'secretHex');
  return ok({ commitment: sha256Hex(bytes) });
}

/** Hash of a pool: SHA-256 of 'tuoyu-pool-v1\n' + JSON of [id, weight|null] pairs sorted by id. */
export function poolHash(items: readonly { id: string; weight?: number }[]): string {
  const rows = items.map((i) => [i.id, i.weight ?? null] as const).sort((a, b) => byId(a[0], b[0]));
  return sha256Hex(`tuoyu-pool-v1\n${JSON.stringify(rows)}`);
}

/** Hash of the conflict pairs: SHA-256 of 'tuoyu-conflicts-v1\n' + JSON of sorted [inspectorId, targetId]. */
export function conflictsHash(conflicts: readonly DrawConflict[]): string {
  const rows = conflicts
    .map((c) => [c.inspectorId, c.targetId] as const)
    .sort((a, b) => byId(a[0], b[0]) || byId(a[1], b[1]));
  return sha256Hex(`tuoyu-conflicts-v1\n${JSON.stringify(rows)}`);
}

/** The draw seed from the secret and both pool hashes (64 hex characters). */
export function seedFrom(
  secretHex: string,
  targetsPoolHash: string,
  inspectorsPoolHash: string,
): Result<{ seed: string }> {
  if (!secretBytes(secretHex)) return err('draw.bad_secret', 'secretHex');
  const hex64 = /^[0-9a-f]{64}$/;
  if (!hex64.test(targetsPoolHash)) return err('draw.bad_hash', 'targetsPoolHash');
  if (!hex64.test(inspectorsPoolHash)) return err('draw.bad_hash', 'inspectorsPoolHash');
  const text = `${DRAW_ALGORITHM}\n${secretHex.toLowerCase()}\n${targetsPoolHash}\n${inspectorsPoolHash}`;
  return ok({ seed: sha256Hex(text) });
}

function hasDuplicate(ids: readonly string[]): boolean {
  return new Set(ids).size !== ids.length;
}

/** Statistics of one run (not part of the published result). */
export interface DrawStats {
  streamBlocks: number;
}

/** Run the draw. Reasons: bad secret, empty pools, duplicate ids, bad weight, bad sizes, too few eligible inspectors. */
export function runDraw(inputs: DrawInputs): Result<{ result: DrawResult; stats: DrawStats }> {
  const c = commit(inputs.secretHex);
  if (!c.ok) return c;
  const perTarget = inputs.inspectorsPerTarget ?? MIN_INSPECTORS_PER_TARGET;
  if (!Number.isInteger(perTarget) || perTarget < MIN_INSPECTORS_PER_TARGET) {
    return err('draw.too_few_per_target', 'inspectorsPerTarget', { min: MIN_INSPECTORS_PER_TARGET });
  }
  if (!Array.isArray(inputs.targets) || inputs.targets.length === 0)
    return err('draw.empty_target_pool', 'targets');
  if (!Array.isArray(inputs.inspectors) || inputs.inspectors.length === 0) {
    return err('draw.empty_inspector_pool', 'inspectors');
  }
  const targets = [...inputs.targets].sort((a, b) => byId(a.id, b.id));
  const inspectors = [...inputs.inspectors].sort((a, b) => byId(a.id, b.id));
  if (hasDuplicate(targets.map((t) => t.id))) return err('draw.duplicate_id', 'targets');
  if (hasDuplicate(inspectors.map((i) => i.id))) return err('draw.duplicate_id', 'inspectors');
  for (const t of targets) {
    if (!Number.isInteger(t.weight) || t.weight < 1 || t.weight > MAX_WEIGHT) {
      return err('draw.bad_weight', 'targets', { targetId: t.id });
    }
  }
  if (!Number.isInteger(inputs.sampleSize) || inputs.sampleSize < 1)
    return err('count.invalid', 'sampleSize');
  if (inputs.sampleSize > targets.length) {
    return err('draw.sample_too_large', 'sampleSize', { pool: targets.length });
  }
  // Recusal: target id → inspector indexes that must not inspect it.
  const inspectorIndex = new Map(inspectors.map((i, k) => [i.id, k]));
  const recused = new Map<string, Set<number>>();
  for (const cf of inputs.conflicts ?? []) {
    const k = inspectorIndex.get(cf.inspectorId);
    if (k === undefined) continue;
    const set = recused.get(cf.targetId) ?? new Set<number>();
    set.add(k);
    recused.set(cf.targetId, set);
  }
  for (const t of targets) {
    const eligible = inspectors.length - (recused.get(t.id)?.size ?? 0);
    if (eligible < perTarget) {
      return err('draw.insufficient_inspectors', 'inspectors', {
        targetId: t.id,
        eligible,
        needed: perTarget,
      });
    }
  }

  const targetsPoolHash = poolHash(targets);
  const inspectorsPoolHash = poolHash(inspectors);
  const s = seedFrom(inputs.secretHex, targetsPoolHash, inspectorsPoolHash);
  if (!s.ok) return s;
  const stream = createStream(s.seed)!;

  // 1. Targets: successive weighted picks without replacement.
  const weights = targets.map((t) => t.weight);
  const tree = fenwick(weights);
  let total = weights.reduce((a, b) => a + b, 0);
  const picked: number[] = [];
  for (let k = 0; k < inputs.sampleSize; k++) {
    const idx = tree.find(stream.uniformInt(total));
    picked.push(idx);
    tree.add(idx, -weights[idx]!);
    total -= weights[idx]!;
  }

  // 2. Inspectors: least-loaded eligible first, ties broken by the stream.
  const load = new Array<number>(inspectors.length).fill(0);
  const blocked = new Uint8Array(inspectors.length);
  const assignments: DrawAssignment[] = [];
  for (const idx of picked) {
    const target = targets[idx]!;
    const banned = recused.get(target.id);
    blocked.fill(0);
    if (banned) for (const k of banned) blocked[k] = 1;
    const chosen: number[] = [];
    while (chosen.length < perTarget) {
      // One pass: the least load among eligible, not-yet-chosen inspectors and who has it (in id order).
      let minLoad = Number.POSITIVE_INFINITY;
      let tied: number[] = [];
      for (let k = 0; k < inspectors.length; k++) {
        if (blocked[k]) continue;
        const l = load[k]!;
        if (l < minLoad) {
          minLoad = l;
          tied = [k];
        } else if (l === minLoad) tied.push(k);
      }
      const need = perTarget - chosen.length;
      const take = Math.min(need, tied.length);
      if (tied.length > need) {
        for (let i = 0; i < take; i++) {
          const j = i + stream.uniformInt(tied.length - i);
          const tmp = tied[i]!;
          tied[i] = tied[j]!;
          tied[j] = tmp;
        }
      }
      for (let i = 0; i < take; i++) {
        chosen.push(tied[i]!);
        blocked[tied[i]!] = 1;
      }
    }
    for (const k of chosen) load[k] = load[k]! + 1;
    assignments.push({ targetId: target.id, inspectorIds: chosen.map((k) => inspectors[k]!.id).sort(byId) });
  }

  return ok({
    result: {
      algorithm: DRAW_ALGORITHM,
      commitment: c.commitment,
      targetsPoolHash,
      inspectorsPoolHash,
      conflictsHash: conflictsHash(inputs.conflicts ?? []),
      seed: s.seed,
      sampleSize: inputs.sampleSize,
      inspectorsPerTarget: perTarget,
      assignments,
    },
    stats: { streamBlocks: stream.blocks() },
  });
}

/**
 * Verify a published draw: the secret matches the commitment published before the draw, and re-running
 * the draw on the published inputs gives exactly the published result.
 */
export function verifyDraw(published: PublishedInputs, result: DrawResult): Result<{ verified: true }> {
  const c = commit(published.secretHex);
  if (!c.ok) return c;
  if (c.commitment !== published.commitment || result.commitment !== published.commitment) {
    return err('draw.commitment_mismatch', 'commitment');
  }
  const again = runDraw(published);
  if (!again.ok) return again;
  const r = again.result;
  if (result.algorithm !== r.algorithm) return err('draw.result_mismatch', 'algorithm');
  if (result.targetsPoolHash !== r.targetsPoolHash || result.inspectorsPoolHash !== r.inspectorsPoolHash) {
    return err('draw.pool_hash_mismatch', 'pools');
  }
  if (result.conflictsHash !== r.conflictsHash) return err('draw.pool_hash_mismatch', 'conflicts');
  if (result.seed !== r.seed) return err('draw.result_mismatch', 'seed');
  if (result.sampleSize !== r.sampleSize || result.inspectorsPerTarget !== r.inspectorsPerTarget) {
    return err('draw.result_mismatch', 'sampleSize');
  }
  if (JSON.stringify(result.assignments) !== JSON.stringify(r.assignments)) {
    return err('draw.result_mismatch', 'assignments');
  }
  return ok({ verified: true as const });
}
