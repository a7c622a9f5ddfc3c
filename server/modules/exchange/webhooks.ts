/**
 * Webhooks (issue 15, ADR 0020): the change feed pushed to a department's URL. The security admin sets a
 * client's URL and gets a signing secret once (sealed with the platform's encryption key: HMAC needs the
 * secret itself); the `exchange.webhooks` job (every minute, on the jobs kit) reads each due client's
 * events after its cursor with the pull feed's own query (`feedEvents`), POSTs them as JSON signed
 * `X-Tuoyu-Signature: t=<unix>,v1=<hex HMAC-SHA-256 of "t.body">`, and advances the cursor only on a
 * 2xx — so a redelivery repeats the same event ids and the receiver dedupes on them. A failure backs off
 * exponentially (30 s, 1 min, … capped at 1 h); after FAILING_AFTER failures in a row the webhook is
 * `failing` and the security admins are notified; it keeps being retried at the cap and turns `active`
 * again on the next 2xx. Every attempt is a row in `api_webhook_deliveries` (seq range, outcome, status,
 * duration — no secret, no body) and an audit entry.
 *
 * Where a webhook may go: server/platform/probe-network.ts (`webhookAllowed`): never this host,
 * link-local (cloud metadata) or private ranges unless WEBHOOK_NETWORKS lists them; the host is resolved
 * and checked on every send and the request goes to the checked address (no second lookup).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { and, eq, inArray, isNull, lte, max, or } from 'drizzle-orm';
import type { ChangeFeed, Webhook } from '../../../domain/contracts/exchange.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit, sealAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { JobContext, Jobs } from '../../platform/jobs/index.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { openSecret, sealSecret } from '../../platform/personal-data.ts';
import { type ProbeNetworks, webhookAddress, webhookLiteralRefused } from '../../platform/probe-network.ts';
import { auditLog } from '../../platform/tables.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import './errors.ts';
import { type ClientRow, feedEvents, statusOf, toWebhook } from './service.ts';
import { apiClients, apiWebhookDeliveries, apiWebhooks } from './tables.ts';

export const WEBHOOK_JOB = 'exchange.webhooks';
/** Events in one POST. */
export const WEBHOOK_BATCH = 100;
/** POSTs to one client in one run (then the next run, a minute later, goes on). */
const MAX_BATCHES_PER_RUN = 10;
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Failed attempts in a row that make a webhook `failing` (and tell the security admins). */
export const FAILING_AFTER = 5;
const SECRET_PURPOSE = 'webhook';

type WebhookRow = typeof apiWebhooks.$inferSelect;
type Outcome = NonNullable<WebhookRow['lastOutcome']>;

export interface WebhookConfig {
  networks: ProbeNetworks;
  /** Plain http allowed (WEBHOOK_ALLOW_HTTP=1, development and tests only). */
  allowHttp: boolean;
  /** Per-request limit (default WEBHOOK_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Wait after `failures` failed attempts in a row: 30 s, 1 min, 2 min, … capped at 1 h. */
export function webhookBackoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA-256(secret, "<t>.<body>")>` (docs/exchange-webhooks.md). */
export function signatureHeader(secret: string, unix: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unix}.${body}`).digest('hex');
  return `t=${unix},v1=${v1}`;
}

/** A URL the security admin may set, or a 400 naming `url` and the rule. */
export function checkWebhookUrl(raw: string, cfg: WebhookConfig): URL {
  const u = new URL(raw);
  if (!(u.protocol === 'https:' || (u.protocol === 'http:' && cfg.allowHttp)))
    throw fieldError(
      'url',
      'https',
      '推送地址必须以 https:// 开头',
      'The webhook URL must start with https://',
    );
  if (u.username || u.password)
    throw fieldError(
      'url',
      'credentials',
      '推送地址中不能包含用户名或密码',
      'The webhook URL must not carry a user name or password',
    );
  if (webhookLiteralRefused(u.hostname, cfg.networks))
    throw fieldError(
      'url',
      'private_address',
      '推送地址指向平台本机、链路本地或内部网段，不允许推送到该地址',
      'The URL points at the platform host, a link-local or a private network: webhooks are not sent there',
    );
  return u;
}

export interface SendResult {
  outcome: Outcome;
  status: number | null;
  durationMs: number;
}

