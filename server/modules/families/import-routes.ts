/** /api/v1/families/imports: the birth-record import (template, upload + dry run, status, commit, error report; the kit's routes). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { birthRecordImport } from './import.ts';

export async function familyImportRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs; clock: Clock },
) {
  await importRoutes(app, {
    base: '/api/v1/families/imports',
    action: 'families.import',
    tags: ['families'],
    def: birthRecordImport(deps),
    deps,
  });
}
