/**
 * The portal's notices, policy documents and parenting guidance (issue 13, Public disclosure; 35号
 * 四、(五) 加强宣传引导). District officers of the whole district write, publish and withdraw items
 * (newsLifecycle); every write is audited; the portal lists published items only, newest first.
 * Plain text: the pages render line breaks, never HTML.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Action } from '../../../domain/contracts/permissions.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import type {
  NewsItem,
  newsCreateBody,
  newsListQuery,
  newsTransitionBody,
  newsUpdateBody,
  publicNewsQuery,
} from '../../../domain/contracts/plan-news.ts';
import { newsLifecycle } from '../../../domain/plan/news-lifecycle.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { planNews } from './news-tables.ts';

type Row = typeof planNews.$inferSelect;
type Q<T extends z.ZodType> = z.infer<T>;

// District-level content: only an actor with the whole district in scope reaches it (a town scope has
// no division column to match, so the guard gives it nothing).
const newsScope = { district: planNews.districtCode };

function toItem(r: Row, actor: Actor): NewsItem {
  const may = (p: Action) => roleMay(actor.role, p);
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    source: r.source,
    status: r.status,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    permittedActions: newsLifecycle.permitted(r.status, 'supervisor', may),
  };
}

export function createNewsService(deps: { db: Db }) {
  const { db } = deps;

  async function load(tx: Db, actor: Actor, id: string, lock = false): Promise<Row> {
    const q = tx
      .select()
      .from(planNews)
      .where(and(scopeWhere(actor, newsScope), eq(planNews.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new DomainError('not_found');
    return row;
  }

  return {
    async list(actor: Actor, q: Q<typeof newsListQuery>) {
      const where = and(
        scopeWhere(actor, newsScope),
        q.kind ? eq(planNews.kind, q.kind) : undefined,
        q.status ? eq(planNews.status, q.status) : undefined,
      );
      return paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(planNews)
            .where(where)
            .orderBy(desc(planNews.updatedAt), desc(planNews.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, planNews, where),
        map: (r) => toItem(r, actor),
      });
    },

    async get(actor: Actor, id: string) {
      return toItem(await load(db, actor, id), actor);
    },

    async create(ctx: RequestContext, actor: Actor, body: Q<typeof newsCreateBody>) {
      if (actor.scope?.kind !== 'division' || actor.scope.divisionCode !== actor.districtCode)
        throw new DomainError('auth.forbidden');
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(planNews)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            kind: body.kind,
            title: body.title,
            body: body.body,
            source: body.source ?? null,
            status: 'draft',
            createdBy: actor.userId,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'plan.news_create',
          objectType: 'plan_news',
          objectId: row!.id,
          changes: { kind: body.kind, title: body.title, source: body.source ?? null },
        });
        return toItem(row!, actor);
      });
    },

    async update(ctx: RequestContext, actor: Actor, id: string, body: Q<typeof newsUpdateBody>) {
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        const next = await updateVersioned(
          tx,
          planNews,
          row,
          body.version,
          { kind: body.kind, title: body.title, body: body.body, source: body.source ?? null },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'plan.news_update',
          objectType: 'plan_news',
          objectId: id,
          changes: { kind: body.kind, title: body.title, source: body.source ?? null, status: row.status },
        });
        return toItem(next, actor);
      });
    },

    async transition(ctx: RequestContext, actor: Actor, id: string, body: Q<typeof newsTransitionBody>) {
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id, true);
        const checked = newsLifecycle.check(row.status, body.action);
        if (!checked.ok)
          throw new DomainError('conflict.transition', {
            allowed: newsLifecycle.permitted(row.status, 'supervisor', (p) => roleMay(actor.role, p)),
          });
        const next = await updateVersioned(
          tx,
          planNews,
          row,
          body.version,
          { status: checked.to, ...(body.action === 'publish' ? { publishedAt: ctx.now } : {}) },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: `plan.news_${body.action}`,
          objectType: 'plan_news',
          objectId: id,
          changes: { status: { from: row.status, to: checked.to }, title: row.title },
        });
        return toItem(next, actor);
      });
    },

    /** The portal: published items of the district, newest first (no login). */
    async publicList(districtCode: string, q: Q<typeof publicNewsQuery>) {
      const where: SQL | undefined = and(
        eq(planNews.districtCode, districtCode),
        eq(planNews.status, 'published'),
        q.kind ? eq(planNews.kind, q.kind) : undefined,
      );
      return paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(planNews)
            .where(where)
            .orderBy(desc(planNews.publishedAt), desc(planNews.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, planNews, where),
        map: toPublic,
      });
    },

    async publicGet(districtCode: string, id: string) {
      const [row] = await db
        .select()
        .from(planNews)
        .where(
          and(eq(planNews.districtCode, districtCode), eq(planNews.id, id), eq(planNews.status, 'published')),
        );
      if (!row) throw new DomainError('not_found');
      return toPublic(row);
    },
  };
}
export type NewsService = ReturnType<typeof createNewsService>;

const toPublic = (r: Row) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  source: r.source,
  publishedAt: (r.publishedAt ?? r.updatedAt).toISOString(),
});
