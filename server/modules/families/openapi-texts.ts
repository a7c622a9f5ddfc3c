/** The words of the Families (issue 11) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

// — guardians' rights (rights-routes.ts) —
const rightsTexts = {
  operationIds: {
    'GET /api/v1/families/:id/export': 'families.exportFamily',
    'GET /api/v1/families/requests': 'families.listRequests',
    'POST /api/v1/families/requests': 'families.submitRequest',
    'POST /api/v1/families/requests/:id/transitions': 'families.transitionRequest',
  },
  summaries: {
    'families.assignWorker': {
      en: "Put a health worker in charge of a community's home visits (or clear it)",
      zh: '社区分工：指定负责该社区上门指导的卫生健康人员（或清除）',
    },
    'families.listHealthWorkers': {
      en: 'Health workers covering the towns in scope',
      zh: '查询管辖范围内的卫生健康人员',
    },
    'families.exportFamily': {
      en: "Export the family's data (the parent; personal numbers masked)",
      zh: '导出本家庭的个人信息（家长；号码脱敏）',
    },
    'families.listRequests': {
      en: 'List correction and deletion requests (with the 15-working-day deadline)',
      zh: '查询更正、删除申请（含 15 个工作日办理期限）',
    },
    'families.submitRequest': {
      en: 'Ask for a correction or deletion of personal data',
      zh: '提出个人信息更正或删除申请',
    },
    'families.transitionRequest': {
      en: 'Complete or reject a request (a deletion anonymises the family)',
      zh: '办结或不予办理申请（删除即匿名化该家庭）',
    },
  },
};

// — online guidance (online-routes.ts) —
const onlineTexts = {
  operationIds: {
    'GET /api/v1/families/online/resources': 'families.listResources',
    'GET /api/v1/families/online/resources/:id': 'families.getResource',
    'POST /api/v1/families/online/resources': 'families.createResource',
    'PATCH /api/v1/families/online/resources/:id': 'families.updateResource',
    'GET /api/v1/families/online/registrations': 'families.listOnlineRegistrations',
    'POST /api/v1/families/online/registrations': 'families.registerOnline',
    'GET /api/v1/families/online/coverage': 'families.onlineCoverage',
    'GET /api/v1/families/online/mine': 'families.myOnline',
    'GET /api/v1/families/distributions': 'families.listDistributions',
    'POST /api/v1/families/distributions': 'families.distribute',
  },
  summaries: {
    'families.listResources': {
      en: 'List the online resource library (a parent: published ones)',
      zh: '查询线上育儿资源库（家长仅见已发布）',
    },
    'families.getResource': { en: 'Get one online resource', zh: '查看线上资源详情' },
    'families.createResource': { en: 'Add an online resource', zh: '新增线上资源' },
    'families.updateResource': {
      en: 'Change, publish or withdraw an online resource (versioned)',
      zh: '修改、发布或下架线上资源（版本校验）',
    },
    'families.listOnlineRegistrations': {
      en: "List families' online platform registrations",
      zh: '查询家庭线上平台注册记录',
    },
    'families.registerOnline': {
      en: 'Record a family registration on an online platform (online-resources consent required)',
      zh: '登记家庭在育之有道、青浦早教等平台注册（须有线上资源同意）',
    },
    'families.onlineCoverage': {
      en: 'Online coverage by town (families with consent, registered by the year end)',
      zh: '线上覆盖情况（按街镇：同意的家庭中年底前已注册的）',
    },
    'families.myOnline': {
      en: "A parent's online resources for their children's ages and registrations",
      zh: '家长：适合孩子月龄的线上资源与注册情况',
    },
    'families.listDistributions': {
      en: 'List handbook and resource-pack distributions',
      zh: '查询母子健康手册、育儿资源包发放记录',
    },
    'families.distribute': {
      en: 'Record a handbook or resource-pack distribution',
      zh: '登记母子健康手册或育儿资源包发放',
    },
  },
};

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    'GET /api/v1/families/communities': 'families.listCommunities',
    'POST /api/v1/families/communities': 'families.createCommunity',
    'PUT /api/v1/families/communities/:code/worker': 'families.assignWorker',
    'GET /api/v1/families/health-workers': 'families.listHealthWorkers',
    'POST /api/v1/families/:id/consents': 'families.giveConsent',
    'POST /api/v1/families/:id/consents/withdraw': 'families.withdrawConsent',
    'GET /api/v1/families/visits': 'families.listVisits',
    'GET /api/v1/families/visits/coverage': 'families.visitCoverage',
    'POST /api/v1/families/visits': 'families.scheduleVisit',
    'POST /api/v1/families/visits/:id/record': 'families.recordVisit',
    'GET /api/v1/families/slots': 'families.listSlots',
    'POST /api/v1/families/slots': 'families.createSlot',
    'POST /api/v1/families/slots/:id/bookings': 'families.book',
    'GET /api/v1/families/bookings': 'families.listBookings',
    'POST /api/v1/families/bookings/:id/cancel': 'families.cancelBooking',
    'GET /api/v1/families/applications': 'families.listApplications',
    'POST /api/v1/families/applications': 'families.apply',
    'POST /api/v1/families/applications/:id/transitions': 'families.transitionApplication',
    'GET /api/v1/families/facilities': 'families.listFacilities',
    'GET /api/v1/families/facilities/:id': 'families.getFacility',
    'POST /api/v1/families/facilities': 'families.createFacility',
    'PATCH /api/v1/families/facilities/:id': 'families.updateFacility',
    'GET /api/v1/families/facilities/:id/slots': 'families.listSiteSlots',
    'POST /api/v1/families/facilities/:id/slots': 'families.createSiteSlot',
    'GET /api/v1/families/facilities/:id/bookings': 'families.listSiteBookings',
    'GET /api/v1/families/baobaowu/coverage': 'families.baobaowuCoverage',
    'GET /api/v1/families/baobaowu/mine': 'families.baobaowuMine',
    'GET /api/v1/families/guidance/stations': 'families.listStations',
    'POST /api/v1/families/guidance/stations': 'families.createStation',
    'PUT /api/v1/families/guidance/stations/:id': 'families.updateStation',
    'DELETE /api/v1/families/guidance/stations/:id': 'families.deleteStation',
    'GET /api/v1/families/guidance/sessions': 'families.listSessions',
    'POST /api/v1/families/guidance/sessions': 'families.createSession',
    'POST /api/v1/families/guidance/sessions/:id/cancel': 'families.cancelSession',
    'GET /api/v1/families/guidance/sessions/:id/signups': 'families.listSignups',
    'POST /api/v1/families/guidance/sessions/:id/signups': 'families.signUp',
    'POST /api/v1/families/guidance/signups/:id/cancel': 'families.cancelSignup',
    'POST /api/v1/families/guidance/sessions/:id/attendance': 'families.recordAttendance',
    'GET /api/v1/families/guidance/history': 'families.guidanceHistory',
    'GET /api/v1/families/imports/template': 'families.importTemplate',
    'POST /api/v1/families/imports': 'families.startImport',
    'GET /api/v1/families/imports/:runId': 'families.getImport',
    'POST /api/v1/families/imports/:runId/commit': 'families.commitImport',
    'GET /api/v1/families/imports/:runId/errors': 'families.importErrors',
    ...rightsTexts.operationIds,
    ...onlineTexts.operationIds,
  },
  summaries: {
    'families.listFacilities': {
      en: 'List facilities beyond institutions (children’s homes, child-friendly sites …)',
      zh: '查询儿童服务设施名录（儿童之家、儿童友好社区示范点等）',
    },
    'families.getFacility': { en: 'Get one facility', zh: '查看设施详情' },
    'families.listSiteSlots': {
      en: "A baby house's (baobaowu) slots with bookings, free hours and charges",
      zh: '查看宝宝屋的时段、预约、免费时数与收费',
    },
    'families.listSiteBookings': {
      en: "A baby house's (baobaowu) bookings per slot: children (names masked), ages, hours, waitlist places",
      zh: '查看宝宝屋各时段的预约幼儿（姓名脱敏）、月龄、时数与候补顺位',
    },
    'families.createSiteSlot': {
      en: 'Publish a baby-house (baobaowu) slot (whole hours)',
      zh: '发布宝宝屋时段（整小时）',
    },
    'families.baobaowuCoverage': {
      en: 'Baby-house (baobaowu) coverage by town: sites, children served, free hours used',
      zh: '宝宝屋街镇覆盖：点位、服务幼儿与免费时数',
    },
    'families.baobaowuMine': {
      en: "A parent's children and the baby-house (baobaowu) free hours each has left this year",
      zh: '家长查看本家庭幼儿本年度宝宝屋剩余免费时长',
    },
    'families.createFacility': { en: 'Add a facility to the register', zh: '新增儿童服务设施' },
    'families.updateFacility': { en: 'Change a facility (versioned)', zh: '修改儿童服务设施（版本校验）' },
    'families.listCommunities': { en: 'List the community register', zh: '查询社区（村居）名录' },
    'families.createCommunity': { en: 'Add a community to the register', zh: '新增社区（村居）' },
    'families.list': { en: 'List families in scope', zh: '查询管辖范围内的婴幼儿家庭' },
    'families.create': { en: 'Register a family from one birth record', zh: '按出生登记录入一户家庭' },
    'families.mine': { en: "The parent's own family", zh: '家长查看本家庭' },
    'families.get': { en: 'Get one family (personal numbers masked)', zh: '查看家庭详情（个人号码脱敏）' },
    'families.giveConsent': {
      en: "Record a guardian's consent for a purpose",
      zh: '记录监护人按目的的单独同意',
    },
    'families.withdrawConsent': {
      en: "Withdraw a guardian's consent (processing stops at once)",
      zh: '撤回监护人同意（立即停止处理）',
    },
    'families.listVisits': { en: 'List home visits (overdue filter)', zh: '查询上门指导（含逾期）' },
    'families.visitCoverage': {
      en: 'Home-visit coverage this year per town',
      zh: '本年度上门指导覆盖率（按街镇）',
    },
    'families.scheduleVisit': { en: 'Schedule a home visit', zh: '安排上门指导' },
    'families.recordVisit': { en: 'Record a home visit', zh: '填写上门指导记录' },
    'families.listSlots': { en: 'List hourly-care slots', zh: '查询计时制托育时段' },
    'families.createSlot': { en: 'Publish an hourly-care slot', zh: '发布计时制托育时段' },
    'families.book': { en: 'Book an hourly-care place or join the waitlist', zh: '预约计时制托育或候补' },
    'families.listBookings': { en: 'List hourly-care bookings in scope', zh: '查询计时制预约' },
    'families.cancelBooking': { en: 'Cancel a booking before the deadline', zh: '在截止时间前取消预约' },
    'families.listApplications': { en: 'List applications for a place', zh: '查询入托申请' },
    'families.apply': {
      en: 'Apply for a place (up to three institutions)',
      zh: '提交入托申请（最多 3 个意向机构）',
    },
    'families.transitionApplication': {
      en: 'Offer, accept, decline, enrol or withdraw an application',
      zh: '录取、接受、放弃、入托或撤回申请',
    },
    'families.listStations': { en: 'List family guidance stations', zh: '查询家庭科学育儿指导站' },
    'families.createStation': {
      en: 'Register the family guidance station of a town',
      zh: '登记街镇家庭科学育儿指导站',
    },
    'families.updateStation': { en: 'Update a guidance station', zh: '修改指导站信息' },
    'families.deleteStation': {
      en: 'Delete a guidance station without sessions',
      zh: '删除尚无活动的指导站',
    },
    'families.listSessions': {
      en: 'List guidance sessions (station and district-level)',
      zh: '查询育儿指导活动（指导站与区级）',
    },
    'families.createSession': { en: 'Schedule a guidance session', zh: '安排育儿指导活动' },
    'families.cancelSession': { en: 'Cancel a guidance session', zh: '取消育儿指导活动' },
    'families.listSignups': {
      en: 'Sign-ups of a session (no personal data)',
      zh: '查看活动报名（不含个人信息）',
    },
    'families.signUp': {
      en: 'Sign a family up for a session (consent in force, no overbooking)',
      zh: '家庭报名指导活动（需同意在有效期内，不超额）',
    },
    'families.cancelSignup': { en: 'Cancel a sign-up before the start', zh: '在活动开始前取消报名' },
    'families.recordAttendance': {
      en: 'Record attendance after the start',
      zh: '活动开始后记录签到',
    },
    'families.guidanceHistory': {
      en: "A family's guidance sessions of the year against 6",
      zh: '家庭本年度参加指导活动情况（对照每年 6 次）',
    },
    'families.importTemplate': {
      en: 'Download the birth-record import template',
      zh: '下载出生登记导入模板',
    },
    'families.startImport': { en: 'Upload birth records (dry run)', zh: '上传出生登记（预检）' },
    'families.getImport': { en: 'Get a birth-record import run', zh: '查看出生登记导入批次' },
    'families.commitImport': {
      en: 'Commit a birth-record import (background job)',
      zh: '确认导入出生登记（后台任务）',
    },
    'families.importErrors': { en: 'Download the import error report', zh: '下载导入错误报告' },
    ...rightsTexts.summaries,
    ...onlineTexts.summaries,
  },
  tags: {
    families:
      '婴幼儿家庭：出生登记导入、监护人同意、上门指导、育儿指导站与活动、计时制托育预约与入托申请 / Families: birth records, consent, home visits, guidance stations and sessions, hourly care and applications',
  },
  examples: {},
};
