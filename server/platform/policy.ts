/**
 * Deny by default. Every route names an action (`config.action`); on each request this hook resolves
 * the session (not for public routes), refuses cross-origin writes, and checks the action against PERMISSIONS.
 * It decides on the route the router matched (`request.routeOptions`), never on the raw URL: the router
 * decodes `%61pi`, so a raw-URL test could be walked around.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Action, CLIENT, PUBLIC, roleMay, SESSION } from '../../domain/contracts/permissions.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from './audit/service.ts';
import { resolveSession } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import { DomainError, errorDef } from './errors.ts';
import { readSessionCookie } from './http.ts';
import { safeErrorForLog } from './http-errors.ts';
import { rejectInvalidCharacters } from './input-strings.ts';

export interface RouteRecord {
  method: string;
  url: string;
  action: string | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes registered by plugins (Swagger UI, the OpenAPI document) that are public by nature. */
const PUBLIC_PREFIXES = ['/api/docs', '/api/openapi.json'];
/** What an account that must change its password may still reach (server-side, not only in the UI). */
const MUST_CHANGE_ALLOWED = new Set(['/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/auth/logout']);
/** Longer request targets are refused (414) before any routing work. */
export const MAX_URL_LENGTH = 4096;

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

/** Whether a matched route is an API route (by its registered pattern, not by what the client sent). */
export function isApiRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return !request.is404 && typeof url === 'string' && (url === '/api' || url.startsWith('/api/'));
}

/**
 * Failed authorisations are audited, at most one entry per account, action and minute, so a loop
 * cannot flood the chain (in memory, per process, like the login limiter).
 */
class DenialThrottle {
  private readonly last = new Map<string, number>();
  take(key: string, now: number): boolean {
    const prev = this.last.get(key);
    if (prev !== undefined && now - prev < 60_000) return false;
    if (this.last.size > 10_000) for (const [k, t] of this.last) if (now - t >= 60_000) this.last.delete(k);
    this.last.set(key, now);
    return true;
  }
}

/** Install the route registry and the per-request policy check; returns the registry (for tests). */
export function installPolicy(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; districtCode: string },
): RouteRecord[] {
  const routes: RouteRecord[] = [];
  const denials = new DenialThrottle();
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
    if (request.url.length > MAX_URL_LENGTH) throw new DomainError('request.uri_too_long');
    if (!isApiRoute(request)) return;
    const action = request.routeOptions.config.action;
    if (!action) throw new DomainError('auth.no_policy');
    if (!SAFE_METHODS.has(request.method) && isCrossOrigin(request))
      throw new DomainError('auth.cross_origin');
    // Public routes never look at the session (no database work for the portal's anonymous traffic).
    if (action === PUBLIC) return;
    // Department systems: no session, a bearer token checked by the exchange module's route hook
    // (requireClient), which every CLIENT route has; a CLIENT route without it answers 401 there.
    if (action === CLIENT) return;
    const actor = await resolveSession(deps.db, readSessionCookie(request), now);
    if (!actor) throw new DomainError('auth.unauthenticated');
    request.ctx.actor = actor;
    request.ctx.districtCode = actor.districtCode;
    if (actor.mustChangePassword && !MUST_CHANGE_ALLOWED.has(request.routeOptions.url ?? ''))
      throw new DomainError('auth.must_change_password');
    if (action === SESSION) return;
    if (!roleMay(actor.role, action as Action)) throw new DomainError('auth.forbidden');
  });
  // One rule for every string a contract reads: no NUL, no lone surrogate (before schema validation).
  app.addHook('preValidation', async (request) => {
    if (isApiRoute(request)) rejectInvalidCharacters(request);
  });
  // Every 403 a logged-in caller receives is audited (rate-limited per account and action).
  app.addHook('onError', async (request, _reply, error) => {
    const actor = request.ctx?.actor;
    if (!actor || !(error instanceof DomainError) || errorDef(error.code).status !== 403) return;
    const action = String(request.routeOptions.config?.action ?? request.routeOptions.url ?? '');
    const key = `${actor.districtCode}:${actor.userId}:${action}`;
    if (!denials.take(key, request.ctx.now.getTime())) return;
    try {
      await deps.db.transaction((tx) =>
        recordAudit(tx, request.ctx, {
          action: 'auth.denied',
          result: 'denied',
          objectType: 'route',
          objectId: `${request.method} ${request.routeOptions.url ?? ''}`,
          changes: { action, code: error.code },
        }),
      );
    } catch (e) {
      // The caller still gets its 403; a failed audit write is logged without data.
      request.log.error({ err: safeErrorForLog(e) }, 'could not audit a denial');
    }
  });
  return routes;
}
