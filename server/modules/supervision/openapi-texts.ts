/** The words of the Supervision (issue 10) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
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
  },
  summaries: {
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
    'public.listDraws': { en: 'Published double-random draws', zh: '双随机抽查公开列表' },
    'public.getDraw': {
      en: 'One published draw: commitment, pools, secret and result for verification',
      zh: '单次抽查公开数据：承诺值、名录、秘密和结果（供验证）',
    },
  },
  tags: { supervision: '监督检查：双随机抽查 / Supervision: verifiable double-random inspections' },
  examples: {},
};
