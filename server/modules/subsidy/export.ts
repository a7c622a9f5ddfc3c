/** The payment list of one batch for the finance bureau (XLSX/CSV through the kit exporter; audited there). */
import { and, eq, type SQL } from 'drizzle-orm';
import { findDivision } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import type { ExportDefinition } from '../../platform/export.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { countWhere } from '../../platform/paging.ts';
import { type LineRow, lineRows } from './service.ts';
import { subsidyBatches, subsidyBatchLines } from './tables.ts';

export interface BatchExportFilters {
  batchId: string;
}

const STATUS: Record<LineRow['status'], string> = {
  pending: '待发放 pending',
  paid: '已发放 paid',
  returned: '退回 returned',
};

/** The lines of the batch when the caller's guard reaches the batch (the district's only); else null. */
async function linesOfVisibleBatch(tx: Db, actor: Actor, batchId: string): Promise<SQL | null> {
  const [b] = await tx
    .select({ id: subsidyBatches.id })
    .from(subsidyBatches)
    .where(and(scopeWhere(actor, { district: subsidyBatches.districtCode }), eq(subsidyBatches.id, batchId)));
  if (!b) return null;
  return (
    and(eq(subsidyBatchLines.districtCode, actor.districtCode), eq(subsidyBatchLines.batchId, batchId)) ??
    null
  );
}

export const batchExport: ExportDefinition<LineRow, BatchExportFilters> = {
  kind: 'subsidy.batch',
  sheetName: '育儿补贴发放 Payments',
  objectType: 'subsidy_batch',
  columns: [
    { header: '街镇 Town', width: 14, value: (r) => findDivision(r.townCode)?.nameZh ?? r.townCode },
    { header: '申请编号 Application', width: 24, value: (r) => r.applicationNo },
    { header: '婴幼儿 Child', width: 12, value: (r) => r.childName },
    { header: '起始月 From', value: (r) => r.fromMonth },
    { header: '截止月 To', value: (r) => r.toMonth },
    { header: '月数 Months', value: (r) => r.months },
    { header: '金额（元）Yuan', value: (r) => r.amount },
    { header: '开户银行 Bank', width: 24, value: (r) => r.bankName },
    // Masked: the full number stays sealed; the bank pays against the national system's account record.
    { header: '账号（后四位）Account (last 4)', width: 18, value: (r) => r.bankAccount },
    { header: '状态 Status', width: 14, value: (r) => STATUS[r.status] },
    { header: '退回原因 Returned because', width: 24, value: (r) => r.returnReason },
  ],
  async count(tx, actor, f) {
    const lines = await linesOfVisibleBatch(tx, actor, f.batchId);
    return lines ? countWhere(tx, subsidyBatchLines, lines) : 0;
  },
  async rows(tx, actor, f, page) {
    const lines = await linesOfVisibleBatch(tx, actor, f.batchId);
    return lines ? lineRows(tx, lines, page.limit, page.offset) : [];
  },
};
