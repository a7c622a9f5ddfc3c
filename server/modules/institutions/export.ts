/**
 * Export of the filtered registry as XLSX (exceljs) or CSV (UTF-8 with BOM, so Excel opens Chinese),
 * through the same scope filter as the list, and audited (`institutions.export`). CSV cells that
 * start with = + - @ are prefixed with ' so a spreadsheet does not run them as formulas.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  type ExportQuery,
  type InstitutionKind,
  type InstitutionStatus,
  KIND_LABELS,
  OWNERSHIP_LABELS,
  SERVICE_FORM_LABELS,
  type ServiceForm,
  STATUS_LABELS,
} from '../../../domain/contracts/institution.ts';
import { findDivision } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { localDate } from './policy.ts';
import * as repo from './repository.ts';

/** More rows than a district has; a larger export is a job, not a request. */
export const EXPORT_LIMIT = 50_000;

type Cell = string | number;
const yuan = (f: number | null) => (f == null ? '' : f / 100);

const COLUMNS: [header: string, width: number, value: (r: repo.InstitutionRow) => Cell][] = [
  ['机构名称 Name', 36, (r) => r.name],
  ['统一社会信用代码 Credit code', 22, (r) => r.creditCode],
  ['类型 Kind', 14, (r) => KIND_LABELS[r.kind as InstitutionKind]?.zh ?? r.kind],
  ['举办性质 Ownership', 8, (r) => OWNERSHIP_LABELS[r.ownership as 'public' | 'private']?.zh ?? r.ownership],
  ['普惠 Inclusive', 8, (r) => (r.inclusive ? '是' : '否')],
  ['街镇 Town', 12, (r) => findDivision(r.townCode)?.nameZh ?? r.townCode],
  ['地址 Address', 36, (r) => r.address],
  ['联系电话 Phone', 16, (r) => r.publicPhone],
  [
    '服务形式 Service forms',
    20,
    (r) => r.serviceForms.map((f) => SERVICE_FORM_LABELS[f as ServiceForm]?.zh ?? f).join('、'),
  ],
  ['全日制月收费（元）Full-day fee/month', 12, (r) => yuan(r.feeFullDayFen)],
  ['半日制月收费（元）Half-day fee/month', 12, (r) => yuan(r.feeHalfDayFen)],
  ['计时制收费（元/小时）Hourly fee', 12, (r) => yuan(r.feeHourlyFen)],
  ['托额 Seats', 8, (r) => r.seats],
  ['在托人数 Enrolled', 8, (r) => r.enrolled],
  [
    '托幼一体 Toddler classes',
    8,
    (r) => (r.kind === 'kindergarten' ? (r.toddlerClasses > 0 ? '是' : '否') : ''),
  ],
  ['状态 Status', 10, (r) => STATUS_LABELS[r.status as InstitutionStatus]?.zh ?? r.status],
  ['备案日期 Filed on', 12, (r) => (r.filedAt ? localDate(r.filedAt) : '')],
  ['负责人 Director', 10, (r) => r.directorName],
];

function csvCell(v: Cell): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: repo.InstitutionRow[]): Buffer {
  const lines = [COLUMNS.map(([h]) => csvCell(h)).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([, , value]) => csvCell(value(r))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(rows: repo.InstitutionRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('托育机构');
  ws.columns = COLUMNS.map(([header, width]) => ({ header, width }));
  for (const r of rows) ws.addRow(COLUMNS.map(([, , value]) => value(r)));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const REPORT_TIMEOUT_MS = 30_000;

/** The export file of the caller's scope with the list filters; one audit entry per export. */
export async function exportInstitutions(db: Db, ctx: RequestContext, actor: Actor, q: ExportQuery) {
  const { format, ...filters } = q;
  // A report gets a statement timeout (it must not hold the database for long) besides the scope filter.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local statement_timeout = '${REPORT_TIMEOUT_MS}ms'`));
    return repo.exportInstitutions(tx, actor, filters, EXPORT_LIMIT);
  });
  const body = format === 'csv' ? toCsv(rows) : await toXlsx(rows);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'institutions.export',
      objectType: 'institution',
      changes: { format, filters, rows: rows.length },
    }),
  );
  const stamp = localDate(ctx.now).replaceAll('-', '');
  return {
    fileName: `institutions-${stamp}.${format}`,
    contentType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
