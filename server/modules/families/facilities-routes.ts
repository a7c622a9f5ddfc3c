/** /api/v1/families/facilities: the register of facilities beyond institutions. Thin routes. */
import type { FastifyInstance } from 'fastify';
import { createSiteSlotBody, idParams, slotSchema } from '../../../domain/contracts/families.ts';
import {
  baobaowuCoverageQuery,
  baobaowuCoverageSchema,
  baobaowuMineSchema,
  createFacilityBody,
  facilityListQuery,
  facilityPage,
  facilitySchema,
  siteBookingList,
  siteBookingQuery,
  siteSlotList,
  siteSlotQuery,
  updateFacilityBody,
} from '../../../domain/contracts/families-facilities.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import { actorOf, router } from '../../platform/http.ts';
import { policyOn } from '../institutions/policy.ts';
import { createBaobaowuService } from './baobaowu.ts';
import { createFacilitiesService } from './facilities.ts';

const tags = ['families'];
const BASE = '/api/v1/families/facilities';

export function facilitiesRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createFacilitiesService(deps);
  const bb = createBaobaowuService(deps);
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
  // — 宝宝屋 (issue 17): a site's slots, and coverage by town —
  r.get(
    '/api/v1/families/baobaowu/coverage',
    {
      config: read,
      schema: { tags, querystring: baobaowuCoverageQuery, response: { 200: baobaowuCoverageSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const year = req.query.year ?? Number(localDate(req.ctx.now).slice(0, 4));
      const rule = policyOn(actor.districtCode, req.ctx.now).baobaowu ?? null;
      return { ...(await bb.coverage(actor, year)), rule };
    },
  );
  r.get(
    '/api/v1/families/baobaowu/mine',
    {
      config: { action: 'families.book' },
      schema: { tags, querystring: baobaowuCoverageQuery, response: { 200: baobaowuMineSchema } },
    },
    (req) => bb.mine(actorOf(req), req.ctx.now, req.query.year ?? Number(localDate(req.ctx.now).slice(0, 4))),
  );
  r.get(
    `${BASE}/:id/slots`,
    {
      config: read,
      schema: { tags, params: idParams, querystring: siteSlotQuery, response: { 200: siteSlotList } },
    },
    (req) => bb.siteSlots(req.ctx, actorOf(req), req.params.id, req.query.from),
  );
  r.get(
    `${BASE}/:id/bookings`,
    {
      config: { action: 'families.site_bookings_read' },
      schema: { tags, params: idParams, querystring: siteBookingQuery, response: { 200: siteBookingList } },
    },
    (req) => bb.siteBookings(req.ctx, actorOf(req), req.params.id, req.query),
  );
  r.post(
    `${BASE}/:id/slots`,
    {
      config: manage,
      schema: { tags, params: idParams, body: createSiteSlotBody, response: { 201: slotSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await bb.createSlot(req.ctx, actorOf(req), req.params.id, req.body)),
  );
}