/** POST `body` to `url` at a checked address, signed; never follows redirects; only the status is read. */
export async function sendSigned(
  url: string,
  body: string,
  secret: string,
  headers: Record<string, string>,
  unix: number,
  cfg: WebhookConfig,
): Promise<SendResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const u = new URL(url);
  const target =
    u.protocol === 'https:' || (u.protocol === 'http:' && cfg.allowHttp)
      ? await webhookAddress(u.hostname, cfg.networks)
      : null;
  if (!target) return { outcome: 'refused', status: null, durationMs: took() };
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Outcome, status: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ outcome, status, durationMs: took() });
    };
    const timer = setTimeout(() => done('timeout', null), cfg.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    const req = send(
      u,
      {
        method: 'POST',
        lookup: pinned,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'tuoyu-webhooks/1',
          'x-tuoyu-timestamp': String(unix),
          'x-tuoyu-signature': signatureHeader(secret, unix, body),
          ...headers,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        done(status >= 200 && status < 300 ? 'delivered' : 'http_error', status);
      },
    );
    req.on('error', () => done('network_error', null));
    req.end(body);
  });
}

/** The body of a delivery: the events, exactly as the pull feed answers them. */
function eventsBody(items: ChangeFeed['items']): string {
  return JSON.stringify({ events: items });
}

/** A client's events after its cursor, POSTed batch by batch while the receiver answers 2xx. */
async function deliverOne(
  db: Db,
  w: WebhookRow,
  client: ClientRow,
  cfg: WebhookConfig,
  ctx: Pick<JobContext, 'clock' | 'audit'>,
): Promise<{ delivered: number; failed: boolean }> {
  let cursor = w.cursorSeq;
  let failures = w.failures;
  let delivered = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const { items, hasMore } = await feedEvents(db, client, cursor, WEBHOOK_BATCH);
    if (items.length === 0) return { delivered, failed: false };
    const now = ctx.clock.now();
    const id = uuidv7(now.getTime());
    const secret = openSecret(SECRET_PURPOSE, w.secretSealed);
    const sent = await sendSigned(
      w.url,
      eventsBody(items),
      secret,
      { 'x-tuoyu-delivery': id, 'x-tuoyu-event-ids': items.map((e) => e.eventId).join(',') },
      Math.floor(now.getTime() / 1000),
      cfg,
    );
    const ok = sent.outcome === 'delivered';
    const firstSeq = items[0]!.seq;
    const lastSeq = items[items.length - 1]!.seq;
    const attempt = failures + 1;
    const at = ctx.clock.now();
    const advanced = await db.transaction(async (tx) => {
      await tx.insert(apiWebhookDeliveries).values({
        districtCode: w.districtCode,
        id,
        webhookRef: w.id,
        kind: 'events',
        firstSeq,
        lastSeq,
        events: items.length,
        outcome: sent.outcome,
        status: sent.status,
        durationMs: sent.durationMs,
        attempt,
        attemptedAt: at,
      });
      const nowFailing = !ok && attempt >= FAILING_AFTER && w.state === 'active';
      // Compare-and-set on the cursor: a run that overlaps another never moves it back, and a webhook
      // disabled meanwhile stays disabled.
      const updated = await tx
        .update(apiWebhooks)
        .set(
          ok
            ? {
                cursorSeq: lastSeq,
                failures: 0,
                state: 'active',
                failingSince: null,
                nextAttemptAt: null,
                lastAttemptAt: at,
                lastDeliveredAt: at,
                lastStatus: sent.status,
                lastOutcome: sent.outcome,
              }
            : {
                failures: attempt,
                nextAttemptAt: new Date(at.getTime() + webhookBackoffMs(attempt)),
                lastAttemptAt: at,
                lastStatus: sent.status,
                lastOutcome: sent.outcome,
                ...(nowFailing ? { state: 'failing' as const, failingSince: at } : {}),
              },
        )
        .where(
          and(
            eq(apiWebhooks.districtCode, w.districtCode),
            eq(apiWebhooks.id, w.id),
            eq(apiWebhooks.cursorSeq, cursor),
            inArray(apiWebhooks.state, ['active', 'failing']),
          ),
        )
        .returning({ id: apiWebhooks.id });
      await ctx.audit(tx, {
        action: 'exchange.webhook_deliver',
        objectType: 'api_client',
        objectId: client.id,
        result: ok ? 'success' : 'failure',
        changes: {
          delivery: id,
          outcome: sent.outcome,
          status: sent.status,
          events: items.length,
          firstSeq,
          lastSeq,
          attempt,
        },
      });
      if (nowFailing && updated.length)
        await notifyRole(
          tx,
          { districtCode: w.districtCode, role: 'security_admin' },
          {
            kind: 'exchange.webhook_failing',
            titleZh: '部门接口推送连续失败',
            titleEn: 'A department webhook keeps failing',
            bodyZh: `客户端「${client.name}」（${client.clientId}）的推送已连续失败 ${attempt} 次，将每小时重试；请联系对方检查接收地址。`,
            bodyEn: `The webhook of client "${client.name}" (${client.clientId}) failed ${attempt} times in a row; it is retried hourly. Ask the department to check its receiver.`,
            link: '/admin/exchange/clients',
            dedupeKey: `webhook-failing:${w.id}:${at.toISOString()}`,
          },
          { now: at },
        );
      return updated.length > 0;
    });
    if (!ok || !advanced) return { delivered, failed: !ok };
    delivered += items.length;
    cursor = lastSeq;
    failures = 0;
    if (!hasMore) break;
  }
  return { delivered, failed: false };
}

