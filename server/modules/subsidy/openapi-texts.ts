/** The words of the childcare-subsidy casework (issue 17) in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

const B = '/api/v1/subsidy';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    [`GET ${B}/imports/template`]: 'subsidy.importTemplate',
    [`POST ${B}/imports`]: 'subsidy.importUpload',
    [`GET ${B}/imports/:runId`]: 'subsidy.importRun',
    [`POST ${B}/imports/:runId/commit`]: 'subsidy.importCommit',
    [`GET ${B}/imports/:runId/errors`]: 'subsidy.importErrors',
    [`GET ${B}/applications`]: 'subsidy.listApplications',
    [`GET ${B}/applications/:id`]: 'subsidy.getApplication',
    [`POST ${B}/applications/:id/decisions`]: 'subsidy.decide',
    [`PUT ${B}/applications/:id/account`]: 'subsidy.correctAccount',
    [`GET ${B}/batches`]: 'subsidy.listBatches',
    [`POST ${B}/batches`]: 'subsidy.createBatch',
    [`GET ${B}/batches/:id`]: 'subsidy.getBatch',
    [`POST ${B}/batches/:id/transitions`]: 'subsidy.transitionBatch',
    [`GET ${B}/batches/:id/lines`]: 'subsidy.batchLines',
    [`POST ${B}/batches/:id/lines/:lineId/return`]: 'subsidy.returnLine',
    [`GET ${B}/batches/:id/export`]: 'subsidy.exportBatch',
    [`GET ${B}/mine`]: 'subsidy.mine',
    [`POST ${B}/renewals/open`]: 'subsidy.openRenewals',
    [`GET ${B}/renewals`]: 'subsidy.listRenewals',
    [`GET ${B}/renewals/counts`]: 'subsidy.renewalCounts',
    [`GET ${B}/renewals/:id`]: 'subsidy.getRenewal',
    [`POST ${B}/renewals/:id/decisions`]: 'subsidy.decideRenewal',
  },
  summaries: {
    'subsidy.importTemplate': {
      en: 'Template of the national system’s application export',
      zh: '国家系统育儿补贴申请导出格式模板',
    },
    'subsidy.importUpload': {
      en: 'Upload applications from the national system (dry run)',
      zh: '上传国家系统推送的育儿补贴申请（预检）',
    },
    'subsidy.importRun': { en: 'An application import run', zh: '育儿补贴申请导入批次' },
    'subsidy.importCommit': { en: 'Commit an application import', zh: '确认导入育儿补贴申请' },
    'subsidy.importErrors': {
      en: 'Row errors of an application import (XLSX)',
      zh: '育儿补贴申请导入错误明细（XLSX）',
    },
    'subsidy.listApplications': {
      en: 'Applications in scope, those awaiting review first (30-working-day clock)',
      zh: '管辖范围内的育儿补贴申请（待审核在前，30 个工作日时限）',
    },
    'subsidy.getApplication': {
      en: 'One application with its months due and paid',
      zh: '育儿补贴申请详情（应补贴月份与已发放）',
    },
    'subsidy.decide': {
      en: 'The town’s decision: approve, reject (with a reason) or stop (death, emigration, hukou moved)',
      zh: '街镇审核：通过、不予通过（说明理由）或停发（死亡、出国定居、户籍迁出）',
    },
    'subsidy.correctAccount': {
      en: 'Correct the bank account (audited without the number)',
      zh: '更正收款账户（审计记录不含账号）',
    },
    'subsidy.listBatches': { en: 'Payment batches', zh: '育儿补贴发放批次' },
    'subsidy.createBatch': {
      en: 'Build a batch: every approved child’s months due through a month, not in a batch yet',
      zh: '生成发放批次：截至所选月份、尚未纳入批次的应补贴月份',
    },
    'subsidy.getBatch': { en: 'A batch with its totals per town', zh: '发放批次及分街镇汇总' },
    'subsidy.transitionBatch': {
      en: 'Submit a batch to the finance bureau, or mark it paid',
      zh: '批次报送财政或标记已发放',
    },
    'subsidy.batchLines': { en: 'The lines of a batch', zh: '批次发放明细' },
    'subsidy.returnLine': {
      en: 'A payment returned by the bank: its months are due again',
      zh: '银行退回的发放：相应月份重新应发',
    },
    'subsidy.exportBatch': {
      en: 'The batch’s payment list for the finance bureau (XLSX)',
      zh: '批次发放清单（XLSX，报财政局）',
    },
    'subsidy.mine': { en: 'A parent’s children’s applications', zh: '家长查看本家庭婴幼儿的育儿补贴申请' },
    'subsidy.openRenewals': {
      en: 'Open a year’s renewals: one for every approved application that needs one (idempotent; a local procedure)',
      zh: '发起年度复核：为需复核的已通过申请各建一条待复核记录（重复发起不重复建立；本区自定程序）',
    },
    'subsidy.listRenewals': {
      en: 'Renewals in scope by year, state and town (child masked)',
      zh: '管辖范围内的年度复核（按年度、状态、街镇筛选；婴幼儿信息脱敏）',
    },
    'subsidy.renewalCounts': { en: 'Renewals of a year per state', zh: '年度复核各状态数量' },
    'subsidy.getRenewal': { en: 'One renewal', zh: '年度复核详情' },
    'subsidy.decideRenewal': {
      en: 'The hukou town confirms a renewal or stops it with a reason (the year is paid once confirmed)',
      zh: '户籍街镇确认续发或停发（须选择事由）；确认后方发放该年度补贴',
    },
  },
  tags: { subsidy: '育儿补贴 / Childcare subsidy' },
  examples: {},
};
