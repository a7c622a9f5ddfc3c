/**
 * The audit trail: one hash-chained, append-only entry per write, login, lockout, grant, export and
 * unmasked read. `record` runs inside the caller's transaction, so if the entry cannot be written the
 * change fails too.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type RequestContext, scopeText } from '../context.ts';
import { auditChainHead, auditLog, GENESIS_HASH } from '../tables.ts';
import { entryHash } from './canonical.ts';

export interface AuditEvent {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: 'success' | 'failure' | 'denied';
  /** Changed fields; personal values must already be masked by the caller. */
  changes?: Record<string, unknown> | null;
  /** For anonymous events (failed login): the name that was tried. */
  username?: string | null;
}

/** Append one entry to the district's chain inside `tx`. */
export async function recordAudit(tx: Db, ctx: RequestContext, event: AuditEvent): Promise<void> {
  const district = ctx.actor?.districtCode ?? ctx.districtCode;
  await tx
    .insert(auditChainHead)
    .values({ districtCode: district, seq: 0, hash: GENESIS_HASH })
    .onConflictDoNothing();
  const [head] = await tx
    .select()
    .from(auditChainHead)
    .where(eq(auditChainHead.districtCode, district))
    .for('update');
  if (!head) throw new Error('audit chain head missing');
  const fields = {
    districtCode: district,
    seq: head.seq + 1,
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? event.username ?? null,
    role: ctx.actor?.role ?? null,
    scope: scopeText(ctx.actor?.scope ?? null),
    ip: ctx.ip,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    result: event.result ?? 'success',
    requestId: ctx.requestId,
    changes: event.changes ?? null,
  };
  const hash = entryHash(head.hash, fields);
  await tx.insert(auditLog).values({ ...fields, prevHash: head.hash, hash });
  await tx
    .update(auditChainHead)
    .set({ seq: fields.seq, hash })
    .where(eq(auditChainHead.districtCode, district));
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  brokenAt: number | null;
  reason: string | null;
}

/** Recompute the chain of one district (or all districts) and report the first broken entry. */
export async function verifyAuditChain(db: Db, districtCode?: string): Promise<VerifyResult> {
  const districts = districtCode
    ? [districtCode]
    : (await db.selectDistinct({ d: auditLog.districtCode }).from(auditLog)).map((r) => r.d);
  let count = 0;
  for (const d of districts) {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let after = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.districtCode, d), gt(auditLog.seq, after)))
        .orderBy(asc(auditLog.seq))
        .limit(1000);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.seq !== expectedSeq)
          return { ok: false, count, brokenAt: row.seq, reason: `gap before seq ${row.seq} (${d})` };
        if (row.prevHash !== prev)
          return { ok: false, count, brokenAt: row.seq, reason: `prev_hash mismatch (${d})` };
        if (entryHash(prev, row) !== row.hash)
          return { ok: false, count, brokenAt: row.seq, reason: `hash mismatch (${d})` };
        prev = row.hash;
        expectedSeq++;
        count++;
        after = row.seq;
      }
    }
    const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.districtCode, d));
    if (head && (head.seq !== expectedSeq - 1 || head.hash !== prev))
      return {
        ok: false,
        count,
        brokenAt: head.seq,
        reason: `chain head does not match the last entry (${d}): entries removed?`,
      };
  }
  return { ok: true, count, brokenAt: null, reason: null };
}
