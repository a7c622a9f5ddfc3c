/** Childcare subsidy casework (育儿补贴, issue 17): registers the routes (see docs/ARCHITECTURE.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { renewalRoutes } from './renewal-routes.ts';
import { subsidyRoutes } from './routes.ts';
import { subsidyTargets } from './targets.ts';

export async function registerSubsidyModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  await subsidyRoutes(app, kit);
  renewalRoutes(app, kit);
  return { targets: [...subsidyTargets] };
}
