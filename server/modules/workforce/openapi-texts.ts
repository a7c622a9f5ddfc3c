/** The words of the Workforce (issue 9) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

const B = '/api/v1/workforce';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    [`GET ${B}/staff`]: 'workforce.listStaff',
    [`POST ${B}/staff`]: 'workforce.createStaff',
    [`GET ${B}/staff/:id`]: 'workforce.getStaff',
    [`POST ${B}/staff/:id/reveal`]: 'workforce.revealStaff',
    [`POST ${B}/staff/:id/employments`]: 'workforce.addEmployment',
    [`POST ${B}/staff/:id/employments/:employmentId/end`]: 'workforce.endEmployment',
    [`PUT ${B}/staff/:id/employments/:employmentId/classes`]: 'workforce.assignClasses',
    [`POST ${B}/staff/:id/certificates`]: 'workforce.addCertificate',
    [`GET ${B}/bans`]: 'workforce.listBans',
    [`POST ${B}/bans`]: 'workforce.createBan',
    [`POST ${B}/bans/:id/lift`]: 'workforce.liftBan',
    [`GET ${B}/trainings`]: 'workforce.listTrainings',
    [`POST ${B}/trainings`]: 'workforce.createTraining',
    [`POST ${B}/trainings/:id/attendance`]: 'workforce.addAttendance',
    [`GET ${B}/compliance`]: 'workforce.compliance',
    [`GET ${B}/compliance/export`]: 'workforce.exportCompliance',
  },
  summaries: {
    'workforce.listStaff': {
      en: 'List staff in scope (personal numbers masked)',
      zh: '查询管辖范围内的从业人员（证件号码脱敏）',
    },
    'workforce.createStaff': {
      en: 'Register a person and hire them (ban-list screening; one active caregiving post)',
      zh: '登记从业人员并录用（终身禁入筛查；同时只能任一个保育岗位）',
    },
    'workforce.getStaff': {
      en: 'One person: employments in scope, certificates, training this year',
      zh: '从业人员详情：管辖范围内的任职、证书、本年度培训',
    },
    'workforce.revealStaff': {
      en: "Reveal a person's ID number or mobile (purpose required; audited)",
      zh: '查看证件号码或手机号码明文（须说明用途，记审计）',
    },
    'workforce.addEmployment': { en: 'Hire a registered person at an institution', zh: '录用已登记人员' },
    'workforce.endEmployment': { en: 'End an employment', zh: '办理离职' },
    'workforce.assignClasses': { en: 'Set the classes an employment works in', zh: '设置任职的配班班级' },
    'workforce.addCertificate': { en: 'Add a certificate', zh: '登记证书' },
    'workforce.listBans': { en: 'The lifetime ban list (district officers)', zh: '终身禁入名单（区级）' },
    'workforce.createBan': {
      en: 'Add a person and the direct managers to the ban list (re-screens all staff)',
      zh: '将行为人及直接管理人员列入终身禁入名单（并复查全部在职人员）',
    },
    'workforce.liftBan': { en: 'Lift a ban entry (audited)', zh: '解除名单条目（记审计）' },
    'workforce.listTrainings': { en: 'Training events of a year', zh: '年度培训活动' },
    'workforce.createTraining': { en: 'Record a training event', zh: '登记培训活动' },
    'workforce.addAttendance': { en: 'Mark attendance of a training', zh: '登记培训出勤' },
    'workforce.compliance': {
      en: 'Staffing compliance: classes against the ratio rules, certified rate, expiring certificates, training pace',
      zh: '配班合规：班级师幼比、持证上岗率、即将到期证书、培训进度',
    },
    'workforce.exportCompliance': {
      en: 'Export the class staffing table (XLSX/CSV)',
      zh: '导出班级配班合规表',
    },
  },
  tags: {
    workforce:
      'Workforce: staff registry, certificates, lifetime ban screening, training ledger, staffing compliance / 从业人员队伍',
  },
  examples: {},
};
