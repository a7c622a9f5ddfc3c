import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyDraw } from '../rules/draw.ts';
import { drawPeers, type PeerPoolMember, peerConflicts } from './peer-draw.ts';

const SECRET = 'a1'.repeat(16);
const member = (id: string, townCode: string, operator: string | null = null): PeerPoolMember => ({
  id,
  townCode,
  operator,
});

describe('peer draw', () => {
  it('property: every institution gets ≥ 2 reviewers, from other towns, never itself or the same operator', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            town: fc.integer({ min: 1, max: 5 }),
            op: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
          }),
          { minLength: 3, maxLength: 30 },
        ),
        fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
        fc.integer({ min: 2, max: 3 }),
        (rows, secret, per) => {
          const pool = rows.map((r, i) =>
            member(
              `inst-${String(i).padStart(3, '0')}`,
              `town-${r.town}`,
              r.op === null ? null : `op-${r.op}`,
            ),
          );
          const ans = drawPeers(secret, pool, per);
          const byId = new Map(pool.map((p) => [p.id, p]));
          const eligible = (t: PeerPoolMember) =>
            pool.filter(
              (r) =>
                r.id !== t.id &&
                r.townCode !== t.townCode &&
                (r.operator === null || r.operator !== t.operator),
            ).length;
          if (!ans.ok) {
            // Refused only when some institution truly lacks eligible reviewers.
            expect(pool.some((t) => eligible(t) < per)).toBe(true);
            return;
          }
          expect(ans.result.assignments).toHaveLength(pool.length);
          for (const a of ans.result.assignments) {
            const t = byId.get(a.targetId)!;
            expect(a.inspectorIds.length).toBeGreaterThanOrEqual(2);
            expect(new Set(a.inspectorIds).size).toBe(a.inspectorIds.length);
            for (const rid of a.inspectorIds) {
              const r = byId.get(rid)!;
              expect(r.id).not.toBe(t.id);
              expect(r.townCode).not.toBe(t.townCode);
              if (r.operator !== null) expect(r.operator).not.toBe(t.operator);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses with the institution that has too few eligible reviewers', () => {
    const pool = [member('a', 't1'), member('b', 't2'), member('c', 't3', 'x'), member('d', 't3', 'x')];
    // 'b' can be reviewed by a, c, d; 'a' by b, c, d: fine. Make c and d share the operator with b.
    const ans = drawPeers(SECRET, [member('a', 't1'), member('b', 't2', 'x'), member('c', 't1', 'x')], 2);
    expect(ans.ok).toBe(false);
    if (!ans.ok) expect(ans.needed).toBe(2);
    expect(drawPeers(SECRET, pool, 2).ok).toBe(true);
  });

  it('honours extra conflicts (a staff member who worked at the target)', () => {
    const pool = ['a', 'b', 'c', 'd', 'e'].map((id, i) => member(id, `t${i}`));
    for (const secret of ['00'.repeat(16), '11'.repeat(16), '22'.repeat(16)]) {
      const ans = drawPeers(secret, pool, 2, [{ inspectorId: 'b', targetId: 'a' }]);
      if (!ans.ok) throw new Error('draw failed');
      expect(ans.result.assignments.find((x) => x.targetId === 'a')!.inspectorIds).not.toContain('b');
    }
  });

  it('is verifiable from the revealed secret', () => {
    const pool = [member('a', 't1'), member('b', 't2'), member('c', 't3'), member('d', 't4')];
    const ans = drawPeers(SECRET, pool, 2);
    if (!ans.ok) throw new Error('draw failed');
    const published = {
      secretHex: SECRET,
      commitment: ans.result.commitment,
      targets: pool.map((p) => ({ id: p.id, weight: 1 })),
      inspectors: pool.map((p) => ({ id: p.id })),
      conflicts: peerConflicts(pool),
      sampleSize: pool.length,
      inspectorsPerTarget: 2,
    };
    expect(verifyDraw(published, ans.result).ok).toBe(true);
    const again = drawPeers(SECRET, [...pool].reverse(), 2);
    expect(again.ok && again.result).toEqual(ans.result);
  });
});
