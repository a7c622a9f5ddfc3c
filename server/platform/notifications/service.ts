/** An account's own notifications: list, unread count, mark read. Every query is limited to the caller. */
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Notification } from '../../../domain/contracts/notifications.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor, RequestContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notifications } from './tables.ts';

/** The caller's own rows: notifications are per account, so the guard is "district and account are mine". */
const mine = (actor: Actor): SQL =>
  and(eq(notifications.districtCode, actor.districtCode), eq(notifications.accountId, actor.userId)) as SQL;

const view = (n: typeof notifications.$inferSelect): Notification => ({
  id: n.id,
  kind: n.kind,
  titleZh: n.titleZh,
  titleEn: n.titleEn,
  bodyZh: n.bodyZh,
  bodyEn: n.bodyEn,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export function createNotificationService(db: Db) {
  return {
    async list(actor: Actor, q: { page: number; pageSize: number; unread?: 'true' | 'false' | undefined }) {
      const where = q.unread === 'true' ? and(mine(actor), isNull(notifications.readAt)) : mine(actor);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(notifications).where(where),
      ]);
      return { items: rows.map(view), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    async unreadCount(actor: Actor) {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(mine(actor), isNull(notifications.readAt)));
      return { unread: row?.n ?? 0 };
    },

    /** Mark one of the caller's notifications read (idempotent); another account's id is not found. */
    async markRead(ctx: RequestContext, actor: Actor, id: string) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(notifications)
          .where(and(mine(actor), eq(notifications.id, id)))
          .for('update');
        if (!row) throw new DomainError('not_found');
        if (row.readAt) return view(row);
        const [updated] = await tx
          .update(notifications)
          .set({ readAt: ctx.now })
          .where(and(mine(actor), eq(notifications.id, id)))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'notifications.read',
          objectType: 'notification',
          objectId: id,
        });
        return view(updated!);
      });
    },

    async markAllRead(ctx: RequestContext, actor: Actor) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(notifications)
          .set({ readAt: ctx.now })
          .where(and(mine(actor), isNull(notifications.readAt)))
          .returning({ id: notifications.id });
        if (rows.length > 0)
          await recordAudit(tx, ctx, {
            action: 'notifications.read_all',
            objectType: 'notification',
            changes: { marked: rows.length },
          });
        return { marked: rows.length };
      });
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
