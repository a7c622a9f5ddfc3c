/** The published fee list (收费公示): console read, save, publish; the portal's read. Thin routes. */
import type { FastifyInstance } from 'fastify';
import {
  feeListDetailSchema,
  publicFeeListSchema,
  saveFeeListBody,
} from '../../../domain/contracts/fee-list.ts';
import { idParams } from '../../../domain/contracts/institution.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createFeeListService } from './fee-list.ts';

const tags = ['institutions'];
const BASE = '/api/v1/institutions/:id/fee-list';

export async function feeListRoutes(app: FastifyInstance, deps: { db: Db }) {
  const fees = createFeeListService(deps);
  const r = router(app);
  r.get(
    BASE,
    {
      config: { action: 'institutions.read' },
      schema: { tags, params: idParams, response: { 200: feeListDetailSchema } },
    },
    (req) => fees.get(req.ctx, actorOf(req), req.params.id),
  );
  r.put(
    BASE,
    {
      config: { action: 'institutions.update' },
      schema: { tags, params: idParams, body: saveFeeListBody, response: { 200: feeListDetailSchema } },
    },
    (req) => fees.saveDraft(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/publish`,
    {
      config: { action: 'institutions.update' },
      schema: { tags, params: idParams, response: { 200: feeListDetailSchema } },
    },
    (req) => fees.publish(req.ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/v1/public/institutions/:id/fee-list',
    {
      config: { action: 'public' },
      schema: { tags: ['public'], params: idParams, response: { 200: publicFeeListSchema } },
    },
    (req) => fees.publicGet(req.ctx.districtCode, req.params.id),
  );
}
