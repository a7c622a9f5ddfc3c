/** The childcare-subsidy casework's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const subsidyErrors = defineErrors('subsidy', {
  'subsidy.no_rules': {
    status: 409,
    zh: '今日没有生效的育儿补贴规则（规则包未覆盖）',
    en: 'No childcare-subsidy rules are in force today (no rule pack covers it)',
  },
  'subsidy.not_allowed': {
    status: 409,
    zh: '该申请当前状态不能进行此操作',
    en: 'This application cannot take that step in its current state',
  },
  'subsidy.batch_not_allowed': {
    status: 409,
    zh: '该批次当前状态不能进行此操作',
    en: 'This batch cannot take that step in its current state',
  },
  'subsidy.nothing_due': {
    status: 409,
    zh: '截至所选月份没有应发放的补贴（已全部纳入批次）',
    en: 'Nothing is due through that month (every month due is in a batch already)',
  },
  'subsidy.renewal_not_allowed': {
    status: 409,
    zh: '该年度复核当前状态不能进行此操作（或不属于您的街镇）',
    en: "This renewal cannot take that step in its current state (or it is not your town's)",
  },
  'subsidy.line_returned': {
    status: 409,
    zh: '该明细已退回',
    en: 'This line was returned already',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    subsidy: typeof subsidyErrors;
  }
}
