/** Department exchange (issue 15): API clients, tokens, the department read of the registry, the change feed and its webhooks (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { exchangeRoutes } from './routes.ts';
import { createExchangeService } from './service.ts';
import { createWebhookService, defineWebhookJob, type WebhookConfig } from './webhooks.ts';

export async function registerExchangeModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  const config: WebhookConfig = {
    networks: kit.config.webhookNetworks,
    allowHttp: kit.config.webhookAllowHttp,
  };
  exchangeRoutes(app, createExchangeService({ db: kit.db }), createWebhookService({ db: kit.db, config }));
  defineWebhookJob(kit.jobs, config);
  return {};
}