/** One run of the job for a district: every due webhook of an active client, one after another. */
export async function deliverWebhooks(
  db: Db,
  districtCode: string,
  cfg: WebhookConfig,
  ctx: Pick<JobContext, 'clock' | 'audit'>,
) {
  const now = ctx.clock.now();
  const due = await db
    .select({ w: apiWebhooks, c: apiClients })
    .from(apiWebhooks)
    .innerJoin(
      apiClients,
      and(eq(apiClients.districtCode, apiWebhooks.districtCode), eq(apiClients.id, apiWebhooks.clientRef)),
    )
    .where(
      and(
        eq(apiWebhooks.districtCode, districtCode),
        inArray(apiWebhooks.state, ['active', 'failing']),
        or(isNull(apiWebhooks.nextAttemptAt), lte(apiWebhooks.nextAttemptAt, now)),
        eq(apiClients.disabled, false),
      ),
    )
    .orderBy(apiWebhooks.id);
  const today = localDate(now);
  let events = 0;
  let failed = 0;
  for (const { w, c } of due) {
    if (statusOf(c, today) !== 'active' || !c.scopes.includes('institutions.read')) continue;
    const r = await deliverOne(db, w, c, cfg, ctx);
    events += r.delivered;
    if (r.failed) failed++;
  }
  return { webhooks: due.length, events, failed };
}

export function defineWebhookJob(jobs: Jobs, cfg: WebhookConfig) {
  jobs.define(WEBHOOK_JOB, async (_payload, ctx) => deliverWebhooks(ctx.db, ctx.districtCode, cfg, ctx), {
    // A run that fails (the database, not a receiver: those are recorded per webhook) is simply the
    // next minute's run.
    maxAttempts: 1,
  });
}

