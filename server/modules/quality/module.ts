/** Quality evaluation (issue 12): registers the module's routes, jobs, scope targets and dashboard widgets (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { qualityDashboard } from './dashboard.ts';
import { demonstrationTarget } from './feedback.ts';
import { qualityRoutes } from './routes.ts';

export async function registerQualityModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  await qualityRoutes(app, { db: kit.db, storage: kit.storage, jobs: kit.jobs, files: kit.files });
  return { targets: [demonstrationTarget], dashboard: [qualityDashboard] };
}
