/** The words of the Supervision (issue 10) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    'GET /api/v1/supervision/draw-plans': 'supervision.listDrawPlans',
    'POST /api/v1/supervision/draw-plans': 'supervision.commitDrawPlan',
    'GET /api/v1/supervision/draw-plans/:id': 'supervision.getDrawPlan',
    'POST /api/v1/supervision/draw-plans/:id/draw': 'supervision.runDraw',
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
    'public.listDraws': { en: 'Published double-random draws', zh: '双随机抽查公开列表' },
    'public.getDraw': {
      en: 'One published draw: commitment, pools, secret and result for verification',
      zh: '单次抽查公开数据：承诺值、名录、秘密和结果（供验证）',
    },
  },
  tags: { supervision: '监督检查：双随机抽查 / Supervision: verifiable double-random inspections' },
  examples: {},
};
