/** The institutions module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const institutionErrors = defineErrors('institutions', {
  'institutions.not_editable': {
    status: 409,
    zh: '当前状态下您不能修改该机构（机构负责人只能修改草稿或被退回的备案）',
    en: 'You cannot change this institution in its current state (institution admins edit drafts and returned filings only)',
  },
  'institutions.national_sync_off': {
    status: 409,
    zh: '未配置国家备案系统地址（NATIONAL_FILING_URL），同步已关闭，未加入队列',
    en: 'The national filing system is not configured (NATIONAL_FILING_URL): sync is off, nothing was queued',
  },
  'institutions.national_not_filed': {
    status: 409,
    zh: '该机构尚未予以备案，没有可发送到国家系统的记录',
    en: 'This institution is not filed yet: it has no record to send to the national system',
  },
  'institutions.fee_list_no_draft': {
    status: 409,
    zh: '没有待发布的收费清单草稿，请先保存清单',
    en: 'There is no draft fee list to publish: save the list first',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    institutions: typeof institutionErrors;
  }
}
