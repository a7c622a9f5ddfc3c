/**
 * The per-role dashboard (GET /api/v1/dashboard). Each module registers a provider that answers, for
 * the caller, the widgets of what that role acts on; a provider reads only through the jurisdiction
 * guard (scopeWhere) and returns [] for roles it has nothing for. Order of providers = order on the page.
 */
import type { FastifyInstance } from 'fastify';
import { type DashboardWidget, dashboardSchema } from '../../domain/contracts/dashboard.ts';
import type { Db } from '../db/client.ts';
import type { Actor, RequestContext } from './context.ts';
import { actorOf, router } from './http.ts';

export interface DashboardProvider {
  /** The module's name, for errors and docs. */
  module: string;
  widgets(db: Db, ctx: RequestContext, actor: Actor): Promise<DashboardWidget[]>;
}

export async function dashboardOf(
  db: Db,
  providers: readonly DashboardProvider[],
  ctx: RequestContext,
  actor: Actor,
) {
  const widgets: DashboardWidget[] = [];
  for (const p of providers) widgets.push(...(await p.widgets(db, ctx, actor)));
  return { role: actor.role, widgets };
}

export function dashboardRoutes(
  app: FastifyInstance,
  deps: { db: Db; providers: readonly DashboardProvider[] },
) {
  router(app).get(
    '/api/v1/dashboard',
    {
      config: { action: 'session' },
      schema: { tags: ['dashboard'], response: { 200: dashboardSchema } },
    },
    (req) => dashboardOf(deps.db, deps.providers, req.ctx, actorOf(req)),
  );
}
