/** The business modules, in the roadmap's order (docs/ARCHITECTURE.md, docs/MODULES.md). Each registers its routes and what scopes it resolves. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { DashboardProvider } from '../platform/dashboard.ts';
import { exportRoutes } from '../platform/export-routes.ts';
import type { FileService } from '../platform/files/service.ts';
import { createFileService } from '../platform/files/service.ts';
import { type FileStorage, localFileStorage } from '../platform/files/storage.ts';
import type { Jobs } from '../platform/jobs/index.ts';
import type { ScopeTargets } from '../platform/scope-targets.ts';
import type { TargetSource } from '../platform/targets.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { registerExchangeModule } from './exchange/module.ts';
import { registerFamiliesModule } from './families/module.ts';
import { institutionsDashboard } from './institutions/dashboard.ts';
import { institutionTarget } from './institutions/repository.ts';
import { institutionRoutes } from './institutions/routes.ts';
import { registerOperatingModule } from './operating/module.ts';
import { registerPlanModule } from './plan/module.ts';
import { registerQualityModule } from './quality/module.ts';
import { registerSubsidyModule } from './subsidy/module.ts';
import { registerSupervisionModule } from './supervision/module.ts';
import { registerWorkforceModule } from './workforce/module.ts';

export interface ModuleDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Background jobs: `jobs.define(kind, handler)` at registration, `jobs.enqueue(tx, …)` in a service. */
  jobs: Jobs;
  /** Where uploaded files go; default: DATA_DIR/files on the local disk. */
  storage?: FileStorage;
}

/** What a business module receives: the shared kit, built once. */
export interface ModuleKit extends Required<ModuleDeps> {
  files: FileService;
  /** Every module's plan-target sources (complete once registration ends; the plan module reads it per request). */
  targets: readonly TargetSource[];
}

/** What a business module gives back to the platform. */
export interface ModuleRegistration {
  /** Objects a scope can name (e.g. a family for the parent role). */
  scopeTargets?: ScopeTargets;
  /** Its home-page figures per role. */
  dashboard?: DashboardProvider[];
  /** Plan targets measured from this module's records (server/platform/targets.ts). */
  targets?: TargetSource[];
}

/** The business modules after institutions and calendar, in the roadmap's order. */
const MODULES: readonly ((app: FastifyInstance, kit: ModuleKit) => Promise<ModuleRegistration>)[] = [
  registerWorkforceModule,
  registerFamiliesModule,
  registerSupervisionModule,
  registerQualityModule,
  registerPlanModule,
  registerExchangeModule,
  registerSubsidyModule,
  registerOperatingModule,
];

export async function registerModules(
  app: FastifyInstance,
  deps: ModuleDeps,
): Promise<{ scopeTargets: ScopeTargets; dashboard: DashboardProvider[]; targets: readonly TargetSource[] }> {
  const storage = deps.storage ?? localFileStorage(path.join(deps.config.dataDir, 'files'));
  const files = createFileService({ db: deps.db, storage });
  await institutionRoutes(app, {
    db: deps.db,
    files,
    storage,
    jobs: deps.jobs,
    nationalFiling: deps.config.nationalFiling,
  });
  exportRoutes(app, { db: deps.db, storage });
  await calendarRoutes(app, { db: deps.db });
  // Filled after every module has registered; read at request time (never during registration).
  const targets: TargetSource[] = [];
  const kit: ModuleKit = { ...deps, storage, files, targets };
  let scopeTargets: ScopeTargets = { institution: institutionTarget };
  const dashboard: DashboardProvider[] = [institutionsDashboard];
  const registrations: ModuleRegistration[] = [];
  for (const register of MODULES) {
    const reg = await register(app, kit);
    registrations.push(reg);
    scopeTargets = { ...scopeTargets, ...reg.scopeTargets };
    dashboard.push(...(reg.dashboard ?? []));
  }
  // The plan module reads every registered source through `kit.targets` when it serves the dashboard.
  for (const reg of registrations) targets.push(...(reg.targets ?? []));
  return { scopeTargets, dashboard, targets };
}
