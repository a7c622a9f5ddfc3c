/** Request plumbing shared by every route: the typed router, the request context and the cookie. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteAction } from '../../domain/contracts/permissions.ts';
import type { Actor, RequestContext } from './context.ts';
import { DomainError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route requires (deny by default: a route without one answers 403). */
    action?: RouteAction;
    /** For `client` routes (department systems, issue 15): the OAuth scope the bearer token must hold. */
    clientScope?: string;
    /** Read on the primary even for GET (with DATABASE_REPLICA_URL; platform/read-routing.ts): the health check. */
    primaryReads?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export type Router = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

/** The typed router for zod schemas. */
export function router(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The caller's actor; routes with a role policy always have one (checked before the handler). */
export function actorOf(request: FastifyRequest): Actor {
  const actor = request.ctx.actor;
  if (!actor) throw new DomainError('auth.unauthenticated');
  return actor;
}

export const COOKIE = 'tuoyu_sid';
export const SECURE_COOKIE = '__Host-tuoyu_sid';

/** Set the session cookie: HttpOnly, SameSite=Strict; `__Host-` and Secure behind HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string) {
  const secure = request.protocol === 'https';
  reply.setCookie(secure ? SECURE_COOKIE : COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const secure = request.protocol === 'https';
  reply.clearCookie(secure ? SECURE_COOKIE : COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
  });
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_COOKIE] ?? request.cookies[COOKIE];
}
