/**
 * Department exchange (issue 15): the security admin registers API clients; a client trades its id and
 * secret for a 15-minute bearer token (OAuth 2.0 client credentials, RFC 6749 §4.4) and reads the
 * institution registry, only the fields of its allow-list, every call audited under the client's id.
 *
 * Tokens are opaque random strings, not JWTs: the server looks each one up (by its SHA-256), so a
 * disabled client's tokens stop at once, and there is no signing code to get wrong (ADR 0015).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, gt, inArray, lt, notInArray, sql } from 'drizzle-orm';
import {
  type ApiClient,
  type ChangeFeed,
  type CLIENT_SCOPES,
  type CreateClientBody,
  INSTITUTION_EXCHANGE_FIELDS,
  type InstitutionExchangeField,
  type Webhook,
} from '../../../domain/contracts/exchange.ts';
import { type InstitutionStatus, TRANSITION_ACTIONS } from '../../../domain/contracts/institution-enums.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit, sealAudit } from '../../platform/audit/service.ts';
import { hashToken } from '../../platform/auth/sessions.ts';
import { localDate } from '../../platform/clock.ts';
import { type Actor, districtActor, type RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { auditLog } from '../../platform/tables.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutions } from '../institutions/tables.ts';
import './errors.ts';
import { apiClients, apiTokens, apiWebhooks } from './tables.ts';

export const TOKEN_TTL_SECONDS = 900;
/** Registrations are reviewed at least every three years (a local rule of this platform). */
const MAX_VALIDITY_DAYS = 3 * 366;
/** Not yet in the registry proper: drafts and filings under review are not disclosed to departments. */
const UNDISCLOSED_STATUSES: InstitutionStatus[] = ['draft', 'submitted'];
const CLIENT_ID = /^ty-(\d{6})-[0-9a-f]{16}$/;
const TOKEN = /^tyat\.(\d{6})\.([A-Za-z0-9_-]{43})$/;

export type ClientRow = typeof apiClients.$inferSelect;
type Scope = (typeof CLIENT_SCOPES)[number];

const sameHash = (a: string, b: string) => timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
const clientScope = { district: apiClients.districtCode };

/** A client's status as the console shows it. */
export function statusOf(c: ClientRow, today: string): ApiClient['status'] {
  if (c.disabled) return 'disabled';
  return c.expiresOn < today ? 'expired' : 'active';
}

export function toClient(c: ClientRow, today: string): ApiClient {
  return {
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    department: c.department as ApiClient['department'],
    purpose: c.purpose,
    scopes: c.scopes as ApiClient['scopes'],
    fields: c.fields as ApiClient['fields'],
    ratePerMinute: c.ratePerMinute,
    expiresOn: c.expiresOn,
    status: statusOf(c, today),
    lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    version: c.version,
  };
}

/** A client's webhook as the console shows it (never its secret). */
export function toWebhook(w: typeof apiWebhooks.$inferSelect): Webhook {
  return {
    url: w.url,
    state: w.state,
    cursorSeq: w.cursorSeq,
    failures: w.failures,
    nextAttemptAt: w.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: w.lastAttemptAt?.toISOString() ?? null,
    lastDeliveredAt: w.lastDeliveredAt?.toISOString() ?? null,
    lastStatus: w.lastStatus,
    lastOutcome: w.lastOutcome,
    secretRotatedAt: w.secretRotatedAt.toISOString(),
    version: w.version,
  };
}

/** The actor a client acts as: no role, the whole district in scope, the client's id in the audit trail. */
export function clientActor(c: ClientRow): Actor {
  return districtActor(c.districtCode, {
    userId: c.id,
    username: `client:${c.clientId}`,
    sessionId: 'oauth-token',
  });
}

/** Per-client requests a minute, in memory per process (like the login limiter). */
export class ClientRateLimiter {
  private readonly windows = new Map<string, { start: number; n: number }>();
  /** Seconds to wait, or 0 when the request may go ahead. */
  take(clientRef: string, perMinute: number, now: number): number {
    const w = this.windows.get(clientRef);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000)
        for (const [k, v] of this.windows) if (now - v.start >= 60_000) this.windows.delete(k);
      this.windows.set(clientRef, { start: now, n: 1 });
      return 0;
    }
    if (w.n >= perMinute) return Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000));
    w.n++;
    return 0;
  }
}

export class RateLimited extends DomainError {
  constructor(readonly retryAfter: number) {
    super('exchange.rate_limited');
  }
}

