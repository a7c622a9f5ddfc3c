/** The words of the Plan and funding (issue 13) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

export const texts: ModuleOpenApiTexts = {
  operationIds: {
    'GET /api/v1/plan/targets': 'plan.targets',
    'GET /api/v1/plan/targets/:id/rows': 'plan.targetRows',
    'GET /api/v1/plan/trend': 'plan.trend',
    'GET /api/v1/plan/versions': 'plan.listVersions',
    'POST /api/v1/plan/versions': 'plan.createSuccessor',
    'GET /api/v1/plan/versions/:id/targets': 'plan.versionTargets',
    'POST /api/v1/plan/versions/:id/preview': 'plan.previewTargetChanges',
    'PATCH /api/v1/plan/versions/:id/targets': 'plan.changeTargets',
    'GET /api/v1/public/plan': 'public.plan',
    'GET /api/v1/plan/funding': 'plan.fundingBudget',
    'GET /api/v1/plan/funding/export': 'plan.fundingExport',
    'PUT /api/v1/plan/funding/rates/:institutionId/:year': 'plan.putFundingRate',
    'PUT /api/v1/plan/funding/settings': 'plan.putFundingSettings',
    'GET /api/v1/plan/funding/versions': 'plan.listFundingVersions',
    'POST /api/v1/plan/funding/versions': 'plan.createFundingVersion',
    'POST /api/v1/plan/funding/versions/preview': 'plan.previewFundingVersion',
    'GET /api/v1/plan/circle': 'plan.circle',
    'POST /api/v1/plan/circle/sites': 'plan.circleSites',
    'GET /api/v1/plan/report/export': 'plan.reportExport',
    'GET /api/v1/plan/funding/rates/imports/template': 'plan.ratesImportTemplate',
    'POST /api/v1/plan/funding/rates/imports': 'plan.ratesImportUpload',
    'GET /api/v1/plan/funding/rates/imports/:runId': 'plan.ratesImportRun',
    'POST /api/v1/plan/funding/rates/imports/:runId/commit': 'plan.ratesImportCommit',
    'GET /api/v1/plan/funding/rates/imports/:runId/errors': 'plan.ratesImportErrors',
    'GET /api/v1/plan/tasks': 'plan.listTasks',
    'POST /api/v1/plan/tasks/:code/reports': 'plan.reportTask',
    'GET /api/v1/plan/tasks/reports/:id/files': 'plan.listReportFiles',
    'POST /api/v1/plan/tasks/reports/:id/files': 'plan.uploadReportFile',
    'GET /api/v1/plan/tasks/reports/:id/files/:fileId': 'plan.downloadReportFile',
    'DELETE /api/v1/plan/tasks/reports/:id/files/:fileId': 'plan.deleteReportFile',
    'GET /api/v1/plan/units/members': 'plan.listUnitMembers',
    'PUT /api/v1/plan/units/members/:userId': 'plan.assignUnit',
    'PUT /api/v1/plan/meetings/:year': 'plan.saveMeeting',
    'GET /api/v1/plan/news': 'plan.listNews',
    'POST /api/v1/plan/news': 'plan.createNews',
    'GET /api/v1/plan/news/:id': 'plan.getNews',
    'PUT /api/v1/plan/news/:id': 'plan.updateNews',
    'POST /api/v1/plan/news/:id/transitions': 'plan.transitionNews',
    'GET /api/v1/public/news': 'public.news',
    'GET /api/v1/public/news/:id': 'public.newsItem',
    'GET /api/v1/plan/communities/imports/template': 'plan.communitiesImportTemplate',
    'POST /api/v1/plan/communities/imports': 'plan.communitiesImportUpload',
    'GET /api/v1/plan/communities/imports/:runId': 'plan.communitiesImportRun',
    'POST /api/v1/plan/communities/imports/:runId/commit': 'plan.communitiesImportCommit',
    'GET /api/v1/plan/communities/imports/:runId/errors': 'plan.communitiesImportErrors',
  },
  summaries: {
    'plan.versionTargets': {
      en: "A plan version's targets, one per target, and whether the caller may change them",
      zh: '计划版本的目标（每项一行）及能否修改',
    },
    'plan.previewTargetChanges': {
      en: "Impact preview: each touched target's status under the old and the new value (nothing written)",
      zh: '影响预览：修改目标值前后各目标的状态（不写入）',
    },
    'plan.changeTargets': {
      en: "Change a successor plan's target values with the decision's citation (audited)",
      zh: '修改接续计划的目标值并注明依据（留痕）',
    },
    'plan.ratesImportTemplate': {
      en: 'Template of the per-pupil rate import (XLSX)',
      zh: '生均拨款定额导入模板',
    },
    'plan.ratesImportUpload': {
      en: 'Upload per-pupil rates: a dry run with row errors, nothing written',
      zh: '上传生均拨款定额（试运行，列出行错误，不写入）',
    },
    'plan.ratesImportRun': { en: 'A per-pupil rate import run', zh: '生均拨款定额导入批次' },
    'plan.ratesImportCommit': {
      en: 'Commit a checked per-pupil rate import (a background job)',
      zh: '提交已检查的生均拨款定额导入（后台任务）',
    },
    'plan.ratesImportErrors': {
      en: 'Every row of the import with its errors (XLSX)',
      zh: '导入错误报告（XLSX）',
    },
    'plan.listTasks': {
      en: "The annex's 21 tasks with every named unit's quarterly report state, overdue count and the joint meeting's review of the year",
      zh: '任务分工：21 项任务、各责任单位季度填报情况、逾期数及当年联席会议审议',
    },
    'plan.reportTask': {
      en: "A liaison's quarterly progress report on a task of its unit (a change of one already submitted needs its version)",
      zh: '部门联络员填报本单位任务的季度进展（修改已填报的须带版本号）',
    },
    'plan.listReportFiles': {
      en: 'Evidence files of a quarterly task report',
      zh: '任务季度进展报告的佐证材料',
    },
    'plan.uploadReportFile': {
      en: "Attach a PDF, photo or spreadsheet to your unit's report (10 MB at most)",
      zh: '为本单位的进展报告上传佐证材料（PDF、照片或表格，不超过 10 MB）',
    },
    'plan.downloadReportFile': { en: 'Download an evidence file of a report', zh: '下载进展报告的佐证材料' },
    'plan.deleteReportFile': {
      en: "Delete an evidence file you uploaded to your unit's report",
      zh: '删除本人为本单位进展报告上传的佐证材料',
    },
    'plan.listUnitMembers': {
      en: 'Department liaison accounts with the unit each speaks for',
      zh: '部门联络员账号及其责任单位',
    },
    'plan.assignUnit': {
      en: 'Set the unit a liaison account speaks for (audited)',
      zh: '为联络员账号指定责任单位（记审计）',
    },
    'plan.saveMeeting': {
      en: "Record or change the joint meeting's review of a year, with a conclusion per task",
      zh: '记录或修改联席会议对某年度的审议及逐项任务结论',
    },
    'plan.reportExport': {
      en: "The annual report's spreadsheet: the year's targets as measured, with citations (XLSX or CSV)",
      zh: '年度报告表格：当年各项目标的测得值、状态与依据',
    },
    'plan.listNews': {
      en: "The district's notices, policy documents and guidance (drafts too)",
      zh: '通知公告、政策文件与宣传引导（含草稿）',
    },
    'plan.createNews': {
      en: 'Write a notice, policy document or guidance (a draft)',
      zh: '撰写条目（草稿）',
    },
    'plan.getNews': { en: 'One item', zh: '查看条目' },
    'plan.updateNews': { en: 'Change an item', zh: '修改条目' },
    'plan.transitionNews': { en: 'Publish or withdraw an item', zh: '发布或撤回条目' },
    'public.news': {
      en: "The district's published notices, policy documents and guidance",
      zh: '已发布的通知公告、政策文件与宣传引导',
    },
    'public.newsItem': { en: 'One published item', zh: '已发布条目' },
    'plan.communitiesImportTemplate': {
      en: 'Template of the community statistics import (XLSX)',
      zh: '社区婴幼儿统计导入模板',
    },
    'plan.communitiesImportUpload': {
      en: 'Upload community statistics: a dry run with row errors, nothing written',
      zh: '上传社区婴幼儿统计（试运行，列出行错误，不写入）',
    },
    'plan.communitiesImportRun': { en: 'A community statistics import run', zh: '社区统计导入批次' },
    'plan.communitiesImportCommit': {
      en: 'Commit a checked community statistics import (a background job)',
      zh: '提交已检查的社区统计导入（后台任务）',
    },
    'plan.communitiesImportErrors': {
      en: 'Every row of the import with its errors (XLSX)',
      zh: '导入错误报告（XLSX）',
    },
    'plan.circle': {
      en: 'The 15-minute childcare circle: children under 3 by community covered by inclusive free places',
      zh: '15分钟社区托育服务圈：各社区婴幼儿被普惠托位覆盖情况',
    },
    'plan.circleSites': {
      en: 'Site planner: k new sites among the community centres covering the most uncovered children',
      zh: '选点规划：在社区中心中选出覆盖未覆盖婴幼儿最多的 k 个新点位',
    },
    'plan.targets': { en: 'Plan targets with measured values and status', zh: '行动计划目标及完成情况' },
    'plan.targetRows': { en: 'The rows behind a target (drill-down)', zh: '目标明细（下钻）' },
    'plan.trend': { en: "A target's value and status per year", zh: '目标逐年趋势' },
    'plan.listVersions': { en: "The district's action plans", zh: '行动计划版本' },
    'plan.createSuccessor': {
      en: 'Create a successor plan copied from the previous one',
      zh: '创建接续计划（复制上一版本）',
    },
    'public.plan': {
      en: "The action plan's yearly target table (numbers only)",
      zh: '行动计划年度目标完成情况（仅数字）',
    },
    'plan.fundingBudget': {
      en: 'Toddler-class funding budget of a fiscal year (per kindergarten, town and district)',
      zh: '托班经费测算（按幼儿园、街镇、全区）',
    },
    'plan.fundingExport': { en: 'The funding budget as XLSX or CSV', zh: '导出托班经费测算' },
    'plan.putFundingRate': {
      en: "Enter or change a kindergarten's per-pupil rate for a fiscal year",
      zh: '录入或修改幼儿园年度生均拨款定额',
    },
    'plan.putFundingSettings': {
      en: 'Set where the 20-pupil floor applies (per kindergarten or per class)',
      zh: '设置 20 人保底的适用范围（按园或按班）',
    },
    'plan.listFundingVersions': {
      en: "The district's funding-value versions, the one in force and the values a new one starts from",
      zh: '区级托班经费标准版本（现行版本与新建起点）',
    },
    'plan.createFundingVersion': {
      en: 'Append a district funding-value version with an effective date and a citation',
      zh: '新建区级托班经费标准版本（生效日期与依据）',
    },
    'plan.previewFundingVersion': {
      en: "What a proposed version would change: kindergartens' allotments, staffing quotas and town totals (nothing written)",
      zh: '预览新版本的影响：各园拨款、编制与街镇合计的变化（不保存）',
    },
  },
  tags: { plan: '行动计划与经费 / Plan and funding' },
  examples: {},
};
