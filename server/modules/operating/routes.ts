/** /api/v1/operating: the inclusive-care operating subsidy (普惠托育运营补贴, issue 17). Thin routes. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import {
  attendanceBody,
  attendanceDaySchema,
  claimParams,
  classDayParams,
  classParams,
  operatingClaimBody,
  operatingClaimDecisionBody,
  operatingClaimPage,
  operatingClaimQuery,
  operatingClaimSchema,
  operatingPaymentExportQuery,
  operatingPaymentListSchema,
  operatingPaymentQuery,
  operatingRateBody,
  operatingRateSchema,
  operatingReviewPage,
  operatingReviewQuery,
  operatingSettingsBody,
  operatingSettingsSchema,
  registerClassSchema,
  registerMonthQuery,
  registerMonthSchema,
  rosterChildBody,
  rosterChildParams,
  rosterChildSchema,
  rosterLeaveBody,
  rosterSchema,
} from '../../../domain/contracts/operating.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { createExporter, sendExport } from '../../platform/export.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { createClaimService } from './claims.ts';
import { paymentExport } from './export.ts';
import { createRegisterService } from './register.ts';
import { registerImport } from './register-import.ts';
import { createOperatingSettingsService } from './service.ts';

const tags = ['operating'];
const BASE = '/api/v1/operating';

export async function operatingRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; jobs: Jobs; storage: FileStorage },
) {
  const settings = createOperatingSettingsService(deps);
  const register = createRegisterService(deps);
  const claims = createClaimService(deps);
  const exporter = createExporter(deps, paymentExport);
  const r = router(app);
  const keep = { action: 'operating.register' } as const;

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

  // The attendance register: a class's roster and its daily tick list (the institution keeps them).
  r.get(
    `${BASE}/classes`,
    {
      config: { action: 'operating.read' },
      schema: { tags, response: { 200: z.array(registerClassSchema) } },
    },
    (req) => register.classes(actorOf(req)),
  );
  r.get(
    `${BASE}/classes/:classId/register`,
    {
      config: { action: 'operating.read' },
      schema: {
        tags,
        params: classParams,
        querystring: registerMonthQuery,
        response: { 200: registerMonthSchema },
      },
    },
    (req) => register.month(actorOf(req), req.params.classId, req.query.month, req.ctx.now),
  );
  r.get(
    `${BASE}/classes/:classId/roster`,
    {
      config: { action: 'operating.read' },
      schema: { tags, params: classParams, response: { 200: rosterSchema } },
    },
    (req) => register.roster(actorOf(req), req.params.classId),
  );
  r.post(
    `${BASE}/classes/:classId/roster`,
    {
      config: keep,
      schema: { tags, params: classParams, body: rosterChildBody, response: { 201: rosterChildSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await register.addChild(req.ctx, actorOf(req), req.params.classId, req.body)),
  );
  r.put(
    `${BASE}/classes/:classId/roster/:childId/left`,
    {
      config: keep,
      schema: {
        tags,
        params: rosterChildParams,
        body: rosterLeaveBody,
        response: { 200: rosterChildSchema },
      },
    },
    (req) => register.leave(req.ctx, actorOf(req), req.params.classId, req.params.childId, req.body),
  );
  r.get(
    `${BASE}/classes/:classId/attendance/:day`,
    {
      config: { action: 'operating.read' },
      schema: { tags, params: classDayParams, response: { 200: attendanceDaySchema } },
    },
    (req) => register.attendance(actorOf(req), req.params.classId, req.params.day),
  );
  r.put(
    `${BASE}/classes/:classId/attendance/:day`,
    {
      config: keep,
      schema: { tags, params: classDayParams, body: attendanceBody, response: { 200: attendanceDaySchema } },
    },
    (req) => register.putAttendance(req.ctx, actorOf(req), req.params.classId, req.params.day, req.body),
  );

  // The register from a spreadsheet: the kit's five import routes (register-import.ts).
  await importRoutes(app, {
    base: `${BASE}/attendance/imports`,
    action: 'operating.register',
    tags,
    def: registerImport(deps),
    deps,
  });

  // Monthly claims: the institution builds and submits; the district reviews; towns read theirs.
  r.get(
    `${BASE}/claims`,
    {
      config: { action: 'operating.read' },
      schema: { tags, querystring: operatingClaimQuery, response: { 200: operatingClaimPage } },
    },
    (req) => claims.list(actorOf(req), req.query),
  );
  r.post(
    `${BASE}/claims`,
    {
      config: { action: 'operating.claim' },
      schema: { tags, body: operatingClaimBody, response: { 201: operatingClaimSchema } },
    },
    async (req, reply) => reply.status(201).send(await claims.build(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/claims/:claimId`,
    {
      config: { action: 'operating.read' },
      schema: { tags, params: claimParams, response: { 200: operatingClaimSchema } },
    },
    (req) => claims.get(actorOf(req), req.params.claimId),
  );
  r.post(
    `${BASE}/claims/:claimId/submit`,
    {
      config: { action: 'operating.claim' },
      schema: { tags, params: claimParams, response: { 200: operatingClaimSchema } },
    },
    (req) => claims.submit(req.ctx, actorOf(req), req.params.claimId),
  );
  r.post(
    `${BASE}/claims/:claimId/decision`,
    {
      config: { action: 'operating.review' },
      schema: {
        tags,
        params: claimParams,
        body: operatingClaimDecisionBody,
        response: { 200: operatingClaimSchema },
      },
    },
    (req) => claims.decide(req.ctx, actorOf(req), req.params.claimId, req.body),
  );

  // The district's review queue and the month's payment list (approved claims, totals per town).
  r.get(
    `${BASE}/review`,
    {
      config: { action: 'operating.review' },
      schema: { tags, querystring: operatingReviewQuery, response: { 200: operatingReviewPage } },
    },
    (req) => claims.reviewQueue(req.ctx, actorOf(req), req.query),
  );
  r.get(
    `${BASE}/payments`,
    {
      config: { action: 'operating.review' },
      schema: { tags, querystring: operatingPaymentQuery, response: { 200: operatingPaymentListSchema } },
    },
    (req) => claims.paymentList(actorOf(req), req.query.month),
  );
  r.get(
    `${BASE}/payments/export`,
    {
      config: { action: 'operating.review' },
      schema: { tags, querystring: operatingPaymentExportQuery, response: { 202: exportJobSchema } },
    },
    async (req, reply) =>
      sendExport(
        reply,
        await exporter.export(req.ctx, actorOf(req), { month: req.query.month }, req.query.format),
      ),
  );
}
