/** /api/v1/auth: login, me, logout, own password. Thin: validate, call one service function, answer. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changePasswordBody, loginBody, meSchema } from '../../../domain/contracts/auth.ts';
import { okSchema } from '../../../domain/contracts/common.ts';
import { PUBLIC, SESSION } from '../../../domain/contracts/permissions.ts';
import { actorOf, clearSessionCookie, readSessionCookie, router, setSessionCookie } from '../http.ts';
import type { AuthService } from './service.ts';

export function authRoutes(app: FastifyInstance, auth: AuthService) {
  const r = router(app);
  r.post(
    '/api/v1/auth/login',
    { config: { action: PUBLIC }, schema: { tags: ['auth'], body: loginBody, response: { 200: meSchema } } },
    async (request, reply) => {
      const { cookie, actor } = await auth.login(request.ctx, request.body);
      setSessionCookie(request, reply, cookie);
      return auth.me(actor);
    },
  );
  r.get(
    '/api/v1/auth/me',
    { config: { action: SESSION }, schema: { tags: ['auth'], response: { 200: meSchema } } },
    (request) => auth.me(actorOf(request)),
  );
  r.get(
    '/api/v1/auth/session',
    {
      config: { action: PUBLIC },
      schema: { tags: ['auth'], response: { 200: z.object({ me: meSchema.nullable() }) } },
    },
    async (request) => ({ me: await auth.session(request.ctx, readSessionCookie(request)) }),
  );
  r.post(
    '/api/v1/auth/logout',
    { config: { action: PUBLIC }, schema: { tags: ['auth'], response: { 200: okSchema } } },
    async (request, reply) => {
      await auth.logout(request.ctx, readSessionCookie(request));
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/v1/auth/password',
    {
      config: { action: SESSION },
      schema: { tags: ['auth'], body: changePasswordBody, response: { 200: okSchema } },
    },
    async (request, reply) => {
      await auth.changePassword(request.ctx, actorOf(request), request.body);
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );
}
