/**
 * Department exchange routes (issue 15). Thin: the contract's schemas, one service call.
 * - /api/v1/exchange/clients: the security admin's register / list / disable (session).
 * - /api/v1/oauth/token: client credentials → a bearer token (public: the client authenticates itself).
 * - /api/v1/exchange/institutions: a department system's read, with a bearer token (action `client`).
 * - /api/v1/changes: the pull change feed after a cursor (ADR 0019), with the same bearer token.
 * - /api/v1/exchange/business-licences: the market-regulation department's licence records (bearer
 *   token, scope `licences.write`), its file import for a district officer (the import kit's routes,
 *   module.ts) and the comparison with the registry, 证照比对 (ADR 0035).
 * - /api/v1/exchange/clients/:id/webhook…: the security admin sets, rotates, disables and tests a
 *   client's webhook (ADR 0020; the deliveries are the `exchange.webhooks` job's, webhooks.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  licenceBatchBody,
  licenceBatchResult,
  licenceCheckPage,
  licenceChecksQuery,
} from '../../../domain/contracts/business-licences.ts';
import { paginationQuery } from '../../../domain/contracts/common.ts';
import {
  type ClientScope,
  changeFeedSchema,
  changesQuery,
  clientPage,
  clientParams,
  clientSchema,
  createClientBody,
  createdClientSchema,
  disableClientBody,
  exchangeInstitutionPage,
  exchangeInstitutionsQuery,
  setWebhookBody,
  tokenRequestBody,
  tokenResponseSchema,
  webhookSchema,
  webhookTestResultSchema,
  webhookVersionBody,
  webhookWithSecretSchema,
} from '../../../domain/contracts/exchange.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { licenceChecks, receiveLicences } from './licences.ts';
import { clientActor, type ExchangeService, RateLimited } from './service.ts';
import type { WebhookService } from './webhooks.ts';

const tags = ['exchange'];
const BASE = '/api/v1/exchange';

type ClientRow = Awaited<ReturnType<ExchangeService['authenticate']>>;
const clients = new WeakMap<FastifyRequest, ClientRow>();

function retryAfter(reply: FastifyReply, e: unknown) {
  if (e instanceof RateLimited) reply.header('Retry-After', String(e.retryAfter));
  return e;
}

/** HTTP Basic credentials (RFC 6749 §2.3.1), if sent. */
function basicCredentials(header: string | undefined) {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m) return undefined;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = text.indexOf(':');
  if (i < 0) return undefined;
  try {
    return { id: decodeURIComponent(text.slice(0, i)), secret: decodeURIComponent(text.slice(i + 1)) };
  } catch {
    return { id: '', secret: '' }; // malformed %-encoding: no such client (401), not a 500
  }
}

