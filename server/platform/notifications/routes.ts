/** /api/v1/notifications: the caller's own in-app notifications (any logged-in account). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  markAllReadSchema,
  notificationPage,
  notificationQuery,
  notificationSchema,
  unreadCountSchema,
} from '../../../domain/contracts/notifications.ts';
import { SESSION } from '../../../domain/contracts/permissions.ts';
import { actorOf, router } from '../http.ts';
import type { NotificationService } from './service.ts';

const tags = ['notifications'];
const idParams = z.object({ id: z.uuid() });

export function notificationRoutes(app: FastifyInstance, svc: NotificationService) {
  const r = router(app);
  r.get(
    '/api/v1/notifications',
    {
      config: { action: SESSION },
      schema: { tags, querystring: notificationQuery, response: { 200: notificationPage } },
    },
    (req) => svc.list(actorOf(req), req.query),
  );
  r.get(
    '/api/v1/notifications/unread-count',
    { config: { action: SESSION }, schema: { tags, response: { 200: unreadCountSchema } } },
    (req) => svc.unreadCount(actorOf(req)),
  );
  r.post(
    '/api/v1/notifications/:id/read',
    {
      config: { action: SESSION },
      schema: { tags, params: idParams, response: { 200: notificationSchema } },
    },
    (req) => svc.markRead(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/v1/notifications/read-all',
    { config: { action: SESSION }, schema: { tags, response: { 200: markAllReadSchema } } },
    (req) => svc.markAllRead(req.ctx, actorOf(req)),
  );
}
