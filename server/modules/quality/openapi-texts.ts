/** The words of the Quality evaluation (issue 12) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

const Q = '/api/v1/quality';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    [`GET ${Q}/frameworks`]: 'quality.listFrameworks',
    [`POST ${Q}/frameworks`]: 'quality.createFramework',
    [`POST ${Q}/frameworks/sample`]: 'quality.installSampleFramework',
    [`GET ${Q}/frameworks/:id`]: 'quality.getFramework',
    [`PATCH ${Q}/frameworks/:id`]: 'quality.updateFramework',
    [`GET ${Q}/rounds`]: 'quality.listRounds',
    [`POST ${Q}/rounds`]: 'quality.createRound',
    [`GET ${Q}/rounds/:id`]: 'quality.getRound',
    [`POST ${Q}/rounds/:id/draw`]: 'quality.drawPeers',
    [`POST ${Q}/rounds/:id/evaluators`]: 'quality.assignEvaluator',
    [`POST ${Q}/rounds/:id/complete`]: 'quality.completeRound',
    [`GET ${Q}/rounds/:id/export`]: 'quality.exportRound',
    [`GET ${Q}/evaluations`]: 'quality.listEvaluations',
    [`GET ${Q}/evaluations/:id`]: 'quality.getEvaluation',
    [`POST ${Q}/evaluations/:id/submit`]: 'quality.submitEvaluation',
    [`POST ${Q}/evaluations/:id/evidence`]: 'quality.uploadEvidence',
    [`GET ${Q}/evaluations/:id/evidence/:fileId`]: 'quality.downloadEvidence',
    [`GET ${Q}/participants/:id/feedback`]: 'quality.feedback',
    [`POST ${Q}/participants/:id/improvements`]: 'quality.addImprovement',
    [`POST ${Q}/improvements/:id/complete`]: 'quality.completeImprovement',
    [`GET ${Q}/demonstration`]: 'quality.demonstrationCandidates',
    [`POST ${Q}/participants/:id/demonstration`]: 'quality.setDemonstration',
    'GET /api/v1/public/quality/institutions/:id': 'public.getInstitutionQuality',
  },
  summaries: {
    'quality.listFrameworks': {
      en: 'List indicator framework versions',
      zh: '查询质量评估指标体系（各版本）',
    },
    'quality.createFramework': {
      en: 'Create a framework version (a new revision of its code)',
      zh: '新建指标体系版本',
    },
    'quality.installSampleFramework': {
      en: 'Install the sample framework (WS/T 821-2023 shape)',
      zh: '导入示例指标体系（参照 WS/T 821-2023）',
    },
    'quality.getFramework': { en: 'Get a framework version', zh: '查看指标体系版本' },
    'quality.updateFramework': {
      en: 'Edit a framework version not yet used by a round',
      zh: '修改未被使用的指标体系版本',
    },
    'quality.listRounds': { en: 'List evaluation rounds in scope', zh: '查询评估轮次' },
    'quality.createRound': {
      en: 'Open an evaluation round (commitment of the peer draw published)',
      zh: '开启评估轮次（公布互评抽取承诺值）',
    },
    'quality.getRound': { en: 'Get a round with its participants and draw', zh: '查看评估轮次及参评机构' },
    'quality.drawPeers': {
      en: 'Draw the peer reviewers (reveals the secret)',
      zh: '抽取互评机构（公布密钥）',
    },
    'quality.assignEvaluator': { en: 'Assign an evaluator account to a round', zh: '指派委托评估人员' },
    'quality.completeRound': { en: 'Compute results and complete a round', zh: '计算结果并完成评估轮次' },
    'quality.exportRound': { en: "Export a round's results (XLSX or CSV)", zh: '导出评估轮次结果' },
    'quality.listEvaluations': { en: 'List evaluation forms in scope', zh: '查询评估表' },
    'quality.getEvaluation': { en: 'Get an evaluation form with its framework', zh: '查看评估表' },
    'quality.submitEvaluation': {
      en: 'Submit an evaluation (self, peer or commissioned)',
      zh: '提交评估（自评、互评或委托评估）',
    },
    'quality.uploadEvidence': { en: 'Attach evidence to an evaluation form', zh: '上传评估佐证材料' },
    'quality.downloadEvidence': { en: 'Download evidence of an evaluation form', zh: '下载评估佐证材料' },
    'quality.feedback': {
      en: "An institution's feedback: dimensions, gaps, change, plan",
      zh: '机构评估反馈（维度、差距、变化、整改）',
    },
    'quality.addImprovement': { en: 'Add an improvement plan item', zh: '新增整改提升事项' },
    'quality.completeImprovement': { en: 'Complete an improvement plan item', zh: '完成整改提升事项' },
    'quality.demonstrationCandidates': {
      en: 'Demonstration candidates ranked by score',
      zh: '示范性托育机构候选（按得分排序）',
    },
    'quality.setDemonstration': {
      en: 'Confirm or withdraw a demonstration institution',
      zh: '确认或撤销示范性托育机构',
    },
    'public.getInstitutionQuality': {
      en: "An institution's published quality result",
      zh: '机构公开的质量评估结果',
    },
  },
  tags: { quality: '质量评估（自评、互评、委托评估、示范机构）/ Quality evaluation' },
  examples: {},
};
