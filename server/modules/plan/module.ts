/** Plan and funding (issue 13): registers the module's routes, jobs, scope targets and dashboard widgets (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';

export async function registerPlanModule(
  _app: FastifyInstance,
  _kit: ModuleKit,
): Promise<ModuleRegistration> {
  return {};
}
