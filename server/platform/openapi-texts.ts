/**
 * The words of the OpenAPI document: operation ids that the path rule (openapi.ts) cannot name well,
 * one summary per operation (English summary; Chinese first in the description), tag descriptions,
 * and request-body examples of the main write operations. Mechanics live in openapi.ts.
 * Business modules keep theirs in server/modules/<module>/openapi-texts.ts, merged in at the end.
 */
import { texts as exchange } from '../modules/exchange/openapi-texts.ts';
import { texts as families } from '../modules/families/openapi-texts.ts';
import { texts as operating } from '../modules/operating/openapi-texts.ts';
import { texts as plan } from '../modules/plan/openapi-texts.ts';
import { texts as quality } from '../modules/quality/openapi-texts.ts';
import { texts as subsidy } from '../modules/subsidy/openapi-texts.ts';
import { texts as supervision } from '../modules/supervision/openapi-texts.ts';
import { texts as workforce } from '../modules/workforce/openapi-texts.ts';

/** `METHOD url` → operationId, where the path rule gives an awkward or ambiguous name. */
const CORE_OPERATION_ID_OVERRIDES: Record<string, string> = {
  'POST /api/v1/institutions/:id/transitions': 'institutions.transition',
  'GET /api/v1/institutions/:id/documents/:docId': 'institutions.downloadDocument',
  'POST /api/v1/institutions/:id/documents': 'institutions.uploadDocument',
  'GET /api/v1/institutions/imports/template': 'institutions.importTemplate',
  'POST /api/v1/institutions/imports': 'institutions.startImport',
  'GET /api/v1/institutions/imports/:runId': 'institutions.getImport',
  'POST /api/v1/institutions/imports/:runId/commit': 'institutions.commitImport',
  'GET /api/v1/institutions/imports/:runId/errors': 'institutions.importErrors',
  'GET /api/v1/institutions/national-filings/export': 'institutions.exportNationalFilings',
  'GET /api/v1/institutions/national-sync': 'institutions.nationalSync',
  'POST /api/v1/institutions/:id/national-sync/resend': 'institutions.nationalResend',
  'GET /api/v1/public/institutions': 'public.listInstitutions',
  'GET /api/v1/public/institutions/:id': 'public.getInstitution',
  'GET /api/v1/institutions/:id/fee-list': 'institutions.getFeeList',
  'PUT /api/v1/institutions/:id/fee-list': 'institutions.saveFeeList',
  'POST /api/v1/institutions/:id/fee-list/publish': 'institutions.publishFeeList',
  'GET /api/v1/public/institutions/:id/fee-list': 'public.getInstitutionFeeList',
  'GET /api/v1/calendar': 'calendar.overview',
  'POST /api/v1/calendar/years': 'calendar.enterYear',
  'POST /api/v1/calendar/years/:id/confirm': 'calendar.confirmYear',
  'POST /api/v1/calendar/years/:id/reject': 'calendar.rejectYear',
  'POST /api/v1/calendar/years/:id/withdraw': 'calendar.withdrawYear',
  'POST /api/v1/auth/password': 'auth.changePassword',
  'POST /api/v1/users/:id/password': 'users.resetPassword',
  'PUT /api/v1/users/:id/grant': 'users.grant',
  'POST /api/v1/notifications/:id/read': 'notifications.markRead',
  'POST /api/v1/notifications/read-all': 'notifications.markAllRead',
  'GET /api/v1/dashboard': 'dashboard.get',
  'GET /api/health': 'system.health',
  'GET /api/v1/config': 'system.config',
  'GET /api/v1/divisions': 'reference.divisions',
};

/** What a module adds to the document. */
export interface ModuleOpenApiTexts {
  operationIds: Record<string, string>;
  summaries: Record<string, Words>;
  tags: Record<string, string>;
  examples: Record<string, Record<string, { summary: string; value: unknown }>>;
}

export interface Words {
  en: string;
  zh: string;
}

