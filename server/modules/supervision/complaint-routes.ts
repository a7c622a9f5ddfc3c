/**
 * Public complaints (issue 10): submit and follow on the portal; the town's list and handling in the
 * console. The portal's integrity record of an institution (integrity.ts). Emergency drills (drills.ts). Cameras (cameras.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../../domain/contracts/permissions.ts';
import {
  cameraBody,
  cameraListQuery,
  cameraListSchema,
  cameraSchema,
} from '../../../domain/contracts/supervision-cameras.ts';
import {
  complaintBody,
  complaintListQuery,
  complaintListSchema,
  complaintLookupBody,
  complaintPublicStatus,
  complaintReceipt,
  complaintSchema,
  complaintTransitionBody,
} from '../../../domain/contracts/supervision-complaints.ts';
import {
  drillBody,
  drillListQuery,
  drillListSchema,
  drillOverdueSchema,
  drillSchema,
} from '../../../domain/contracts/supervision-drills.ts';
import { publicIntegritySchema } from '../../../domain/contracts/supervision-integrity.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorOf, router } from '../../platform/http.ts';
import type { ProbeNetworks } from '../../platform/probe-network.ts';
import { createCameraService } from './cameras.ts';
import { createComplaintService } from './complaints.ts';
import { createDrillService } from './drills.ts';
import { publicIntegrity } from './integrity.ts';

const idParams = z.strictObject({ id: z.uuid() });

export async function complaintRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; integrityMonths: number; probeNetworks: ProbeNetworks },
) {
  const svc = createComplaintService(deps);
  const r = router(app);
  r.get(
    '/api/v1/public/supervision/institutions/:id/integrity',
    {
      config: { action: PUBLIC },
      schema: { tags: ['public'], params: idParams, response: { 200: publicIntegritySchema } },
    },
    (req) => publicIntegrity(deps.db, req.ctx.districtCode, req.params.id, req.ctx.now, deps.integrityMonths),
  );
  r.post(
    '/api/v1/public/supervision/complaints',
    {
      config: { action: PUBLIC },
      schema: { tags: ['public'], body: complaintBody, response: { 201: complaintReceipt } },
    },
    async (req, reply) => reply.status(201).send(await svc.submit(req.ctx, req.body)),
  );
  r.post(
    '/api/v1/public/supervision/complaints/lookup',
    {
      config: { action: PUBLIC },
      schema: { tags: ['public'], body: complaintLookupBody, response: { 200: complaintPublicStatus } },
    },
    (req) => svc.lookup(req.ctx, req.body.receiptCode),
  );
  const cameras = createCameraService(deps);
  r.get(
    '/api/v1/supervision/cameras',
    {
      config: { action: 'supervision.camera_read' },
      schema: { tags: ['supervision'], querystring: cameraListQuery, response: { 200: cameraListSchema } },
    },
    (req) => cameras.list(actorOf(req), req.ctx.now, req.query),
  );
  r.post(
    '/api/v1/supervision/cameras',
    {
      config: { action: 'supervision.camera_register' },
      schema: { tags: ['supervision'], body: cameraBody, response: { 201: cameraSchema } },
    },
    async (req, reply) => reply.status(201).send(await cameras.register(req.ctx, actorOf(req), req.body)),
  );
  const drills = createDrillService(deps);
  r.get(
    '/api/v1/supervision/drills',
    {
      config: { action: 'supervision.drill_read' },
      schema: { tags: ['supervision'], querystring: drillListQuery, response: { 200: drillListSchema } },
    },
    (req) => drills.list(actorOf(req), req.query),
  );
  r.post(
    '/api/v1/supervision/drills',
    {
      config: { action: 'supervision.drill_record' },
      schema: { tags: ['supervision'], body: drillBody, response: { 201: drillSchema } },
    },
    async (req, reply) => reply.status(201).send(await drills.record(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    '/api/v1/supervision/drills/overdue',
    {
      config: { action: 'supervision.drill_read' },
      schema: { tags: ['supervision'], response: { 200: drillOverdueSchema } },
    },
    (req) => drills.overdue(actorOf(req), req.ctx.now),
  );
  r.get(
    '/api/v1/supervision/complaints',
    {
      config: { action: 'supervision.complaint_read' },
      schema: {
        tags: ['supervision'],
        querystring: complaintListQuery,
        response: { 200: complaintListSchema },
      },
    },
    (req) => svc.list(actorOf(req), req.query),
  );
  r.post(
    '/api/v1/supervision/complaints/:id/transition',
    {
      config: { action: 'supervision.complaint_handle' },
      schema: {
        tags: ['supervision'],
        params: idParams,
        body: complaintTransitionBody,
        response: { 200: complaintSchema },
      },
    },
    (req) => svc.transition(req.ctx, actorOf(req), req.params.id, req.body),
  );
}
