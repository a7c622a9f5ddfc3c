/** The words of the inclusive-care operating subsidy (issue 17) in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

const B = '/api/v1/operating';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    [`GET ${B}/settings`]: 'operating.getSettings',
    [`PUT ${B}/settings`]: 'operating.putSettings',
    [`POST ${B}/rates`]: 'operating.addRate',
    [`GET ${B}/classes`]: 'operating.listClasses',
    [`GET ${B}/classes/:classId/register`]: 'operating.getRegisterMonth',
    [`GET ${B}/classes/:classId/roster`]: 'operating.getRoster',
    [`POST ${B}/classes/:classId/roster`]: 'operating.addRosterChild',
    [`PUT ${B}/classes/:classId/roster/:childId/left`]: 'operating.setRosterChildLeft',
    [`GET ${B}/classes/:classId/attendance/:day`]: 'operating.getAttendance',
    [`PUT ${B}/classes/:classId/attendance/:day`]: 'operating.putAttendance',
    [`GET ${B}/attendance/imports/template`]: 'operating.attendanceImportTemplate',
    [`POST ${B}/attendance/imports`]: 'operating.attendanceImportUpload',
    [`GET ${B}/attendance/imports/:runId`]: 'operating.attendanceImportRun',
    [`POST ${B}/attendance/imports/:runId/commit`]: 'operating.attendanceImportCommit',
    [`GET ${B}/attendance/imports/:runId/errors`]: 'operating.attendanceImportErrors',
    [`GET ${B}/claims`]: 'operating.listClaims',
    [`POST ${B}/claims`]: 'operating.buildClaim',
    [`GET ${B}/claims/:claimId`]: 'operating.getClaim',
    [`POST ${B}/claims/:claimId/submit`]: 'operating.submitClaim',
    [`POST ${B}/claims/:claimId/decision`]: 'operating.decideClaim',
    [`GET ${B}/review`]: 'operating.reviewQueue',
    [`GET ${B}/payments`]: 'operating.paymentList',
    [`GET ${B}/payments/export`]: 'operating.exportPayments',
  },
  summaries: {
    'operating.getSettings': {
      en: 'The district’s operating-subsidy settings: amounts per child per month (未设定 when none is in force) and the minimum attended days',
      zh: '普惠托育运营补贴设置：每人每月补贴标准（无生效标准时为未设定）与计补最少出勤天数',
    },
    'operating.putSettings': {
      en: 'Set the minimum attended days for a child-month (district; versioned)',
      zh: '设定计为一个“人·月”的最少出勤天数（区级，乐观锁）',
    },
    'operating.addRate': {
      en: 'Add an amount per child per month with its effective date and citation (appended)',
      zh: '新增每人每月补贴标准（含生效日期与依据，只追加）',
    },
    'operating.getRoster': {
      en: 'A class roster for the attendance register (names masked)',
      zh: '班级出勤登记名册（姓名脱敏）',
    },
    'operating.listClasses': {
      en: 'The classes you may open in the attendance register (your institution’s, or your town’s / district’s)',
      zh: '可查看出勤登记的班级（本机构，或本街镇 / 本区）',
    },
    'operating.getRegisterMonth': {
      en: 'A class’s attendance register for a month: working days, days entered, each child’s days (names masked)',
      zh: '班级某月出勤登记：工作日、已登记日期、每名幼儿出勤天数（姓名脱敏）',
    },
    'operating.addRosterChild': {
      en: 'Add a child to a class roster (name, birth month)',
      zh: '班级名册新增幼儿（姓名、出生年月）',
    },
    'operating.setRosterChildLeft': {
      en: 'A child leaves the class from a date (离园; null undoes it); earlier attendance is kept',
      zh: '幼儿自某日起离园（为空则撤销）；之前的出勤保留',
    },
    'operating.getAttendance': { en: 'A class’s attendance on a day', zh: '班级某日出勤登记' },
    'operating.putAttendance': {
      en: 'Save a day’s tick list (a working day on the district calendar; replaces the day’s marks)',
      zh: '保存某日出勤勾选（须为区工作日历中的工作日；覆盖当日记录）',
    },
    'operating.attendanceImportTemplate': {
      en: 'Template of the attendance register import (XLSX)',
      zh: '考勤登记导入模板',
    },
    'operating.attendanceImportUpload': {
      en: 'Upload attendance (class, child roster id, date, present): a dry run with row errors, nothing written',
      zh: '上传考勤登记（班级、幼儿编号、日期、是否出勤）：试运行，列出行错误，不写入',
    },
    'operating.attendanceImportRun': { en: 'An attendance import run', zh: '考勤登记导入批次' },
    'operating.attendanceImportCommit': {
      en: 'Commit a checked attendance import (a background job)',
      zh: '提交已检查的考勤登记导入（后台任务）',
    },
    'operating.attendanceImportErrors': {
      en: 'Every row of the import with its errors (XLSX)',
      zh: '导入错误报告（XLSX）',
    },
    'operating.listClaims': {
      en: 'Monthly operating-subsidy claims in your jurisdiction (filter by month and status)',
      zh: '管辖范围内的运营补贴月度申报（可按月份、状态筛选）',
    },
    'operating.buildClaim': {
      en: 'Build the institution’s claim for a month from its attendance register (draft; a returned claim is rebuilt)',
      zh: '按出勤登记生成本机构某月的运营补贴申报（草稿；被退回的申报重新生成）',
    },
    'operating.getClaim': { en: 'One operating-subsidy claim', zh: '运营补贴申报详情' },
    'operating.submitClaim': {
      en: 'Submit a draft claim to the district',
      zh: '向区里提交运营补贴申报',
    },
    'operating.decideClaim': {
      en: 'The district approves, rejects (reason) or returns (reason) a submitted claim',
      zh: '区级审核运营补贴申报：通过、驳回（须填理由）或退回修改（须填理由）',
    },
    'operating.reviewQueue': {
      en: 'The district’s queue of submitted claims, oldest first, with working days waited',
      zh: '区级待审运营补贴申报（按提交先后，含已等待工作日）',
    },
    'operating.paymentList': {
      en: 'A month’s payment list: approved claims with totals per town',
      zh: '某月运营补贴发放清单：已通过申报及各街镇合计',
    },
    'operating.exportPayments': {
      en: 'Export a month’s payment list (XLSX or CSV; large lists are made in the background)',
      zh: '导出某月运营补贴发放清单（XLSX 或 CSV；数据量大时后台生成）',
    },
  },
  tags: { operating: '普惠托育运营补贴 / Operating subsidy' },
  examples: {},
};
