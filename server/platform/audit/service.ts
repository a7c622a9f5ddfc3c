/**
 * The audit trail: one hash-chained, append-only entry per write, login, lockout, grant, export and
 * unmasked read. `record` runs inside the caller's transaction, so if the entry cannot be written the
 * change fails too.
 */

import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AuditActor, AuditEntry, AuditFilters } from '../../../domain/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, type RequestContext, scopeText } from '../context.ts';
import { scopeWhere } from '../guard.ts';
import type { ScopeTargets } from '../scope-targets.ts';
import { auditChainHead, auditLog, GENESIS_HASH, users } from '../tables.ts';
import { entryHash } from './canonical.ts';
import { maskChanges, personalFieldNames } from './mask.ts';
import { auditNames } from './names.ts';

export interface AuditEvent {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: 'success' | 'failure' | 'denied';
  /** Changed fields; fields marked personal (comments.ts) are masked here, by name, at any depth. */
  changes?: Record<string, unknown> | null;
  /** For anonymous events (failed login): the name that was tried. */
  username?: string | null;
}

/**
 * Append one entry inside `tx`, without a lock: it gets its insertion number now and its place in the
 * district's chain (seq, prev_hash, hash) when `sealAudit` links it after the commit (ADR 0017). If the
 * transaction rolls back, the entry goes with it.
 */
export async function recordAudit(tx: Db, ctx: RequestContext, event: AuditEvent): Promise<void> {
  // The same statement a one-statement write carries as its CTE (ADR 0032): the entry's columns are
  // spelt once, in ENTRY_FIELDS / entryValues.
  await tx.execute(auditEntrySql(ctx, event, { when: sql`true` }));
}

/** The columns of an entry a write supplies (the rest are the sealer's). */
const ENTRY_FIELDS = [
  ['district_code', 'varchar'],
  ['at', 'timestamptz'],
  ['actor_id', 'uuid'],
  ['actor_username', 'varchar'],
  ['role', 'text'],
  ['scope', 'text'],
  ['ip', 'text'],
  ['action', 'text'],
  ['object_type', 'text'],
  ['object_id', 'text'],
  ['result', 'text'],
  ['request_id', 'text'],
  ['changes', 'jsonb'],
] as const;
type EntryField = (typeof ENTRY_FIELDS)[number][0];

/** What `recordAudit` writes for `event` in `ctx`, by column (changes masked, as JSON text). */
function entryValues(ctx: RequestContext, event: AuditEvent): Record<EntryField, unknown> {
  const masked = maskChanges(event.changes);
  return {
    district_code: ctx.actor?.districtCode ?? ctx.districtCode,
    at: ctx.now.toISOString(),
    actor_id: ctx.actor?.userId ?? null,
    actor_username: ctx.actor?.username ?? event.username ?? null,
    role: ctx.actor?.role ?? null,
    scope: scopeText(ctx.actor?.scope ?? null),
    ip: ctx.ip,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId ?? null,
    result: event.result ?? 'success',
    request_id: ctx.requestId,
    changes: masked ? JSON.stringify(masked) : null,
  };
}

interface EntrySqlOptions {
  /** The entry is written when this holds in the statement (e.g. `exists (select 1 from inserted)`). */
  when: SQL;
  /**
   * Fields of `changes` only the statement knows (SQL expressions), merged into the constant ones. A
   * field named like a personal column is refused: masking is done in code, not in SQL.
   */
  computed?: Record<string, SQL>;
}

function entrySql(value: (field: EntryField, type: string) => SQL, opts: EntrySqlOptions): SQL {
  const computed = Object.entries(opts.computed ?? {});
  const personal = personalFieldNames();
  for (const [name] of computed)
    if (personal.has(name)) throw new Error(`audit entry: '${name}' is personal data; pass it in changes`);
  const values = ENTRY_FIELDS.map(([f, type]) =>
    f === 'changes' && computed.length > 0
      ? sql`coalesce(${value(f, type)}, '{}'::jsonb) || jsonb_build_object(${sql.join(
          computed.map(([k, v]) => sql`${k}::text, ${v}`),
          sql`, `,
        )})`
      : value(f, type),
  );
  return sql`insert into ${auditLog} (${sql.raw(ENTRY_FIELDS.map(([f]) => f).join(', '))})
    select ${sql.join(values, sql`, `)} where ${opts.when}`;
}

