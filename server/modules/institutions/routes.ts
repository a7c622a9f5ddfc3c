/** /api/v1/institutions (console) and /api/v1/public/institutions (portal): thin routes, one service call each. */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import {
  createInstitutionBody,
  DOCUMENT_MAX_BYTES,
  documentParams,
  documentSchema,
  documentUploadQuery,
  exportQuery,
  idParams,
  institutionDetailSchema,
  institutionListQuery,
  institutionPage,
  publicInstitutionDetailSchema,
  publicInstitutionPage,
  publicSearchQuery,
  replaceClassesBody,
  reviewQueuePage,
  reviewQueueQuery,
  transitionBody,
  updateInstitutionBody,
} from '../../../domain/contracts/institution.ts';
import type { Db } from '../../db/client.ts';
import { fieldError } from '../../platform/errors.ts';
import { createExporter } from '../../platform/export.ts';
import { actorOf, router } from '../../platform/http.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { contentDisposition, createDocumentService } from './documents.ts';
import { institutionExport } from './export.ts';
import { institutionImportRoutes } from './import-routes.ts';
import { createPublicService } from './public.ts';
import { reviewQueue } from './review.ts';
import { createInstitutionService } from './service.ts';
import type { FileStorage } from './storage.ts';

const tags = ['institutions'];
const BASE = '/api/v1/institutions';

export async function institutionRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs },
) {
  const { db } = deps;
  const institutions = createInstitutionService({ db });
  const documents = createDocumentService(deps);
  const portal = createPublicService({ db });
  const exporter = createExporter(deps, institutionExport);
  const r = router(app);

  r.get(
    BASE,
    {
      config: { action: 'institutions.read' },
      schema: { tags, querystring: institutionListQuery, response: { 200: institutionPage } },
    },
    (req) => institutions.list(req.ctx, actorOf(req), req.query),
  );
  r.get(
    `${BASE}/review-queue`,
    {
      config: { action: 'institutions.review' },
      schema: { tags, querystring: reviewQueueQuery, response: { 200: reviewQueuePage } },
    },
    (req) => reviewQueue(db, req.ctx, actorOf(req), req.query),
  );
  r.get(
    `${BASE}/export`,
    { config: { action: 'institutions.export' }, schema: { tags, querystring: exportQuery } },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const file = await exporter.export(req.ctx, actorOf(req), filters, format);
      // A large export is made in the background: 202 with the link to download it from.
      if (file.kind === 'job') return reply.status(202).send(file);
      return reply
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .type(file.contentType)
        .send(file.body);
    },
  );
  r.get(
    `${BASE}/:id`,
    {
      config: { action: 'institutions.read' },
      schema: { tags, params: idParams, response: { 200: institutionDetailSchema } },
    },
    (req) => institutions.get(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    BASE,
    {
      config: { action: 'institutions.create' },
      schema: { tags, body: createInstitutionBody, response: { 201: institutionDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await institutions.create(req.ctx, actorOf(req), req.body)),
  );
  r.patch(
    `${BASE}/:id`,
    {
      config: { action: 'institutions.update' },
      schema: {
        tags,
        params: idParams,
        body: updateInstitutionBody,
        response: { 200: institutionDetailSchema },
      },
    },
    (req) => institutions.update(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.put(
    `${BASE}/:id/classes`,
    {
      config: { action: 'institutions.update' },
      schema: {
        tags,
        params: idParams,
        body: replaceClassesBody,
        response: { 200: institutionDetailSchema },
      },
    },
    (req) => institutions.replaceClasses(req.ctx, actorOf(req), req.params.id, req.body),
  );
  // Each transition names its own permission (domain/institutions/lifecycle.ts); the service checks it.
  r.post(
    `${BASE}/:id/transitions`,
    {
      config: { action: 'institutions.read' },
      schema: { tags, params: idParams, body: transitionBody, response: { 200: institutionDetailSchema } },
    },
    (req) => institutions.transition(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    `${BASE}/:id/documents/:docId`,
    { config: { action: 'institutions.documents' }, schema: { tags, params: documentParams } },
    async (req, reply) => {
      const { doc, data } = await documents.download(req.ctx, actorOf(req), req.params.id, req.params.docId);
      return reply
        .header('content-disposition', contentDisposition(doc.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .type(doc.contentType)
        .send(data);
    },
  );

  await institutionImportRoutes(app, deps);

  // Multipart only where it is needed, with the 10 MB limit (a larger file → 413 payload.too_large).
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    });
    router(scope).post(
      `${BASE}/:id/documents`,
      {
        config: { action: 'institutions.upload' },
        bodyLimit: DOCUMENT_MAX_BYTES + 64 * 1024,
        schema: {
          tags,
          params: idParams,
          querystring: documentUploadQuery,
          consumes: ['multipart/form-data'],
          response: { 201: documentSchema },
        },
      },
      async (req, reply) => {
        const part = await req.file();
        if (!part) throw fieldError('file', 'required', '请选择要上传的文件', 'Choose a file to upload');
        const file = { fileName: part.filename, declaredType: part.mimetype, data: await part.toBuffer() };
        return reply
          .status(201)
          .send(await documents.upload(req.ctx, actorOf(req), req.params.id, req.query.category, file));
      },
    );
  });

  r.get(
    '/api/v1/public/institutions',
    {
      config: { action: 'public' },
      schema: { tags: ['public'], querystring: publicSearchQuery, response: { 200: publicInstitutionPage } },
    },
    (req) => portal.search(req.ctx.districtCode, req.query),
  );
  r.get(
    '/api/v1/public/institutions/:id',
    {
      config: { action: 'public' },
      schema: { tags: ['public'], params: idParams, response: { 200: publicInstitutionDetailSchema } },
    },
    (req) => portal.get(req.ctx.districtCode, req.params.id),
  );
}
