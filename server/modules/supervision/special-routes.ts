/** /api/v1/supervision/special-checks — joint special checks (special.ts): thin routes, one service call each. */
import type { FastifyInstance } from 'fastify';
import {
  specialCheckBody,
  specialCheckDetailSchema,
  specialCheckListSchema,
  specialCheckParams,
  specialInspectorListSchema,
  specialInspectorQuery,
} from '../../../domain/contracts/supervision-special.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createSpecialCheckService } from './special.ts';

const tags = ['supervision'];
const BASE = '/api/v1/supervision/special-checks';

export async function specialCheckRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createSpecialCheckService(deps);
  const r = router(app);
  r.get(
    BASE,
    {
      config: { action: 'supervision.special_read' },
      schema: { tags, response: { 200: specialCheckListSchema } },
    },
    (req) => svc.list(actorOf(req), req.ctx.now),
  );
  r.post(
    BASE,
    {
      config: { action: 'supervision.special_create' },
      schema: { tags, body: specialCheckBody, response: { 201: specialCheckDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/inspectors`,
    {
      config: { action: 'supervision.special_create' },
      schema: { tags, querystring: specialInspectorQuery, response: { 200: specialInspectorListSchema } },
    },
    (req) => svc.inspectors(actorOf(req), req.query.divisionCode),
  );
  r.get(
    `${BASE}/:id`,
    {
      config: { action: 'supervision.special_read' },
      schema: { tags, params: specialCheckParams, response: { 200: specialCheckDetailSchema } },
    },
    (req) => svc.get(actorOf(req), req.params.id, req.ctx.now),
  );
}
