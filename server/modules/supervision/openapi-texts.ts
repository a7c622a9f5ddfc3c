/** The words of the Supervision (issue 10) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    'GET /api/v1/supervision/risk': 'supervision.risk',
    'GET /api/v1/supervision/visits/coverage': 'supervision.visitCoverage',
    'GET /api/v1/supervision/draw-plans': 'supervision.listDrawPlans',
    'POST /api/v1/supervision/draw-plans': 'supervision.commitDrawPlan',
    'GET /api/v1/supervision/draw-plans/:id': 'supervision.getDrawPlan',
    'POST /api/v1/supervision/draw-plans/:id/draw': 'supervision.runDraw',
    'GET /api/v1/supervision/checklists': 'supervision.listChecklists',
    'GET /api/v1/supervision/checklists/:category/versions': 'supervision.listChecklistVersions',
    'POST /api/v1/supervision/checklists/:category/versions': 'supervision.publishChecklist',
    'GET /api/v1/supervision/inspections': 'supervision.listInspections',
    'GET /api/v1/supervision/inspections/:id': 'supervision.getInspection',
    'PUT /api/v1/supervision/inspections/:id/results': 'supervision.saveInspectionResults',
    'POST /api/v1/supervision/inspections/:id/sign': 'supervision.signInspection',
    'POST /api/v1/supervision/self-checks': 'supervision.createSelfCheck',
    'GET /api/v1/supervision/rectifications': 'supervision.listRectifications',
    'POST /api/v1/supervision/rectifications/:id/transition': 'supervision.transitionRectification',
    'GET /api/v1/supervision/inspections/:id/photos': 'supervision.listInspectionPhotos',
    'POST /api/v1/supervision/inspections/:id/items/:itemCode/photos': 'supervision.uploadInspectionPhoto',
    'GET /api/v1/supervision/inspections/:id/photos/:fileId': 'supervision.downloadInspectionPhoto',
    'DELETE /api/v1/supervision/inspections/:id/photos/:fileId': 'supervision.deleteInspectionPhoto',
    'GET /api/v1/supervision/rectifications/:id/evidence': 'supervision.listRectificationFiles',
    'POST /api/v1/supervision/rectifications/:id/evidence': 'supervision.uploadRectificationFile',
    'GET /api/v1/supervision/rectifications/:id/evidence/:fileId': 'supervision.downloadRectificationFile',
    'DELETE /api/v1/supervision/rectifications/:id/evidence/:fileId': 'supervision.deleteRectificationFile',
    'GET /api/v1/public/supervision/draws': 'public.listDraws',
    'GET /api/v1/public/supervision/draws/:id': 'public.getDraw',
    'GET /api/v1/public/supervision/draws/:id/results': 'public.getDrawResults',
    'POST /api/v1/public/supervision/complaints': 'public.submitComplaint',
    'GET /api/v1/public/supervision/institutions/:id/integrity': 'public.getIntegrity',
    'POST /api/v1/public/supervision/complaints/lookup': 'public.lookupComplaint',
    'GET /api/v1/supervision/complaints': 'supervision.listComplaints',
    'GET /api/v1/supervision/drills': 'supervision.listDrills',
    'GET /api/v1/supervision/cameras': 'supervision.listCameras',
    'POST /api/v1/supervision/cameras': 'supervision.registerCamera',
    'POST /api/v1/supervision/drills': 'supervision.recordDrill',
    'GET /api/v1/supervision/special-checks': 'supervision.listSpecialChecks',
    'POST /api/v1/supervision/special-checks': 'supervision.createSpecialCheck',
    'GET /api/v1/supervision/special-checks/inspectors': 'supervision.specialCheckInspectors',
    'GET /api/v1/supervision/special-checks/:id': 'supervision.getSpecialCheck',
    'GET /api/v1/supervision/drills/overdue': 'supervision.overdueDrills',
    'POST /api/v1/supervision/complaints/:id/transition': 'supervision.transitionComplaint',
  },
  summaries: {
    'public.getDrawResults': {
      en: 'The inspection results of a drawn plan: per institution the signing day (the result is public from then), the 20-working-day limit, findings by severity and how many are rectified',
      zh: '抽查计划的检查结果：各机构的签字日期（自该日公开）、20 个工作日公开时限、各等级问题数及已整改数',
    },
    'public.getIntegrity': {
      en: 'The integrity record of an institution the portal lists: serious findings, rectification past its deadline and commendations of the last INTEGRITY_MONTHS months (default 36), newest first',
      zh: '门户所列机构的信用记录：近 INTEGRITY_MONTHS 个月（默认 36 个月）的严重问题、逾期整改和表彰，按日期倒序',
    },
    'public.submitComplaint': {
      en: 'Submit a complaint about an institution in service (no login; contact optional; at most 5 an hour per IP); answers the receipt code, shown once',
      zh: '投诉在营托育机构（无需登录，联系电话可选，每个网络地址每小时最多 5 次）；返回回执码（只显示一次）',
    },
    'public.lookupComplaint': {
      en: 'The status of a complaint and, once closed, the reply, by its receipt code',
      zh: '凭回执码查询投诉办理状态，办结后可见答复',
    },
    'supervision.listCameras': {
      en: 'Cameras in scope (an institution its own) with the last probe, last seen, offline (unseen over 24 h) and retention against the rule pack; offline=true for the offline list',
      zh: '管辖范围内的监控摄像头（机构只见本机构）：最近探测、最近在线、是否离线（超过 24 小时未见）及录像保存天数是否达到规则要求；offline=true 查看离线清单',
    },
    'supervision.registerCamera': {
      en: 'Register a camera: room, stream kind (RTSP, HLS or a GB/T 28181 device id), address without credentials, retention days',
      zh: '登记摄像头：安装位置、流类型（RTSP、HLS 或 GB/T 28181 设备编码）、不含账号密码的地址、录像保存天数',
    },
    'supervision.listDrills': {
      en: 'Emergency drills in scope (an institution its own), latest first',
      zh: '管辖范围内的应急演练记录（机构只见本机构），按日期倒序',
    },
    'supervision.recordDrill': {
      en: 'Record a drill the institution ran (kind, date within the last year, staff and children taking part)',
      zh: '填报本机构开展的应急演练（类型、一年内的日期、参加工作人员和婴幼儿人数）',
    },
    'supervision.overdueDrills': {
      en: 'Institutions in service in scope without a drill in the last 183 days, the longest without first',
      zh: '管辖范围内近 183 天未开展应急演练的在营机构，按上次演练日期从早到晚',
    },
    'supervision.listComplaints': {
      en: 'Complaints about institutions in scope (the town’s), newest first, with counts by status; contact masked',
      zh: '管辖范围内（本街镇）机构的投诉，按提交时间倒序，附各状态数量；联系电话脱敏',
    },
    'supervision.transitionComplaint': {
      en: 'Accept or close a complaint (closing needs the reply and whether it was substantiated)',
      zh: '受理或办结投诉（办结须填写答复并说明是否属实）',
    },
    'supervision.visitCoverage': {
      en: 'This year’s annual-visit coverage in scope: the institutions in service not yet visited (signed on-site inspection), with coordinates, and a schedule suggestion by town for the remaining months',
      zh: '本年度管辖范围内的年度走访覆盖：尚未走访（无已签字现场检查）的在营机构及坐标，并按街镇给出剩余月份的安排建议',
    },
    'supervision.risk': {
      en: 'Risk of the institutions in scope: signals (serious findings, overdue rectifications, uncertified staff, expiring certificates, ratio breaches), score, level and draw weight; highest first',
      zh: '管辖范围内机构的风险：信号（严重问题、逾期整改、未持证人员、即将到期证书、配班不达标）、分值、等级和抽查权重，按风险从高到低',
    },
    'supervision.listDrawPlans': {
      en: 'List double-random draw plans in scope',
      zh: '查询管辖范围内的双随机抽查计划',
    },
    'supervision.commitDrawPlan': {
      en: 'Commit a monthly draw plan (publish the commitment and both pools)',
      zh: '提交月度抽查计划（公布承诺值和两份名录）',
    },
    'supervision.getDrawPlan': {
      en: 'Get one draw plan with its published data',
      zh: '查看抽查计划及公开数据',
    },
    'supervision.runDraw': { en: 'Run a committed draw (reveal the secret)', zh: '执行抽签（揭示秘密）' },
    'supervision.listChecklists': {
      en: 'Current checklist templates (latest version per category)',
      zh: '现行检查表模板（各类别最新版本）',
    },
    'supervision.listChecklistVersions': {
      en: 'All versions of one checklist category',
      zh: '某类别检查表的全部版本',
    },
    'supervision.publishChecklist': {
      en: 'Publish a new version of a checklist template',
      zh: '发布检查表模板新版本',
    },
    'supervision.listInspections': {
      en: 'Inspections in scope (mine=true: assigned to me)',
      zh: '管辖范围内的检查记录（mine=true：指派给我的）',
    },
    'supervision.getInspection': {
      en: 'One inspection record with its checklists, results and sign-offs',
      zh: '检查记录详情（检查表、结果、签字）',
    },
    'supervision.saveInspectionResults': {
      en: 'Save the results per item (assigned signers only)',
      zh: '保存逐项检查结果（仅指派人员）',
    },
    'supervision.signInspection': {
      en: 'Sign the inspection as yourself; the last signature turns findings into rectification items',
      zh: '本人签字；全部签字后问题生成整改事项',
    },
    'supervision.createSelfCheck': {
      en: 'Start the institution’s monthly self-check',
      zh: '开始机构月度自查',
    },
    'supervision.listRectifications': {
      en: 'Rectification items in scope (overdue=true: past the deadline)',
      zh: '管辖范围内的整改事项（overdue=true：已逾期）',
    },
    'supervision.transitionRectification': {
      en: 'Submit evidence, verify and close, or return a rectification item',
      zh: '提交整改材料、核验销项或退回',
    },
    'supervision.listInspectionPhotos': {
      en: 'Finding photos of an inspection',
      zh: '检查记录的问题照片',
    },
    'supervision.uploadInspectionPhoto': {
      en: 'Attach a photo to a checklist item (assigned signers, before all have signed; EXIF/GPS stripped)',
      zh: '为检查条目上传照片（指派人员，全部签字前；去除 EXIF/GPS）',
    },
    'supervision.downloadInspectionPhoto': { en: 'Download a finding photo', zh: '下载问题照片' },
    'supervision.deleteInspectionPhoto': {
      en: 'Delete a photo you uploaded (before all have signed)',
      zh: '删除本人上传的照片（全部签字前）',
    },
    'supervision.listRectificationFiles': {
      en: 'Evidence files of a rectification item',
      zh: '整改事项的佐证附件',
    },
    'supervision.uploadRectificationFile': {
      en: 'Attach a photo or PDF to a rectification item (its institution, while open or returned)',
      zh: '为整改事项上传照片或 PDF（本机构，待整改或被退回时）',
    },
    'supervision.downloadRectificationFile': { en: 'Download an evidence file', zh: '下载整改佐证附件' },
    'supervision.deleteRectificationFile': {
      en: 'Delete an evidence file you uploaded (before submitting evidence)',
      zh: '删除本人上传的整改附件（提交整改材料前）',
    },
    'supervision.listSpecialChecks': {
      en: 'Joint special checks in scope (and those with a team you may see), latest first, with progress',
      zh: '辖区内的联合（专项）检查及进度（含本人可见检查组所在的检查），按开始日期倒序',
    },
    'supervision.createSpecialCheck': {
      en: 'Plan a joint special check: themes, two or more departments, a window of days, a team of two or more inspectors from two or more departments per institution (no recusal); each team gets an inspection record',
      zh: '安排联合（专项）检查：主题、两个以上参加部门、期限，每个机构一个检查组（至少两名检查人员、来自至少两个部门、须回避者不得参加）；每组生成一份检查记录',
    },
    'supervision.specialCheckInspectors': {
      en: 'Inspector accounts that can be put on a team for a check of the division',
      zh: '可编入本辖区联合检查组的检查人员账号',
    },
    'supervision.getSpecialCheck': {
      en: 'One joint special check: its teams with their departments and inspection records',
      zh: '单次联合检查：各检查组成员、所代表部门及检查记录',
    },
    'public.listDraws': { en: 'Published double-random draws', zh: '双随机抽查公开列表' },
    'public.getDraw': {
      en: 'One published draw: commitment, pools, secret and result for verification',
      zh: '单次抽查公开数据：承诺值、名录、秘密和结果（供验证）',
    },
  },
  tags: { supervision: '监督检查：双随机抽查 / Supervision: verifiable double-random inspections' },
  examples: {},
};
