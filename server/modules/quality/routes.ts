/** /api/v1/quality (console) and /api/v1/public/quality (portal): thin routes, one service call each. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import {
  assignEvaluatorBody,
  candidateListSchema,
  completeImprovementBody,
  createRoundBody,
  demonstrationBody,
  evaluationDetailSchema,
  evaluationListSchema,
  evidenceParams,
  evidenceSchema,
  exportQuery,
  feedbackSchema,
  frameworkBody,
  frameworkListSchema,
  frameworkSchema,
  idParams,
  improvementBody,
  improvementSchema,
  publicQualitySchema,
  roundDetailSchema,
  roundListSchema,
  submitEvaluationBody,
  updateFrameworkBody,
  versionBody,
} from '../../../domain/contracts/quality.ts';
import type { Db } from '../../db/client.ts';
import { createExporter, sendExport } from '../../platform/export.ts';
import { readUpload, sendAttachment, uploadScope } from '../../platform/files/http.ts';
import type { FileService } from '../../platform/files/service.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { createEvaluationService } from './evaluations.ts';
import { roundExport } from './export.ts';
import { createFeedbackService } from './feedback.ts';
import { createQualityService, type QualityServiceDeps } from './service.ts';

const tags = ['quality'];
const BASE = '/api/v1/quality';

export async function qualityRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    storage: FileStorage;
    jobs: Jobs;
    files: FileService;
    secret?: QualityServiceDeps['secret'];
  },
) {
  const quality = createQualityService(deps);
  const evaluations = createEvaluationService(deps);
  const feedback = createFeedbackService(deps);
  const exporter = createExporter(deps, roundExport);
  const r = router(app);
  const read = { action: 'quality.read' } as const;
  const manage = { action: 'quality.manage' } as const;

  // — frameworks —
  r.get(
    `${BASE}/frameworks`,
    { config: read, schema: { tags, response: { 200: frameworkListSchema } } },
    (req) => quality.listFrameworks(actorOf(req)),
  );
  r.post(
    `${BASE}/frameworks`,
    { config: manage, schema: { tags, body: frameworkBody, response: { 201: frameworkSchema } } },
    async (req, reply) =>
      reply.status(201).send(await quality.createFramework(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/frameworks/sample`,
    { config: manage, schema: { tags, response: { 201: frameworkSchema } } },
    async (req, reply) => reply.status(201).send(await quality.installSample(req.ctx, actorOf(req))),
  );
  r.get(
    `${BASE}/frameworks/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: frameworkSchema } } },
    (req) => quality.getFramework(actorOf(req), req.params.id),
  );
  r.patch(
    `${BASE}/frameworks/:id`,
    {
      config: manage,
      schema: { tags, params: idParams, body: updateFrameworkBody, response: { 200: frameworkSchema } },
    },
    (req) => quality.updateFramework(req.ctx, actorOf(req), req.params.id, req.body),
  );

  // — rounds —
  r.get(`${BASE}/rounds`, { config: read, schema: { tags, response: { 200: roundListSchema } } }, (req) =>
    quality.listRounds(actorOf(req)),
  );
  r.post(
    `${BASE}/rounds`,
    { config: manage, schema: { tags, body: createRoundBody, response: { 201: roundDetailSchema } } },
    async (req, reply) => reply.status(201).send(await quality.createRound(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/rounds/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: roundDetailSchema } } },
    (req) => quality.getRound(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/rounds/:id/draw`,
    {
      config: manage,
      schema: { tags, params: idParams, body: versionBody, response: { 200: roundDetailSchema } },
    },
    (req) => quality.draw(req.ctx, actorOf(req), req.params.id, req.body.version),
  );
  r.post(
    `${BASE}/rounds/:id/evaluators`,
    {
      config: manage,
      schema: { tags, params: idParams, body: assignEvaluatorBody, response: { 200: roundDetailSchema } },
    },
    (req) => quality.assignEvaluator(req.ctx, actorOf(req), req.params.id, req.body.username),
  );
  r.post(
    `${BASE}/rounds/:id/complete`,
    {
      config: manage,
      schema: { tags, params: idParams, body: versionBody, response: { 200: roundDetailSchema } },
    },
    (req) => quality.complete(req.ctx, actorOf(req), req.params.id, req.body.version),
  );
  r.get(
    `${BASE}/rounds/:id/export`,
    {
      config: { action: 'quality.export' },
      // 200 is the file itself (XLSX or CSV); 202 names the background file of a large export.
      schema: { tags, params: idParams, querystring: exportQuery, response: { 202: exportJobSchema } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await quality.getRound(actor, req.params.id); // 404 outside the caller's rounds
      const file = await exporter.export(req.ctx, actor, { roundId: req.params.id }, req.query.format);
      return sendExport(reply, file);
    },
  );

  // — evaluation forms —
  r.get(
    `${BASE}/evaluations`,
    {
      config: read,
      schema: {
        tags,
        querystring: z.strictObject({ roundId: z.uuid().optional() }),
        response: { 200: evaluationListSchema },
      },
    },
    (req) => evaluations.list(actorOf(req), req.query.roundId),
  );
  r.get(
    `${BASE}/evaluations/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: evaluationDetailSchema } } },
    (req) => evaluations.get(actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/evaluations/:id/submit`,
    {
      config: { action: 'quality.evaluate' },
      schema: {
        tags,
        params: idParams,
        body: submitEvaluationBody,
        response: { 200: evaluationDetailSchema },
      },
    },
    (req) => evaluations.submit(req.ctx, actorOf(req), req.params.id, req.body),
  );

  r.get(
    `${BASE}/evaluations/:id/evidence/:fileId`,
    { config: read, schema: { tags, params: evidenceParams } },
    async (req, reply) => {
      const { attachment, data } = await evaluations.downloadEvidence(
        req.ctx,
        actorOf(req),
        req.params.id,
        req.params.fileId,
      );
      return sendAttachment(reply, attachment, data);
    },
  );
  // Evidence: purpose quality_evidence (PDF/JPEG/PNG ≤ 10 MiB; larger → 413, nothing stored).
  await uploadScope(app, (scope) => {
    router(scope).post(
      `${BASE}/evaluations/:id/evidence`,
      {
        config: { action: 'quality.evaluate' },
        schema: {
          tags,
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: evidenceSchema },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req, 'quality_evidence');
        return reply
          .status(201)
          .send(await evaluations.addEvidence(req.ctx, actorOf(req), req.params.id, file));
      },
    );
  });

  // — feedback, improvement, demonstration —
  r.get(
    `${BASE}/participants/:id/feedback`,
    { config: read, schema: { tags, params: idParams, response: { 200: feedbackSchema } } },
    (req) => feedback.feedback(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/participants/:id/improvements`,
    {
      config: { action: 'quality.improve' },
      schema: { tags, params: idParams, body: improvementBody, response: { 201: improvementSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await feedback.addImprovement(req.ctx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    `${BASE}/improvements/:id/complete`,
    {
      config: { action: 'quality.improve' },
      schema: { tags, params: idParams, body: completeImprovementBody, response: { 200: improvementSchema } },
    },
    (req) => feedback.completeImprovement(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    `${BASE}/demonstration`,
    {
      config: manage,
      schema: {
        tags,
        querystring: z.strictObject({ roundId: z.uuid().optional() }),
        response: { 200: candidateListSchema },
      },
    },
    (req) => feedback.candidates(req.ctx, actorOf(req), req.query.roundId),
  );
  r.post(
    `${BASE}/participants/:id/demonstration`,
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: demonstrationBody,
        response: { 200: z.object({ id: z.uuid(), demonstration: z.boolean(), version: z.number().int() }) },
      },
    },
    (req) => feedback.setDemonstration(req.ctx, actorOf(req), req.params.id, req.body),
  );

  // — portal —
  r.get(
    '/api/v1/public/quality/institutions/:id',
    {
      config: { action: 'public' },
      schema: { tags, params: idParams, response: { 200: publicQualitySchema } },
    },
    (req) => feedback.publicView(req.ctx.districtCode, req.params.id),
  );
}