/** operationId → summary (en) and its Chinese; a test fails for an operation without one. */
const CORE_SUMMARIES: Record<string, Words> = {
  'institutions.list': { en: 'List institutions in scope', zh: '查询管辖范围内的托育机构' },
  'institutions.create': { en: 'Create an institution (draft)', zh: '新建托育机构（草稿）' },
  'institutions.reviewQueue': { en: 'Review queue of filings', zh: '备案审核队列' },
  'institutions.export': { en: 'Export institutions (background job)', zh: '导出托育机构（后台任务）' },
  'institutions.exportNationalFilings': {
    en: "Export filings, changes and closures of a date range in the national filing system's fields",
    zh: '按日期范围导出备案、变更、注销记录（国家托育机构备案信息系统字段）',
  },
  'institutions.nationalSync': {
    en: "Each institution's sync with the national filing system (says when sync is off)",
    zh: '各机构与国家托育机构备案信息系统的同步状态（未配置时说明同步已关闭）',
  },
  'institutions.nationalResend': {
    en: "Resend an institution's records to the national filing system",
    zh: '重新向国家备案系统发送机构记录',
  },
  'institutions.get': { en: 'Get one institution', zh: '查看托育机构详情' },
  'institutions.update': { en: 'Update an institution', zh: '修改托育机构信息' },
  'institutions.reveal': { en: 'Reveal one masked personal value', zh: '查看一项脱敏个人信息原文' },
  'institutions.setClasses': { en: "Replace an institution's classes", zh: '整体替换托育机构的班级' },
  'institutions.transition': {
    en: 'Move an institution through its filing workflow',
    zh: '托育机构备案状态流转',
  },
  'institutions.downloadDocument': { en: 'Download a filing document', zh: '下载备案材料' },
  'institutions.uploadDocument': { en: 'Upload a filing document', zh: '上传备案材料' },
  'institutions.importTemplate': { en: 'Download the import template', zh: '下载导入模板' },
  'institutions.startImport': {
    en: 'Upload a spreadsheet for import (dry run)',
    zh: '上传导入表格（试运行）',
  },
  'institutions.getImport': { en: 'Get an import run', zh: '查看导入批次' },
  'institutions.commitImport': { en: 'Commit an import run', zh: '确认提交导入批次' },
  'institutions.importErrors': { en: "Download an import run's error report", zh: '下载导入错误报告' },
  'public.listInstitutions': { en: 'Search published institutions (portal)', zh: '门户查询已公开的托育机构' },
  'public.getInstitution': { en: 'Get a published institution (portal)', zh: '门户查看托育机构' },
  'institutions.getFeeList': {
    en: "An institution's fee list: the draft, the list in force and its flag",
    zh: '查看机构收费公示清单（草稿、公示中版本与提示）',
  },
  'institutions.saveFeeList': { en: "Save an institution's draft fee list", zh: '保存机构收费清单草稿' },
  'institutions.publishFeeList': {
    en: 'Publish the draft fee list (the list in force is kept as an earlier version)',
    zh: '发布收费公示清单（原公示版本保留为历史版本）',
  },
  'public.getInstitutionFeeList': {
    en: "A listed institution's published fee list (portal)",
    zh: '门户查看机构收费公示清单',
  },
  'exports.get': { en: 'Download an export file', zh: '下载导出文件' },
  'calendar.overview': { en: 'Working-day calendar overview', zh: '工作日历概览' },
  'calendar.differences': { en: 'Differences between shipped and local years', zh: '内置与本地日历年份差异' },
  'calendar.enterYear': { en: "Enter a year's holiday notice", zh: '录入年度放假通知' },
  'calendar.confirmYear': { en: 'Confirm an entered year (second officer)', zh: '复核确认日历年份' },
  'calendar.rejectYear': { en: 'Reject an entered year', zh: '退回日历年份' },
  'calendar.withdrawYear': { en: 'Withdraw a draft year you entered', zh: '撤回本人录入的日历年份草稿' },
  'auth.login': { en: 'Log in (sets the session cookie)', zh: '登录（设置会话 Cookie）' },
  'auth.me': { en: 'The current account', zh: '当前账号信息' },
  'auth.session': {
    en: 'The current session, or null without one (never 401: the console asks it on the login page)',
    zh: '当前会话；未登录时返回 null（不返回 401，供登录页使用）',
  },
  'auth.logout': { en: 'Log out', zh: '退出登录' },
  'auth.changePassword': { en: 'Change my password', zh: '修改本人密码' },
  'users.list': { en: 'List accounts', zh: '查询账号' },
  'users.create': { en: 'Create an account', zh: '新建账号' },
  'users.update': { en: 'Update or disable an account', zh: '修改或停用账号' },
  'users.resetPassword': { en: "Reset an account's password", zh: '重置账号密码' },
  'users.grant': { en: 'Grant a role and scope', zh: '授予角色与管辖范围' },
  'users.unlock': { en: 'Unlock an account', zh: '解锁账号' },
  'audit.list': { en: 'Search the audit log', zh: '查询审计日志' },
  'audit.verify': { en: 'Verify the audit hash chain', zh: '校验审计日志哈希链' },
  'audit.actors': {
    en: "The accounts that appear in the trail (the auditor's account picker)",
    zh: '审计日志中出现的账号（审计员选择操作人用）',
  },
  'audit.export': {
    en: 'Export the filtered audit trail (XLSX or CSV; audited)',
    zh: '导出筛选后的审计日志（XLSX 或 CSV，留痕）',
  },
  'jobs.get': { en: 'Get a background job', zh: '查看后台任务' },
  'jobs.list': { en: 'List background jobs', zh: '查询后台任务' },
  'notifications.list': { en: 'My notifications', zh: '我的通知' },
  'notifications.unreadCount': { en: 'Count of my unread notifications', zh: '未读通知数' },
  'notifications.markRead': { en: 'Mark a notification read', zh: '标记通知已读' },
  'notifications.markAllRead': { en: 'Mark all my notifications read', zh: '全部标记已读' },
  'dashboard.get': { en: 'Home page figures for my role', zh: '首页统计（按角色）' },
  'system.health': { en: 'Health check', zh: '健康检查' },
  'system.config': { en: 'Public client configuration', zh: '前端公开配置' },
  'reference.divisions': { en: 'Administrative divisions (towns)', zh: '行政区划（街镇）' },
};

