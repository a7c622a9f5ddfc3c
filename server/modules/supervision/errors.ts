/** The supervision module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const supervisionErrors = defineErrors('supervision', {
  'supervision.out_of_scope': {
    status: 403,
    zh: '抽查范围不在本人管辖范围内',
    en: 'The division drawn from is outside your scope',
  },
  'supervision.plan_exists': {
    status: 409,
    zh: '该范围本月已有抽查计划',
    en: 'This division already has a draw plan for the month',
  },
  'supervision.already_drawn': {
    status: 409,
    zh: '该计划已抽签，不能重复抽签',
    en: 'This plan has already been drawn; a draw cannot be repeated',
  },
  'supervision.pool_changed': {
    status: 409,
    zh: '承诺后检查对象或检查人员名录已变化，不能抽签；请另立计划',
    en: 'The target or inspector pool changed after the commitment; the draw is refused (commit a new plan)',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    supervision: typeof supervisionErrors;
  }
}
