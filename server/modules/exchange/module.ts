/** Department exchange (issue 15): API clients, tokens, the department read of the registry, the change feed and its webhooks (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import { importRoutes } from '../../platform/import/routes.ts';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { licenceImport } from './licences.ts';
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
  exchangeRoutes(
    app,
    createExchangeService({ db: kit.db }),
    createWebhookService({ db: kit.db, config }),
    kit.db,
  );
  await importRoutes(app, {
    base: '/api/v1/exchange/business-licences/imports',
    action: 'exchange.licences.import',
    tags: ['exchange'],
    def: licenceImport,
    deps: { db: kit.db, storage: kit.storage, jobs: kit.jobs },
  });
  defineWebhookJob(kit.jobs, config);
  return {};
}
