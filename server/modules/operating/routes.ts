/** /api/v1/operating: the inclusive-care operating subsidy (普惠托育运营补贴, issue 17). Thin routes. */
import type { FastifyInstance } from 'fastify';
import {
  operatingRateBody,
  operatingRateSchema,
  operatingSettingsBody,
  operatingSettingsSchema,
} from '../../../domain/contracts/operating.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createOperatingSettingsService } from './service.ts';

const tags = ['operating'];
const BASE = '/api/v1/operating';

export async function operatingRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const settings = createOperatingSettingsService(deps);
  const r = router(app);

  r.get(
    `${BASE}/settings`,
    { config: { action: 'operating.read' }, schema: { tags, response: { 200: operatingSettingsSchema } } },
    (req) => settings.get(actorOf(req).districtCode, req.ctx.now),
  );
  r.put(
    `${BASE}/settings`,
    {
      config: { action: 'operating.settings' },
      schema: { tags, body: operatingSettingsBody, response: { 200: operatingSettingsSchema } },
    },
    (req) => settings.putSettings(req.ctx, actorOf(req), req.body),
  );
  r.post(
    `${BASE}/rates`,
    {
      config: { action: 'operating.settings' },
      schema: { tags, body: operatingRateBody, response: { 201: operatingRateSchema } },
    },
    async (req, reply) => reply.status(201).send(await settings.addRate(req.ctx, actorOf(req), req.body)),
  );
}
