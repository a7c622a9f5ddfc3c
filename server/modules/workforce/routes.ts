/** /api/v1/workforce: staff, employments, certificates, the ban list, training and compliance. Thin routes. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { okSchema } from '../../../domain/contracts/common.ts';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import { revealBody, revealResponse } from '../../../domain/contracts/personal-data.ts';
import {
  assignClassesBody,
  attendanceBody,
  attendanceResponse,
  attendeeList,
  banEntrySchema,
  banImportResponse,
  banListFile,
  banListQuery,
  banPage,
  certificateParams,
  certificateScanSchema,
  complianceQuery,
  complianceSchema,
  createBanBody,
  createBanResponse,
  createCertificateBody,
  createRecordBody,
  createStaffBody,
  createTrainingBody,
  employmentInput,
  employmentParams,
  endEmploymentBody,
  liftBanBody,
  personRecordList,
  recordCheckBody,
  recordCheckList,
  recordCheckParams,
  recordCheckSchema,
  staffDetail,
  staffListQuery,
  staffPage,
  staffParams,
  staffRegistrationBody,
  subsidyAnswer,
  subsidyQuery,
  trainingEventSchema,
  trainingListQuery,
  trainingPage,
  trainingParams,
} from '../../../domain/contracts/workforce.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { createExporter, sendExport } from '../../platform/export.ts';
import { readUpload, sendAttachment, uploadScope } from '../../platform/files/http.ts';
import { contentDisposition } from '../../platform/files/names.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { attendanceImport, listAttendance } from './attendance.ts';
import { createCertificateScans } from './certificate-scans.ts';
import { computeCompliance, toComplianceAnswer } from './compliance.ts';
import { createBanExchange } from './exchange.ts';
import { complianceExport } from './export.ts';
import { createRecordChecks } from './record-checks.ts';
import { createRecordsService, subsidyExport, subsidyList } from './records.ts';
import { createWorkforceService } from './service.ts';

const tags = ['workforce'];
const BASE = '/api/v1/workforce';

export async function workforceRoutes(
  app: FastifyInstance,
  deps: { db: Db; jobs: Jobs; storage: FileStorage; clock: Clock },
) {
  const svc = createWorkforceService(deps);
  const exporter = createExporter(deps, complianceExport);
  const r = router(app);
  const read = { action: 'workforce.read' } as const;
  const manage = { action: 'workforce.manage' } as const;

  r.get(
    `${BASE}/staff`,
    { config: read, schema: { tags, querystring: staffListQuery, response: { 200: staffPage } } },
    (req) => svc.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/staff`,
    { config: manage, schema: { tags, body: createStaffBody, response: { 201: staffDetail } } },
    async (req, reply) => reply.status(201).send(await svc.create(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/staff/:id`,
    { config: read, schema: { tags, params: staffParams, response: { 200: staffDetail } } },
    (req) => svc.detail(req.ctx, actorOf(req), req.params.id),
  );
  r.put(
    `${BASE}/staff/:id/registration`,
    {
      config: manage,
      // 托育师 registration (draft 托育服务法, first reading 2025-12-22): number, date, issuer; shape only.
      schema: { tags, params: staffParams, body: staffRegistrationBody, response: { 200: staffDetail } },
    },
    (req) => svc.setRegistration(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/staff/:id/reveal`,
    {
      config: { action: 'personal_data.reveal' },
      schema: {
        tags,
        params: staffParams,
        body: revealBody(['idNumber', 'mobile']),
        response: { 200: revealResponse },
      },
    },
    (req) => svc.reveal(req.ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    `${BASE}/staff/:id/employments`,
    {
      config: manage,
      schema: { tags, params: staffParams, body: employmentInput, response: { 201: staffDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addEmployment(req.ctx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    `${BASE}/staff/:id/employments/:employmentId/end`,
    {
      config: manage,
      schema: { tags, params: employmentParams, body: endEmploymentBody, response: { 200: staffDetail } },
    },
    (req) => svc.endEmployment(req.ctx, actorOf(req), req.params.id, req.params.employmentId, req.body),
  );
  r.put(
    `${BASE}/staff/:id/employments/:employmentId/classes`,
    {
      config: manage,
      schema: { tags, params: employmentParams, body: assignClassesBody, response: { 200: staffDetail } },
    },
    (req) => svc.assignClasses(req.ctx, actorOf(req), req.params.id, req.params.employmentId, req.body),
  );
  r.post(
    `${BASE}/staff/:id/certificates`,
    {
      config: manage,
      schema: { tags, params: staffParams, body: createCertificateBody, response: { 201: staffDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.addCertificate(req.ctx, actorOf(req), req.params.id, req.body)),
  );
  const scans = createCertificateScans(deps);
  r.get(
    `${BASE}/staff/:id/certificates/:certificateId/scan`,
    { config: read, schema: { tags, params: certificateParams } },
    async (req, reply) => {
      const { attachment, data } = await scans.download(
        req.ctx,
        actorOf(req),
        req.params.id,
        req.params.certificateId,
      );
      return sendAttachment(reply, attachment, data);
    },
  );
  await uploadScope(app, (scope) => {
    router(scope).post(
      `${BASE}/staff/:id/certificates/:certificateId/scan`,
      {
        config: manage,
        schema: {
          tags,
          params: certificateParams,
          consumes: ['multipart/form-data'],
          response: { 201: certificateScanSchema },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req, 'staff_certificate');
        return reply
          .status(201)
          .send(await scans.upload(req.ctx, actorOf(req), req.params.id, req.params.certificateId, file));
      },
    );
  });

  // ── pre-hire record checks (入职查询, issue 17) ──
  const checks = createRecordChecks(deps);
  r.get(
    `${BASE}/staff/:id/checks`,
    { config: read, schema: { tags, params: staffParams, response: { 200: recordCheckList } } },
    (req) => checks.list(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/staff/:id/checks`,
    {
      config: manage,
      schema: { tags, params: staffParams, body: recordCheckBody, response: { 201: recordCheckSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await checks.record(req.ctx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    `${BASE}/staff/:id/checks/:checkId/scan`,
    { config: read, schema: { tags, params: recordCheckParams } },
    async (req, reply) => {
      const { attachment, data } = await checks.download(
        req.ctx,
        actorOf(req),
        req.params.id,
        req.params.checkId,
      );
      return sendAttachment(reply, attachment, data);
    },
  );
  await uploadScope(app, (scope) => {
    router(scope).post(
      `${BASE}/staff/:id/checks/:checkId/scan`,
      {
        config: manage,
        schema: {
          tags,
          params: recordCheckParams,
          consumes: ['multipart/form-data'],
          response: { 201: certificateScanSchema },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req, 'staff_record_check');
        return reply
          .status(201)
          .send(await checks.upload(req.ctx, actorOf(req), req.params.id, req.params.checkId, file));
      },
    );
  });

  r.get(
    `${BASE}/bans`,
    {
      config: { action: 'workforce.ban_read' },
      schema: { tags, querystring: banListQuery, response: { 200: banPage } },
    },
    (req) => svc.listBans(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/bans`,
    {
      config: { action: 'workforce.ban_manage' },
      schema: { tags, body: createBanBody, response: { 201: createBanResponse } },
    },
    async (req, reply) => reply.status(201).send(await svc.createBan(req.ctx, actorOf(req), req.body)),
  );
  r.post(
    `${BASE}/bans/:id/lift`,
    {
      config: { action: 'workforce.ban_manage' },
      schema: { tags, params: staffParams, body: liftBanBody, response: { 200: banEntrySchema } },
    },
    (req) => svc.liftBan(req.ctx, actorOf(req), req.params.id, req.body),
  );

  const training = { action: 'workforce.training' } as const;
  r.get(
    `${BASE}/trainings`,
    { config: read, schema: { tags, querystring: trainingListQuery, response: { 200: trainingPage } } },
    (req) => svc.listTrainings(req.ctx, actorOf(req), req.query),
  );
  r.post(
    `${BASE}/trainings`,
    { config: training, schema: { tags, body: createTrainingBody, response: { 201: trainingEventSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createTraining(req.ctx, actorOf(req), req.body)),
  );
  r.get(
    `${BASE}/trainings/:id/attendance`,
    { config: read, schema: { tags, params: trainingParams, response: { 200: attendeeList } } },
    (req) => listAttendance(deps.db, actorOf(req), req.params.id),
  );
  // Attendance from a spreadsheet: the kit's five import routes (attendance.ts).
  await importRoutes(app, {
    base: `${BASE}/attendance/imports`,
    action: 'workforce.training',
    tags,
    def: attendanceImport(deps),
    deps,
  });
  r.post(
    `${BASE}/trainings/:id/attendance`,
    {
      config: training,
      schema: { tags, params: trainingParams, body: attendanceBody, response: { 200: attendanceResponse } },
    },
    (req) => svc.addAttendance(req.ctx, actorOf(req), req.params.id, req.body),
  );

  const compliance = { action: 'workforce.compliance' } as const;
  r.get(
    `${BASE}/compliance`,
    {
      config: compliance,
      schema: { tags, querystring: complianceQuery, response: { 200: complianceSchema } },
    },
    async (req) => toComplianceAnswer(await computeCompliance(deps.db, actorOf(req), req.query, req.ctx.now)),
  );
  r.get(
    `${BASE}/compliance/export`,
    {
      config: compliance,
      schema: {
        tags,
        querystring: complianceQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 202: exportJobSchema },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const file = await exporter.export(
        req.ctx,
        actorOf(req),
        { ...filters, asOf: req.ctx.now.toISOString() },
        format,
      );
      return sendExport(reply, file);
    },
  );

  // ── ban-list exchange (ADR 0018) ──
  const exchange = createBanExchange(deps);
  r.get(
    `${BASE}/bans/export`,
    { config: { action: 'workforce.ban_manage' }, schema: { tags, response: { 200: banListFile } } },
    async (req, reply) => {
      const file = await exchange.exportList(req.ctx, actorOf(req));
      const stamp = file.exportedAt.slice(0, 10);
      return reply
        .header('content-disposition', contentDisposition(`ban-list-${file.exportedBy}-${stamp}.json`))
        .send(file);
    },
  );
  r.post(
    `${BASE}/bans/import`,
    {
      config: { action: 'workforce.ban_manage' },
      bodyLimit: 10 * 1024 * 1024,
      schema: { tags, body: banListFile, response: { 200: banImportResponse } },
    },
    (req) => exchange.importList(req.ctx, actorOf(req), req.body),
  );

  // ── assessments and rewards/penalties on a person ──
  const records = createRecordsService(deps);
  r.get(
    `${BASE}/staff/:id/records`,
    { config: read, schema: { tags, params: staffParams, response: { 200: personRecordList } } },
    (req) => records.list(req.ctx, actorOf(req), req.params.id),
  );
  r.post(
    `${BASE}/staff/:id/records`,
    {
      config: manage,
      schema: { tags, params: staffParams, body: createRecordBody, response: { 201: personRecordList } },
    },
    async (req, reply) =>
      reply.status(201).send(await records.add(req.ctx, actorOf(req), req.params.id, req.body)),
  );

  // ── training-fee subsidy eligibility ──
  const subsidyExporter = createExporter(deps, subsidyExport);
  r.get(
    `${BASE}/subsidy`,
    { config: compliance, schema: { tags, querystring: subsidyQuery, response: { 200: subsidyAnswer } } },
    (req) => subsidyList(deps.db, actorOf(req), req.query, req.ctx.now),
  );
  r.get(
    `${BASE}/subsidy/export`,
    {
      config: compliance,
      schema: {
        tags,
        querystring: subsidyQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: { 202: exportJobSchema },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const file = await subsidyExporter.export(
        req.ctx,
        actorOf(req),
        { ...filters, asOf: req.ctx.now.toISOString() },
        format,
      );
      return sendExport(reply, file);
    },
  );
  void okSchema;
}
