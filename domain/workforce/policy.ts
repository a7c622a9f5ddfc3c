/**
 * The rule-pack values the workforce module reads, with citations. The district plan (35号) ran
 * 2021–2023; when no plan is in force on the day asked, its numbers are carried over from the last
 * plan that was (and `carriedOverFrom` names it), so a page never shows a number without its source.
 */
import { ALL_PACKS, resolvePolicy, type ValueSource } from '../policy/resolve.ts';
import type { ClassType, RecordCheckRequirement } from '../policy/types.ts';
import type { StaffingPolicy } from './rules.ts';

export interface Citation {
  docNumber: string;
  article: string;
}

export interface WorkforcePolicy {
  postCertificates: Record<string, string[][]>;
  staffing: StaffingPolicy;
  skillsHours: number | null;
  ethicsHours: number | null;
  professionalTrainings: number | null;
  certifiedPct: number | null;
  /** Vocational assessments whose passing earns the training-fee subsidy (empty when no pack sets them). */
  subsidyAssessments: string[];
  /** 58号: a director's least education and years of management experience. */
  director: { minEducation: 'college_diploma'; minManagementYears: number };
  /**
   * The pre-hire record checks (入职查询) required on the day, with their documents; empty before the
   * pack is in force. A requirement's `validityDays: null` means no validity window is applied.
   */
  recordChecks: RecordCheckRequirement[];
  carriedOverFrom: string | null;
  citations: Record<string, Citation | null>;
}

const cite = (s: ValueSource | undefined): Citation | null =>
  s ? { docNumber: s.docNumber, article: s.article } : null;

const cache = new Map<string, WorkforcePolicy>();

