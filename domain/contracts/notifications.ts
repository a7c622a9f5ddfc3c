/** In-app notifications: what an account reads in the console (list, unread count, mark read). */
import { z } from 'zod';
import { pageOf, paginationQuery } from './common.ts';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  /** A console path (starts with /admin) or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationQuery = paginationQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export const notificationPage = pageOf(notificationSchema);
export const unreadCountSchema = z.object({ unread: z.number().int() });
export const markAllReadSchema = z.object({ marked: z.number().int() });
