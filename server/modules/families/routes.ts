/** /api/v1/families: families from birth records, consent, home visits, hourly care, applications. Thin routes. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  applicationListQuery,
  applicationPage,
  applicationSchema,
  applicationTransitionBody,
  assignWorkerBody,
  birthRecordBody,
  bookingList,
  bookingSchema,
  bookSlotBody,
  communityParams,
  communitySchema,
  coverageSchema,
  createApplicationBody,
  createCommunityBody,
  createSlotBody,
  familyListQuery,
  familyPage,
  familySchema,
  giveConsentBody,
  healthWorkerSchema,
  idParams,
  recordVisitBody,
  scheduleVisitBody,
  slotListQuery,
  slotPage,
  slotSchema,
  visitListQuery,
  visitPage,
  visitSchema,
  withdrawConsentBody,
} from '../../../domain/contracts/families.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createApplicationsService } from './applications.ts';
import { createHourlyService } from './hourly.ts';
import { createFamiliesService } from './service.ts';

const tags = ['families'];
const BASE = '/api/v1/families';

export function familiesRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createFamiliesService(deps);
  const hourly = createHourlyService(deps);
  const apps = createApplicationsService(deps);
  const r = router(app);

  r.get(
    `${BASE}/communities`,
    {
      config: { action: 'families.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(communitySchema) }) } },
    },
    (req) => svc.communities(actorOf(req)),
  );
  r.post(
    `${BASE}/communities`,
    {
      config: { action: 'families.communities' },
      schema: { tags, body: createCommunityBody, response: { 201: communitySchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.createCommunity(req.ctx, actorOf(req), req.body)),
  );
  r.put(
    `${BASE}/communities/:code/worker`,
    {
      config: { action: 'families.assign_workers' },
      schema: { tags, params: communityParams, body: assignWorkerBody, response: { 200: communitySchema } },
    },
    (req) => svc.assignWorker(req.ctx, actorOf(req), req.params.code, req.body),
  );
  r.get(
    `${BASE}/health-workers`,
    {
      config: { action: 'families.visits_read' },
      schema: { tags, response: { 200: z.object({ items: z.array(healthWorkerSchema) }) } },
    },
    (req) => svc.healthWorkers(actorOf(req)),
  );
  r.get(
    BASE,
    {
      config: { action: 'families.read' },
      schema: { tags, querystring: familyListQuery, response: { 200: familyPage } },
    },
    (req) => svc.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    BASE,
    {
      config: { action: 'families.create' },
      schema: { tags, body: birthRecordBody, response: { 201: familySchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/mine`,
    { config: { action: 'families.read' }, schema: { tags, response: { 200: familySchema } } },
    (req) => svc.mine(req.ctx, actorOf(req)),
  );
  r.get(
    `${BASE}/:id`,
    {
      config: { action: 'families.read' },
      schema: { tags, params: idParams, response: { 200: familySchema } },
    },
    (req) => svc.get(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/:id/consents`,
    {
      config: { action: 'families.consent' },
      schema: { tags, params: idParams, body: giveConsentBody, response: { 200: familySchema } },
    },
    (req) => svc.giveConsent(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/:id/consents/withdraw`,
    {
      config: { action: 'families.consent' },
      schema: { tags, params: idParams, body: withdrawConsentBody, response: { 200: familySchema } },
    },
    (req) => svc.withdrawConsent(req.ctx, actorOf(req), req.params.id, req.body),
  );

  // — home visits —
  r.get(
    `${BASE}/visits`,
    {
      config: { action: 'families.visits_read' },
      schema: { tags, querystring: visitListQuery, response: { 200: visitPage } },
    },
    (req) => svc.visits(req.ctx, actorOf(req), req.query),
  );
  r.get(
    `${BASE}/visits/coverage`,
    { config: { action: 'families.visits_read' }, schema: { tags, response: { 200: coverageSchema } } },
    (req) => svc.coverage(req.ctx, actorOf(req)),
  );
  r.post(
    `${BASE}/visits`,
    {
      config: { action: 'families.visit' },
      schema: { tags, body: scheduleVisitBody, response: { 201: visitSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.scheduleVisit(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/visits/:id/record`,
    {
      config: { action: 'families.visit' },
      schema: { tags, params: idParams, body: recordVisitBody, response: { 200: visitSchema } },
    },
    (req) => svc.recordVisit(req.ctx, actorOf(req), req.params.id, req.body),
  );

  // — hourly care —
  r.get(
    `${BASE}/slots`,
    {
      config: { action: 'families.slots_read' },
      schema: { tags, querystring: slotListQuery, response: { 200: slotPage } },
    },
    (req) => hourly.slots(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/slots`,
    {
      config: { action: 'families.slots_manage' },
      schema: { tags, body: createSlotBody, response: { 201: slotSchema } },
    },
    async (req, reply) => reply.status(201).send(await hourly.createSlot(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/slots/:id/bookings`,
    {
      config: { action: 'families.book' },
      schema: { tags, params: idParams, body: bookSlotBody, response: { 201: bookingSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await hourly.book(req.ctx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${BASE}/bookings`,
    { config: { action: 'families.slots_read' }, schema: { tags, response: { 200: bookingList } } },
    (req) => hourly.bookings(req.ctx, actorOf(req)),
  );
  r.post(
    `${BASE}/bookings/:id/cancel`,
    {
      config: { action: 'families.book' },
      schema: { tags, params: idParams, response: { 200: bookingSchema } },
    },
    (req) => hourly.cancel(req.ctx, actorOf(req), req.params.id),
  );

  // — applications —
  r.get(
    `${BASE}/applications`,
    {
      config: { action: 'families.applications_read' },
      schema: { tags, querystring: applicationListQuery, response: { 200: applicationPage } },
    },
    (req) => apps.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/applications`,
    {
      config: { action: 'families.apply' },
      schema: { tags, body: createApplicationBody, response: { 201: applicationSchema } },
    },
    async (req, reply) => reply.status(201).send(await apps.create(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/applications/:id/transitions`,
    {
      config: { action: 'families.applications_read' },
      schema: {
        tags,
        params: idParams,
        body: applicationTransitionBody,
        response: { 200: applicationSchema },
      },
    },
    (req) => apps.transition(req.ctx, actorOf(req), req.params.id, req.body),
  );
}
