/**
 * Demo of the annex's responsibilities: the demo liaison account (`department`, 区教育局 联络员) speaks
 * for 区教育局; it has reported on most of its tasks for the quarters of this year that are due, some
 * late or missing (overdue), a few marked delayed; the joint meeting reviewed last year. Texts written
 * for the demo. Own seeded Rng, so other modules' demo data stay as they are.
 */

import { findDivision } from '../../../domain/divisions.ts';
import { quarterStart, reportDueDate, TASKS, tasksOfUnit } from '../../../domain/plan/tasks.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { planJointMeetings, planTaskReports, planUnitMembers } from './task-tables.ts';

const PROGRESS: Record<string, string> = {
  on_track: '按计划推进：本季度召开专题推进会 1 次，各街镇按月报送进度，无明显滞后事项。',
  delayed: '进度滞后：选址与消防审核尚未完成，已协调相关部门，预计下季度补齐。',
  done: '本季度任务已完成，相关材料已归档。',
};

export async function seedTasksDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const userId = ctx.accounts.get('department');
  if (!userId) return;
  const rng = new Rng(districtSeed(13_2027, ctx.district));
  const today = localDate(ctx.now);
  const year = Number(today.slice(0, 4));
  await db.insert(planUnitMembers).values({
    districtCode: ctx.district,
    userId,
    unit: 'edu',
    assignedBy: ctx.accounts.get('district') ?? null,
    assignedAt: ctx.now,
  });
  // The education bureau's document prefix: 青教 for 青浦区, 松教 for 松江区 …
  const bureau = `${(findDivision(ctx.district)?.nameZh ?? '青浦区').slice(0, 1)}教`;
  const rows: (typeof planTaskReports.$inferInsert)[] = [];
  for (const task of tasksOfUnit('edu')) {
    for (const quarter of [1, 2, 3, 4]) {
      if (quarterStart(year, quarter) > today) continue;
      // The running quarter is reported by a few; a past one by most (the rest are overdue).
      const past = reportDueDate(year, quarter) < today;
      if (!rng.chance(past ? 0.8 : 0.3)) continue;
      const status = rng.pick(['on_track', 'on_track', 'on_track', 'delayed', 'done'] as const);
      rows.push({
        districtCode: ctx.district,
        id: uuidv7(ctx.now.getTime()),
        taskCode: task.code,
        unit: 'edu',
        year,
        quarter,
        status,
        progress: PROGRESS[status]!,
        evidence: rng.chance(0.5) ? `${bureau}〔${year}〕${rng.int(10, 99)}号` : null,
        submittedBy: userId,
        submittedAt: ctx.now,
      });
    }
  }
  if (rows.length) await db.insert(planTaskReports).values(rows);
  await db.insert(planJointMeetings).values({
    districtCode: ctx.district,
    year: year - 1,
    heldOn: `${year}-01-20`,
    summary: `区托育服务联席会议审议 ${year - 1} 年任务分工落实情况。会议认为普惠性托育点建设和从业人员培训总体按计划推进，儿童友好社区示范点和家庭科学育儿指导站仍需加快。`,
    conclusions: [
      { taskCode: 'T01', conclusion: '完成：新增普惠性托育点 3 个。' },
      { taskCode: 'T02', conclusion: '基本完成：尚有 1 个街镇的指导站在筹建。' },
      { taskCode: 'T03', conclusion: '滞后：示范点建成 2 个，少于每年 3 个的要求，请区妇儿工委牵头加快。' },
      { taskCode: TASKS[11]!.code, conclusion: '完成：区级专业培训按计划开展。' },
    ],
    recordedBy: ctx.accounts.get('district') ?? null,
    recordedAt: ctx.now,
  });
}
