/** Health and reference data. */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../domain/contracts/permissions.ts';
import type { Db } from '../db/client.ts';
import type { ReplicaHandle, ReplicaStatus } from '../db/replica.ts';
import { DomainError } from './errors.ts';
import { router } from './http.ts';
import { divisions } from './tables.ts';

const divisionSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  lat: z.number(),
  lng: z.number(),
});

export const HEALTH_DB_TIMEOUT_MS = 2000;

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_DB_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The replica's state within the health check's time limit; slower than that counts as down. */
async function replicaState(replica: ReplicaHandle): Promise<ReplicaStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReplicaStatus>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'down', lagBytes: null }), HEALTH_DB_TIMEOUT_MS);
  });
  try {
    return await Promise.race([replica.status(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const replicaSchema = z.object({
  state: z.enum(['up', 'down', 'not_standby']),
  lagBytes: z.number().int().nullable(),
});

export function systemRoutes(
  app: FastifyInstance,
  deps: { db: Db; kind: string; migration: string; tileUrl: string; replica?: ReplicaHandle },
) {
  const r = router(app);
  r.get(
    '/api/health',
    {
      // The check is of the primary: its `select 1` must not be answered by the replica.
      config: { action: PUBLIC, primaryReads: true },
      schema: {
        tags: ['system'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.string(),
            migration: z.string(),
            // Only with DATABASE_REPLICA_URL. A replica that is down does not fail the check: its
            // reads go to the primary meanwhile (ADR 0031); `lagBytes` is WAL not yet replayed.
            replica: replicaSchema.optional(),
          }),
        },
      },
    },
    // The database is asked (`select 1`, at most HEALTH_DB_TIMEOUT_MS): while it is down or restarting
    // a balancer sees 503, and the same process answers 200 again once it is back (no restart needed).
    async (_req, reply) => {
      const [primary, replica] = await Promise.all([
        databaseAnswers(deps.db),
        deps.replica ? replicaState(deps.replica) : undefined,
      ]);
      if (primary)
        return {
          status: 'ok' as const,
          database: deps.kind,
          migration: deps.migration,
          ...(replica ? { replica } : {}),
        };
      reply.header('retry-after', '5');
      throw new DomainError('database.unavailable');
    },
  );
  r.get(
    '/api/v1/divisions',
    {
      config: { action: PUBLIC },
      schema: { tags: ['reference'], response: { 200: z.array(divisionSchema) } },
    },
    () => deps.db.select().from(divisions).orderBy(divisions.code),
  );
  r.get(
    '/api/v1/config',
    {
      config: { action: PUBLIC },
      schema: { tags: ['system'], response: { 200: z.object({ tileUrl: z.string() }) } },
    },
    async () => ({ tileUrl: deps.tileUrl }),
  );
}
