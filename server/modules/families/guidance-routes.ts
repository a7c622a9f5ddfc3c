/** /api/v1/families/guidance: stations, sessions, sign-ups and attendance (guidance.ts). Thin routes. */
import type { FastifyInstance } from 'fastify';
import { okSchema } from '../../../domain/contracts/common.ts';
import {
  attendanceBody,
  createSessionBody,
  createStationBody,
  guidanceHistoryQuery,
  guidanceHistorySchema,
  idParams,
  sessionListQuery,
  sessionPage,
  sessionSchema,
  signUpBody,
  signupList,
  signupSchema,
  stationList,
  stationSchema,
  updateStationBody,
} from '../../../domain/contracts/families.ts';
import type { Db } from '../../db/client.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createGuidanceService } from './guidance.ts';

const tags = ['families'];
const BASE = '/api/v1/families/guidance';

export function guidanceRoutes(app: FastifyInstance, deps: { db: Db }) {
  const svc = createGuidanceService(deps);
  const r = router(app);

  r.get(
    `${BASE}/stations`,
    { config: { action: 'families.guidance_read' }, schema: { tags, response: { 200: stationList } } },
    (req) => svc.stations(req.ctx, actorOf(req)),
  );
  r.post(
    `${BASE}/stations`,
    {
      config: { action: 'families.stations_manage' },
      schema: { tags, body: createStationBody, response: { 201: stationSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.createStation(req.ctx, actorOf(req), req.body)),
  );
  r.put(
    `${BASE}/stations/:id`,
    {
      config: { action: 'families.stations_manage' },
      schema: { tags, params: idParams, body: updateStationBody, response: { 200: stationSchema } },
    },
    (req) => svc.updateStation(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    `${BASE}/stations/:id`,
    {
      config: { action: 'families.stations_manage' },
      schema: { tags, params: idParams, response: { 200: okSchema } },
    },
    (req) => svc.deleteStation(req.ctx, actorOf(req), req.params.id),
  );

  r.get(
    `${BASE}/sessions`,
    {
      config: { action: 'families.guidance_read' },
      schema: { tags, querystring: sessionListQuery, response: { 200: sessionPage } },
    },
    (req) => svc.sessions(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/sessions`,
    {
      config: { action: 'families.sessions_manage' },
      schema: { tags, body: createSessionBody, response: { 201: sessionSchema } },
    },
    async (req, reply) => reply.status(201).send(await svc.createSession(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/sessions/:id/cancel`,
    {
      config: { action: 'families.sessions_manage' },
      schema: { tags, params: idParams, response: { 200: sessionSchema } },
    },
    (req) => svc.cancelSession(req.ctx, actorOf(req), req.params.id),
  );
  r.get(
    `${BASE}/sessions/:id/signups`,
    {
      config: { action: 'families.signups_read' },
      schema: { tags, params: idParams, response: { 200: signupList } },
    },
    (req) => svc.signups(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/sessions/:id/signups`,
    {
      config: { action: 'families.guidance_signup' },
      schema: { tags, params: idParams, body: signUpBody, response: { 201: signupSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.signUp(req.ctx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    `${BASE}/signups/:id/cancel`,
    {
      config: { action: 'families.guidance_signup' },
      schema: { tags, params: idParams, response: { 200: signupSchema } },
    },
    (req) => svc.cancelSignup(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/sessions/:id/attendance`,
    {
      config: { action: 'families.sessions_manage' },
      schema: { tags, params: idParams, body: attendanceBody, response: { 200: signupList } },
    },
    (req) => svc.recordAttendance(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    `${BASE}/history`,
    {
      config: { action: 'families.guidance_read' },
      schema: { tags, querystring: guidanceHistoryQuery, response: { 200: guidanceHistorySchema } },
    },
    (req) => svc.history(req.ctx, actorOf(req), req.query),
  );
}
