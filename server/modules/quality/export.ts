/** XLSX/CSV of one round's results (the kit's exporter; the rows go through the guard). */
import { and, asc, count, eq } from 'drizzle-orm';
import { GRADE_LABELS } from '../../../domain/contracts/quality.ts';
import { findDivision } from '../../../domain/divisions.ts';
import type { ExportDefinition } from '../../platform/export.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { institutions } from '../institutions/tables.ts';
import { participantScope } from './repository.ts';
import { qualityParticipants as pt, qualityRounds as rd } from './tables.ts';

interface Row {
  name: string;
  townCode: string;
  year: number;
  round: string;
  totalTenths: number | null;
  percentTenths: number | null;
  grade: string | null;
  vetoed: boolean;
  demonstration: boolean;
  dimensionTenths: Record<string, number> | null;
}
type Filters = { roundId: string };
const where = (actor: Parameters<typeof scopeWhere>[0], f: Filters) =>
  and(scopeWhere(actor, participantScope), eq(pt.roundId, f.roundId));
const tenth = (v: number | null) => (v === null ? '' : v / 10);

export const roundExport: ExportDefinition<Row, Filters> = {
  kind: 'quality_round',
  sheetName: '质量评估结果',
  objectType: 'quality_round',
  columns: [
    { header: '年度 Year', width: 8, value: (r) => r.year },
    { header: '轮次 Round', width: 24, value: (r) => r.round },
    { header: '机构 Institution', width: 36, value: (r) => r.name },
    { header: '街镇 Town', width: 12, value: (r) => findDivision(r.townCode)?.nameZh ?? r.townCode },
    { header: '总分 Total', width: 10, value: (r) => tenth(r.totalTenths) },
    { header: '得分率% Percent', width: 10, value: (r) => tenth(r.percentTenths) },
    {
      header: '等级 Grade',
      width: 10,
      value: (r) => (r.grade ? GRADE_LABELS[r.grade as keyof typeof GRADE_LABELS].zh : '未评定'),
    },
    { header: '一票否决 Veto', width: 10, value: (r) => (r.vetoed ? '是' : '否') },
    { header: '示范 Demonstration', width: 10, value: (r) => (r.demonstration ? '是' : '否') },
    {
      header: '维度得分 Dimensions',
      width: 50,
      value: (r) =>
        Object.entries(r.dimensionTenths ?? {})
          .map(([k, v]) => `${k}:${v / 10}`)
          .join(' '),
    },
  ],
  async count(tx, actor, f) {
    const [r] = await tx.select({ n: count() }).from(pt).where(where(actor, f));
    return r?.n ?? 0;
  },
  rows: (tx, actor, f, page) =>
    tx
      .select({
        name: institutions.name,
        townCode: pt.townCode,
        year: rd.year,
        round: rd.name,
        totalTenths: pt.totalTenths,
        percentTenths: pt.percentTenths,
        grade: pt.grade,
        vetoed: pt.vetoed,
        demonstration: pt.demonstration,
        dimensionTenths: pt.dimensionTenths,
      })
      .from(pt)
      .innerJoin(rd, and(eq(rd.districtCode, pt.districtCode), eq(rd.id, pt.roundId)))
      .innerJoin(
        institutions,
        and(eq(institutions.districtCode, pt.districtCode), eq(institutions.id, pt.institutionId)),
      )
      .where(where(actor, f))
      .orderBy(asc(institutions.namePinyin), asc(pt.id))
      .limit(page.limit)
      .offset(page.offset),
};
