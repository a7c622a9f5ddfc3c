/**
 * The five routes of an import (docs/kit/import-export.md), once for every module: template, upload +
 * dry run (multipart through the files kit's `import` purpose), the run, commit (202, a job) and the
 * error report. `before` runs ahead of upload, commit and report (e.g. refresh a lookup the rules read).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { importRunParams, importRunSchema } from '../../../domain/contracts/import.ts';
import type { Action } from '../../../domain/contracts/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { readUpload, uploadScope } from '../files/http.ts';
import { contentDisposition } from '../files/names.ts';
import type { FileStorage } from '../files/storage.ts';
import { actorOf, router } from '../http.ts';
import type { Jobs } from '../jobs/index.ts';
import type { ImportDefinition } from './definition.ts';
import { template } from './report.ts';
import { createImportService } from './service.ts';

/** A file answer: attachment, no sniffing, never cached. */
export function sendImportFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: Buffer },
) {
  return reply
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .type(file.contentType)
    .send(file.body);
}

export async function importRoutes<T>(
  app: FastifyInstance,
  o: {
    /** e.g. '/api/v1/institutions/imports' */
    base: string;
    /** The permission action of all five routes. */
    action: Action;
    tags: string[];
    def: ImportDefinition<T>;
    deps: { db: Db; storage: FileStorage; jobs: Jobs };
    before?: (actor: Actor) => Promise<void>;
  },
) {
  const { base, tags, def } = o;
  const config = { action: o.action };
  const imports = createImportService(o.deps, def);
  const before = async (actor: Actor) => {
    if (o.before) await o.before(actor);
  };
  const r = router(app);
  r.get(`${base}/template`, { config, schema: { tags } }, async (_req, reply) =>
    sendImportFile(reply, await template(def)),
  );
  r.get(
    `${base}/:runId`,
    { config, schema: { tags, params: importRunParams, response: { 200: importRunSchema } } },
    (req) => imports.get(req.ctx, actorOf(req), req.params.runId),
  );
  // 202: the commit runs as a background job; the run (GET above) shows its progress.
  r.post(
    `${base}/:runId/commit`,
    { config, schema: { tags, params: importRunParams, response: { 202: importRunSchema } } },
    async (req, reply) => {
      await before(actorOf(req));
      return reply.status(202).send(await imports.commit(req.ctx, actorOf(req), req.params.runId));
    },
  );
  r.get(
    `${base}/:runId/errors`,
    { config, schema: { tags, params: importRunParams } },
    async (req, reply) => {
      await before(actorOf(req));
      return sendImportFile(reply, await imports.report(req.ctx, actorOf(req), req.params.runId));
    },
  );
  // The files kit's one upload path: one file part in `file`, the `import` purpose's limit (413 when
  // cut off), executables and non-table kinds refused with file.* before the import reads a byte.
  await uploadScope(app, (scope) => {
    router(scope).post(
      base,
      { config, schema: { tags, consumes: ['multipart/form-data'], response: { 201: importRunSchema } } },
      async (req, reply) => {
        const file = await readUpload(req, 'import');
        await before(actorOf(req));
        return reply.status(201).send(await imports.upload(req.ctx, actorOf(req), file));
      },
    );
  });
}
