/** The business modules, in DESIGN.md's order. Each registers its routes and what scopes it resolves. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { ScopeTargets } from '../platform/scope-targets.ts';

export interface ModuleDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

export async function registerModules(_app: FastifyInstance, _deps: ModuleDeps): Promise<{ scopeTargets: ScopeTargets }> {
  return { scopeTargets: {} };
}
