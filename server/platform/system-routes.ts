/** Health and reference data. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../domain/contracts/permissions.ts';
import type { Db } from '../db/client.ts';
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

export function systemRoutes(
  app: FastifyInstance,
  deps: { db: Db; kind: string; migration: string; tileUrl: string },
) {
  const r = router(app);
  r.get(
    '/api/health',
    {
      config: { action: PUBLIC },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string(), migration: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.kind, migration: deps.migration }),
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
