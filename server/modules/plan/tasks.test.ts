/**
 * Issue 13, Responsibilities (附件：任务分工方案): the 21 tasks with their units, a liaison's quarterly
 * report on its unit's tasks only, overdue flags by the due date, the unit assignment, the joint
 * meeting's review; scope (a town officer gets nothing), bad input 400 naming the field, nothing written;
 * every write audited.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TasksAnswer } from '../../../domain/contracts/plan-tasks.ts';
import { PROJECTS, quarterState, reportDueDate, TASKS, tasksOfUnit } from '../../../domain/plan/tasks.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { multipartBody } from '../../../test/factories/inputs.ts';
import { SAMPLES } from '../../platform/files/samples.ts';
import { auditLog } from '../../platform/tables.ts';

let t: TestApp;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  t.clock.advance(new Date('2026-07-15T02:00:00Z').getTime() - t.clock.now().getTime());
  await t.createUser('tk_d', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('tk_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  ids.edu = await t.createUser('tk_edu', 'department', { kind: 'division', divisionCode: DISTRICT });
  ids.fire = await t.createUser('tk_fire', 'department', { kind: 'division', divisionCode: DISTRICT });
  ids.none = await t.createUser('tk_none', 'department', { kind: 'division', divisionCode: DISTRICT });
});
afterAll(() => t.close());

const as = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await t.login(who), body });
const report = (who: string, code: string, body: Record<string, unknown>) =>
  as(who, 'POST', `/api/v1/plan/tasks/${code}/reports`, {
    year: 2026,
    quarter: 2,
    status: 'on_track',
    progress: '本季度按计划推进。',
    version: null,
    ...body,
  });

describe('the annex as data', () => {
  it('holds the seed’s 9 projects and 21 tasks, each with a lead unit', () => {
    expect(PROJECTS).toHaveLength(9);
    expect(TASKS).toHaveLength(21);
    expect(new Set(TASKS.map((x) => x.code)).size).toBe(21);
    for (const task of TASKS) {
      expect(task.lead.length, task.code).toBeGreaterThan(0);
      expect(PROJECTS.some((p) => p.code === task.project)).toBe(true);
    }
    // 区教育局 leads or cooperates on all but T09; 区消防救援支队 cooperates on 4
    expect(tasksOfUnit('edu').length).toBe(20);
    expect(tasksOfUnit('fire').map((x) => x.code)).toEqual(['T01', 'T04', 'T06', 'T08']);
  });
  it('due dates and quarter states', () => {
    expect(reportDueDate(2026, 1)).toBe('2026-04-10');
    expect(reportDueDate(2026, 4)).toBe('2027-01-10');
    expect(quarterState(2026, 1, false, '2026-04-10')).toBe('due');
    expect(quarterState(2026, 1, false, '2026-04-11')).toBe('overdue');
    expect(quarterState(2026, 3, false, '2026-07-15')).toBe('due');
    expect(quarterState(2026, 4, false, '2026-07-15')).toBe('future');
    expect(quarterState(2026, 1, true, '2027-01-01')).toBe('reported');
  });
});

describe('units, reports and the joint meeting', () => {
  it('a district officer assigns units; only department accounts take one; audited', async () => {
    expect(
      (await as('tk_d', 'PUT', `/api/v1/plan/units/members/${ids.edu}`, { unit: 'edu' })).statusCode,
    ).toBe(200);
    expect(
      (await as('tk_d', 'PUT', `/api/v1/plan/units/members/${ids.fire}`, { unit: 'fire' })).statusCode,
    ).toBe(200);
    const bad = await as('tk_d', 'PUT', `/api/v1/plan/units/members/${ids.edu}`, { unit: 'army' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('unit');
    const town = (await t.database.db.execute(
      `select id from users where username = 'tk_town'`,
    )) as unknown as {
      rows: { id: string }[];
    };
    const notDept = await as('tk_d', 'PUT', `/api/v1/plan/units/members/${town.rows[0]!.id}`, {
      unit: 'edu',
    });
    expect(notDept.statusCode).toBe(400);
    expect(notDept.json().errors[0]).toMatchObject({ field: 'userId', rule: 'not_department' });
    const list = (await as('tk_d', 'GET', '/api/v1/plan/units/members')).json();
    expect(
      list.items.map((m: { username: string; unit: string | null }) => `${m.username}:${m.unit}`),
    ).toEqual(['tk_edu:edu', 'tk_fire:fire', 'tk_none:null']);
    expect((await as('tk_edu', 'GET', '/api/v1/plan/units/members')).statusCode).toBe(403);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'plan.unit_assign'));
    expect(audits).toHaveLength(2);
  });

  it('a liaison reports on its unit’s tasks only, for quarters that have begun; a change needs the version', async () => {
    const ok = await report('tk_fire', 'T06', {});
    expect(ok.statusCode, ok.body).toBe(200);
    const first = ok.json();
    expect(first).toMatchObject({ status: 'on_track', version: 1 });
    expect((await report('tk_fire', 'T02', {})).json().code).toBe('plan.not_your_task');
    expect((await report('tk_none', 'T06', {})).json().code).toBe('plan.no_unit');
    expect((await report('tk_d', 'T06', {})).statusCode).toBe(403);
    const ahead = await report('tk_fire', 'T06', { quarter: 4 });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().errors[0]).toMatchObject({ field: 'quarter', rule: 'not_started' });
    const empty = await report('tk_fire', 'T06', { quarter: 1, progress: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('progress');
    const again = await report('tk_fire', 'T06', { status: 'delayed', version: null });
    expect(again.statusCode).toBe(409);
    const changed = await report('tk_fire', 'T06', { status: 'delayed', version: 1 });
    expect(changed.json()).toMatchObject({ id: first.id, status: 'delayed', version: 2 });
    expect(await countRows(t, 'plan_task_reports')).toBe(1);
  });

  it('the task list shows each unit’s quarter state and counts the overdue; the liaison sees its own', async () => {
    const all = (await as('tk_d', 'GET', '/api/v1/plan/tasks?year=2026')).json() as TasksAnswer;
    expect(all.tasks).toHaveLength(21);
    expect(all.statement?.zh).toContain('2021—2023');
    const t06 = all.tasks.find((x) => x.code === 'T06')!;
    const q2 = t06.quarters.find((q) => q.quarter === 2)!;
    expect(q2.units.find((u) => u.unit === 'fire')).toMatchObject({
      state: 'reported',
      report: { status: 'delayed' },
    });
    expect(q2.units.find((u) => u.unit === 'edu')).toMatchObject({ state: 'overdue', report: null });
    expect(t06.quarters.find((q) => q.quarter === 3)!.units[0]!.state).toBe('due');
    expect(t06.quarters.find((q) => q.quarter === 4)!.units[0]!.state).toBe('future');
    // Q1 and Q2 of every unit on every task are overdue but the one report
    const slots = TASKS.reduce((n, x) => n + x.lead.length + x.cooperating.length, 0);
    expect(all.overdue).toBe(slots * 2 - 1);
    const fire = (await as('tk_fire', 'GET', '/api/v1/plan/tasks?year=2026')).json() as TasksAnswer;
    expect(fire.unit).toBe('fire');
    expect(fire.tasks.filter((x) => x.mine).map((x) => x.code)).toEqual(['T01', 'T04', 'T06', 'T08']);
    expect(fire.overdue).toBe(4 * 2 - 1);
    expect((await as('tk_town', 'GET', '/api/v1/plan/tasks')).statusCode).toBe(403);
    const future = await as('tk_d', 'GET', '/api/v1/plan/tasks?year=2027');
    expect(future.statusCode).toBe(400);
  });

  it('evidence files on a report: its unit attaches and deletes its own; readers list and download; a bad file is refused', async () => {
    const list = (await as('tk_d', 'GET', '/api/v1/plan/tasks?year=2026')).json() as TasksAnswer;
    const rep = list.tasks
      .find((x) => x.code === 'T06')!
      .quarters.find((q) => q.quarter === 2)!
      .units.find((u) => u.unit === 'fire')!.report!;
    expect(rep.files).toEqual([]);
    const url = `/api/v1/plan/tasks/reports/${rep.id}/files`;
    const upload = async (who: string, name: string, type: string, data: Buffer) => {
      const m = multipartBody(name, type, data);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: await t.login(who), ...m.headers },
        payload: m.payload,
      });
    };
    const ok = await upload('tk_fire', '消防检查通报.pdf', 'application/pdf', SAMPLES.pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    const file = ok.json();
    expect(file).toMatchObject({ fileName: '消防检查通报.pdf', contentType: 'application/pdf' });
    // another unit's liaison, a district officer (reads only): refused, nothing stored
    expect((await upload('tk_edu', 'a.pdf', 'application/pdf', SAMPLES.pdf)).json().code).toBe(
      'plan.not_your_report',
    );
    expect((await upload('tk_d', 'a.pdf', 'application/pdf', SAMPLES.pdf)).statusCode).toBe(403);
    // an executable renamed .pdf: 400 naming the field and the rule
    const exe = await upload('tk_fire', 'report.pdf', 'application/pdf', SAMPLES.elf);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().errors[0]).toMatchObject({ field: 'file', rule: 'file.executable' });
    expect(await countRows(t, 'attachments')).toBe(1);
    // the district reads the report with its file and downloads it
    const again = (await as('tk_d', 'GET', '/api/v1/plan/tasks?year=2026')).json() as TasksAnswer;
    const shown = again.tasks
      .find((x) => x.code === 'T06')!
      .quarters[1]!.units.find((u) => u.unit === 'fire')!;
    expect(shown.report!.files.map((f) => f.id)).toEqual([file.id]);
    const got = await as('tk_d', 'GET', `${url}/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(SAMPLES.pdf)).toBe(true);
    expect((await as('tk_town', 'GET', url)).statusCode).toBe(403);
    // deleting: not by another unit; by the uploader
    expect((await as('tk_edu', 'DELETE', `${url}/${file.id}`)).statusCode).toBe(403);
    expect((await as('tk_fire', 'DELETE', `${url}/${file.id}`)).statusCode).toBe(200);
    expect((await as('tk_d', 'GET', url)).json().items).toEqual([]);
    const trail = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.objectId, [rep.id, file.id]));
    expect(trail.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        'plan.task_report_file_upload',
        'plan.task_report_file_download',
        'plan.task_report_file_delete',
      ]),
    );
  });

  it('the joint meeting records its review with a conclusion per task; bad input names the field', async () => {
    const bad = await as('tk_d', 'PUT', '/api/v1/plan/meetings/2025', {
      heldOn: '2026-08-01',
      summary: '审议',
      conclusions: [
        { taskCode: 'T99', conclusion: '?' },
        { taskCode: 'T01', conclusion: '完成' },
        { taskCode: 'T01', conclusion: '重复' },
      ],
      version: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      'heldOn:in_future',
      'conclusions.0.taskCode:unknown_task',
      'conclusions:duplicate_task',
    ]);
    expect(await countRows(t, 'plan_joint_meetings')).toBe(0);
    const body = {
      heldOn: '2026-01-20',
      summary: '联席会议审议 2025 年任务分工落实情况。',
      conclusions: [{ taskCode: 'T03', conclusion: '滞后，请加快。' }],
      version: null,
    };
    const saved = await as('tk_d', 'PUT', '/api/v1/plan/meetings/2025', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2025, version: 1 });
    expect((await as('tk_d', 'PUT', '/api/v1/plan/meetings/2025', body)).statusCode).toBe(409);
    expect(
      (await as('tk_d', 'PUT', '/api/v1/plan/meetings/2025', { ...body, version: 1 })).json().version,
    ).toBe(2);
    const y = (await as('tk_edu', 'GET', '/api/v1/plan/tasks?year=2025')).json() as TasksAnswer;
    expect(y.meeting?.conclusions).toEqual([{ taskCode: 'T03', conclusion: '滞后，请加快。' }]);
    expect(
      (await as('tk_edu', 'PUT', '/api/v1/plan/meetings/2025', { ...body, version: 2 })).statusCode,
    ).toBe(403);
  });
});
