/**
 * Recusal sources for the draw (回避; a local implementing rule of 国办发〔2015〕58号): who must not inspect
 * which institution. Built in: "inspected it last time" (the previous drawn plan of the same division).
 * Other modules add sources (e.g. workforce: "works or worked at the target") through `ConflictSource`.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { DrawConflict } from '../../../domain/rules/draw.ts';
import type { Db } from '../../db/client.ts';
import { supervisionDrawPlans } from './tables.ts';

export interface ConflictQuery {
  districtCode: string;
  divisionCode: string;
  month: string;
  inspectorIds: readonly string[];
  targetIds: readonly string[];
}

/** A source of (inspector, target) pairs that must recuse. Must be deterministic for the same data. */
export interface ConflictSource {
  name: string;
  conflicts(db: Db, q: ConflictQuery): Promise<DrawConflict[]>;
}

/** The inspectors assigned to each target in the latest earlier drawn plan of the same division. */
export const lastInspectedSource: ConflictSource = {
  name: 'last_inspected',
  async conflicts(db, q) {
    const [prev] = await db
      .select({ result: supervisionDrawPlans.result })
      .from(supervisionDrawPlans)
      .where(
        and(
          eq(supervisionDrawPlans.districtCode, q.districtCode),
          eq(supervisionDrawPlans.divisionCode, q.divisionCode),
          eq(supervisionDrawPlans.status, 'drawn'),
          lt(supervisionDrawPlans.month, q.month),
        ),
      )
      .orderBy(desc(supervisionDrawPlans.month))
      .limit(1);
    const targets = new Set(q.targetIds);
    const inspectors = new Set(q.inspectorIds);
    const out: DrawConflict[] = [];
    for (const a of prev?.result?.assignments ?? []) {
      if (!targets.has(a.targetId)) continue;
      for (const i of a.inspectorIds)
        if (inspectors.has(i)) out.push({ inspectorId: i, targetId: a.targetId });
    }
    return out;
  },
};

/** Conflict sources registered by other modules (workforce wires "works or worked at" here). */
export const conflictSources: ConflictSource[] = [lastInspectedSource];

/** Add a recusal source (call once at registration; e.g. workforce's "works or worked at the target"). */
export function registerConflictSource(source: ConflictSource): void {
  if (!conflictSources.some((s) => s.name === source.name)) conflictSources.push(source);
}

/** Every source's pairs, deduplicated and sorted (the published list). */
export async function collectConflicts(db: Db, q: ConflictQuery): Promise<DrawConflict[]> {
  const seen = new Map<string, DrawConflict>();
  for (const s of conflictSources)
    for (const c of await s.conflicts(db, q)) seen.set(`${c.inspectorId}\u0000${c.targetId}`, c);
  return [...seen.values()].sort((a, b) =>
    a.inspectorId < b.inspectorId
      ? -1
      : a.inspectorId > b.inspectorId
        ? 1
        : a.targetId < b.targetId
          ? -1
          : a.targetId > b.targetId
            ? 1
            : 0,
  );
}
