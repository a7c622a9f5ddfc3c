/** /api/v1/families: guardians' rights — the family's export, correction and deletion requests (rights.ts). */
import type { FastifyInstance } from 'fastify';
import {
  createFamilyRequestBody,
  familyRequestListQuery,
  familyRequestPage,
  familyRequestSchema,
  familyRequestTransitionBody,
  idParams,
} from '../../../domain/contracts/families.ts';
import { familyFullExportSchema } from '../../../domain/contracts/families-online.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createRightsService } from './rights.ts';

const tags = ['families'];
const BASE = '/api/v1/families';

export function familyRightsRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createRightsService(deps);
  const r = router(app);

  r.get(
    `${BASE}/:id/export`,
    {
      config: { action: 'families.rights' },
      schema: { tags, params: idParams, response: { 200: familyFullExportSchema } },
    },
    (req) => svc.exportFamily(req.ctx, actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/requests`,
    {
      config: { action: 'families.requests_read' },
      schema: { tags, querystring: familyRequestListQuery, response: { 200: familyRequestPage } },
    },
    (req) => svc.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/requests`,
    {
      config: { action: 'families.rights' },
      schema: { tags, body: createFamilyRequestBody, response: { 201: familyRequestSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.submit(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/requests/:id/transitions`,
    {
      config: { action: 'families.requests_handle' },
      schema: {
        tags,
        params: idParams,
        body: familyRequestTransitionBody,
        response: { 200: familyRequestSchema },
      },
    },
    (req) => svc.transition(req.ctx, actorOf(req), req.params.id, req.body),
  );
}
