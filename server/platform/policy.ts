/**
 * Deny by default. Every route names an action (`config.action`); on each request this hook resolves
 * the session (not for public routes), refuses cross-origin writes, and checks the action against PERMISSIONS.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Action, PUBLIC, roleMay, SESSION } from '../../domain/contracts/permissions.ts';
import type { Db } from '../db/client.ts';
import { resolveSession } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import { DomainError } from './errors.ts';
import { readSessionCookie } from './http.ts';

export interface RouteRecord {
  method: string;
  url: string;
  action: string | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes registered by plugins (Swagger UI, the OpenAPI document) that are public by nature. */
const PUBLIC_PREFIXES = ['/api/docs', '/api/openapi.json'];

/** A browser's cross-site write: Sec-Fetch-Site other than same-origin, or an Origin of another host. */
export function isCrossOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    try {
      return new URL(origin).host !== request.headers.host;
    } catch {
      return true;
    }
  }
  return false;
}

/** Install the route registry and the per-request policy check; returns the registry (for tests). */
export function installPolicy(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; districtCode: string },
): RouteRecord[] {
  const routes: RouteRecord[] = [];
  app.decorateRequest('ctx', null as never);
  app.addHook('onRoute', (route) => {
    if (PUBLIC_PREFIXES.some((p) => route.url.startsWith(p)) && !route.config?.action)
      route.config = { ...(route.config ?? {}), action: PUBLIC };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) routes.push({ method: m, url: route.url, action: route.config?.action });
  });
  app.addHook('onRequest', async (request) => {
    const now = deps.clock.now();
    request.ctx = {
      actor: null,
      districtCode: deps.districtCode,
      ip: request.ip,
      requestId: request.id,
      now,
    };
    if (!request.url.startsWith('/api/') || request.is404) return;
    const action = request.routeOptions.config.action;
    if (!action) throw new DomainError('auth.no_policy');
    if (!SAFE_METHODS.has(request.method) && isCrossOrigin(request))
      throw new DomainError('auth.cross_origin');
    // Public routes never look at the session (no database work for the portal's anonymous traffic).
    if (action === PUBLIC) return;
    const actor = await resolveSession(deps.db, readSessionCookie(request), now);
    if (!actor) throw new DomainError('auth.unauthenticated');
    request.ctx.actor = actor;
    request.ctx.districtCode = actor.districtCode;
    if (action === SESSION) return;
    if (!roleMay(actor.role, action as Action)) throw new DomainError('auth.forbidden');
  });
  return routes;
}
