/** /api/v1/institutions/imports: template, upload + dry run, status, commit, error report. Thin routes. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { importRunParams, importRunSchema } from '../../../domain/contracts/import.ts';
import type { Db } from '../../db/client.ts';
import { readUpload, uploadScope } from '../../platform/files/http.ts';
import { contentDisposition } from '../../platform/files/names.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import { template } from '../../platform/import/report.ts';
import { createImportService } from '../../platform/import/service.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { institutionImport } from './import.ts';

const tags = ['institutions'];
const BASE = '/api/v1/institutions/imports';
const config = { action: 'institutions.import' } as const;

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: Buffer }) {
  return reply
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .type(file.contentType)
    .send(file.body);
}

export async function institutionImportRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs },
) {
  const imports = createImportService(deps, institutionImport);
  const r = router(app);

  r.get(`${BASE}/template`, { config, schema: { tags } }, async (_req, reply) =>
    sendFile(reply, await template(institutionImport)),
  );
  r.get(
    `${BASE}/:runId`,
    { config, schema: { tags, params: importRunParams, response: { 200: importRunSchema } } },
    (req) => imports.get(req.ctx, actorOf(req), req.params.runId),
  );
  // 202: the commit runs as a background job; the run (GET above) shows its progress.
  r.post(
    `${BASE}/:runId/commit`,
    { config, schema: { tags, params: importRunParams, response: { 202: importRunSchema } } },
    async (req, reply) =>
      reply.status(202).send(await imports.commit(req.ctx, actorOf(req), req.params.runId)),
  );
  r.get(`${BASE}/:runId/errors`, { config, schema: { tags, params: importRunParams } }, async (req, reply) =>
    sendFile(reply, await imports.report(req.ctx, actorOf(req), req.params.runId)),
  );

  // The files kit's one upload path: one file part in `file`, the `import` purpose's limit (413 when
  // cut off), executables and non-table kinds refused with file.* before the import reads a byte.
  await uploadScope(app, (scope) => {
    router(scope).post(
      BASE,
      { config, schema: { tags, consumes: ['multipart/form-data'], response: { 201: importRunSchema } } },
      async (req, reply) => {
        const file = await readUpload(req, 'import');
        return reply.status(201).send(await imports.upload(req.ctx, actorOf(req), file));
      },
    );
  });
}
