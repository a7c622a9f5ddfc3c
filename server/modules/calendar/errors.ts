/** The calendar module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const calendarErrors = defineErrors('calendar', {
  'calendar.district_scope': {
    status: 403,
    zh: '只有管辖全区的区级工作人员可以录入或确认节假日安排',
    en: 'Only district officers with the whole district in scope may enter or confirm holiday notices',
  },
  'calendar.four_eyes': {
    status: 409,
    zh: '双人复核：录入人不能确认本人录入的年度，须由另一名区级工作人员确认',
    en: 'Four eyes: the officer who entered a year cannot confirm it; a second district officer must',
  },
  'calendar.same_as_shipped': {
    status: 409,
    zh: '该年度已随系统发布且内容相同，无需本地录入',
    en: 'This year ships with the platform with the same dates: no local entry is needed',
  },
  'calendar.draft_exists': {
    status: 409,
    zh: '该年度已有待确认的草稿，请先确认、驳回或撤回',
    en: 'This year already has a draft awaiting confirmation: confirm, reject or withdraw it first',
  },
  'calendar.withdraw_own': {
    status: 409,
    zh: '只有录入人可以撤回草稿（其他人请驳回）',
    en: 'Only the officer who entered a draft may withdraw it (others reject it)',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    calendar: typeof calendarErrors;
  }
}
