/**
 * The annex's responsibilities (附件：任务分工方案, issue 13): the 21 tasks (domain/plan/tasks.ts) with
 * each named unit's quarterly report state, a liaison's (role `department`) report on a task of its own
 * unit, the unit a liaison account speaks for (set by a district officer), and the joint meeting's
 * yearly review with a conclusion per task. Everything is district-level: the guard gives only actors
 * with the whole district in scope any of it. Every write is audited.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type {
  meetingBody,
  memberBody,
  TaskReportBody,
  TasksAnswer,
} from '../../../domain/contracts/plan-tasks.ts';
import {
  findTask,
  mayReport,
  PROJECTS,
  quarterState,
  reportDueDate,
  TASK_CITATION,
  TASKS,
  type Unit,
  unitsOf,
} from '../../../domain/plan/tasks.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import type { CheckedFile } from '../../platform/files/check.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  type FileService,
  listAttachments,
  listAttachmentsOf,
} from '../../platform/files/service.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { users } from '../../platform/tables.ts';
import './errors.ts';
import { planJointMeetings, planTaskReports, planUnitMembers } from './task-tables.ts';

const PLAN_END_YEAR = 2023;

/** The guard: district-level rows, only for an actor with the whole district in scope. */
const districtOnly = (
  actor: Actor,
  col:
    | typeof planTaskReports.districtCode
    | typeof planJointMeetings.districtCode
    | typeof planUnitMembers.districtCode,
) => scopeWhere(actor, { district: col });

function yearOf(q: number | undefined, today: string): number {
  return q ?? Number(today.slice(0, 4));
}

/** The unit a liaison (role `department`) speaks for, or null (another role, or none assigned yet). */
export async function unitOf(tx: Db, actor: Actor): Promise<Unit | null> {
  if (actor.role !== 'department') return null;
  const [m] = await tx
    .select({ unit: planUnitMembers.unit })
    .from(planUnitMembers)
    .where(and(districtOnly(actor, planUnitMembers.districtCode), eq(planUnitMembers.userId, actor.userId)));
  return m?.unit ?? null;
}

export const TASK_REPORT_OWNER = 'plan_task_report';

const toReportFile = (a: AttachmentRow) => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  uploadedAt: a.uploadedAt.toISOString(),
  uploadedBy: a.uploadedBy,
});

/** The evidence files of reports (one query), by report id. */
async function filesOf(db: Db, districtCode: string, ids: string[]) {
  const rows = await listAttachmentsOf(db, { type: TASK_REPORT_OWNER, districtCode, ids });
  const out = new Map<string, ReturnType<typeof toReportFile>[]>();
  for (const r of rows) out.set(r.ownerId, [...(out.get(r.ownerId) ?? []), toReportFile(r)]);
  return out;
}

/**
 * Evidence files on a report (files kit, purpose task_report_evidence): the report's own unit attaches
 * and deletes its own uploads; whoever reads the tasks reads and downloads them. Audited by the kit.
 */
export function createTaskFileService({ db, files }: { db: Db; files?: FileService }) {
  const kit = (): FileService => {
    if (!files) throw new Error('plan: no file service');
    return files;
  };
  async function report(tx: Db, actor: Actor, id: string) {
    const [row] = await tx
      .select()
      .from(planTaskReports)
      .where(and(districtOnly(actor, planTaskReports.districtCode), eq(planTaskReports.id, id)));
    if (!row) throw new DomainError('not_found');
    return row;
  }
  const owner = (r: { id: string; districtCode: string }): AttachmentOwner => ({
    type: TASK_REPORT_OWNER,
    id: r.id,
    districtCode: r.districtCode,
  });
  async function mine(tx: Db, actor: Actor, id: string) {
    const r = await report(tx, actor, id);
    if ((await unitOf(tx, actor)) !== r.unit) throw new DomainError('plan.not_your_report');
    return r;
  }
  return {
    async add(ctx: RequestContext, actor: Actor, id: string, file: CheckedFile) {
      const row = await kit().attach(ctx, {
        owner: async (tx) => owner(await mine(tx, actor, id)),
        file,
        audit: { action: 'plan.task_report_file_upload', objectType: 'plan_task_report', objectId: id },
      });
      return toReportFile(row);
    },
    async list(actor: Actor, id: string) {
      const r = await report(db, actor, id);
      return { items: (await listAttachments(db, owner(r))).map(toReportFile) };
    },
    download(ctx: RequestContext, actor: Actor, id: string, fileId: string) {
      return kit().download(ctx, {
        owner: async (tx) => owner(await report(tx, actor, id)),
        attachmentId: fileId,
        auditAction: 'plan.task_report_file_download',
      });
    },
    async remove(ctx: RequestContext, actor: Actor, id: string, fileId: string) {
      await kit().detach(ctx, {
        owner: async (tx) => owner(await mine(tx, actor, id)),
        attachmentId: fileId,
        check: (a) => {
          if (a.uploadedBy !== actor.userId) throw new DomainError('plan.not_your_report');
        },
        audit: { action: 'plan.task_report_file_delete', objectType: 'plan_task_report', objectId: id },
      });
      return { ok: true as const };
    },
  };
}