/**
 * `recordAudit`'s entry as SQL, for a write that is ONE statement (ADR 0032): `insert into audit_log …
 * select … where <when>`, to be used as a data-modifying CTE of that statement, so the entry is written
 * exactly when the change is and both commit together without a transaction of their own. The entry is
 * the one `recordAudit` writes (sealed after the commit alike), plus `computed` fields of `changes`.
 */
export function auditEntrySql(ctx: RequestContext, event: AuditEvent, opts: EntrySqlOptions): SQL {
  const v = entryValues(ctx, event);
  return entrySql((f, type) => sql`${v[f]}::${sql.raw(type)}`, opts);
}

/**
 * `auditEntrySql` for a statement prepared once and executed many times: the entry's values are
 * placeholders named `audit_<column>`, filled by `auditEntryParams(ctx, event)` on each execution.
 */
export function auditEntryTemplate(opts: EntrySqlOptions): SQL {
  return entrySql((f, type) => sql`${sql.placeholder(`audit_${f}`)}::${sql.raw(type)}`, opts);
}

/** The placeholders' values of `auditEntryTemplate` for one entry. */
export function auditEntryParams(ctx: RequestContext, event: AuditEvent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entryValues(ctx, event)).map(([k, v]) => [`audit_${k}`, v]));
}

const SEAL_BATCH = 1000;

/**
 * Link the committed entries not yet in the chain (seq null), in insertion order, onto the district's
 * chain: one transaction per batch holding the chain head's row lock, so two sealers never interleave.
 * Entries of transactions not committed yet are invisible here and are sealed by a later call.
 * Returns how many entries were sealed.
 */
export async function sealAudit(db: Db, districtCode?: string): Promise<number> {
  const districts = districtCode
    ? [districtCode]
    : (await db.selectDistinct({ d: auditLog.districtCode }).from(auditLog).where(isNull(auditLog.seq))).map(
        (r) => r.d,
      );
  let sealed = 0;
  for (const d of districts) {
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const pending = await tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.districtCode, d), isNull(auditLog.seq)))
          .orderBy(asc(auditLog.entryNo))
          .limit(1);
        if (pending.length === 0) return 0;
        await tx
          .insert(auditChainHead)
          .values({ districtCode: d, seq: 0, hash: GENESIS_HASH })
          .onConflictDoNothing();
        const [head] = await tx
          .select()
          .from(auditChainHead)
          .where(eq(auditChainHead.districtCode, d))
          .for('update');
        if (!head) throw new Error('audit chain head missing');
        // Read after the lock: a sealer that held it before us has linked what it saw.
        const rows = await tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.districtCode, d), isNull(auditLog.seq)))
          .orderBy(asc(auditLog.entryNo))
          .limit(SEAL_BATCH);
        if (rows.length === 0) return 0;
        let prev = head.hash;
        let seq = head.seq;
        const links = rows.map((r) => {
          seq += 1;
          const hash = entryHash(prev, { ...r, seq });
          const link = sql`(${r.entryNo}::bigint, ${seq}::bigint, ${prev}::varchar, ${hash}::varchar)`;
          prev = hash;
          return link;
        });
        await tx.execute(sql`
          update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
          from (values ${sql.join(links, sql`, `)}) as v(entry_no, seq, prev_hash, hash)
          where a.district_code = ${d} and a.entry_no = v.entry_no and a.seq is null`);
        await tx.update(auditChainHead).set({ seq, hash: prev }).where(eq(auditChainHead.districtCode, d));
        return rows.length;
      });
      sealed += n;
      if (n < SEAL_BATCH) break;
    }
  }
  return sealed;
}

/**
 * Seal in the background: `kick()` after a write's commit (the app calls it after each successful
 * write request) runs `sealAudit` soon, at most one run at a time; `every` ms a sweep catches entries of
 * jobs and scripts. `close()` stops the timer and waits for a run in progress.
 */
