/** /api/v1/subsidy: the childcare-subsidy casework (service.ts), its import (import.ts) and the batch XLSX (export.ts). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paginationQuery } from '../../../domain/contracts/common.ts';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import {
  batchLinePage,
  batchLineQuery,
  batchPage,
  batchSchema,
  batchTransitionBody,
  createBatchBody,
  lineParams,
  mySubsidySchema,
  returnLineBody,
  subsidyAccountBody,
  subsidyApplicationPage,
  subsidyApplicationSchema,
  subsidyDecisionBody,
  subsidyIdParams,
  subsidyListQuery,
} from '../../../domain/contracts/subsidy.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { createExporter, sendExport } from '../../platform/export.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { batchExport } from './export.ts';
import { subsidyImport } from './import.ts';
import { createSubsidyService } from './service.ts';

const tags = ['subsidy'];
const BASE = '/api/v1/subsidy';

export async function subsidyRoutes(
  app: FastifyInstance,
  deps: { db: Db; jobs: Jobs; storage: FileStorage; clock: Clock },
) {
  const svc = createSubsidyService(deps);
  const exporter = createExporter(deps, batchExport);
  const r = router(app);
  const read = { action: 'subsidy.read' } as const;
  const review = { action: 'subsidy.review' } as const;
  const pay = { action: 'subsidy.pay' } as const;

  await importRoutes(app, {
    base: `${BASE}/imports`,
    action: 'subsidy.import',
    tags,
    def: subsidyImport(deps),
    deps,
  });

  r.get(
    `${BASE}/applications`,
    {
      config: read,
      schema: { tags, querystring: subsidyListQuery, response: { 200: subsidyApplicationPage } },
    },
    (req) => svc.list(req.ctx, actorOf(req), req.query),
  );
  r.get(
    `${BASE}/applications/:id`,
    { config: read, schema: { tags, params: subsidyIdParams, response: { 200: subsidyApplicationSchema } } },
    (req) => svc.get(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/applications/:id/decisions`,
    {
      config: review,
      schema: {
        tags,
        params: subsidyIdParams,
        body: subsidyDecisionBody,
        response: { 200: subsidyApplicationSchema },
      },
    },
    (req) => svc.decide(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.put(
    `${BASE}/applications/:id/account`,
    {
      config: review,
      schema: {
        tags,
        params: subsidyIdParams,
        body: subsidyAccountBody,
        response: { 200: subsidyApplicationSchema },
      },
    },
    (req) => svc.correctAccount(req.ctx, actorOf(req), req.params.id, req.body),
  );

  r.get(
    `${BASE}/batches`,
    { config: pay, schema: { tags, querystring: paginationQuery, response: { 200: batchPage } } },
    (req) => svc.listBatches(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/batches`,
    { config: pay, schema: { tags, body: createBatchBody, response: { 201: batchSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createBatch(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/batches/:id`,
    { config: pay, schema: { tags, params: subsidyIdParams, response: { 200: batchSchema } } },
    (req) => svc.getBatch(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/batches/:id/transitions`,
    {
      config: pay,
      schema: { tags, params: subsidyIdParams, body: batchTransitionBody, response: { 200: batchSchema } },
    },
    (req) => svc.transitionBatch(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    `${BASE}/batches/:id/lines`,
    {
      config: pay,
      schema: {
        tags,
        params: subsidyIdParams,
        querystring: batchLineQuery,
        response: { 200: batchLinePage },
      },
    },
    (req) => svc.lines(actorOf(req), req.params.id, req.query),
  );
  r.post(
    `${BASE}/batches/:id/lines/:lineId/return`,
    {
      config: pay,
      schema: { tags, params: lineParams, body: returnLineBody, response: { 200: batchSchema } },
    },
    (req) => svc.returnLine(req.ctx, actorOf(req), req.params.id, req.params.lineId, req.body.reason),
  );
  r.get(
    `${BASE}/batches/:id/export`,
    {
      config: pay,
      schema: {
        tags,
        params: subsidyIdParams,
        querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 202: exportJobSchema },
      },
    },
    async (req, reply) => {
      await svc.getBatch(actorOf(req), req.params.id);
      const file = await exporter.export(req.ctx, actorOf(req), { batchId: req.params.id }, req.query.format);
      return sendExport(reply, file);
    },
  );

  r.get(
    `${BASE}/mine`,
    { config: { action: 'subsidy.mine' }, schema: { tags, response: { 200: mySubsidySchema } } },
    (req) => svc.mine(req.ctx, actorOf(req)),
  );
}
