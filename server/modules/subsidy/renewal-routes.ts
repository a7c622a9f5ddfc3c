/** /api/v1/subsidy/renewals: the yearly renewal (年度复核, renewals.ts, ADR 0027). Thin: schema, one service call. */
import type { FastifyInstance } from 'fastify';
import { subsidyIdParams } from '../../../domain/contracts/subsidy.ts';
import {
  renewalCounts,
  renewalCountsQuery,
  renewalDecisionBody,
  renewalListQuery,
  renewalOpenBody,
  renewalOpenResult,
  renewalPage,
  renewalSchema,
} from '../../../domain/contracts/subsidy-renewal.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createRenewalService } from './renewals.ts';

const tags = ['subsidy'];
const BASE = '/api/v1/subsidy/renewals';

export function renewalRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createRenewalService(deps);
  const r = router(app);
  const read = { action: 'subsidy.read' } as const;

  r.post(
    `${BASE}/open`,
    {
      config: { action: 'subsidy.renewal_open' },
      schema: { tags, body: renewalOpenBody, response: { 200: renewalOpenResult } },
    },
    (req) => svc.open(req.ctx, actorOf(req), req.body),
  );
  r.get(
    BASE,
    { config: read, schema: { tags, querystring: renewalListQuery, response: { 200: renewalPage } } },
    (req) => svc.list(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/counts`,
    { config: read, schema: { tags, querystring: renewalCountsQuery, response: { 200: renewalCounts } } },
    (req) => svc.counts(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/:id`,
    { config: read, schema: { tags, params: subsidyIdParams, response: { 200: renewalSchema } } },
    (req) => svc.get(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/:id/decisions`,
    {
      config: { action: 'subsidy.renewal_decide' },
      schema: { tags, params: subsidyIdParams, body: renewalDecisionBody, response: { 200: renewalSchema } },
    },
    (req) => svc.decide(req.ctx, actorOf(req), req.params.id, req.body),
  );
}
