/** The quality module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const qualityErrors = defineErrors('quality', {
  'quality.framework_in_use': {
    status: 409,
    zh: '该指标体系版本已被评估轮次使用，不能修改；请另存为新版本',
    en: 'This framework version is used by a round and cannot change: save it as a new version',
  },
  'quality.round_closed': {
    status: 409,
    zh: '该评估轮次已完成，不能再修改',
    en: 'The round is completed: it cannot change',
  },
  'quality.deadline_passed': {
    status: 409,
    zh: '已过提交截止时间，不能再提交评估',
    en: 'The deadline has passed: the evaluation can no longer be submitted',
  },
  'quality.already_drawn': {
    status: 409,
    zh: '本轮互评已抽取',
    en: 'The peer reviewers of this round are already drawn',
  },
  'quality.not_drawn': {
    status: 409,
    zh: '本轮尚未抽取互评机构',
    en: 'The peer reviewers of this round are not drawn yet',
  },
  'quality.not_evaluator': {
    status: 404,
    zh: '未被指派到该评估轮次',
    en: 'You are not assigned to this round',
  },
  'quality.incomplete': {
    status: 409,
    zh: '仍有机构的评估未提交，不能完成本轮',
    en: 'Some evaluations are not submitted yet: the round cannot be completed',
  },
  'quality.not_candidate': {
    status: 409,
    zh: '该机构不符合示范性托育机构条件（须已评定、无否决项、等级优秀或良好）',
    en: 'This institution is not eligible as a demonstration institution (needs a result, no veto, grade excellent or good)',
  },
  'quality.too_many_demonstrations': {
    status: 409,
    zh: '每轮最多确认 2 家示范性托育机构',
    en: 'At most 2 demonstration institutions per round',
  },
  'quality.evaluator_role': {
    status: 400,
    zh: '只能指派第三方评估人员（evaluator）角色的账号',
    en: 'Only accounts with the evaluator role can be assigned',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    quality: typeof qualityErrors;
  }
}
