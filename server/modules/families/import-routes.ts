/** /api/v1/families/imports: the birth-record import (template, upload + dry run, status, commit, error report). Thin routes. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { importRunParams, importRunSchema } from '../../../domain/contracts/import.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { readUpload, uploadScope } from '../../platform/files/http.ts';
import { contentDisposition } from '../../platform/files/names.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import { template } from '../../platform/import/report.ts';
import { createImportService } from '../../platform/import/service.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { birthRecordImport, refreshCommunities } from './import.ts';

const tags = ['families'];
const BASE = '/api/v1/families/imports';
const config = { action: 'families.import' } as const;

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: Buffer }) {
  return reply
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .type(file.contentType)
    .send(file.body);
}

export async function familyImportRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs; clock: Clock },
) {
  const def = birthRecordImport(deps);
  const imports = createImportService(deps, def);
  const r = router(app);

  r.get(`${BASE}/template`, { config, schema: { tags } }, async (_req, reply) =>
    sendFile(reply, await template(def)),
  );
  r.get(
    `${BASE}/:runId`,
    { config, schema: { tags, params: importRunParams, response: { 200: importRunSchema } } },
    (req) => imports.get(req.ctx, actorOf(req), req.params.runId),
  );
  r.post(
    `${BASE}/:runId/commit`,
    { config, schema: { tags, params: importRunParams, response: { 202: importRunSchema } } },
    async (req, reply) => {
      await refreshCommunities(deps.db, actorOf(req).districtCode);
      return reply.status(202).send(await imports.commit(req.ctx, actorOf(req), req.params.runId));
    },
  );
  r.get(
    `${BASE}/:runId/errors`,
    { config, schema: { tags, params: importRunParams } },
    async (req, reply) => {
      await refreshCommunities(deps.db, actorOf(req).districtCode);
      return sendFile(reply, await imports.report(req.ctx, actorOf(req), req.params.runId));
    },
  );
  await uploadScope(app, (scope) => {
    router(scope).post(
      BASE,
      { config, schema: { tags, consumes: ['multipart/form-data'], response: { 201: importRunSchema } } },
      async (req, reply) => {
        const file = await readUpload(req, 'import');
        await refreshCommunities(deps.db, actorOf(req).districtCode);
        return reply.status(201).send(await imports.upload(req.ctx, actorOf(req), file));
      },
    );
  });
}
