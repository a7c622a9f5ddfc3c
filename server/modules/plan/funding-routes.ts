/** /api/v1/plan/funding: the toddler-class funding budget, its XLSX export, rates and the floor setting. Thin routes. */
import type { FastifyInstance } from 'fastify';
import { exportJobSchema } from '../../../domain/contracts/import.ts';
import {
  type FundingRow,
  fundingBudgetQuery,
  fundingBudgetSchema,
  fundingExportQuery,
  fundingPreviewSchema,
  fundingRateBody,
  fundingRateParams,
  fundingRateSchema,
  fundingSettingsBody,
  fundingSettingsSchema,
  fundingVersionBody,
  fundingVersionListSchema,
  fundingVersionSchema,
} from '../../../domain/contracts/plan.ts';
import { findDivision } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { createExporter, type ExportDefinition, sendExport } from '../../platform/export.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { actorOf, router } from '../../platform/http.ts';
import { importRoutes } from '../../platform/import/routes.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { createFundingService, type FundingService } from './funding.ts';
import { rateImport } from './funding-import.ts';

const tags = ['plan'];
const BASE = '/api/v1/plan/funding';

const TAX_RELIEF_ZH = { exempt: '免征增值税', exempt_filed_fees: '备案公示收费标准内免征增值税' } as const;

/** The budget's kindergarten rows as a spreadsheet (amounts in integer fen, as everywhere). */
export function fundingExport(funding: FundingService): ExportDefinition<FundingRow, { year: number }> {
  const rowsOf = async (tx: Db, actor: Parameters<FundingService['compute']>[0], year: number) =>
    (await funding.compute(actor, year, tx)).rows;
  return {
    kind: 'plan-funding',
    sheetName: '托班经费测算',
    objectType: 'plan_funding',
    columns: [
      {
        header: '街镇 Town',
        width: 14,
        value: (r) => findDivision(r.townCode)?.nameZh ?? r.townCode,
      },
      { header: '幼儿园 Kindergarten', width: 30, value: (r) => r.name },
      { header: '托班数 Toddler classes', value: (r) => r.toddlerClasses },
      { header: '托班幼儿数 Pupils', value: (r) => r.actualPupils },
      { header: '计算人数 Pupils counted', value: (r) => r.countedPupils },
      { header: '生均定额（分）Rate (fen)', width: 18, value: (r) => r.rate?.perPupilRateFen ?? null },
      { header: '托班生均（分）Toddler rate (fen)', width: 18, value: (r) => r.toddlerRateFen },
      { header: '拨款（分）Allotment (fen)', width: 18, value: (r) => r.allotmentFen },
      { header: '编制 Quota', value: (r) => r.quotaTeachers + r.quotaCaregivers },
      { header: '实配 Assigned', value: (r) => r.actualTeachers + r.actualCaregivers },
      { header: '培训补贴人数 Training subsidy (people)', width: 16, value: (r) => r.trainingEligible },
      {
        header: '培训补贴（分）Training subsidy (fen)',
        width: 18,
        // null while the list in use has no amounts (the rule pack): empty, never 0.
        value: (r) => r.trainingSubsidyFen,
      },
      { header: '税收优惠 Tax relief', width: 24, value: (r) => TAX_RELIEF_ZH[r.taxRelief] },
      { header: '备注 Note', width: 16, value: (r) => (r.rate ? '' : '缺生均定额 rate missing') },
    ],
    count: async (tx, actor, f) => (await rowsOf(tx, actor, f.year)).length,
    rows: async (tx, actor, f, page) =>
      (await rowsOf(tx, actor, f.year)).slice(page.offset, page.offset + page.limit),
  };
}

export async function fundingRoutes(
  app: FastifyInstance,
  deps: { db: Db; storage: FileStorage; jobs: Jobs; clock: Clock },
) {
  const funding = createFundingService({ db: deps.db });
  const exporter = createExporter(deps, fundingExport(funding));
  const r = router(app);
  r.get(
    BASE,
    {
      config: { action: 'plan.funding_read' },
      schema: { tags, querystring: fundingBudgetQuery, response: { 200: fundingBudgetSchema } },
    },
    (req) => funding.budget(req.ctx, actorOf(req), req.query.year),
  );
  r.get(
    `${BASE}/export`,
    {
      config: { action: 'plan.funding_read' },
      // 200 is the file itself (XLSX or CSV); 202 names the background file of a large export.
      schema: { tags, querystring: fundingExportQuery, response: { 202: exportJobSchema } },
    },
    async (req, reply) => {
      const { format, year } = req.query;
      funding.checkYear(year, req.ctx.now);
      const file = await exporter.export(req.ctx, actorOf(req), { year }, format);
      return sendExport(reply, file);
    },
  );
  r.put(
    `${BASE}/rates/:institutionId/:year`,
    {
      config: { action: 'plan.funding_manage' },
      schema: {
        tags,
        params: fundingRateParams,
        body: fundingRateBody,
        response: { 200: fundingRateSchema },
      },
    },
    (req) => funding.putRate(req.ctx, actorOf(req), req.params.institutionId, req.params.year, req.body),
  );
  r.put(
    `${BASE}/settings`,
    {
      config: { action: 'plan.funding_manage' },
      schema: { tags, body: fundingSettingsBody, response: { 200: fundingSettingsSchema } },
    },
    (req) => funding.putSettings(req.ctx, actorOf(req), req.body),
  );
  // District funding-value versions (ADR 0028): list, preview a proposed one, append one.
  r.get(
    `${BASE}/versions`,
    {
      config: { action: 'plan.funding_read' },
      schema: { tags, response: { 200: fundingVersionListSchema } },
    },
    (req) => funding.listVersions(req.ctx, actorOf(req)),
  );
  r.post(
    `${BASE}/versions/preview`,
    {
      config: { action: 'plan.funding_manage' },
      schema: { tags, body: fundingVersionBody, response: { 200: fundingPreviewSchema } },
    },
    (req) => funding.previewVersion(req.ctx, actorOf(req), req.body),
  );
  r.post(
    `${BASE}/versions`,
    {
      config: { action: 'plan.funding_manage' },
      schema: { tags, body: fundingVersionBody, response: { 201: fundingVersionSchema } },
    },
    async (req, reply) => {
      const v = await funding.createVersion(req.ctx, actorOf(req), req.body);
      return reply.code(201).send(v);
    },
  );
  // Per-pupil rates from a spreadsheet: the kit's five import routes (funding-import.ts).
  await importRoutes(app, {
    base: '/api/v1/plan/funding/rates/imports',
    action: 'plan.funding_manage',
    tags,
    def: rateImport(deps),
    deps,
  });
}
