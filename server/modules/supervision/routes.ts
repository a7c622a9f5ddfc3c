/** /api/v1/supervision (console) and /api/v1/public/supervision (portal): thin routes, one service call each. */
import type { FastifyInstance } from 'fastify';
import {
  createDrawPlanBody,
  drawPlanListSchema,
  drawPlanParams,
  drawPlanSummarySchema,
  publishedDrawSchema,
} from '../../../domain/contracts/supervision.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createSupervisionService } from './service.ts';

const tags = ['supervision'];
const BASE = '/api/v1/supervision';
const PUBLIC_BASE = '/api/v1/public/supervision';

export async function supervisionRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createSupervisionService(deps);
  const r = router(app);

  r.get(
    `${BASE}/draw-plans`,
    { config: { action: 'supervision.draw_read' }, schema: { tags, response: { 200: drawPlanListSchema } } },
    (req) => svc.list(actorOf(req)),
  );
  r.post(
    `${BASE}/draw-plans`,
    {
      config: { action: 'supervision.draw_commit' },
      schema: { tags, body: createDrawPlanBody, response: { 201: drawPlanSummarySchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.commitPlan(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/draw-plans/:id`,
    {
      config: { action: 'supervision.draw_read' },
      schema: { tags, params: drawPlanParams, response: { 200: publishedDrawSchema } },
    },
    (req) => svc.get(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/draw-plans/:id/draw`,
    {
      config: { action: 'supervision.draw_run' },
      schema: { tags, params: drawPlanParams, response: { 200: publishedDrawSchema } },
    },
    (req) => svc.draw(req.ctx, actorOf(req), req.params.id),
  );
  r.get(
    `${PUBLIC_BASE}/draws`,
    { config: { action: 'public' }, schema: { tags: ['public'], response: { 200: drawPlanListSchema } } },
    (req) => svc.publicList(req.ctx.districtCode),
  );
  r.get(
    `${PUBLIC_BASE}/draws/:id`,
    {
      config: { action: 'public' },
      schema: { tags: ['public'], params: drawPlanParams, response: { 200: publishedDrawSchema } },
    },
    (req) => svc.publicGet(req.ctx.districtCode, req.params.id),
  );
}
