/**
 * The audit trail's export declaration: the same filters, guard and order as the list (service.ts),
 * names resolved at read time like the list. Writing the file, formula neutralisation, the statement
 * timeout, the background file for a large trail and the audit entry (`audit.export`, with the filters)
 * are the export kit's (server/platform/export.ts).
 */
import type { AuditEntry, AuditFilters } from '../../../domain/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import type { ExportColumn, ExportDefinition } from '../export.ts';
import type { ScopeTargets } from '../scope-targets.ts';
import { auditRows, countAudit } from './service.ts';

/** China Standard Time (UTC+8, no daylight saving), to the second: 2026-03-01 09:30:00. */
export const localDateTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

const RESULT_ZH: Record<AuditEntry['result'], string> = { success: '成功', failure: '失败', denied: '拒绝' };

const c = (
  header: string,
  width: number,
  value: ExportColumn<AuditEntry>['value'],
): ExportColumn<AuditEntry> => ({
  header,
  width,
  value,
});

export const AUDIT_EXPORT_COLUMNS: ExportColumn<AuditEntry>[] = [
  c('序号 Seq', 8, (e) => e.seq),
  c('时间（北京时间）Time (UTC+8)', 20, (e) => localDateTime(e.at)),
  c('操作人 Actor', 16, (e) => e.actorName ?? e.actorUsername ?? ''),
  c('登录名 Login name', 16, (e) => e.actorUsername ?? ''),
  c('角色 Role', 18, (e) => e.role ?? ''),
  c('辖区 Scope', 20, (e) => e.scopeLabel?.zh ?? e.scope ?? ''),
  c('操作 Action', 28, (e) => e.action),
  c('对象类型 Object type', 14, (e) => e.objectType ?? ''),
  c('对象 Object', 30, (e) => e.objectName?.zh ?? e.objectId ?? ''),
  c('结果 Result', 8, (e) => RESULT_ZH[e.result] ?? e.result),
  c('IP', 16, (e) => e.ip ?? ''),
  c('请求编号 Request id', 38, (e) => e.requestId ?? ''),
  c('变更内容 Changes', 60, (e) => (e.changes ? JSON.stringify(e.changes) : '')),
  c('哈希 Hash', 66, (e) => e.hash),
];

/** The export of the filtered trail; `targets` names institutions as the list does. */
export function auditExport(targets: ScopeTargets): ExportDefinition<AuditEntry, AuditFilters> {
  return {
    kind: 'audit',
    sheetName: '审计日志',
    objectType: 'audit_log',
    columns: AUDIT_EXPORT_COLUMNS,
    count: (tx: Db, actor, f) => countAudit(tx, actor, f),
    rows: (tx: Db, actor, f, page) => auditRows(tx, actor, f, page, targets),
  };
}
