/**
 * The plan's annual report as a spreadsheet (issue 13): one row per target of the year as the dashboard
 * measures it for the caller (a town officer: its town's rows), with the citation, the target, the
 * measured value, numerator and denominator, the status and, after the plan period, the statement that
 * the targets are carried forward. Written by the export kit (audited `plan_report.export`). The print
 * page (console 年度报告) shows the same numbers.
 */
import type { PlanDashboard, PlanTarget } from '../../../domain/contracts/plan.ts';
import type { Actor } from '../../platform/context.ts';
import type { ExportDefinition } from '../../platform/export.ts';
import type { PlanService } from './service.ts';

export interface ReportFilters {
  year: number;
  /** The moment the report is measured at (the request's time). */
  asOf: string;
}

const STATUS_ZH: Record<PlanTarget['status'], string> = {
  met: '已达成',
  on_track: '进度正常',
  at_risk: '存在风险',
  missed: '未达成',
  no_data: '暂无数据',
  measured: '仅实测',
};
const CMP: Record<PlanTarget['comparison'], string> = { '>=': '≥', '<=': '≤', '=': '=' };

function targetCell(r: PlanTarget): string {
  if (r.value === null) return '（规划未给出数值）';
  const range = r.valueMax !== null ? `${r.value}–${r.valueMax}` : `${CMP[r.comparison]} ${r.value}`;
  return `${range} ${r.unit}`;
}

function measuredCell(r: PlanTarget): string | number {
  if (!r.measured) return '';
  if (r.measured.unit === 'share') return `${(r.measured.value * 100).toFixed(1)}%`;
  return r.measured.value;
}

type Row = PlanTarget & { note: string };

/**
 * The report's export definition and `prepare`, which measures the dashboard for these filters before
 * the export kit opens its read transaction (the sources read through the module's own connection; on
 * PGlite's single connection a read from inside that transaction would wait on it). count() and rows()
 * then take the prepared rows of the same filters object.
 */
export function planReportExport(plan: PlanService): {
  definition: ExportDefinition<Row, ReportFilters>;
  prepare(actor: Actor, f: ReportFilters): Promise<void>;
} {
  const measured = new WeakMap<object, Promise<Row[]>>();
  const rowsOf = (actor: Actor, f: ReportFilters): Promise<Row[]> => {
    let p = measured.get(f);
    if (!p) {
      p = plan
        .dashboard(
          { actor, districtCode: actor.districtCode, ip: null, requestId: null, now: new Date(f.asOf) },
          actor,
          { year: f.year },
        )
        .then((d: PlanDashboard) => {
          const note =
            d.carriedForward && d.version
              ? `${d.version.title}（${d.version.docNumber}）计划期至 ${d.version.periodEnd}，尚未发布接续计划：沿用 ${d.carriedFromYear ?? ''} 年目标`
              : '';
          return d.targets.map((t) => ({ ...t, note }));
        });
      measured.set(f, p);
    }
    return p;
  };
  const definition: ExportDefinition<Row, ReportFilters> = {
    kind: 'plan_report',
    sheetName: '年度报告',
    objectType: 'plan_report',
    columns: [
      { header: '年度 Year', width: 8, value: (r) => r.year ?? '' },
      { header: '目标 Target', width: 40, value: (r) => r.titleZh },
      { header: '范围 Scope', width: 12, value: (r) => (r.townCode ? `街镇 ${r.townCode}` : '全区') },
      { header: '目标值 Target value', width: 18, value: targetCell },
      { header: '测得值 Measured', width: 14, value: measuredCell },
      { header: '分子 Numerator', width: 10, value: (r) => r.measured?.numerator ?? '' },
      { header: '分母 Denominator', width: 10, value: (r) => r.measured?.denominator ?? '' },
      { header: '状态 Status', width: 10, value: (r) => STATUS_ZH[r.status] },
      { header: '数据来源 Source', width: 14, value: (r) => r.sourceModule ?? '暂无数据来源' },
      { header: '依据 Citation', width: 40, value: (r) => r.citation },
      { header: '说明 Note', width: 50, value: (r) => r.note },
    ],
    count: async (_tx, actor, f) => (await rowsOf(actor, f)).length,
    rows: async (_tx, actor, f, page) =>
      (await rowsOf(actor, f)).slice(page.offset, page.offset + page.limit),
  };
  return {
    definition,
    async prepare(actor, f) {
      await rowsOf(actor, f);
    },
  };
}
