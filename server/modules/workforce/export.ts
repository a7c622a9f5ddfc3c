/** XLSX/CSV export of the class staffing compliance table (through the kit exporter; audited there). */
import type { ClassCompliance } from '../../../domain/contracts/workforce.ts';
import { findDivision } from '../../../domain/divisions.ts';
import type { ExportDefinition } from '../../platform/export.ts';
import { computeCompliance } from './compliance.ts';

export interface ComplianceFilters {
  townCode?: string | undefined;
  institutionId?: string | undefined;
  /** The moment measured (the request's clock), so a background file measures the same day. */
  asOf: string;
}

const RULES: Record<ClassCompliance['rule'], string> = {
  ratio: '师幼比 / ratio',
  two_teachers_one_caregiver: '两教一保',
  family_point: '家庭托育点 1:3',
  none: '—',
};

export const complianceExport: ExportDefinition<ClassCompliance, ComplianceFilters> = {
  kind: 'workforce.compliance',
  sheetName: '配班合规 Staffing',
  objectType: 'workforce_compliance',
  columns: [
    { header: '街镇 Town', width: 16, value: (r) => findDivision(r.townCode)?.nameZh ?? r.townCode },
    { header: '机构 Institution', width: 30, value: (r) => r.institutionName },
    { header: '班级 Class', width: 14, value: (r) => r.className },
    { header: '班型 Type', width: 16, value: (r) => r.classType },
    { header: '在班人数 Enrolled', value: (r) => r.enrolled },
    { header: '规则 Rule', width: 18, value: (r) => RULES[r.rule] },
    { header: '比例 Ratio', value: (r) => (r.ratio === null ? null : `1:${r.ratio}`) },
    { header: '持证保育 Certified carers', value: (r) => r.certifiedCaregivers },
    { header: '持证教师 Certified teachers', value: (r) => r.certifiedTeachers },
    { header: '兼班（按比例计）Shared (counted by share)', width: 18, value: (r) => r.sharedStaff },
    { header: '应配 Required', value: (r) => r.required },
    { header: '达标 Compliant', value: (r) => (r.compliant ? '是 yes' : '否 no') },
    {
      header: '依据 Citation',
      width: 40,
      value: (r) => (r.citation ? `${r.citation.docNumber} ${r.citation.article}` : null),
    },
  ],
  async count(tx, actor, f) {
    return (await computeCompliance(tx, actor, f, new Date(f.asOf))).classes.length;
  },
  async rows(tx, actor, f, page) {
    return (await computeCompliance(tx, actor, f, new Date(f.asOf))).classes.slice(
      page.offset,
      page.offset + page.limit,
    );
  },
};
