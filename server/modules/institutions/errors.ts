/** The institutions module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const institutionErrors = defineErrors('institutions', {
  'institutions.not_editable': {
    status: 409,
    zh: '当前状态下您不能修改该机构（机构负责人只能修改草稿或被退回的备案）',
    en: 'You cannot change this institution in its current state (institution admins edit drafts and returned filings only)',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    institutions: typeof institutionErrors;
  }
}
