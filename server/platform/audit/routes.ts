/** /api/v1/audit: the trail, for audit_admin only. */
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { auditPage, auditQuery, auditVerifySchema } from '../../../domain/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../http.ts';
import { auditLog } from '../tables.ts';
import { verifyAuditChain } from './service.ts';

export function auditRoutes(app: FastifyInstance, db: Db) {
  const r = router(app);
  r.get(
    '/api/v1/audit',
    {
      config: { action: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditPage } },
    },
    async (req) => {
      const actor = actorOf(req);
      const q = req.query;
      const conds: (SQL | undefined)[] = [eq(auditLog.districtCode, actor.districtCode)];
      if (q.action) conds.push(eq(auditLog.action, q.action));
      if (q.actor) conds.push(eq(auditLog.actorUsername, q.actor));
      if (q.objectType) conds.push(eq(auditLog.objectType, q.objectType));
      if (q.result) conds.push(eq(auditLog.result, q.result));
      if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) conds.push(lte(auditLog.at, new Date(q.to)));
      const where = and(...conds);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.seq))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return {
        items: rows.map((e) => ({
          seq: e.seq,
          at: e.at.toISOString(),
          actorId: e.actorId,
          actorUsername: e.actorUsername,
          role: e.role,
          scope: e.scope,
          ip: e.ip,
          action: e.action,
          objectType: e.objectType,
          objectId: e.objectId,
          result: e.result as 'success' | 'failure' | 'denied',
          requestId: e.requestId,
          changes: (e.changes as Record<string, unknown> | null) ?? null,
          hash: e.hash,
        })),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
  r.get(
    '/api/v1/audit/verify',
    { config: { action: 'audit.read' }, schema: { tags: ['audit'], response: { 200: auditVerifySchema } } },
    (req) => verifyAuditChain(db, actorOf(req).districtCode),
  );
}
