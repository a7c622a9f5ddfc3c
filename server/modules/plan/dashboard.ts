/**
 * The plan's home-page widget: how many of the caller's targets this year are met, on track, at risk,
 * missed or without a data source yet (district officer: the district's targets; town officer: its
 * town's). Counted by the same service as the plan page, so the numbers agree.
 */
import { roleMay } from '../../../domain/contracts/permissions.ts';
import { PLAN_TARGET_STATUSES, type PlanTargetStatus } from '../../../domain/plan/status.ts';
import type { DashboardProvider } from '../../platform/dashboard.ts';
import type { PlanService } from './service.ts';

const LABELS: Record<PlanTargetStatus, { zh: string; en: string }> = {
  met: { zh: '已达成', en: 'Met' },
  on_track: { zh: '进度正常', en: 'On track' },
  at_risk: { zh: '存在风险', en: 'At risk' },
  missed: { zh: '未达成', en: 'Missed' },
  no_data: { zh: '暂无数据来源', en: 'No data source yet' },
  measured: { zh: '仅实测（无数值目标）', en: 'Measured only' },
};
const TONES: Partial<Record<PlanTargetStatus, 'warning' | 'danger'>> = {
  at_risk: 'warning',
  missed: 'danger',
};

export function planDashboard(plan: PlanService): DashboardProvider {
  return {
    module: 'plan',
    async widgets(_db, ctx, actor) {
      if (!roleMay(actor.role, 'plan.read')) return [];
      const dash = await plan.dashboard(ctx, actor, {}, { summary: true });
      if (!dash.version) return [];
      const counts = new Map<PlanTargetStatus, number>();
      for (const r of dash.targets) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      return [
        {
          id: 'plan.targets',
          kind: 'numbers',
          asOf: dash.asOf,
          title: {
            zh: `行动计划目标（${dash.year}${dash.carriedForward ? '，延续' : ''}）`,
            en: `Plan targets (${dash.year}${dash.carriedForward ? ', carried forward' : ''})`,
          },
          items: PLAN_TARGET_STATUSES.filter((s) => counts.has(s)).map((s) => ({
            key: `plan.${s}`,
            label: LABELS[s],
            value: counts.get(s) ?? 0,
            ...(TONES[s] ? { tone: TONES[s] } : {}),
            href: '/admin/plan',
          })),
        },
      ];
    },
  };
}