/** Tag (module) descriptions, zh and en. */
const CORE_TAGS: Record<string, string> = {
  institutions: '托育机构备案登记 / Childcare institution registry and filing',
  public: '公众门户（无需登录）/ Public portal (no login)',
  exports: '导出文件 / Export files',
  calendar: '工作日历（法定节假日）/ Working-day calendar (public holidays)',
  auth: '登录与会话 / Login and session',
  users: '账号与授权（三员分立）/ Accounts and grants (separation of duties)',
  audit: '审计日志 / Audit log',
  jobs: '后台任务 / Background jobs',
  notifications: '站内通知 / Notifications',
  dashboard: '首页统计 / Dashboard',
  system: '系统状态与配置 / System health and configuration',
  reference: '参考数据 / Reference data',
};

const institutionExample = {
  name: '青浦示例托育园',
  creditCode: '',
  kind: 'childcare_institution',
  ownership: 'private',
  inclusive: true,
  serviceForms: ['full_day'],
  address: '上海市青浦区示例路 1 号',
  townCode: '310118101',
  lat: 31.15,
  lng: 121.12,
  publicPhone: '021-00000000',
  openingHours: '07:30-17:30',
  fees: { fullDayMonthlyFen: 380000 },
  mealsProvided: true,
  directorName: '张示例',
};

/** operationId → named request-body examples (each is checked against the route's body schema). */
const CORE_EXAMPLES: Record<string, Record<string, { summary: string; value: unknown }>> = {
  'institutions.create': { draft: { summary: 'A new draft institution', value: institutionExample } },
  'institutions.update': {
    phone: { summary: 'Change the public phone', value: { version: 3, publicPhone: '021-00000001' } },
  },
  'institutions.transition': {
    submit: { summary: 'Submit a draft for review', value: { action: 'submit', version: 2 } },
    return: {
      summary: 'Return a filing with a reason',
      value: { action: 'return', reason: '营业执照扫描件不清晰 / The licence scan is illegible', version: 4 },
    },
  },
  'auth.login': {
    login: {
      summary: 'Log in to the district',
      value: { username: 'district.officer', password: 'example-password' },
    },
  },
  'users.create': {
    account: {
      summary: 'A new account (no role until granted)',
      value: { username: 'town.officer.1', displayName: '示例街镇干部', password: 'initial-password-1' },
    },
  },
  'calendar.enterYear': {
    year: {
      summary: "A year's holiday notice",
      value: {
        year: 2027,
        noticeTitle: '国务院办公厅关于2027年部分节假日安排的通知',
        noticeNumber: '',
        noticeDate: '2026-11-10',
        holidays: [{ festival: 'new_year', from: '2027-01-01', to: '2027-01-01' }],
        workdays: [],
      },
    },
  },
};

const MODULES: readonly ModuleOpenApiTexts[] = [
  workforce,
  supervision,
  families,
  quality,
  plan,
  exchange,
  subsidy,
  operating,
];

export const OPERATION_ID_OVERRIDES: Record<string, string> = Object.assign(
  {},
  CORE_OPERATION_ID_OVERRIDES,
  ...MODULES.map((m) => m.operationIds),
);
export const SUMMARIES: Record<string, Words> = Object.assign(
  {},
  CORE_SUMMARIES,
  ...MODULES.map((m) => m.summaries),
);
export const TAGS: Record<string, string> = Object.assign({}, CORE_TAGS, ...MODULES.map((m) => m.tags));
export const EXAMPLES: Record<string, Record<string, { summary: string; value: unknown }>> = Object.assign(
  {},
  CORE_EXAMPLES,
  ...MODULES.map((m) => m.examples),
);
