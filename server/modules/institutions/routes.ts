/** /api/v1/institutions (console) and /api/v1/public/institutions (portal): thin routes, one service call each. */
import type { FastifyInstance } from 'fastify';
import {
  nationalExportQuery,
  nationalSyncList,
  nationalSyncQuery,
  nationalResendResponse as resendResponse,
} from '../../../domain/contracts/filing-sync.ts';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import {
  createInstitutionBody,
  documentParams,
  documentSchema,
  documentUploadQuery,
  exportQuery,
  idParams,
  institutionDetailSchema,
  institutionListQuery,
  institutionPage,
  institutionRevealBody,
  publicInstitutionDetailSchema,
  publicInstitutionPage,
  publicSearchQuery,
  replaceClassesBody,
  reviewQueuePage,
  reviewQueueQuery,
  transitionBody,
  updateInstitutionBody,
} from '../../../domain/contracts/institution.ts';
import { revealResponse } from '../../../domain/contracts/personal-data.ts';
import type { Db } from '../../db/client.ts';
import { createExporter, sendExport } from '../../platform/export.ts';
import { readUpload, sendAttachment, uploadScope } from '../../platform/files/http.ts';
import type { FileService } from '../../platform/files/service.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { createDocumentService } from './documents.ts';
import { institutionExport } from './export.ts';
import { feeListRoutes } from './fee-list-routes.ts';
import { institutionImportRoutes } from './import-routes.ts';
import { toDocument } from './mappers.ts';
import type { NationalClientConfig } from './national-client.ts';
import { nationalFilingExport } from './national-export.ts';
import {
  createNationalSyncService,
  defineNationalSyncJob,
  nationalSyncOnEdit,
  nationalSyncOnTransition,
} from './national-sync.ts';
import { createPublicService } from './public.ts';
import { reviewQueue } from './review.ts';
import { createInstitutionService } from './service.ts';

const tags = ['institutions'];
const BASE = '/api/v1/institutions';

export async function institutionRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    files: FileService;
    storage: FileStorage;
    jobs: Jobs;
    /** NATIONAL_FILING_URL's configuration; null = sync off (nothing queued, the API says so). */
    nationalFiling: NationalClientConfig | null;
  },
) {
  const { db } = deps;
  defineNationalSyncJob(deps.jobs, deps.nationalFiling);
  const institutions = createInstitutionService({
    db,
    onTransition: nationalSyncOnTransition(deps.jobs, deps.nationalFiling),
    onEdit: nationalSyncOnEdit(deps.jobs, deps.nationalFiling),
  });
  const nationalSync = createNationalSyncService({ db, jobs: deps.jobs, config: deps.nationalFiling });
  const documents = createDocumentService(deps);
  const portal = createPublicService({ db });
  const exporter = createExporter(deps, institutionExport);
  const nationalExporter = createExporter(deps, nationalFilingExport);
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
    {
      config: { action: 'institutions.export' },
      // 200 is the file itself (XLSX or CSV); 202 names the background file of a large export.
      schema: { tags, querystring: exportQuery, response: { 202: exportJobSchema } },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const file = await exporter.export(req.ctx, actorOf(req), filters, format);
      // A large export is made in the background: 202 with the link to download it from.
      return sendExport(reply, file);
    },
  );
  r.get(
    `${BASE}/national-filings/export`,
    {
      config: { action: 'institutions.export' },
      // Filings, changes and closures of a date range in the national filing system's fields (docs/filing-sync.md).
      schema: { tags, querystring: nationalExportQuery, response: { 202: exportJobSchema } },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      return sendExport(reply, await nationalExporter.export(req.ctx, actorOf(req), filters, format));
    },
  );
  r.get(
    `${BASE}/national-sync`,
    {
      config: { action: 'institutions.national_sync' },
      // Each institution's sync with the national filing system; `enabled: false` when it is off.
      schema: { tags, querystring: nationalSyncQuery, response: { 200: nationalSyncList } },
    },
    (req) => nationalSync.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/:id/national-sync/resend`,
    {
      config: { action: 'institutions.national_sync' },
      schema: { tags, params: idParams, response: { 202: resendResponse } },
    },
    async (req, reply) => {
      reply.code(202);
      return nationalSync.resend(req.ctx, actorOf(req), req.params.id);
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
  r.post(
    `${BASE}/:id/reveal`,
    {
      config: { action: 'personal_data.reveal' },
      schema: { tags, params: idParams, body: institutionRevealBody, response: { 200: revealResponse } },
    },
    (req) => institutions.reveal(req.ctx, actorOf(req), req.params.id, req.body),
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
      const { attachment, data } = await documents.download(
        req.ctx,
        actorOf(req),
        req.params.id,
        req.params.docId,
      );
      return sendAttachment(reply, attachment, data);
    },
  );

  await institutionImportRoutes(app, deps);
  await feeListRoutes(app, deps);

  // Filing documents: purpose institution_document (PDF/JPEG/PNG ≤ 10 MiB; larger → 413, nothing stored).
  await uploadScope(app, (scope) => {
    router(scope).post(
      `${BASE}/:id/documents`,
      {
        config: { action: 'institutions.upload' },
        schema: {
          tags,
          params: idParams,
          querystring: documentUploadQuery,
          consumes: ['multipart/form-data'],
          response: { 201: documentSchema },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req, 'institution_document');
        const row = await documents.upload(req.ctx, actorOf(req), req.params.id, req.query.category, file);
        return reply.status(201).send(toDocument(row));
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
