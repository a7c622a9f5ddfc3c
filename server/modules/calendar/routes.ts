/** /api/v1/calendar: the working-day calendar's policy page and the four-eyes entry of a year. Thin routes. */
import type { FastifyInstance } from 'fastify';
import {
  calendarDifferencesSchema,
  calendarOverviewSchema,
  calendarYearParams,
  calendarYearSchema,
  createCalendarYearBody,
  decideCalendarYearBody,
} from '../../../domain/contracts/calendar.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createCalendarService } from './service.ts';

const tags = ['calendar'];
const BASE = '/api/v1/calendar';

export async function calendarRoutes(app: FastifyInstance, deps: { db: Db }) {
  const calendar = createCalendarService(deps);
  const r = router(app);

  r.get(
    BASE,
    { config: { action: 'calendar.read' }, schema: { tags, response: { 200: calendarOverviewSchema } } },
    (req) => calendar.overview(req.ctx, actorOf(req)),
  );
  r.get(
    `${BASE}/differences`,
    { config: { action: 'calendar.read' }, schema: { tags, response: { 200: calendarDifferencesSchema } } },
    (req) => calendar.differences(req.ctx, actorOf(req)),
  );
  r.post(
    `${BASE}/years`,
    {
      config: { action: 'calendar.enter' },
      schema: { tags, body: createCalendarYearBody, response: { 201: calendarYearSchema } },
    },
    async (req, reply) => reply.status(201).send(await calendar.enter(req.ctx, actorOf(req), req.body)),
  );
  const decisions = [
    ['confirm', 'calendar.confirm', calendar.confirm],
    ['reject', 'calendar.confirm', calendar.reject],
    ['withdraw', 'calendar.enter', calendar.withdraw],
  ] as const;
  for (const [verb, action, run] of decisions)
    r.post(
      `${BASE}/years/:id/${verb}`,
      {
        config: { action },
        schema: {
          tags,
          params: calendarYearParams,
          body: decideCalendarYearBody,
          response: { 200: calendarYearSchema },
        },
      },
      (req) => run(req.ctx, actorOf(req), req.params.id, req.body),
    );
}