export function exchangeRoutes(app: FastifyInstance, svc: ExchangeService, hooks: WebhookService, db: Db) {
  const r = router(app);
  r.get(
    `${BASE}/clients`,
    {
      config: { action: 'exchange.clients.read' },
      schema: { tags, querystring: paginationQuery.strict(), response: { 200: clientPage } },
    },
    (req) => svc.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/clients`,
    {
      config: { action: 'exchange.clients.manage' },
      schema: { tags, body: createClientBody, response: { 201: createdClientSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/clients/:id/disable`,
    {
      config: { action: 'exchange.clients.manage' },
      schema: { tags, params: clientParams, body: disableClientBody, response: { 200: clientSchema } },
    },
    (req) => svc.disable(req.ctx, actorOf(req), req.params.id, req.body.version),
  );

  // Webhooks (ADR 0020).
  r.put(
    `${BASE}/clients/:id/webhook`,
    {
      config: { action: 'exchange.webhooks.manage' },
      schema: {
        tags,
        params: clientParams,
        body: setWebhookBody,
        response: { 200: webhookWithSecretSchema },
      },
    },
    (req) => hooks.set(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/clients/:id/webhook/rotate`,
    {
      config: { action: 'exchange.webhooks.manage' },
      schema: {
        tags,
        params: clientParams,
        body: webhookVersionBody,
        response: { 200: webhookWithSecretSchema },
      },
    },
    (req) => hooks.rotate(req.ctx, actorOf(req), req.params.id, req.body.version),
  );
  r.post(
    `${BASE}/clients/:id/webhook/disable`,
    {
      config: { action: 'exchange.webhooks.manage' },
      schema: { tags, params: clientParams, body: webhookVersionBody, response: { 200: webhookSchema } },
    },
    (req) => hooks.disable(req.ctx, actorOf(req), req.params.id, req.body.version),
  );
  r.post(
    `${BASE}/clients/:id/webhook/test`,
    {
      config: { action: 'exchange.webhooks.manage' },
      schema: { tags, params: clientParams, response: { 200: webhookTestResultSchema } },
    },
    (req) => hooks.test(req.ctx, actorOf(req), req.params.id),
  );

  // The token endpoint takes the form encoding OAuth clients send (and JSON). The parser lives in this
  // encapsulated context only: no other route accepts form posts.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    router(scope).post(
      '/api/v1/oauth/token',
      {
        config: { action: 'public' },
        schema: { tags, body: tokenRequestBody, response: { 200: tokenResponseSchema } },
      },
      async (req, reply) => {
        const basic = basicCredentials(req.headers.authorization);
        reply.header('Cache-Control', 'no-store');
        try {
          return await svc.issueToken(req.ctx, {
            grantType: req.body.grant_type,
            clientId: basic?.id ?? req.body.client_id,
            clientSecret: basic?.secret ?? req.body.client_secret,
            scope: req.body.scope,
          });
        } catch (e) {
          throw retryAfter(reply, e);
        }
      },
    );
  });

  // The bearer token, the client's scope and its rate, before anything else of the route runs.
  const bearer = (scope: ClientScope) => async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      const c = await svc.authenticate(req.ctx.now, req.headers.authorization, scope);
      clients.set(req, c);
      req.ctx.actor = clientActor(c);
      req.ctx.districtCode = c.districtCode;
    } catch (e) {
      if (!(e instanceof RateLimited)) reply.header('WWW-Authenticate', 'Bearer realm="tuoyu"');
      throw retryAfter(reply, e);
    }
  };
  r.get(
    `${BASE}/institutions`,
    {
      config: { action: 'client', clientScope: 'institutions.read' },
      schema: { tags, querystring: exchangeInstitutionsQuery, response: { 200: exchangeInstitutionPage } },
      onRequest: bearer('institutions.read'),
    },
    (req) => svc.institutions(req.ctx, clients.get(req)!, req.query),
  );
  // The pull change feed (ADR 0019), for departments that cannot receive webhooks.
  r.get(
    '/api/v1/changes',
    {
      config: { action: 'client', clientScope: 'institutions.read' },
      schema: { tags, querystring: changesQuery, response: { 200: changeFeedSchema } },
      onRequest: bearer('institutions.read'),
    },
    (req) => svc.changes(req.ctx, clients.get(req)!, req.query),
  );

  // Business-licence records from the market-regulation department's system (ADR 0035).
  r.post(
    `${BASE}/business-licences`,
    {
      config: { action: 'client', clientScope: 'licences.write' },
      schema: { tags, body: licenceBatchBody, response: { 200: licenceBatchResult } },
      onRequest: bearer('licences.write'),
    },
    (req) => receiveLicences(db, req.ctx, clients.get(req)!, req.body.records),
  );
  // 证照比对: the registry against those records, in the caller's scope.
  r.get(
    `${BASE}/business-licences/checks`,
    {
      config: { action: 'exchange.licences.read' },
      schema: { tags, querystring: licenceChecksQuery.strict(), response: { 200: licenceCheckPage } },
    },
    (req) => licenceChecks(db, actorOf(req), req.query),
  );
}
