/** The business modules, in DESIGN.md's order. Each registers its routes and what scopes it resolves. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { DashboardProvider } from '../platform/dashboard.ts';
import type { ScopeTargets } from '../platform/scope-targets.ts';
import { institutionsDashboard } from './institutions/dashboard.ts';
import { institutionTarget } from './institutions/repository.ts';
import { institutionRoutes } from './institutions/routes.ts';
import { type FileStorage, localFileStorage } from './institutions/storage.ts';

export interface ModuleDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Where uploaded files go; default: DATA_DIR/files on the local disk. */
  storage?: FileStorage;
}

export async function registerModules(
  app: FastifyInstance,
  deps: ModuleDeps,
): Promise<{ scopeTargets: ScopeTargets; dashboard: DashboardProvider[] }> {
  const storage = deps.storage ?? localFileStorage(path.join(deps.config.dataDir, 'files'));
  await institutionRoutes(app, { db: deps.db, storage });
  return { scopeTargets: { institution: institutionTarget }, dashboard: [institutionsDashboard] };
}
