/** /api/v1/users: account management for system_admin and security_admin. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createUserBody,
  grantBody,
  resetPasswordBody,
  updateUserBody,
  userListQuery,
  userPage,
  userSchema,
} from '../../../domain/contracts/auth.ts';
import { okSchema, versionField } from '../../../domain/contracts/common.ts';
import { actorOf, router } from '../http.ts';
import type { UserService } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['users'];

export function userRoutes(app: FastifyInstance, users: UserService) {
  const r = router(app);
  r.get(
    '/api/v1/users',
    {
      config: { action: 'users.read' },
      schema: { tags, querystring: userListQuery, response: { 200: userPage } },
    },
    (req) => users.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/users',
    {
      config: { action: 'users.create' },
      schema: { tags, body: createUserBody, response: { 201: userSchema } },
    },
    async (req, reply) => reply.status(201).send(await users.create(req.ctx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      config: { action: 'users.update' },
      schema: { tags, params: idParams, body: updateUserBody, response: { 200: userSchema } },
    },
    (req) => users.update(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/users/:id/password',
    {
      config: { action: 'users.reset_password' },
      schema: { tags, params: idParams, body: resetPasswordBody, response: { 200: okSchema } },
    },
    async (req) => {
      await users.resetPassword(req.ctx, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  r.put(
    '/api/v1/users/:id/grant',
    {
      config: { action: 'users.grant' },
      schema: { tags, params: idParams, body: grantBody, response: { 200: userSchema } },
    },
    (req) => users.grant(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/users/:id/unlock',
    {
      config: { action: 'users.unlock' },
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ version: versionField }),
        response: { 200: userSchema },
      },
    },
    (req) => users.unlock(req.ctx, actorOf(req), req.params.id, req.body),
  );
}
