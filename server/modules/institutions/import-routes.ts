/** /api/v1/institutions/imports: template, upload + dry run, status, commit, error report (the kit's routes). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { institutionImport } from './import.ts';

export async function institutionImportRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs },
) {
  await importRoutes(app, {
    base: '/api/v1/institutions/imports',
    action: 'institutions.import',
    tags: ['institutions'],
    def: institutionImport,
    deps,
  });
}
