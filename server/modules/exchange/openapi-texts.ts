/** The words of department exchange (issue 15) in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    'GET /api/v1/exchange/clients': 'exchange.listClients',
    'POST /api/v1/exchange/clients': 'exchange.createClient',
    'POST /api/v1/exchange/clients/:id/disable': 'exchange.disableClient',
    'POST /api/v1/oauth/token': 'exchange.token',
    'GET /api/v1/exchange/institutions': 'exchange.institutions',
    'GET /api/v1/changes': 'exchange.changes',
    'PUT /api/v1/exchange/clients/:id/webhook': 'exchange.setWebhook',
    'POST /api/v1/exchange/clients/:id/webhook/rotate': 'exchange.rotateWebhookSecret',
    'POST /api/v1/exchange/clients/:id/webhook/disable': 'exchange.disableWebhook',
    'POST /api/v1/exchange/clients/:id/webhook/test': 'exchange.testWebhook',
    'POST /api/v1/exchange/business-licences': 'exchange.receiveLicences',
    'GET /api/v1/exchange/business-licences/checks': 'exchange.licenceChecks',
    'GET /api/v1/exchange/business-licences/imports/template': 'exchange.licenceImportTemplate',
    'POST /api/v1/exchange/business-licences/imports': 'exchange.startLicenceImport',
    'GET /api/v1/exchange/business-licences/imports/:runId': 'exchange.getLicenceImport',
    'POST /api/v1/exchange/business-licences/imports/:runId/commit': 'exchange.commitLicenceImport',
    'GET /api/v1/exchange/business-licences/imports/:runId/errors': 'exchange.licenceImportErrors',
  },
  summaries: {
    'exchange.listClients': { en: "Other departments' API clients", zh: '对接部门接口客户端列表' },
    'exchange.createClient': {
      en: 'Register an API client (the secret is shown once)',
      zh: '登记接口客户端（密钥仅显示一次）',
    },
    'exchange.disableClient': {
      en: 'Disable an API client (its tokens stop at once)',
      zh: '停用接口客户端（其令牌立即失效）',
    },
    'exchange.token': {
      en: 'OAuth 2.0 client credentials: a 15-minute bearer token',
      zh: 'OAuth 2.0 客户端凭证：获取 15 分钟有效的访问令牌',
    },
    'exchange.institutions': {
      en: "The institution registry for a department's system (allow-listed fields; incremental by updatedAfter)",
      zh: '向部门系统提供机构登记信息（仅白名单字段；可按 updatedAfter 增量获取）',
    },
    'exchange.changes': {
      en: 'Change feed: registry changes after a cursor, in commit order (pass back `next`; event ids are stable)',
      zh: '变更推送（拉取）：游标之后的登记变更，按提交顺序（下次传回 next；事件 ID 不变）',
    },
    'exchange.setWebhook': {
      en: "Set a client's webhook URL (https; a new webhook's signing secret is shown once)",
      zh: '设置客户端的推送地址（https；新设置时签名密钥仅显示一次）',
    },
    'exchange.rotateWebhookSecret': {
      en: "Rotate a webhook's signing secret (the new one is shown once; the old one stops at once)",
      zh: '轮换推送签名密钥（新密钥仅显示一次，旧密钥立即停用）',
    },
    'exchange.disableWebhook': {
      en: 'Disable a webhook (nothing is sent; setting the URL again resumes after the last delivered event)',
      zh: '停用推送（不再发送；重新设置地址后从最后一次成功投递处继续）',
    },
    'exchange.testWebhook': {
      en: 'Send a signed test delivery now and answer what the receiver said',
      zh: '立即发送一次签名的测试推送并返回接收方的响应',
    },
    'exchange.receiveLicences': {
      en: 'Market regulation sends business-licence records (up to 1,000; all or none; the same records again change nothing)',
      zh: '市场监管部门报送营业执照登记信息（每次至多 1000 条，全部写入或全部不写；重复报送不产生变更）',
    },
    'exchange.licenceChecks': {
      en: 'Licence check (证照比对): institutions in scope whose licence record is missing, not active, differently named or without childcare in its scope',
      zh: '证照比对：辖区内无执照记录、登记状态非存续、名称不一致或经营范围不含托育的机构',
    },
    'exchange.licenceImportTemplate': {
      en: 'Download the business-licence import template',
      zh: '下载营业执照登记信息导入模板',
    },
    'exchange.startLicenceImport': {
      en: "Upload market regulation's export of business licences (dry run)",
      zh: '上传市场监管部门导出的营业执照登记信息（预检）',
    },
    'exchange.getLicenceImport': { en: 'Get a business-licence import run', zh: '查看营业执照导入批次' },
    'exchange.commitLicenceImport': {
      en: 'Commit a business-licence import (background job)',
      zh: '确认导入营业执照登记信息（后台任务）',
    },
    'exchange.licenceImportErrors': { en: 'Download the import error report', zh: '下载导入错误报告' },
  },
  tags: { exchange: '部门数据交换 / Department exchange' },
  examples: {
    'exchange.receiveLicences': {
      market: {
        summary: "The bureau's daily batch / 市场监管局的每日报送",
        value: {
          records: [
            {
              creditCode: '91310118MA1JL0000N',
              name: '上海示例托育服务有限公司',
              status: 'active',
              registeredOn: '2022-03-01',
              statusOn: null,
              authority: '青浦区市场监督管理局',
              businessScope: '托育服务（不含医疗服务）',
            },
          ],
        },
      },
    },
    'exchange.setWebhook': {
      market: {
        summary: "The bureau's receiver / 市场监管局的接收地址",
        value: { url: 'https://scjg.example.gov.cn/tuoyu/webhook' },
      },
    },
    'exchange.createClient': {
      market: {
        summary: 'The market-regulation bureau reads licences / 市场监管局读取登记信息',
        value: {
          name: '区市场监管局 证照比对系统',
          department: 'market_regulation',
          purpose: '营业执照与托育机构备案信息比对',
          scopes: ['institutions.read'],
          fields: ['name', 'creditCode', 'status', 'address', 'townCode', 'updatedAt'],
          ratePerMinute: 60,
          expiresOn: '2027-12-31',
        },
      },
    },
  },
};
