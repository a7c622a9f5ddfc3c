/** Supervision (issue 10): registers the module's routes, jobs, scope targets and dashboard widgets (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { defineCameraProbeJob } from './cameras.ts';
import { complaintRoutes } from './complaint-routes.ts';
import { defineEscalationJob } from './escalation.ts';
import { inspectionRoutes } from './inspection-routes.ts';
import { supervisionRoutes } from './routes.ts';
import { specialCheckRoutes } from './special-routes.ts';
import { supervisionTargets } from './targets.ts';

export async function registerSupervisionModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  await supervisionRoutes(app, { db: kit.db });
  await inspectionRoutes(app, { db: kit.db, files: kit.files });
  await complaintRoutes(app, {
    db: kit.db,
    clock: kit.clock,
    integrityMonths: kit.config.integrityMonths,
    probeNetworks: kit.config.cameraProbeNetworks,
  });
  await specialCheckRoutes(app, { db: kit.db });
  defineEscalationJob(kit.jobs);
  defineCameraProbeJob(kit.jobs, kit.config.cameraProbeNetworks);
  return { targets: supervisionTargets };
}
