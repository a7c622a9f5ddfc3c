/**
 * /api/v1/jobs: one job's status for its creator or the district officer; the district's jobs (failed
 * ones by default) for the district officer. Both go through the jurisdiction guard.
 */
import { and, count, desc, eq, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type JobView, jobListQuery, jobPage, jobSchema } from '../../../domain/contracts/jobs.ts';
import { roleMay, SESSION } from '../../../domain/contracts/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { DomainError, errorDef } from '../errors.ts';
import { scopeWhere } from '../guard.ts';
import { actorOf, router } from '../http.ts';
import type { JobRow } from './queue.ts';
import { jobs } from './tables.ts';

export function jobView(row: JobRow): JobView {
  const def = row.errorCode ? errorDef(row.errorCode) : null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    progress: row.progressTotal === null ? null : { done: row.progressDone ?? 0, total: row.progressTotal },
    result: row.result ?? null,
    error: row.errorName
      ? { name: row.errorName, code: row.errorCode, message_zh: def?.zh ?? null, message_en: def?.en ?? null }
      : null,
    runAt: row.runAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Who may see a job: its creator, or a district officer whose scope covers the whole district. */
function visible(actor: Actor): SQL {
  const own = and(eq(jobs.districtCode, actor.districtCode), eq(jobs.createdBy, actor.userId));
  if (!roleMay(actor.role, 'jobs.list')) return own as SQL;
  return or(own, scopeWhere(actor, { district: jobs.districtCode })) as SQL;
}

export function jobRoutes(app: FastifyInstance, db: Db) {
  const r = router(app);
  r.get(
    '/api/v1/jobs/:id',
    {
      config: { action: SESSION },
      schema: { tags: ['jobs'], params: z.object({ id: z.uuid() }), response: { 200: jobSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const [row] = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, req.params.id), visible(actor)));
      if (!row) throw new DomainError('not_found');
      return jobView(row);
    },
  );
  r.get(
    '/api/v1/jobs',
    {
      config: { action: 'jobs.list' },
      schema: { tags: ['jobs'], querystring: jobListQuery, response: { 200: jobPage } },
    },
    async (req) => {
      const actor = actorOf(req);
      const q = req.query;
      const where = and(
        scopeWhere(actor, { district: jobs.districtCode }),
        q.status ? eq(jobs.status, q.status) : undefined,
        q.kind ? eq(jobs.kind, q.kind) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(jobs)
          .where(where)
          .orderBy(desc(jobs.updatedAt), desc(jobs.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(jobs).where(where),
      ]);
      const items = rows.map((row) => {
        const { result: _result, ...rest } = jobView(row);
        return rest;
      });
      return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },
  );
}