/** The security admin's side: set, rotate, disable, test. */
export function createWebhookService(deps: { db: Db; config: WebhookConfig }) {
  const { db, config } = deps;

  function requireDistrict(actor: Actor) {
    const s = actor.scope;
    if (s?.kind !== 'division' || s.divisionCode !== actor.districtCode)
      throw new DomainError('auth.forbidden');
  }

  async function clientOf(tx: Db, actor: Actor, id: string) {
    const [c] = await tx
      .select()
      .from(apiClients)
      .where(and(scopeWhere(actor, { district: apiClients.districtCode }), eq(apiClients.id, id)))
      .for('update');
    if (!c) throw new DomainError('exchange.not_found');
    return c;
  }

  async function webhookOf(tx: Db, c: ClientRow) {
    const [w] = await tx
      .select()
      .from(apiWebhooks)
      .where(and(eq(apiWebhooks.districtCode, c.districtCode), eq(apiWebhooks.clientRef, c.id)))
      .for('update');
    return w;
  }

  const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

  return {
    /** Set (or change) the client's URL; a new webhook's secret is in the answer, this once. */
    async set(
      ctx: RequestContext,
      actor: Actor,
      clientRef: string,
      body: { url: string; version?: number | undefined },
    ) {
      requireDistrict(actor);
      const url = checkWebhookUrl(body.url, config).toString();
      // Link what has committed, so a new webhook starts after everything that happened before it.
      await sealAudit(db, actor.districtCode);
      return db.transaction(async (tx) => {
        const c = await clientOf(tx, actor, clientRef);
        if (statusOf(c, localDate(ctx.now)) !== 'active') throw new DomainError('exchange.client_inactive');
        const existing = await webhookOf(tx, c);
        if (existing) {
          if (body.version === undefined)
            throw fieldError(
              'version',
              'required',
              '修改推送地址须提供版本号',
              'Changing a webhook needs its version',
            );
          const next = await updateVersioned(
            tx,
            apiWebhooks,
            existing,
            body.version,
            { url, state: 'active', failures: 0, nextAttemptAt: null, failingSince: null },
            ctx.now,
          );
          await recordAudit(tx, ctx, {
            action: 'exchange.webhook_set',
            objectType: 'api_client',
            objectId: c.id,
            changes: { url, previousUrl: existing.url, previousState: existing.state },
          });
          return toWebhook(next);
        }
        const [head] = await tx
          .select({ seq: max(auditLog.seq) })
          .from(auditLog)
          .where(eq(auditLog.districtCode, c.districtCode));
        const secret = newSecret();
        const [row] = await tx
          .insert(apiWebhooks)
          .values({
            districtCode: c.districtCode,
            id: uuidv7(ctx.now.getTime()),
            clientRef: c.id,
            url,
            secretSealed: sealSecret(SECRET_PURPOSE, secret),
            secretRotatedAt: ctx.now,
            state: 'active',
            cursorSeq: head?.seq ?? 0,
            createdBy: actor.username,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'exchange.webhook_set',
          objectType: 'api_client',
          objectId: c.id,
          changes: { url, cursorSeq: row!.cursorSeq },
        });
        return { ...toWebhook(row!), signingSecret: secret };
      });
    },

    /** A new signing secret (shown this once); the old one stops signing at once. */
    async rotate(ctx: RequestContext, actor: Actor, clientRef: string, version: number) {
      requireDistrict(actor);
      return db.transaction(async (tx) => {
        const c = await clientOf(tx, actor, clientRef);
        const w = await webhookOf(tx, c);
        if (!w) throw new DomainError('exchange.webhook_not_found');
        const secret = newSecret();
        const next = await updateVersioned(
          tx,
          apiWebhooks,
          w,
          version,
          { secretSealed: sealSecret(SECRET_PURPOSE, secret), secretRotatedAt: ctx.now },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'exchange.webhook_rotate',
          objectType: 'api_client',
          objectId: c.id,
          changes: { url: w.url },
        });
        return { ...toWebhook(next), signingSecret: secret };
      });
    },

    /** Stop pushing; the cursor is kept, so setting the URL again resumes where delivery stopped. */
    async disable(ctx: RequestContext, actor: Actor, clientRef: string, version: number) {
      requireDistrict(actor);
      return db.transaction(async (tx) => {
        const c = await clientOf(tx, actor, clientRef);
        const w = await webhookOf(tx, c);
        if (!w) throw new DomainError('exchange.webhook_not_found');
        if (w.state === 'disabled') throw new DomainError('exchange.webhook_disabled');
        const next = await updateVersioned(
          tx,
          apiWebhooks,
          w,
          version,
          { state: 'disabled', nextAttemptAt: null },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'exchange.webhook_disable',
          objectType: 'api_client',
          objectId: c.id,
          changes: { url: w.url, cursorSeq: w.cursorSeq },
        });
        return toWebhook(next);
      });
    },

    /**
     * Send a test delivery now (`{"test": true, "events": []}`, signed like any other) and answer what
     * came back; the cursor and the failure count do not change. Recorded and audited.
     */
    async test(ctx: RequestContext, actor: Actor, clientRef: string) {
      requireDistrict(actor);
      const [row] = await db
        .select({ w: apiWebhooks, c: apiClients })
        .from(apiWebhooks)
        .innerJoin(
          apiClients,
          and(
            eq(apiClients.districtCode, apiWebhooks.districtCode),
            eq(apiClients.id, apiWebhooks.clientRef),
          ),
        )
        .where(
          and(
            scopeWhere(actor, { district: apiWebhooks.districtCode }),
            eq(apiWebhooks.clientRef, clientRef),
          ),
        );
      if (!row) {
        const [c] = await db
          .select({ id: apiClients.id })
          .from(apiClients)
          .where(and(scopeWhere(actor, { district: apiClients.districtCode }), eq(apiClients.id, clientRef)));
        throw new DomainError(c ? 'exchange.webhook_not_found' : 'exchange.not_found');
      }
      const { w, c } = row;
      if (w.state === 'disabled') throw new DomainError('exchange.webhook_disabled');
      const id = uuidv7(ctx.now.getTime());
      const sent = await sendSigned(
        w.url,
        JSON.stringify({ test: true, events: [] }),
        openSecret(SECRET_PURPOSE, w.secretSealed),
        { 'x-tuoyu-delivery': id, 'x-tuoyu-event-ids': '' },
        Math.floor(ctx.now.getTime() / 1000),
        config,
      );
      await db.transaction(async (tx) => {
        await tx.insert(apiWebhookDeliveries).values({
          districtCode: w.districtCode,
          id,
          webhookRef: w.id,
          kind: 'test',
          firstSeq: null,
          lastSeq: null,
          events: 0,
          outcome: sent.outcome,
          status: sent.status,
          durationMs: sent.durationMs,
          attempt: 1,
          attemptedAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'exchange.webhook_test',
          objectType: 'api_client',
          objectId: c.id,
          result: sent.outcome === 'delivered' ? 'success' : 'failure',
          changes: { delivery: id, outcome: sent.outcome, status: sent.status },
        });
      });
      return sent;
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
export type { Webhook };