export function createAuditSealer(
  db: Db,
  opts: { districts: readonly string[]; every?: number; onError?: (err: unknown) => void },
) {
  // One district at a time, each statement pinned to it (the Citus rule, ADR 0002).
  const sealAll = async () => {
    for (const d of opts.districts) await sealAudit(db, d);
  };
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await sealAll();
        } catch (err) {
          opts.onError?.(err);
        }
      } while (again && !closed);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!closed) void run();
  }, opts.every ?? 1000);
  timer.unref();
  return {
    kick(): void {
      if (!closed) void run();
    },
    /** Seal now and wait (tests, scripts). */
    flush: run,
    /** Stop the sweep, wait for a run in progress and seal once more (what the last requests wrote). */
    async close(): Promise<void> {
      closed = true;
      clearInterval(timer);
      if (running) await running;
      try {
        await sealAll();
      } catch (err) {
        opts.onError?.(err);
      }
    },
  };
}
export type AuditSealer = ReturnType<typeof createAuditSealer>;

export interface VerifyResult {
  ok: boolean;
  count: number;
  brokenAt: number | null;
  reason: string | null;
}

/**
 * Seal what is committed and pending, then recompute the chain of one district (or all districts) and
 * report the first broken entry.
 */
export async function verifyAuditChain(db: Db, districtCode?: string): Promise<VerifyResult> {
  await sealAudit(db, districtCode);
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
      for (const r of rows) {
        const row = { ...r, seq: r.seq ?? 0, hash: r.hash ?? '' }; // gt(seq) above: sealed rows only
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

export interface AuditQuery extends AuditFilters {
  page: number;
  pageSize: number;
}

/** The trail's WHERE: the actor's district (through the guard) and the filters. */
export function auditWhere(actor: Actor, q: AuditFilters): SQL | undefined {
  // The trail is district-wide: the guard limits it to the auditor's district (town-level scopes see none).
  // Sealed entries only (the routes seal first; an entry committed since is in the next read).
  const conds: (SQL | undefined)[] = [
    scopeWhere(actor, { district: auditLog.districtCode }),
    isNotNull(auditLog.seq),
  ];
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.actor) conds.push(eq(auditLog.actorUsername, q.actor));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.objectType) conds.push(eq(auditLog.objectType, q.objectType));
  if (q.role) conds.push(eq(auditLog.role, q.role));
  if (q.result) conds.push(eq(auditLog.result, q.result));
  if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) conds.push(lte(auditLog.at, new Date(q.to)));
  return and(...conds);
}

/** One page of entries in the trail's order (newest first), with names resolved now. */
export async function auditRows(
  db: Db,
  actor: Actor,
  q: AuditFilters,
  page: { offset: number; limit: number },
  targets: ScopeTargets = {},
): Promise<AuditEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(auditWhere(actor, q))
    .orderBy(desc(auditLog.seq))
    .limit(page.limit)
    .offset(page.offset);
  const plain = rows.map((e) => ({
    seq: e.seq ?? 0, // sealed rows only (auditWhere)
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    role: e.role,
    scope: e.scope,
    ip: e.ip,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    result: e.result as AuditEntry['result'],
    requestId: e.requestId,
    changes: (e.changes as Record<string, unknown> | null) ?? null,
    hash: e.hash ?? '',
  }));
  return auditNames(db, actor.districtCode, targets, plain);
}

export async function countAudit(db: Db, actor: Actor, q: AuditFilters): Promise<number> {
  const [total] = await db.select({ n: count() }).from(auditLog).where(auditWhere(actor, q));
  return total?.n ?? 0;
}

/** A filtered page of the actor's district's trail, newest first. */
export async function listAudit(db: Db, actor: Actor, q: AuditQuery, targets: ScopeTargets = {}) {
  const { page, pageSize, ...filters } = q;
  const [items, total] = await Promise.all([
    auditRows(db, actor, filters, { offset: (page - 1) * pageSize, limit: pageSize }, targets),
    countAudit(db, actor, filters),
  ]);
  return { items, total, page, pageSize };
}

/**
 * The accounts that appear in the actor's district's trail (id, login name, display name, current role),
 * by display name: the auditor's account picker. audit_admin may not list /users; this names only
 * accounts that acted, and nothing personal beyond the name the trail already shows.
 */
export async function listAuditActors(db: Db, actor: Actor): Promise<{ items: AuditActor[] }> {
  const inTrail = db
    .selectDistinct({ id: auditLog.actorId })
    .from(auditLog)
    .where(and(scopeWhere(actor, { district: auditLog.districtCode }), isNotNull(auditLog.actorId)));
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.districtCode, actor.districtCode), inArray(users.id, inTrail)))
    .orderBy(asc(users.displayName), asc(users.username));
  return { items: rows.map((r) => ({ ...r, role: r.role ?? null })) };
}