export function createExchangeService(deps: { db: Db; limiter?: ClientRateLimiter }) {
  const { db } = deps;
  const limiter = deps.limiter ?? new ClientRateLimiter();

  function requireDistrict(actor: Actor) {
    const s = actor.scope;
    if (s?.kind !== 'division' || s.divisionCode !== actor.districtCode)
      throw new DomainError('auth.forbidden');
  }

  async function getClient(tx: Db, actor: Actor, id: string, lock = false) {
    const q = tx
      .select()
      .from(apiClients)
      .where(and(scopeWhere(actor, clientScope), eq(apiClients.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new DomainError('exchange.not_found');
    return row;
  }

  return {
    async list(ctx: RequestContext, actor: Actor, q: { page: number; pageSize: number }) {
      const where = scopeWhere(actor, clientScope);
      const today = localDate(ctx.now);
      return paged(q, {
        rows: (limit, offset) =>
          db
            .select({ c: apiClients, w: apiWebhooks })
            .from(apiClients)
            .leftJoin(
              apiWebhooks,
              and(
                eq(apiWebhooks.districtCode, apiClients.districtCode),
                eq(apiWebhooks.clientRef, apiClients.id),
              ),
            )
            .where(where)
            .orderBy(asc(apiClients.name), asc(apiClients.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, apiClients, where),
        map: (r) => ({ ...toClient(r.c, today), webhook: r.w ? toWebhook(r.w) : null }),
      });
    },

    /** Register a client: the answer carries the secret, this once. */
    async create(ctx: RequestContext, actor: Actor, body: CreateClientBody) {
      requireDistrict(actor);
      const today = localDate(ctx.now);
      const latest = localDate(new Date(ctx.now.getTime() + MAX_VALIDITY_DAYS * 86_400_000));
      if (body.expiresOn < today)
        throw fieldError('expiresOn', 'past', '有效期不能早于今天', 'The validity cannot end before today');
      if (body.expiresOn > latest)
        throw fieldError(
          'expiresOn',
          'max',
          '有效期最长三年，到期后重新登记复核',
          'At most three years: register again for review after that',
        );
      if (body.scopes.includes('institutions.read') && body.fields.length === 0)
        throw fieldError(
          'fields',
          'required_for_read',
          '读取机构信息的客户端至少选择一个允许返回的字段',
          'A client that reads the registry needs at least one allowed field',
        );
      if (!body.scopes.includes('institutions.read') && body.fields.length > 0)
        throw fieldError(
          'fields',
          'read_scope_missing',
          '字段白名单只用于“读取机构登记信息”；不读取的客户端不选字段',
          'The field allow-list is for reading the registry only; a client that does not read has none',
        );
      for (const [field, list] of [
        ['fields', body.fields],
        ['scopes', body.scopes],
      ] as const)
        if (new Set(list).size !== list.length)
          throw fieldError(field, 'duplicate', '列表中有重复项', 'The list repeats an entry');
      const secret = randomBytes(32).toString('base64url');
      const clientId = `ty-${actor.districtCode}-${randomBytes(8).toString('hex')}`;
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(apiClients)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            clientId,
            name: body.name,
            department: body.department,
            purpose: body.purpose,
            scopes: body.scopes,
            fields: INSTITUTION_EXCHANGE_FIELDS.filter((f) => body.fields.includes(f)),
            ratePerMinute: body.ratePerMinute,
            expiresOn: body.expiresOn,
            secretHash: hashToken(secret),
            createdBy: actor.username,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'exchange.client_create',
          objectType: 'api_client',
          objectId: r!.id,
          changes: { ...body, clientId },
        });
        return r!;
      });
      return { ...toClient(row, today), clientSecret: secret };
    },

    /** Disable a client: its tokens are deleted in the same transaction, so they stop at once. */
    async disable(ctx: RequestContext, actor: Actor, id: string, version: number) {
      requireDistrict(actor);
      const row = await db.transaction(async (tx) => {
        const c = await getClient(tx, actor, id, true);
        if (c.disabled) throw new DomainError('exchange.already_disabled');
        const next = await updateVersioned(tx, apiClients, c, version, { disabled: true }, ctx.now);
        await tx
          .delete(apiTokens)
          .where(and(eq(apiTokens.districtCode, c.districtCode), eq(apiTokens.clientRef, c.id)));
        await recordAudit(tx, ctx, {
          action: 'exchange.client_disable',
          objectType: 'api_client',
          objectId: c.id,
          changes: { clientId: c.clientId },
        });
        return next;
      });
      return toClient(row, localDate(ctx.now));
    },

    /** RFC 6749 §4.4: client credentials → a bearer token. */
    async issueToken(
      ctx: RequestContext,
      input: {
        grantType: string;
        clientId?: string | undefined;
        clientSecret?: string | undefined;
        scope?: string | undefined;
      },
    ) {
      if (input.grantType !== 'client_credentials') throw new DomainError('exchange.unsupported_grant_type');
      const m = CLIENT_ID.exec(input.clientId ?? '');
      if (!m || !input.clientSecret) throw new DomainError('exchange.invalid_client');
      const district = m[1]!;
      const [c] = await db
        .select()
        .from(apiClients)
        .where(and(eq(apiClients.districtCode, district), eq(apiClients.clientId, input.clientId!)));
      const today = localDate(ctx.now);
      if (!c || !sameHash(c.secretHash, hashToken(input.clientSecret)) || statusOf(c, today) !== 'active')
        throw new DomainError('exchange.invalid_client');
      const wait = limiter.take(c.id, c.ratePerMinute, ctx.now.getTime());
      if (wait) throw new RateLimited(wait);
      const asked = (input.scope ?? '').split(' ').filter(Boolean);
      if (asked.some((s) => !(c.scopes as readonly string[]).includes(s)))
        throw new DomainError('exchange.invalid_scope');
      const scopes = (asked.length ? [...new Set(asked)] : c.scopes) as Scope[];
      const token = `tyat.${district}.${randomBytes(32).toString('base64url')}`;
      const actorCtx = { ...ctx, actor: clientActor(c), districtCode: district };
      await db.transaction(async (tx) => {
        // Expired tokens of this client go as a new one comes.
        await tx
          .delete(apiTokens)
          .where(
            and(
              eq(apiTokens.districtCode, district),
              eq(apiTokens.clientRef, c.id),
              lt(apiTokens.expiresAt, ctx.now),
            ),
          );
        await tx.insert(apiTokens).values({
          districtCode: district,
          tokenHash: hashToken(token),
          clientRef: c.id,
          scopes,
          expiresAt: new Date(ctx.now.getTime() + TOKEN_TTL_SECONDS * 1000),
          createdAt: ctx.now,
        });
        await tx
          .update(apiClients)
          .set({ lastUsedAt: ctx.now })
          .where(and(eq(apiClients.districtCode, district), eq(apiClients.id, c.id)));
        await recordAudit(tx, actorCtx, {
          action: 'exchange.token',
          objectType: 'api_client',
          objectId: c.id,
          changes: { scopes },
        });
      });
      return {
        access_token: token,
        token_type: 'Bearer' as const,
        expires_in: TOKEN_TTL_SECONDS,
        scope: scopes.join(' '),
      };
    },

    /** The client behind a bearer token, if the token is live and holds `scope`; throws otherwise. */
    async authenticate(now: Date, authorization: string | undefined, scope: Scope) {
      const m = /^Bearer (\S+)$/.exec(authorization ?? '');
      const t = m ? TOKEN.exec(m[1]!) : null;
      if (!t) throw new DomainError('exchange.invalid_token');
      const district = t[1]!;
      const [row] = await db
        .select({ client: apiClients, scopes: apiTokens.scopes })
        .from(apiTokens)
        .innerJoin(
          apiClients,
          and(eq(apiClients.districtCode, apiTokens.districtCode), eq(apiClients.id, apiTokens.clientRef)),
        )
        .where(
          and(
            eq(apiTokens.districtCode, district),
            eq(apiTokens.tokenHash, hashToken(m![1]!)),
            gt(apiTokens.expiresAt, now),
          ),
        );
      if (!row || statusOf(row.client, localDate(now)) !== 'active')
        throw new DomainError('exchange.invalid_token');
      if (!row.scopes.includes(scope)) throw new DomainError('exchange.insufficient_scope');
      const wait = limiter.take(row.client.id, row.client.ratePerMinute, now.getTime());
      if (wait) throw new RateLimited(wait);
      return row.client;
    },

    /** The registry as a department sees it: disclosed institutions, the allow-listed fields only; audited. */
    async institutions(
      ctx: RequestContext,
      client: ClientRow,
      q: { updatedAfter?: string | undefined; page: number; pageSize: number },
    ) {
      const actor = clientActor(client);
      const where = and(
        scopeWhere(actor, institutionScope),
        notInArray(institutions.status, UNDISCLOSED_STATUSES),
        q.updatedAfter ? gt(institutions.updatedAt, new Date(q.updatedAfter)) : undefined,
      );
      const fields = client.fields.filter((f): f is InstitutionExchangeField =>
        (INSTITUTION_EXCHANGE_FIELDS as readonly string[]).includes(f),
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(institutions)
            .where(where)
            .orderBy(asc(institutions.updatedAt), asc(institutions.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, institutions, where),
        map: (r) => project(r, fields),
      });
      await db.transaction((tx) =>
        recordAudit(
          tx,
          { ...ctx, actor, districtCode: client.districtCode },
          {
            action: 'exchange.institutions_read',
            objectType: 'api_client',
            objectId: client.id,
            changes: {
              page: q.page,
              pageSize: q.pageSize,
              updatedAfter: q.updatedAfter ?? null,
              rows: page.items.length,
            },
          },
        ),
      );
      return page;
    },

    /**
     * The change feed (ADR 0019): the registry's changes after a cursor, read from the district's sealed
     * audit chain — every change writes its audit entry in its own transaction, and the sealer links
     * committed entries in order, so the chain's seq is a gap-free commit-ordered outbox. Only changes
     * of institutions disclosed today (not drafts or filings under review), only what happened and
     * when: the client reads the object through its allow-list. Audited under the client's id.
     */
    async changes(
      ctx: RequestContext,
      client: ClientRow,
      q: { after: number; limit: number },
    ): Promise<ChangeFeed> {
      const actor = clientActor(client);
      const { items, hasMore } = await feedEvents(db, client, q.after, q.limit);
      const next = items.length ? items[items.length - 1]!.seq : q.after;
      await db.transaction((tx) =>
        recordAudit(
          tx,
          { ...ctx, actor, districtCode: client.districtCode },
          {
            action: 'exchange.changes_read',
            objectType: 'api_client',
            objectId: client.id,
            changes: { after: q.after, limit: q.limit, events: items.length, next },
          },
        ),
      );
      return { items, next, hasMore };
    },
  };
}

