/** The month's operating-subsidy payment list for the finance bureau (XLSX/CSV through the kit exporter; audited there). */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { findDivision } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import type { ExportDefinition } from '../../platform/export.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { countWhere } from '../../platform/paging.ts';
import { institutions } from '../institutions/tables.ts';
import { claimScope } from './claims.ts';
import { operatingClaims } from './tables.ts';

export interface PaymentExportFilters {
  month: string;
}

interface PaymentRow {
  townCode: string;
  institutionName: string;
  month: string;
  countedChildMonths: number;
  rateFen: number | null;
  totalFen: number | null;
}

const yuan = (fen: number | null) => (fen === null ? '未设定 not set' : fen / 100);

const approvedIn = (actor: Actor, month: string): SQL =>
  and(
    scopeWhere(actor, claimScope),
    eq(operatingClaims.month, month),
    eq(operatingClaims.status, 'approved'),
  ) as SQL;

export const paymentExport: ExportDefinition<PaymentRow, PaymentExportFilters> = {
  kind: 'operating.payments',
  sheetName: '运营补贴发放 Payments',
  objectType: 'operating_claim',
  columns: [
    { header: '街镇 Town', width: 14, value: (r) => findDivision(r.townCode)?.nameZh ?? r.townCode },
    { header: '机构 Institution', width: 30, value: (r) => r.institutionName },
    { header: '月份 Month', value: (r) => r.month },
    { header: '计补人·月 Child-months', width: 16, value: (r) => r.countedChildMonths },
    { header: '标准（元/人·月）Yuan per child-month', width: 20, value: (r) => yuan(r.rateFen) },
    { header: '金额（元）Yuan', width: 14, value: (r) => yuan(r.totalFen) },
  ],
  count(tx: Db, actor, f) {
    return countWhere(tx, operatingClaims, approvedIn(actor, f.month));
  },
  rows(tx: Db, actor, f, page) {
    return tx
      .select({
        townCode: operatingClaims.townCode,
        institutionName: institutions.name,
        month: operatingClaims.month,
        countedChildMonths: operatingClaims.countedChildMonths,
        rateFen: operatingClaims.rateFen,
        totalFen: operatingClaims.totalFen,
      })
      .from(operatingClaims)
      .innerJoin(
        institutions,
        and(
          eq(institutions.districtCode, operatingClaims.districtCode),
          eq(institutions.id, operatingClaims.institutionId),
        ),
      )
      .where(approvedIn(actor, f.month))
      .orderBy(asc(operatingClaims.townCode), asc(institutions.name), asc(operatingClaims.id))
      .limit(page.limit)
      .offset(page.offset);
  },
};