export function createTaskService(deps: { db: Db }) {
  const { db } = deps;

  function toMeeting(r: typeof planJointMeetings.$inferSelect) {
    return {
      year: r.year,
      heldOn: r.heldOn,
      summary: r.summary,
      conclusions: r.conclusions,
      recordedAt: r.recordedAt.toISOString(),
      version: r.version,
    };
  }

  return {
    async list(ctx: RequestContext, actor: Actor, q: { year?: number | undefined }): Promise<TasksAnswer> {
      const today = localDate(ctx.now);
      const year = yearOf(q.year, today);
      if (year > Number(today.slice(0, 4)))
        throw fieldError('year', 'in_future', '年度不能晚于今年', 'The year cannot be after this year');
      const unit = await unitOf(db, actor);
      const rows = await db
        .select()
        .from(planTaskReports)
        .where(and(districtOnly(actor, planTaskReports.districtCode), eq(planTaskReports.year, year)));
      const fileMap = await filesOf(
        db,
        actor.districtCode,
        rows.map((r) => r.id),
      );
      const [meeting] = await db
        .select()
        .from(planJointMeetings)
        .where(and(districtOnly(actor, planJointMeetings.districtCode), eq(planJointMeetings.year, year)));
      let overdue = 0;
      const tasks = TASKS.map((t) => {
        const quarters = [1, 2, 3, 4].map((quarter) => ({
          quarter,
          dueOn: reportDueDate(year, quarter),
          units: unitsOf(t).map((u) => {
            const r = rows.find((x) => x.taskCode === t.code && x.unit === u && x.quarter === quarter);
            const state = quarterState(year, quarter, !!r, today);
            if (state === 'overdue' && (unit === null || unit === u)) overdue++;
            return {
              unit: u,
              state,
              report: r
                ? {
                    id: r.id,
                    status: r.status,
                    progress: r.progress,
                    evidence: r.evidence,
                    files: fileMap.get(r.id) ?? [],
                    submittedAt: r.submittedAt.toISOString(),
                    version: r.version,
                  }
                : null,
            };
          }),
        }));
        return {
          code: t.code,
          project: t.project,
          zh: t.zh,
          lead: [...t.lead],
          cooperating: [...t.cooperating],
          mine: unit !== null && unitsOf(t).includes(unit),
          quarters,
        };
      });
      return {
        year,
        today,
        citation: { ...TASK_CITATION },
        statement:
          year > PLAN_END_YEAR
            ? {
                zh: `行动计划期为 2021—2023 年。${year} 年仍按该计划附件的任务分工填报和审议，直至区里印发接续计划的任务分工。`,
                en: `The action plan ran 2021–2023. In ${year} its annex's responsibilities are still reported on and reviewed until the district issues a successor plan's annex.`,
              }
            : null,
        unit,
        projects: PROJECTS.map((p) => ({ ...p })),
        tasks,
        overdue,
        meeting: meeting ? toMeeting(meeting) : null,
      };
    },

    /** A liaison's report on a task of its unit for a quarter that has begun; a second one for the same quarter needs its version. */
    async report(ctx: RequestContext, actor: Actor, code: string, body: TaskReportBody) {
      const task = findTask(code);
      if (!task) throw new DomainError('not_found');
      const today = localDate(ctx.now);
      if (body.year > Number(today.slice(0, 4)) || !mayReport(body.year, body.quarter, today))
        throw fieldError(
          'quarter',
          'not_started',
          '该季度尚未开始，不能提前填报',
          'The quarter has not begun: no report ahead of time',
        );
      return db.transaction(async (tx) => {
        const unit = await unitOf(tx, actor);
        if (!unit) throw new DomainError('plan.no_unit');
        if (!unitsOf(task).includes(unit)) throw new DomainError('plan.not_your_task');
        const key = and(
          eq(planTaskReports.districtCode, actor.districtCode),
          eq(planTaskReports.taskCode, code),
          eq(planTaskReports.unit, unit),
          eq(planTaskReports.year, body.year),
          eq(planTaskReports.quarter, body.quarter),
        );
        const [existing] = await tx.select().from(planTaskReports).where(key).for('update');
        const values = {
          status: body.status,
          progress: body.progress,
          evidence: body.evidence || null,
          submittedBy: actor.userId,
          submittedAt: ctx.now,
        };
        let id: string;
        if (existing) {
          if (body.version !== existing.version) throw new DomainError('conflict.stale_version');
          await tx
            .update(planTaskReports)
            .set({ ...values, version: existing.version + 1 })
            .where(key);
          id = existing.id;
        } else {
          if (body.version !== null) throw new DomainError('conflict.stale_version');
          id = uuidv7(ctx.now.getTime());
          await tx.insert(planTaskReports).values({
            districtCode: actor.districtCode,
            id,
            taskCode: code,
            unit,
            year: body.year,
            quarter: body.quarter,
            ...values,
          });
        }
        await recordAudit(tx, ctx, {
          action: existing ? 'plan.task_report_update' : 'plan.task_report',
          objectType: 'plan_task_report',
          objectId: id,
          changes: { taskCode: code, unit, year: body.year, quarter: body.quarter, status: body.status },
        });
        const [row] = await tx.select().from(planTaskReports).where(key);
        return {
          id: row!.id,
          status: row!.status,
          progress: row!.progress,
          evidence: row!.evidence,
          files: (await filesOf(tx, row!.districtCode, [row!.id])).get(row!.id) ?? [],
          submittedAt: row!.submittedAt.toISOString(),
          version: row!.version,
        };
      });
    },

    /** The department accounts of the district with their unit (district officers). */
    async members(_ctx: RequestContext, actor: Actor) {
      const rows = await db
        .select({
          userId: users.id,
          displayName: users.displayName,
          username: users.username,
          unit: planUnitMembers.unit,
        })
        .from(users)
        .leftJoin(
          planUnitMembers,
          and(eq(planUnitMembers.districtCode, users.districtCode), eq(planUnitMembers.userId, users.id)),
        )
        .where(and(scopeWhere(actor, { district: users.districtCode }), eq(users.role, 'department')))
        .orderBy(asc(users.username));
      return { items: rows.map((r) => ({ ...r, unit: r.unit ?? null })) };
    },

    async assignUnit(ctx: RequestContext, actor: Actor, userId: string, body: z.infer<typeof memberBody>) {
      return db.transaction(async (tx) => {
        const [u] = await tx
          .select({ id: users.id, role: users.role })
          .from(users)
          .where(and(scopeWhere(actor, { district: users.districtCode }), eq(users.id, userId)));
        if (!u) throw new DomainError('not_found');
        if (u.role !== 'department')
          throw fieldError(
            'userId',
            'not_department',
            '只能为部门联络员（department 角色）指定责任单位',
            'Only department liaison accounts (role department) take a unit',
          );
        await tx
          .insert(planUnitMembers)
          .values({
            districtCode: actor.districtCode,
            userId,
            unit: body.unit,
            assignedBy: actor.userId,
            assignedAt: ctx.now,
          })
          .onConflictDoUpdate({
            target: [planUnitMembers.districtCode, planUnitMembers.userId],
            set: { unit: body.unit, assignedBy: actor.userId, assignedAt: ctx.now },
          });
        await recordAudit(tx, ctx, {
          action: 'plan.unit_assign',
          objectType: 'user',
          objectId: userId,
          changes: { unit: body.unit },
        });
        return { ok: true as const };
      });
    },

    /** The joint meeting's review of a year: recorded once, then changed with its version. */
    async saveMeeting(ctx: RequestContext, actor: Actor, year: number, body: z.infer<typeof meetingBody>) {
      const today = localDate(ctx.now);
      const errors: FieldError[] = [];
      if (body.heldOn > today)
        errors.push({
          field: 'heldOn',
          rule: 'in_future',
          message_zh: '会议日期不能晚于今天',
          message_en: 'The meeting date cannot be in the future',
        });
      if (Number(body.heldOn.slice(0, 4)) < year)
        errors.push({
          field: 'heldOn',
          rule: 'before_year',
          message_zh: '审议某年度的会议不能早于该年度',
          message_en: 'A review of a year cannot be held before that year',
        });
      body.conclusions.forEach((c, i) => {
        if (!findTask(c.taskCode))
          errors.push({
            field: `conclusions.${i}.taskCode`,
            rule: 'unknown_task',
            message_zh: '附件中没有该任务',
            message_en: 'The annex has no such task',
          });
      });
      const codes = body.conclusions.map((c) => c.taskCode);
      if (new Set(codes).size !== codes.length)
        errors.push({
          field: 'conclusions',
          rule: 'duplicate_task',
          message_zh: '每项任务只写一条结论',
          message_en: 'One conclusion per task',
        });
      if (errors.length) throw new DomainError('validation.failed', { errors });
      return db.transaction(async (tx) => {
        const key = and(
          districtOnly(actor, planJointMeetings.districtCode),
          eq(planJointMeetings.year, year),
        );
        const [existing] = await tx.select().from(planJointMeetings).where(key).for('update');
        const values = {
          heldOn: body.heldOn,
          summary: body.summary,
          conclusions: body.conclusions,
          recordedBy: actor.userId,
          recordedAt: ctx.now,
        };
        if (existing) {
          if (body.version !== existing.version) throw new DomainError('conflict.stale_version');
          await tx
            .update(planJointMeetings)
            .set({ ...values, version: sql`${planJointMeetings.version} + 1` })
            .where(key);
        } else {
          if (body.version !== null) throw new DomainError('conflict.stale_version');
          await tx.insert(planJointMeetings).values({ districtCode: actor.districtCode, year, ...values });
        }
        await recordAudit(tx, ctx, {
          action: existing ? 'plan.meeting_update' : 'plan.meeting_record',
          objectType: 'plan_joint_meeting',
          objectId: String(year),
          changes: { year, heldOn: body.heldOn, conclusions: body.conclusions.length },
        });
        const [row] = await tx.select().from(planJointMeetings).where(key);
        return toMeeting(row!);
      });
    },
  };
}
