/** /api/v1/supervision checklists, inspections, self-checks and rectification: thin routes, one service call each. */
import type { FastifyInstance } from 'fastify';
import { okSchema } from '../../../domain/contracts/common.ts';
import {
  checklistCategoryParams,
  checklistListSchema,
  checklistSchema,
  createSelfCheckBody,
  evidenceFileListSchema,
  evidenceFileSchema,
  fileParams,
  inspectionDetailSchema,
  inspectionItemParams,
  inspectionListQuery,
  inspectionListSchema,
  inspectionParams,
  inspectionPhotoListSchema,
  inspectionPhotoSchema,
  publishChecklistBody,
  rectificationListQuery,
  rectificationListSchema,
  rectificationParams,
  rectificationSchema,
  rectificationTransitionBody,
  saveResultsBody,
  signInspectionBody,
} from '../../../domain/contracts/supervision-inspections.ts';
import type { Db } from '../../db/client.ts';
import { readUpload, sendAttachment, uploadScope } from '../../platform/files/http.ts';
import type { FileService } from '../../platform/files/service.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createChecklistService } from './checklists.ts';
import { createEvidenceService } from './evidence.ts';
import { createInspectionService } from './inspections.ts';
import { createRectificationService } from './rectifications.ts';

const tags = ['supervision'];
const BASE = '/api/v1/supervision';

export async function inspectionRoutes(app: FastifyInstance, deps: { db: Db; files?: FileService }) {
  const evidence = createEvidenceService(deps);
  const checklists = createChecklistService(deps);
  const inspections = createInspectionService(deps);
  const rect = createRectificationService(deps);
  const r = router(app);

  r.get(
    `${BASE}/checklists`,
    {
      config: { action: 'supervision.checklist_read' },
      schema: { tags, response: { 200: checklistListSchema } },
    },
    (req) => checklists.list(req.ctx, actorOf(req)),
  );
  r.get(
    `${BASE}/checklists/:category/versions`,
    {
      config: { action: 'supervision.checklist_read' },
      schema: { tags, params: checklistCategoryParams, response: { 200: checklistListSchema } },
    },
    (req) => checklists.history(actorOf(req), req.params.category),
  );
  r.post(
    `${BASE}/checklists/:category/versions`,
    {
      config: { action: 'supervision.checklist_publish' },
      schema: {
        tags,
        params: checklistCategoryParams,
        body: publishChecklistBody,
        response: { 201: checklistSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await checklists.publish(req.ctx, actorOf(req), req.params.category, req.body)),
  );
  r.get(
    `${BASE}/inspections`,
    {
      config: { action: 'supervision.inspection_read' },
      schema: { tags, querystring: inspectionListQuery, response: { 200: inspectionListSchema } },
    },
    (req) => inspections.list(actorOf(req), req.query),
  );
  r.get(
    `${BASE}/inspections/:id`,
    {
      config: { action: 'supervision.inspection_read' },
      schema: { tags, params: inspectionParams, response: { 200: inspectionDetailSchema } },
    },
    (req) => inspections.get(actorOf(req), req.params.id),
  );
  r.put(
    `${BASE}/inspections/:id/results`,
    {
      config: { action: 'supervision.inspection_record' },
      schema: {
        tags,
        params: inspectionParams,
        body: saveResultsBody,
        response: { 200: inspectionDetailSchema },
      },
    },
    (req) => inspections.saveResults(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/inspections/:id/sign`,
    {
      config: { action: 'supervision.inspection_record' },
      schema: {
        tags,
        params: inspectionParams,
        body: signInspectionBody,
        response: { 200: inspectionDetailSchema },
      },
    },
    (req) => inspections.sign(req.ctx, actorOf(req), req.params.id, req.body.version),
  );
  r.post(
    `${BASE}/self-checks`,
    {
      config: { action: 'supervision.self_check' },
      schema: { tags, body: createSelfCheckBody, response: { 201: inspectionDetailSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await inspections.createSelfCheck(req.ctx, actorOf(req), req.body.month)),
  );
  r.get(
    `${BASE}/rectifications`,
    {
      config: { action: 'supervision.rectification_read' },
      schema: { tags, querystring: rectificationListQuery, response: { 200: rectificationListSchema } },
    },
    (req) => rect.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/rectifications/:id/transition`,
    {
      config: { action: 'supervision.rectification_read' },
      schema: {
        tags,
        params: rectificationParams,
        body: rectificationTransitionBody,
        response: { 200: rectificationSchema },
      },
    },
    (req) => rect.transition(req.ctx, actorOf(req), req.params.id, req.body),
  );

  // — finding photos (purpose inspection_photo) and rectification evidence (rectification_evidence) —
  r.get(
    `${BASE}/inspections/:id/photos`,
    {
      config: { action: 'supervision.inspection_read' },
      schema: { tags, params: inspectionParams, response: { 200: inspectionPhotoListSchema } },
    },
    (req) => evidence.listPhotos(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/inspections/:id/photos/:fileId`,
    { config: { action: 'supervision.inspection_read' }, schema: { tags, params: fileParams } },
    async (req, reply) => {
      const { attachment, data } = await evidence.downloadPhoto(
        req.ctx,
        actorOf(req),
        req.params.id,
        req.params.fileId,
      );
      return sendAttachment(reply, attachment, data);
    },
  );
  r.delete(
    `${BASE}/inspections/:id/photos/:fileId`,
    {
      config: { action: 'supervision.inspection_record' },
      schema: { tags, params: fileParams, response: { 200: okSchema } },
    },
    (req) => evidence.deletePhoto(req.ctx, actorOf(req), req.params.id, req.params.fileId),
  );
  r.get(
    `${BASE}/rectifications/:id/evidence`,
    {
      config: { action: 'supervision.rectification_read' },
      schema: { tags, params: rectificationParams, response: { 200: evidenceFileListSchema } },
    },
    (req) => evidence.listEvidence(actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/rectifications/:id/evidence/:fileId`,
    { config: { action: 'supervision.rectification_read' }, schema: { tags, params: fileParams } },
    async (req, reply) => {
      const { attachment, data } = await evidence.downloadEvidence(
        req.ctx,
        actorOf(req),
        req.params.id,
        req.params.fileId,
      );
      return sendAttachment(reply, attachment, data);
    },
  );
  r.delete(
    `${BASE}/rectifications/:id/evidence/:fileId`,
    {
      config: { action: 'supervision.rectification_submit' },
      schema: { tags, params: fileParams, response: { 200: okSchema } },
    },
    (req) => evidence.deleteEvidence(req.ctx, actorOf(req), req.params.id, req.params.fileId),
  );
  await uploadScope(app, (scope) => {
    const u = router(scope);
    u.post(
      `${BASE}/inspections/:id/items/:itemCode/photos`,
      {
        config: { action: 'supervision.inspection_record' },
        schema: {
          tags,
          params: inspectionItemParams,
          consumes: ['multipart/form-data'],
          response: { 201: inspectionPhotoSchema },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req, 'inspection_photo');
        return reply
          .status(201)
          .send(await evidence.addPhoto(req.ctx, actorOf(req), req.params.id, req.params.itemCode, file));
      },
    );
    u.post(
      `${BASE}/rectifications/:id/evidence`,
      {
        config: { action: 'supervision.rectification_submit' },
        schema: {
          tags,
          params: rectificationParams,
          consumes: ['multipart/form-data'],
          response: { 201: evidenceFileSchema },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req, 'rectification_evidence');
        return reply.status(201).send(await evidence.addEvidence(req.ctx, actorOf(req), req.params.id, file));
      },
    );
  });
}
