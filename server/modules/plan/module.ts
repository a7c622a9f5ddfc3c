/** Plan and funding (issue 13): registers the module's routes, jobs, scope targets and dashboard widgets (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { institutionTargetSources } from '../institutions/targets.ts';
import { circleTargetSource } from './circle.ts';
import { circleRoutes } from './circle-routes.ts';
import { planDashboard } from './dashboard.ts';
import { fundingRoutes } from './funding-routes.ts';
import { createNewsService } from './news.ts';
import { newsRoutes } from './news-routes.ts';
import { planRoutes } from './routes.ts';
import { createPlanService } from './service.ts';
import { taskRoutes } from './task-routes.ts';

export async function registerPlanModule(app: FastifyInstance, kit: ModuleKit): Promise<ModuleRegistration> {
  // kit.targets is filled after every module has registered; the service reads it per request.
  const plan = createPlanService({
    db: kit.db,
    targets: kit.targets,
    summaryMaxAgeMs: kit.config.summaryMaxAgeSeconds * 1000,
    measureBehindMs: kit.config.measureBehindMs,
  });
  planRoutes(app, plan, { db: kit.db, storage: kit.storage, jobs: kit.jobs });
  newsRoutes(app, createNewsService({ db: kit.db }));
  await taskRoutes(app, { db: kit.db, files: kit.files });
  await fundingRoutes(app, { db: kit.db, storage: kit.storage, jobs: kit.jobs, clock: kit.clock });
  await circleRoutes(app, { db: kit.db, storage: kit.storage, jobs: kit.jobs, clock: kit.clock });
  // The registry registers no module of its own: its target sources are returned from here.
  return { targets: [...institutionTargetSources, circleTargetSource], dashboard: [planDashboard(plan)] };
}
