/**
 * The registry's export declaration: its columns and its scoped, filtered query. Writing the file,
 * formula neutralisation, the statement timeout, the audit entry and the background file for large
 * exports are the platform's (server/platform/export.ts).
 */
import { count } from 'drizzle-orm';
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
import type { ExportColumn, ExportDefinition } from '../../platform/export.ts';
import { localDate } from './policy.ts';
import * as repo from './repository.ts';
import { institutions } from './tables.ts';

type Filters = Omit<ExportQuery, 'format'>;
type Row = repo.InstitutionRow;
const yuan = (f: number | null) => (f == null ? '' : f / 100);
const c = (header: string, width: number, value: (r: Row) => string | number): ExportColumn<Row> => ({
  header,
  width,
  value,
});

const COLUMNS: ExportColumn<Row>[] = [
  c('机构名称 Name', 36, (r) => r.name),
  c('统一社会信用代码 Credit code', 22, (r) => r.creditCode),
  c('类型 Kind', 14, (r) => KIND_LABELS[r.kind as InstitutionKind]?.zh ?? r.kind),
  c('举办性质 Ownership', 8, (r) => OWNERSHIP_LABELS[r.ownership as 'public' | 'private']?.zh ?? r.ownership),
  c('普惠 Inclusive', 8, (r) => (r.inclusive ? '是' : '否')),
  c('街镇 Town', 12, (r) => findDivision(r.townCode)?.nameZh ?? r.townCode),
  c('地址 Address', 36, (r) => r.address),
  c('联系电话 Phone', 16, (r) => r.publicPhone),
  c('服务形式 Service forms', 20, (r) =>
    r.serviceForms.map((f) => SERVICE_FORM_LABELS[f as ServiceForm]?.zh ?? f).join('、'),
  ),
  c('全日制月收费（元）Full-day fee/month', 12, (r) => yuan(r.feeFullDayFen)),
  c('半日制月收费（元）Half-day fee/month', 12, (r) => yuan(r.feeHalfDayFen)),
  c('计时制收费（元/小时）Hourly fee', 12, (r) => yuan(r.feeHourlyFen)),
  c('托额 Seats', 8, (r) => r.seats),
  c('在托人数 Enrolled', 8, (r) => r.enrolled),
  c('托幼一体 Toddler classes', 8, (r) =>
    r.kind === 'kindergarten' ? (r.toddlerClasses > 0 ? '是' : '否') : '',
  ),
  c('状态 Status', 10, (r) => STATUS_LABELS[r.status as InstitutionStatus]?.zh ?? r.status),
  c('备案日期 Filed on', 12, (r) => (r.filedAt ? localDate(r.filedAt) : '')),
  c('负责人 Director', 10, (r) => r.directorName),
];

/** The filtered registry of the caller's scope (the same filter as the list). */
export const institutionExport: ExportDefinition<Row, Filters> = {
  kind: 'institutions',
  sheetName: '托育机构',
  objectType: 'institution',
  columns: COLUMNS,
  async count(tx, actor, f) {
    const [row] = await tx.select({ n: count() }).from(institutions).where(repo.listWhere(actor, f));
    return row?.n ?? 0;
  },
  rows: (tx, actor, f, page) => repo.exportInstitutions(tx, actor, f, page.limit, page.offset),
};
