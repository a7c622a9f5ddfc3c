/** Department exchange (issue 15): API clients, tokens and the department read of the registry (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { exchangeRoutes } from './routes.ts';
import { createExchangeService } from './service.ts';

export async function registerExchangeModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  exchangeRoutes(app, createExchangeService({ db: kit.db }));
  return {};
}
