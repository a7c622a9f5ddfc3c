/** /api/v1/workforce/imports: the staff import (template, upload + dry run, status, commit, error report; the kit's routes). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { staffImport } from './import.ts';

export async function staffImportRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs; clock: Clock },
) {
  await importRoutes(app, {
    base: '/api/v1/workforce/imports',
    action: 'workforce.import',
    tags: ['workforce'],
    def: staffImport(deps),
    deps,
  });
}
