/** /api/v1/plan/tasks, /plan/units, /plan/meetings: the annex's responsibilities (tasks.ts). Thin routes. */
import type { FastifyInstance } from 'fastify';
import { okSchema } from '../../../domain/contracts/common.ts';
import {
  meetingBody,
  meetingParams,
  meetingSchema,
  memberBody,
  memberList,
  memberParams,
  reportFileList,
  reportFileParams,
  reportFileSchema,
  reportParams,
  taskParams,
  taskReportBody,
  taskReportSchema,
  tasksAnswer,
  tasksQuery,
} from '../../../domain/contracts/plan-tasks.ts';
import type { Db } from '../../db/client.ts';
import { readUpload, sendAttachment, uploadScope } from '../../platform/files/http.ts';
import type { FileService } from '../../platform/files/service.ts';
import { actorOf, router } from '../../platform/http.ts';
import { createTaskFileService, createTaskService } from './tasks.ts';

const tags = ['plan'];
const manage = { action: 'plan.tasks_manage' } as const;

export async function taskRoutes(app: FastifyInstance, deps: { db: Db; files?: FileService }) {
  const tasks = createTaskService(deps);
  const files = createTaskFileService(deps);
  const r = router(app);
  const REPORT = '/api/v1/plan/tasks/reports/:id/files';
  r.get(
    REPORT,
    {
      config: { action: 'plan.tasks_read' },
      schema: { tags, params: reportParams, response: { 200: reportFileList } },
    },
    (req) => files.list(actorOf(req), req.params.id),
  );
  r.get(
    `${REPORT}/:fileId`,
    { config: { action: 'plan.tasks_read' }, schema: { tags, params: reportFileParams } },
    async (req, reply) => {
      const { attachment, data } = await files.download(
        req.ctx,
        actorOf(req),
        req.params.id,
        req.params.fileId,
      );
      return sendAttachment(reply, attachment, data);
    },
  );
  r.delete(
    `${REPORT}/:fileId`,
    {
      config: { action: 'plan.tasks_report' },
      schema: { tags, params: reportFileParams, response: { 200: okSchema } },
    },
    (req) => files.remove(req.ctx, actorOf(req), req.params.id, req.params.fileId),
  );
  await uploadScope(app, (scope) => {
    router(scope).post(
      REPORT,
      {
        config: { action: 'plan.tasks_report' },
        schema: {
          tags,
          params: reportParams,
          consumes: ['multipart/form-data'],
          response: { 201: reportFileSchema },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req, 'task_report_evidence');
        return reply.status(201).send(await files.add(req.ctx, actorOf(req), req.params.id, file));
      },
    );
  });
  r.get(
    '/api/v1/plan/tasks',
    {
      config: { action: 'plan.tasks_read' },
      schema: { tags, querystring: tasksQuery, response: { 200: tasksAnswer } },
    },
    (req) => tasks.list(req.ctx, actorOf(req), req.query),
  );
  r.post(
    '/api/v1/plan/tasks/:code/reports',
    {
      config: { action: 'plan.tasks_report' },
      schema: { tags, params: taskParams, body: taskReportBody, response: { 200: taskReportSchema } },
    },
    (req) => tasks.report(req.ctx, actorOf(req), req.params.code, req.body),
  );
  r.get(
    '/api/v1/plan/units/members',
    { config: manage, schema: { tags, response: { 200: memberList } } },
    (req) => tasks.members(req.ctx, actorOf(req)),
  );
  r.put(
    '/api/v1/plan/units/members/:userId',
    { config: manage, schema: { tags, params: memberParams, body: memberBody, response: { 200: okSchema } } },
    (req) => tasks.assignUnit(req.ctx, actorOf(req), req.params.userId, req.body),
  );
  r.put(
    '/api/v1/plan/meetings/:year',
    {
      config: manage,
      schema: { tags, params: meetingParams, body: meetingBody, response: { 200: meetingSchema } },
    },
    (req) => tasks.saveMeeting(req.ctx, actorOf(req), req.params.year, req.body),
  );
}
