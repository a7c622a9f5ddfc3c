/** The plan module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const planErrors = defineErrors('plan', {
  'plan.not_found': { status: 404, zh: '未找到该计划目标', en: 'Plan target not found' },
  'plan.no_plan': {
    status: 409,
    zh: '本区尚无行动计划，无法创建接续计划',
    en: 'The district has no action plan yet: no successor can be created',
  },
  'plan.district_scope': {
    status: 403,
    zh: '只有管辖全区的区级工作人员可以创建或修改接续计划',
    en: 'Only district officers with the whole district in scope may create or change a successor plan',
  },
  'plan.period_order': {
    status: 400,
    zh: '计划期止不能早于计划期起，且接续计划须在前一计划结束后开始',
    en: "The period end may not precede its start, and a successor starts after its predecessor's end",
  },
  'plan.funding_not_found': { status: 404, zh: '未找到该机构', en: 'Institution not found' },
  'plan.funding_no_policy': {
    status: 409,
    zh: '本区没有托班经费标准（规则包）：无法测算',
    en: 'No toddler-class funding values (rule pack) for this district: nothing to compute',
  },
  'plan.funding_district_scope': {
    status: 403,
    zh: '只有管辖全区的区级工作人员可以修改经费测算设置',
    en: 'Only district officers with the whole district in scope may change the funding settings',
  },
  'plan.no_unit': {
    status: 403,
    zh: '您的账号尚未指定责任单位，请联系区级工作人员',
    en: 'Your account has no unit yet: ask a district officer to assign one',
  },
  'plan.not_your_task': {
    status: 403,
    zh: '该任务的责任单位不包括您的单位',
    en: 'Your unit is not named on this task',
  },
  'plan.not_your_report': {
    status: 403,
    zh: '只能为本单位的进展报告添加或删除佐证材料，且只能删除本人上传的文件',
    en: "Only your unit's report takes evidence from you, and only files you uploaded can be deleted",
  },
  'plan.version_not_found': { status: 404, zh: '未找到该计划版本', en: 'Plan version not found' },
  'plan.version_locked': {
    status: 409,
    zh: '只能修改本区创建且仍有效的接续计划的目标值；行动计划原文和已被接续的版本不能修改',
    en: "Only the targets of the district's own successor plan, while it is active, can be changed; the plan document and superseded versions cannot",
  },
  'plan.code_taken': { status: 409, zh: '该版本代码已被使用', en: 'This version code is already in use' },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    plan: typeof planErrors;
  }
}
