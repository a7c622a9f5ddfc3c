/** The operating subsidy's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const operatingErrors = defineErrors('operating', {
  'operating.district_scope': {
    status: 403,
    zh: '只有区级账号可以修改普惠托育运营补贴设置',
    en: 'Only a district-wide account may change the operating-subsidy settings',
  },
  'operating.class_not_found': {
    status: 404,
    zh: '未找到该班级（或不在您的管辖范围内）',
    en: 'Class not found (or outside your jurisdiction)',
  },
  'operating.child_not_found': {
    status: 404,
    zh: '本班名册中没有该幼儿（或不在您的管辖范围内）',
    en: "No such child on this class's roster (or outside your jurisdiction)",
  },
  'operating.claim_not_found': {
    status: 404,
    zh: '未找到该运营补贴申报（或不在您的管辖范围内）',
    en: 'Claim not found (or outside your jurisdiction)',
  },
  'operating.claim_exists': {
    status: 409,
    zh: '本机构该月已有运营补贴申报（每机构每月一份）',
    en: 'This institution already has a claim for that month (one per institution per month)',
  },
  'operating.rate_exists': {
    status: 409,
    zh: '该生效日期已有补贴标准（标准只追加，不覆盖）',
    en: 'An amount with that effective date exists already (amounts are appended, never overwritten)',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    operating: typeof operatingErrors;
  }
}
