/** The supervision module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const supervisionErrors = defineErrors('supervision', {
  'supervision.complaint_rate_limited': {
    status: 429,
    zh: '提交或查询过于频繁，请一小时后再试',
    en: 'Too many submissions or lookups from this network address: try again in an hour',
  },
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
  'supervision.not_assigned': {
    status: 403,
    zh: '您不是本次检查的指派检查人员（或本机构自查人），不能记录或签字',
    en: 'You are not assigned to this inspection (or its self-check): you cannot record or sign it',
  },
  'supervision.inspection_signed': {
    status: 409,
    zh: '检查记录已全部签字，不能再修改',
    en: 'The inspection is signed by all; it cannot be changed',
  },
  'supervision.already_signed': {
    status: 409,
    zh: '您已签字，不能重复签字',
    en: 'You have already signed this inspection',
  },
  'supervision.results_incomplete': {
    status: 409,
    zh: '检查表仍有条目未填写结果，不能签字',
    en: 'Some checklist items have no result yet; the inspection cannot be signed',
  },
  'supervision.evidence_locked': {
    status: 409,
    zh: '整改材料已提交或已销项，不能再增删附件',
    en: 'Evidence has been submitted (or the item is closed); attachments can no longer change',
  },
  'supervision.not_uploader': {
    status: 403,
    zh: '只能删除本人上传的附件',
    en: 'You can only delete attachments you uploaded',
  },
  'supervision.self_check_exists': {
    status: 409,
    zh: '本机构该月已有自查记录',
    en: 'This institution already has a self-check for the month',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    supervision: typeof supervisionErrors;
  }
}
