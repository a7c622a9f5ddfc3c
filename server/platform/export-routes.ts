/** GET /api/v1/exports/:exportId — the download link of a large export, for its requester only. */
import type { FastifyInstance } from 'fastify';
import { exportFileParams } from '../../domain/contracts/import.ts';
import type { Db } from '../db/client.ts';
import { downloadExport } from './export.ts';
import { contentDisposition } from './files/names.ts';
import type { FileStorage } from './files/storage.ts';
import { actorOf, router } from './http.ts';

export function exportRoutes(app: FastifyInstance, deps: { db: Db; storage: FileStorage }) {
  router(app).get(
    '/api/v1/exports/:exportId',
    { config: { action: 'session' }, schema: { tags: ['exports'], params: exportFileParams } },
    async (req, reply) => {
      const file = await downloadExport(deps, req.ctx, actorOf(req), req.params.exportId);
      return reply
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .type(file.contentType)
        .send(file.body);
    },
  );
}
