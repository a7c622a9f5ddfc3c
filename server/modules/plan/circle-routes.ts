/** /api/v1/plan/circle: the 15-minute childcare circle and the site planner (circle.ts). Thin routes. */
import type { FastifyInstance } from 'fastify';
import {
  circleQuery,
  circleSchema,
  sitePlanBody,
  sitePlanSchema,
} from '../../../domain/contracts/plan-circle.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { circleOf, planCircleSites } from './circle.ts';
import { communityImport } from './circle-import.ts';

const tags = ['plan'];

export async function circleRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs; clock: Clock },
) {
  const { db } = deps;
  const r = router(app);
  r.get(
    '/api/v1/plan/circle',
    {
      config: { action: 'plan.read' },
      schema: { tags, querystring: circleQuery, response: { 200: circleSchema } },
    },
    (req) => circleOf(db, actorOf(req), req.query),
  );
  // A computation, nothing is written (so nothing is audited): POST for the body.
  r.post(
    '/api/v1/plan/circle/sites',
    {
      config: { action: 'plan.read' },
      schema: { tags, body: sitePlanBody, response: { 200: sitePlanSchema } },
    },
    (req) => planCircleSites(db, actorOf(req), req.body),
  );
  // The communities' centres and children counts from statistics (circle-import.ts).
  await importRoutes(app, {
    base: '/api/v1/plan/communities/imports',
    action: 'plan.communities_import',
    tags,
    def: communityImport(deps),
    deps,
  });
}
