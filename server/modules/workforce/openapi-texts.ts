/** The words of the Workforce (issue 9) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

const B = '/api/v1/workforce';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    [`GET ${B}/staff`]: 'workforce.listStaff',
    [`POST ${B}/staff`]: 'workforce.createStaff',
    [`GET ${B}/staff/:id`]: 'workforce.getStaff',
    [`POST ${B}/staff/:id/reveal`]: 'workforce.revealStaff',
    [`PUT ${B}/staff/:id/registration`]: 'workforce.setRegistration',
    [`POST ${B}/staff/:id/employments`]: 'workforce.addEmployment',
    [`POST ${B}/staff/:id/employments/:employmentId/end`]: 'workforce.endEmployment',
    [`PUT ${B}/staff/:id/employments/:employmentId/classes`]: 'workforce.assignClasses',
    [`POST ${B}/staff/:id/certificates`]: 'workforce.addCertificate',
    [`GET ${B}/staff/:id/certificates/:certificateId/scan`]: 'workforce.getCertificateScan',
    [`POST ${B}/staff/:id/certificates/:certificateId/scan`]: 'workforce.uploadCertificateScan',
    [`GET ${B}/staff/:id/checks`]: 'workforce.listRecordChecks',
    [`POST ${B}/staff/:id/checks`]: 'workforce.recordCheck',
    [`GET ${B}/staff/:id/checks/:checkId/scan`]: 'workforce.getRecordCheckScan',
    [`POST ${B}/staff/:id/checks/:checkId/scan`]: 'workforce.uploadRecordCheckScan',
    [`GET ${B}/bans`]: 'workforce.listBans',
    [`POST ${B}/bans`]: 'workforce.createBan',
    [`POST ${B}/bans/:id/lift`]: 'workforce.liftBan',
    [`GET ${B}/trainings`]: 'workforce.listTrainings',
    [`POST ${B}/trainings`]: 'workforce.createTraining',
    [`POST ${B}/trainings/:id/attendance`]: 'workforce.addAttendance',
    [`GET ${B}/trainings/:id/attendance`]: 'workforce.listAttendance',
    [`GET ${B}/attendance/imports/template`]: 'workforce.attendanceImportTemplate',
    [`POST ${B}/attendance/imports`]: 'workforce.attendanceImportUpload',
    [`GET ${B}/attendance/imports/:runId`]: 'workforce.attendanceImportRun',
    [`POST ${B}/attendance/imports/:runId/commit`]: 'workforce.attendanceImportCommit',
    [`GET ${B}/attendance/imports/:runId/errors`]: 'workforce.attendanceImportErrors',
    [`GET ${B}/imports/template`]: 'workforce.staffImportTemplate',
    [`POST ${B}/imports`]: 'workforce.staffImportUpload',
    [`GET ${B}/imports/:runId`]: 'workforce.staffImportRun',
    [`POST ${B}/imports/:runId/commit`]: 'workforce.staffImportCommit',
    [`GET ${B}/imports/:runId/errors`]: 'workforce.staffImportErrors',
    [`GET ${B}/compliance`]: 'workforce.compliance',
    [`GET ${B}/compliance/export`]: 'workforce.exportCompliance',
    [`GET ${B}/bans/export`]: 'workforce.exportBanList',
    [`POST ${B}/bans/import`]: 'workforce.importBanList',
    [`GET ${B}/staff/:id/records`]: 'workforce.listRecords',
    [`POST ${B}/staff/:id/records`]: 'workforce.addRecord',
    [`GET ${B}/subsidy`]: 'workforce.subsidy',
    [`GET ${B}/subsidy/export`]: 'workforce.exportSubsidy',
  },
  summaries: {
    'workforce.listStaff': {
      en: 'List staff in scope (personal numbers masked)',
      zh: '查询管辖范围内的从业人员（证件号码脱敏）',
    },
    'workforce.createStaff': {
      en: 'Register a person and hire them (ban-list screening; the pre-hire record checks; one active caregiving post)',
      zh: '登记从业人员并录用（终身禁入筛查；入职查询；同时只能任一个保育岗位）',
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
    'workforce.setRegistration': {
      en: "Set a person's childcare practitioner registration (draft childcare law: number, date, issuer; shape only)",
      zh: '登记托育师注册信息（托育服务法草案：编号、日期、注册机关；仅校验格式）',
    },
    'workforce.listRecordChecks': {
      en: "A person's pre-hire record checks (sex-offence query, no-criminal-record certificate)",
      zh: '从业人员的入职查询记录（性侵违法犯罪信息查询、无犯罪记录证明）',
    },
    'workforce.recordCheck': {
      en: 'Record a pre-hire record check for an institution (a record found tells the district officers; audited)',
      zh: '登记入职查询结果（有记录的通知区级主管部门；记审计）',
    },
    'workforce.getRecordCheckScan': {
      en: "Download a record check's scan (audited)",
      zh: '下载入职查询扫描件（记审计）',
    },
    'workforce.uploadRecordCheckScan': {
      en: "Upload a record check's scan (PDF/JPEG/PNG ≤ 5 MB; replaces the current one; audited)",
      zh: '上传入职查询扫描件（PDF/JPEG/PNG，≤ 5 MB；替换当前扫描件；记审计）',
    },
    'workforce.getCertificateScan': {
      en: "Download a certificate's current scan (audited)",
      zh: '下载证书扫描件（记审计）',
    },
    'workforce.uploadCertificateScan': {
      en: "Upload a certificate's scan (PDF/JPEG/PNG ≤ 5 MB; replaces the current one; audited)",
      zh: '上传证书扫描件（PDF/JPEG/PNG，≤ 5 MB；替换当前扫描件；记审计）',
    },
    'workforce.listBans': { en: 'The lifetime ban list (district officers)', zh: '终身禁入名单（区级）' },
    'workforce.createBan': {
      en: 'Add a person and the direct managers to the ban list (re-screens all staff)',
      zh: '将行为人及直接管理人员列入终身禁入名单（并复查全部在职人员）',
    },
    'workforce.liftBan': { en: 'Lift a ban entry (audited)', zh: '解除名单条目（记审计）' },
    'workforce.listTrainings': { en: 'Training events of a year', zh: '年度培训活动' },
    'workforce.createTraining': { en: 'Record a training event', zh: '登记培训活动' },
    'workforce.addAttendance': { en: 'Mark attendance of a training', zh: '登记培训出勤' },
    'workforce.listAttendance': {
      en: 'Who attended a training (people in your scope)',
      zh: '培训参训人员（管辖范围内）',
    },
    'workforce.attendanceImportTemplate': {
      en: 'Template of the training attendance import (XLSX)',
      zh: '培训出勤导入模板',
    },
    'workforce.attendanceImportUpload': {
      en: 'Upload training attendance: a dry run with row errors, nothing written',
      zh: '上传培训出勤（试运行，列出行错误，不写入）',
    },
    'workforce.attendanceImportRun': { en: 'A training attendance import run', zh: '培训出勤导入批次' },
    'workforce.attendanceImportCommit': {
      en: 'Commit a checked training attendance import (a background job)',
      zh: '提交已检查的培训出勤导入（后台任务）',
    },
    'workforce.attendanceImportErrors': {
      en: 'Every row of the import with its errors (XLSX)',
      zh: '导入错误报告（XLSX）',
    },
    'workforce.staffImportTemplate': {
      en: 'Template of the staff import (XLSX)',
      zh: '从业人员导入模板',
    },
    'workforce.staffImportUpload': {
      en: 'Upload staff with their employment: a dry run with row errors (identity, scope, ban-list screening, one care post), nothing written',
      zh: '上传从业人员及任职（试运行，列出行错误：证件、管辖范围、终身禁入筛查、保育岗位唯一；不写入）',
    },
    'workforce.staffImportRun': { en: 'A staff import run', zh: '从业人员导入批次' },
    'workforce.staffImportCommit': {
      en: 'Commit a checked staff import (a background job; people already employed there are skipped)',
      zh: '提交已检查的从业人员导入（后台任务；已在该机构任职的人员跳过）',
    },
    'workforce.staffImportErrors': {
      en: 'Every row of the staff import with its errors (XLSX)',
      zh: '从业人员导入错误报告（XLSX）',
    },
    'workforce.compliance': {
      en: 'Staffing compliance: classes against the ratio rules, certified rate, expiring certificates, training pace',
      zh: '配班合规：班级师幼比、持证上岗率、即将到期证书、培训进度',
    },
    'workforce.exportCompliance': {
      en: 'Export the class staffing table (XLSX/CSV)',
      zh: '导出班级配班合规表',
    },
    'workforce.exportBanList': {
      en: 'Export the ban list in force as a signed file of keyed hashes (no names or numbers; ADR 0018)',
      zh: '导出现行终身禁入名单签名文件（仅散列，不含姓名和证件号码）',
    },
    'workforce.importBanList': {
      en: "Import another district's signed ban list (signature checked; idempotent; re-screens staff)",
      zh: '导入外区终身禁入名单签名文件（校验签名，重复导入不新增，导入后复查在职人员）',
    },
    'workforce.listRecords': {
      en: "A person's assessments, skill assessments, rewards and penalties in scope",
      zh: '人员的过程考核、职业技能鉴定与奖惩记录',
    },
    'workforce.addRecord': {
      en: 'Add an assessment, skill assessment, reward or penalty to a person (audited)',
      zh: '登记过程考核、职业技能鉴定或奖惩（记审计）',
    },
    'workforce.subsidy': {
      en: "Training-fee subsidy eligibility of a year: passed assessments on the rule pack's list",
      zh: '年度培训费补贴名单：鉴定合格且在规则包所列项目内',
    },
    'workforce.exportSubsidy': {
      en: 'Export the training-fee subsidy list (XLSX/CSV)',
      zh: '导出培训费补贴名单',
    },
  },
  tags: {
    workforce:
      'Workforce: staff registry, certificates, lifetime ban screening, training ledger, staffing compliance / 从业人员队伍',
  },
  examples: {},
};
