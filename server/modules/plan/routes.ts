/** /api/v1/plan: the plan-target dashboard, drill-down, trend and plan versions. Thin routes. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import {
  createSuccessorBody,
  drillPageSchema,
  drillQuery,
  planDashboardSchema,
  planReportExportQuery,
  planTargetParams,
  planTargetsQuery,
  planVersionParams,
  planVersionSchema,
  publicPlanQuery,
  publicPlanSchema,
  targetChangesBody,
  targetPreviewBody,
  targetPreviewSchema,
  trendQuery,
  trendSchema,
  versionTargetsSchema,
} from '../../../domain/contracts/plan.ts';
import type { Db } from '../../db/client.ts';
import { createExporter, sendExport } from '../../platform/export.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { planReportExport } from './report.ts';
import type { PlanService } from './service.ts';

const tags = ['plan'];
const BASE = '/api/v1/plan';

export function planRoutes(
  app: FastifyInstance,
  plan: PlanService,
  deps: { db: Db; storage: FileStorage; jobs: Jobs },
) {
  const r = router(app);
  const report = planReportExport(plan);
  const reportExporter = createExporter(deps, report.definition);
  r.get(
    `${BASE}/report/export`,
    {
      config: { action: 'plan.read' },
      schema: { tags, querystring: planReportExportQuery, response: { 202: exportJobSchema } },
    },
    async (req, reply) => {
      const { format, year } = req.query;
      const filters = { year, asOf: req.ctx.now.toISOString() };
      await report.prepare(actorOf(req), filters);
      const file = await reportExporter.export(req.ctx, actorOf(req), filters, format);
      return sendExport(reply, file);
    },
  );
  r.get(
    `${BASE}/targets`,
    {
      config: { action: 'plan.read' },
      schema: { tags, querystring: planTargetsQuery, response: { 200: planDashboardSchema } },
    },
    (req) => plan.dashboard(req.ctx, actorOf(req), req.query),
  );
  r.get(
    `${BASE}/targets/:id/rows`,
    {
      config: { action: 'plan.read' },
      schema: { tags, params: planTargetParams, querystring: drillQuery, response: { 200: drillPageSchema } },
    },
    (req) => plan.drill(req.ctx, actorOf(req), req.params.id, req.query),
  );
  r.get(
    `${BASE}/trend`,
    {
      config: { action: 'plan.read' },
      schema: { tags, querystring: trendQuery, response: { 200: trendSchema } },
    },
    (req) => plan.trend(req.ctx, actorOf(req), req.query.key),
  );
  r.get(
    `${BASE}/versions`,
    {
      config: { action: 'plan.read' },
      schema: { tags, response: { 200: z.array(planVersionSchema) } },
    },
    (req) => plan.listVersions(actorOf(req)),
  );
  r.post(
    `${BASE}/versions`,
    {
      config: { action: 'plan.manage' },
      schema: { tags, body: createSuccessorBody, response: { 201: planVersionSchema } },
    },
    async (req, reply) => reply.status(201).send(await plan.createSuccessor(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/versions/:id/targets`,
    {
      config: { action: 'plan.read' },
      schema: { tags, params: planVersionParams, response: { 200: versionTargetsSchema } },
    },
    (req) => plan.versionTargets(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/versions/:id/preview`,
    {
      config: { action: 'plan.manage' },
      schema: {
        tags,
        params: planVersionParams,
        body: targetPreviewBody,
        response: { 200: targetPreviewSchema },
      },
    },
    (req) => plan.previewTargets(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.patch(
    `${BASE}/versions/:id/targets`,
    {
      config: { action: 'plan.manage' },
      schema: {
        tags,
        params: planVersionParams,
        body: targetChangesBody,
        response: { 200: targetPreviewSchema },
      },
    },
    (req) => plan.changeTargets(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/public/plan',
    {
      config: { action: 'public' },
      schema: { tags: ['public'], querystring: publicPlanQuery, response: { 200: publicPlanSchema } },
    },
    (req) => plan.publicTable(req.ctx, req.query.year),
  );
}
