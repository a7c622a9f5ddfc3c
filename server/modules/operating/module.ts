/** Inclusive-care operating subsidies paid on attendance (普惠托育运营补贴, issue 17): registers the routes (see docs/ARCHITECTURE.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { operatingRoutes } from './routes.ts';

export async function registerOperatingModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  await operatingRoutes(app, kit);
  return {};
}
