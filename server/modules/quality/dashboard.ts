/**
 * Home-page figures of the quality module: the district sees its open rounds' progress and its
 * demonstration institutions; an institution or an evaluator sees the forms it still has to fill in.
 * Reads through the same scoped queries as the API (repository.ts).
 */
import type { DashboardItem, DashboardWidget } from '../../../domain/contracts/dashboard.ts';
import { KIND_LABELS } from '../../../domain/contracts/quality.ts';
import type { DashboardProvider } from '../../platform/dashboard.ts';
import * as repo from './repository.ts';

export const qualityDashboard: DashboardProvider = {
  module: 'quality',
  async widgets(db, ctx, actor): Promise<DashboardWidget[]> {
    if (actor.role === 'institution_admin' || actor.role === 'evaluator') {
      const forms = (await repo.evaluationsInScope(db, actor)).filter(
        ({ e, round }) =>
          round.status === 'open' &&
          e.status === 'assigned' &&
          ctx.now <= (e.kind === 'self' ? round.selfDeadline : round.reviewDeadline),
      );
      if (forms.length === 0) return [];
      const items: DashboardItem[] = (['self', 'peer', 'commissioned'] as const)
        .map((k) => ({ k, n: forms.filter(({ e }) => e.kind === k).length }))
        .filter((x) => x.n > 0)
        .map((x) => ({
          key: `quality-todo-${x.k}`,
          label: { zh: `待填写${KIND_LABELS[x.k].zh}`, en: `${KIND_LABELS[x.k].en} to fill in` },
          value: x.n,
          href: '/admin/quality/evaluations',
        }));
      return [
        {
          id: 'quality-tasks',
          kind: 'tasks',
          title: { zh: '质量评估任务', en: 'Quality evaluation' },
          items,
        },
      ];
    }
    if (actor.role !== 'district_officer') return [];
    const rounds = await repo.listRounds(db, actor);
    const open = rounds.filter((r) => r.status === 'open');
    let submitted = 0;
    let total = 0;
    for (const r of open)
      for (const { e } of await repo.evaluationsInScope(db, actor, r.id)) {
        total += 1;
        if (e.status === 'submitted') submitted += 1;
      }
    let demonstrations = 0;
    for (const r of rounds.filter((x) => x.status === 'completed').slice(0, 1))
      demonstrations = (await repo.participantsOf(db, actor, r.id)).filter(({ p }) => p.demonstration).length;
    return [
      {
        id: 'quality-overview',
        kind: 'numbers',
        title: { zh: '质量评估', en: 'Quality evaluation' },
        items: [
          {
            key: 'quality-open-rounds',
            label: { zh: '进行中的评估轮次', en: 'Open rounds' },
            value: open.length,
            href: '/admin/quality',
          },
          {
            key: 'quality-forms-submitted',
            label: { zh: '已提交评估表', en: 'Forms submitted' },
            value: submitted,
          },
          {
            key: 'quality-forms-pending',
            label: { zh: '待提交评估表', en: 'Forms pending' },
            value: total - submitted,
            tone: total - submitted > 0 ? 'warning' : 'normal',
          },
          {
            key: 'quality-demonstrations',
            label: { zh: '示范性托育机构（最近一轮）', en: 'Demonstration institutions (latest round)' },
            value: demonstrations,
            href: '/admin/quality/demonstration',
          },
        ],
      },
    ];
  },
};
