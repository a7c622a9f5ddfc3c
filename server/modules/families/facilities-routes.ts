/** /api/v1/families/facilities: the register of facilities beyond institutions. Thin routes. */
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../domain/contracts/families.ts';
import {
  createFacilityBody,
  facilityListQuery,
  facilityPage,
  facilitySchema,
  updateFacilityBody,
} from '../../../domain/contracts/families-facilities.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createFacilitiesService } from './facilities.ts';

const tags = ['families'];
const BASE = '/api/v1/families/facilities';

export function facilitiesRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createFacilitiesService(deps);
  const r = router(app);
  const read = { action: 'families.facilities_read' } as const;
  const manage = { action: 'families.facilities_manage' } as const;

  r.get(
    BASE,
    { config: read, schema: { tags, querystring: facilityListQuery, response: { 200: facilityPage } } },
    (req) => svc.list(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: facilitySchema } } },
    (req) => svc.get(actorOf(req), req.params.id),
  );
  r.post(
    BASE,
    { config: manage, schema: { tags, body: createFacilityBody, response: { 201: facilitySchema } } },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, actorOf(req), req.body)),
  );
  r.patch(
    `${BASE}/:id`,
    {
      config: manage,
      schema: { tags, params: idParams, body: updateFacilityBody, response: { 200: facilitySchema } },
    },
    (req) => svc.update(req.ctx, actorOf(req), req.params.id, req.body),
  );
}