/**
 * The client's events after `after` (ADR 0019), oldest first, at most `limit`: read from the district's
 * sealed audit chain — every change writes its audit entry in its own transaction, and the sealer links
 * committed entries in order, so seq is a gap-free commit-ordered cursor. Only changes of institutions
 * disclosed today, only what happened and when. Shared by the pull feed and the webhooks (ADR 0020).
 */
export async function feedEvents(
  db: Db,
  client: ClientRow,
  after: number,
  limit: number,
): Promise<{ items: ChangeFeed['items']; hasMore: boolean }> {
  const actor = clientActor(client);
  // Link what has committed so far (as the audit list does), so the feed is current.
  await sealAudit(db, client.districtCode);
  const rows = await db
    .select({ seq: auditLog.seq, at: auditLog.at, action: auditLog.action, objectId: auditLog.objectId })
    .from(auditLog)
    .innerJoin(
      institutions,
      and(
        eq(institutions.districtCode, auditLog.districtCode),
        sql`${institutions.id}::text = ${auditLog.objectId}`,
      ),
    )
    .where(
      and(
        eq(auditLog.districtCode, client.districtCode),
        gt(auditLog.seq, after),
        eq(auditLog.objectType, 'institution'),
        eq(auditLog.result, 'success'),
        inArray(auditLog.action, INSTITUTION_CHANGE_ACTIONS),
        scopeWhere(actor, institutionScope),
        notInArray(institutions.status, UNDISCLOSED_STATUSES),
      ),
    )
    .orderBy(asc(auditLog.seq))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({
    eventId: `${client.districtCode}-${r.seq}`,
    seq: r.seq!,
    at: r.at.toISOString(),
    objectType: 'institution' as const,
    objectId: r.objectId!,
    action: r.action,
  }));
  return { items, hasMore: rows.length > limit };
}

/** The audit actions that change an institution (not reads, exports or reveals). */
const INSTITUTION_CHANGE_ACTIONS = [
  'institutions.create',
  'institutions.update',
  'institutions.classes',
  ...TRANSITION_ACTIONS.map((a) => `institutions.${a}`),
];

export type ExchangeService = ReturnType<typeof createExchangeService>;

type InstitutionRow = typeof institutions.$inferSelect;
/** One row, only the allowed fields (dates as ISO strings). */
function project(r: InstitutionRow, fields: readonly InstitutionExchangeField[]) {
  const out: Record<string, string | number | boolean | string[] | null> = { id: r.id };
  for (const f of fields) {
    const v = r[f];
    out[f] = v instanceof Date ? v.toISOString() : (v as string | number | boolean | string[] | null);
  }
  return out as { id: string } & typeof out;
}