export function workforcePolicy(districtCode: string, day: string): WorkforcePolicy {
  const key = `${districtCode}:${day}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = resolvePolicy(districtCode, day);
  if (!r.ok) throw new Error(`no rule pack in force for ${districtCode} on ${day}: ${r.reason}`);
  let plan = r.values.plan;
  let funding = r.values.funding;
  let planSources = r.sources;
  let carriedOverFrom: string | null = null;
  if (!plan || !funding) {
    // The last district pack with a plan that started before the day: resolve on its last day.
    const last = ALL_PACKS.filter(
      (p) => p.jurisdiction === districtCode && p.values.plan && p.effectiveFrom <= day && p.effectiveTo,
    ).sort((a, b) => (a.effectiveTo! < b.effectiveTo! ? 1 : -1))[0];
    if (last) {
      const earlier = resolvePolicy(districtCode, last.effectiveTo!);
      if (earlier.ok) {
        plan = plan ?? earlier.values.plan;
        funding = funding ?? earlier.values.funding;
        planSources = { ...earlier.sources, ...r.sources };
        carriedOverFrom = last.docNumber;
      }
    }
  }
  const wf = r.values.workforce;
  if (!wf) throw new Error('rule pack value workforce.postCertificates missing');
  const ratioSource = (t: ClassType) => cite(r.sources[`classRatios.${t}`]);
  const out: WorkforcePolicy = {
    postCertificates: wf.postCertificates,
    staffing: {
      classRatios: r.values.classRatios,
      familyPointInfantsPerCaregiver: r.values.familyPoint?.maxInfantsPerCaregiver ?? null,
      teachersPerToddlerClass: funding?.teachersPerToddlerClass ?? null,
      caregiversPerToddlerClass: funding?.caregiversPerToddlerClass ?? null,
    },
    skillsHours: plan?.skillsTrainingHoursPerYear ?? null,
    ethicsHours: plan?.ethicsTrainingHoursPerYear ?? null,
    professionalTrainings: plan?.professionalTrainingsPerYear ?? null,
    certifiedPct: plan?.certifiedPct ?? null,
    subsidyAssessments: funding?.subsidyAssessments ?? [],
    director: {
      minEducation: r.values.care.directorMinEducation,
      minManagementYears: r.values.care.directorMinManagementYears,
    },
    recordChecks: r.values.recordChecks?.required ?? [],
    carriedOverFrom,
    citations: {
      postCertificates: cite(r.sources['workforce.postCertificates']),
      infant: ratioSource('infant'),
      toddler_small: ratioSource('toddler_small'),
      toddler_large: ratioSource('toddler_large'),
      mixed: ratioSource('mixed'),
      kindergarten_toddler: cite(planSources['funding.teachersPerToddlerClass']),
      family_point: cite(r.sources['familyPoint.maxInfantsPerCaregiver']),
      certifiedPct: cite(planSources['plan.certifiedPct']),
      skillsHours: cite(planSources['plan.skillsTrainingHoursPerYear']),
      ethicsHours: cite(planSources['plan.ethicsTrainingHoursPerYear']),
      professionalTrainings: cite(planSources['plan.professionalTrainingsPerYear']),
      subsidyAssessments: cite(planSources['funding.subsidyAssessments']),
      director: cite(r.sources['care.directorMinManagementYears']),
      recordChecks: cite(r.sources['recordChecks.required']),
    },
  };
  if (cache.size > 500) cache.clear();
  cache.set(key, out);
  return out;
}

/**
 * A district funding version (ADR 0028, `plan_funding_versions`) in force on the day: its staffing of a
 * kindergarten toddler class (两教一保 in the pack) and its training-subsidy list replace the pack's, with
 * the version as the citation. The budget and the staffing check then read the same numbers.
 */
export interface DistrictFundingValues {
  versionNo: number;
  effectiveFrom: string;
  docNumber: string;
  teachersPerClass: number;
  caregiversPerClass: number;
  /** The assessments the version pays a subsidy for. */
  subsidyAssessments: string[];
}

export function withDistrictFunding(
  policy: WorkforcePolicy,
  v: DistrictFundingValues | null | undefined,
): WorkforcePolicy {
  if (!v) return policy;
  const citation = {
    docNumber: v.docNumber,
    article: `区级托班经费标准第 ${v.versionNo} 版（${v.effectiveFrom} 起施行）`,
  };
  return {
    ...policy,
    staffing: {
      ...policy.staffing,
      teachersPerToddlerClass: v.teachersPerClass,
      caregiversPerToddlerClass: v.caregiversPerClass,
    },
    subsidyAssessments: v.subsidyAssessments,
    citations: { ...policy.citations, kindergarten_toddler: citation, subsidyAssessments: citation },
  };
}

/**
 * The district's own plan in force on the day (a successor plan entered in the console, or the seeded
 * plan within its period): its workforce targets replace the pack's numbers (carried over after 2023),
 * each cited from the plan version. A metric the plan has no row for keeps the pack's value.
 */
export interface DistrictPlanValues {
  docNumber: string;
  /** metric (e.g. skills_training_hours_per_practitioner) → value and the row's citation. */
  targets: Partial<Record<PlanWorkforceMetric, { value: number; citation: string }>>;
}
export const PLAN_WORKFORCE_METRICS = [
  'practitioners_certified_pct',
  'skills_training_hours_per_practitioner',
  'ethics_training_hours_per_practitioner',
  'professional_trainings',
] as const;
export type PlanWorkforceMetric = (typeof PLAN_WORKFORCE_METRICS)[number];

export function withDistrictPlan(
  policy: WorkforcePolicy,
  plan: DistrictPlanValues | null | undefined,
): WorkforcePolicy {
  if (!plan) return policy;
  const t = plan.targets;
  const cited = (m: PlanWorkforceMetric, fallback: Citation | null | undefined) =>
    t[m] ? { docNumber: plan.docNumber, article: t[m].citation } : (fallback ?? null);
  const all = PLAN_WORKFORCE_METRICS.every((m) => t[m]);
  return {
    ...policy,
    certifiedPct: t.practitioners_certified_pct?.value ?? policy.certifiedPct,
    skillsHours: t.skills_training_hours_per_practitioner?.value ?? policy.skillsHours,
    ethicsHours: t.ethics_training_hours_per_practitioner?.value ?? policy.ethicsHours,
    professionalTrainings: t.professional_trainings?.value ?? policy.professionalTrainings,
    // Carried over no longer once the district's plan gives every number.
    carriedOverFrom: all ? null : policy.carriedOverFrom,
    citations: {
      ...policy.citations,
      certifiedPct: cited('practitioners_certified_pct', policy.citations.certifiedPct),
      skillsHours: cited('skills_training_hours_per_practitioner', policy.citations.skillsHours),
      ethicsHours: cited('ethics_training_hours_per_practitioner', policy.citations.ethicsHours),
      professionalTrainings: cited('professional_trainings', policy.citations.professionalTrainings),
    },
  };
}
