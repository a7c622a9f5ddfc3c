/** /api/v1/supervision (console) and /api/v1/public/supervision (portal): thin routes, one service call each. */
import type { FastifyInstance } from 'fastify';
import {
  createDrawPlanBody,
  drawPlanListSchema,
  drawPlanParams,
  drawPlanSummarySchema,
  publishedDrawSchema,
} from '../../../domain/contracts/supervision.ts';
import { riskAnswer, riskQuery } from '../../../domain/contracts/supervision-risk.ts';
import {
  publicResultsSchema,
  visitCoverageQuery,
  visitCoverageSchema,
} from '../../../domain/contracts/supervision-visits.ts';
import { remainingMonths, suggestSchedule } from '../../../domain/supervision/visits.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import { actorOf, router } from '../../platform/http.ts';
import { publicResults } from './results.ts';
import { riskList } from './risk.ts';
import { createSupervisionService } from './service.ts';
import { coverage } from './targets.ts';

const tags = ['supervision'];

const BASE = '/api/v1/supervision';
const PUBLIC_BASE = '/api/v1/public/supervision';

export async function supervisionRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createSupervisionService(deps);
  const r = router(app);

  r.get(
    `${BASE}/risk`,
    {
      config: { action: 'supervision.risk_read' },
      schema: { tags, querystring: riskQuery, response: { 200: riskAnswer } },
    },
    (req) => riskList(deps.db, actorOf(req), req.ctx.now, req.query),
  );
  r.get(
    `${BASE}/visits/coverage`,
    {
      config: { action: 'supervision.visit_plan' },
      schema: { tags, querystring: visitCoverageQuery, response: { 200: visitCoverageSchema } },
    },
    async (req) => {
      const asOf = localDate(req.ctx.now);
      const year = Number(asOf.slice(0, 4));
      const rows = await coverage(deps.db, {
        actor: actorOf(req),
        year,
        asOf: req.ctx.now,
        ...(req.query.townCode ? { townCode: req.query.townCode } : {}),
      });
      const unvisited = rows
        .filter((r) => !r.lastSigned)
        .map((r) => ({ institutionId: r.id, name: r.name, townCode: r.townCode, lat: r.lat, lng: r.lng }));
      return {
        year,
        asOf,
        total: rows.length,
        visited: rows.length - unvisited.length,
        unvisited,
        schedule: suggestSchedule(unvisited, remainingMonths(asOf)),
      };
    },
  );
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
    `${PUBLIC_BASE}/draws/:id/results`,
    {
      config: { action: 'public' },
      schema: { tags: ['public'], params: drawPlanParams, response: { 200: publicResultsSchema } },
    },
    (req) => publicResults(deps.db, req.ctx.districtCode, req.params.id),
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
