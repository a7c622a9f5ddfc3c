/** /api/v1/families/online/… and /api/v1/families/distributions: online guidance (online.ts). Thin routes. */
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../domain/contracts/families.ts';
import {
  coverageQuery,
  coverageSchema,
  createDistributionBody,
  createRegistrationBody,
  createResourceBody,
  distributionListQuery,
  distributionPage,
  distributionSchema,
  portalOnlineSchema,
  registrationListQuery,
  registrationPage,
  registrationSchema,
  resourceListQuery,
  resourcePage,
  resourceSchema,
  updateResourceBody,
} from '../../../domain/contracts/families-online.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createOnlineService } from './online.ts';

const tags = ['families'];
const BASE = '/api/v1/families/online';

export function onlineRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createOnlineService(deps);
  const r = router(app);
  const resourcesRead = { action: 'families.resources_read' } as const;
  const resourcesManage = { action: 'families.resources_manage' } as const;
  const onlineRead = { action: 'families.online_read' } as const;
  const register = { action: 'families.online_register' } as const;

  r.get(
    `${BASE}/resources`,
    {
      config: resourcesRead,
      schema: { tags, querystring: resourceListQuery, response: { 200: resourcePage } },
    },
    (req) => svc.listResources(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/resources/:id`,
    { config: resourcesRead, schema: { tags, params: idParams, response: { 200: resourceSchema } } },
    (req) => svc.getResource(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/resources`,
    {
      config: resourcesManage,
      schema: { tags, body: createResourceBody, response: { 201: resourceSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.createResource(req.ctx, actorOf(req), req.body)),
  );
  r.patch(
    `${BASE}/resources/:id`,
    {
      config: resourcesManage,
      schema: { tags, params: idParams, body: updateResourceBody, response: { 200: resourceSchema } },
    },
    (req) => svc.updateResource(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    `${BASE}/registrations`,
    {
      config: onlineRead,
      schema: { tags, querystring: registrationListQuery, response: { 200: registrationPage } },
    },
    (req) => svc.listRegistrations(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/registrations`,
    {
      config: register,
      schema: { tags, body: createRegistrationBody, response: { 201: registrationSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.register(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/coverage`,
    { config: onlineRead, schema: { tags, querystring: coverageQuery, response: { 200: coverageSchema } } },
    (req) => svc.coverage(actorOf(req), req.query.year),
  );
  r.get(
    `${BASE}/mine`,
    { config: onlineRead, schema: { tags, response: { 200: portalOnlineSchema } } },
    (req) => svc.mine(req.ctx, actorOf(req)),
  );
  r.get(
    '/api/v1/families/distributions',
    {
      config: { action: 'families.distributions_read' },
      schema: { tags, querystring: distributionListQuery, response: { 200: distributionPage } },
    },
    (req) => svc.listDistributions(actorOf(req), req.query),
  );
  r.post(
    '/api/v1/families/distributions',
    {
      config: { action: 'families.distribute' },
      schema: { tags, body: createDistributionBody, response: { 201: distributionSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.distribute(req.ctx, actorOf(req), req.body)),
  );
}
