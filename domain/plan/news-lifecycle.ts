/**
 * A portal item (notice, policy document, guidance): draft ──publish──▶ published ──withdraw──▶ withdrawn,
 * and a withdrawn item may be published again. District officers (supervisor) take both actions.
 */
import type { Action } from '../contracts/permissions.ts';
import { NEWS_STATUSES } from '../contracts/plan-news.ts';
import { defineLifecycle, type Relation } from '../lifecycle.ts';

type NewsStatus = (typeof NEWS_STATUSES)[number];
type NewsAction = 'publish' | 'withdraw';

export const newsLifecycle = defineLifecycle<NewsStatus, NewsAction>()<Action, Relation>({
  states: NEWS_STATUSES,
  transitions: {
    publish: {
      from: ['draft', 'withdrawn'],
      to: 'published',
      by: ['supervisor'],
      permission: 'plan.news_manage',
      reasonRequired: false,
      zh: '发布',
      en: 'Publish',
    },
    withdraw: {
      from: ['published'],
      to: 'withdrawn',
      by: ['supervisor'],
      permission: 'plan.news_manage',
      reasonRequired: false,
      zh: '撤回',
      en: 'Withdraw',
    },
  },
});
