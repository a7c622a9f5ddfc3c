/**
 * The workforce rules on a day with the district's own funding version applied (ADR 0028, issue 13): the
 * staffing of a kindergarten toddler class and the training-subsidy list come from the version in force
 * on that day when the district has entered one, else from the rule pack (domain/workforce/policy.ts); the
 * certified share, training hours and district trainings come from the district's plan whose period holds
 * the day (a successor plan, or the seeded one within 2021–2023), else from the pack carried over.
 * Two indexed reads per computation.
 */
import { and, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { metricOfSeed } from '../../../domain/plan/targets.ts';
import {
  type DistrictFundingValues,
  type DistrictPlanValues,
  PLAN_WORKFORCE_METRICS,
  type PlanWorkforceMetric,
  type WorkforcePolicy,
  withDistrictFunding,
  withDistrictPlan,
  workforcePolicy,
} from '../../../domain/workforce/policy.ts';
import type { Db } from '../../db/client.ts';
import { planTargets, planVersions, planFundingVersions as v } from '../plan/tables.ts';

export async function districtFundingOn(
  db: Db,
  districtCode: string,
  day: string,
): Promise<DistrictFundingValues | null> {
  const [row] = await db
    .select({
      versionNo: v.versionNo,
      effectiveFrom: v.effectiveFrom,
      docNumber: v.citationDocNumber,
      teachersPerClass: v.teachersPerClass,
      caregiversPerClass: v.caregiversPerClass,
      trainingSubsidies: v.trainingSubsidies,
    })
    .from(v)
    .where(and(eq(v.districtCode, districtCode), lte(v.effectiveFrom, day)))
    .orderBy(desc(v.effectiveFrom))
    .limit(1);
  if (!row) return null;
  const { trainingSubsidies, ...rest } = row;
  return { ...rest, subsidyAssessments: trainingSubsidies.map((t) => t.occupation) };
}

/** The district-wide workforce targets of the plan whose period holds `day` (the year's row, or the period's). */
export async function districtPlanOn(
  db: Db,
  districtCode: string,
  day: string,
): Promise<DistrictPlanValues | null> {
  const year = Number(day.slice(0, 4));
  const rows = await db
    .select({
      docNumber: planVersions.docNumber,
      status: planVersions.status,
      seedId: planTargets.seedId,
      year: planTargets.year,
      value: planTargets.value,
      citation: planTargets.citation,
    })
    .from(planVersions)
    .innerJoin(
      planTargets,
      and(
        eq(planTargets.districtCode, planVersions.districtCode),
        eq(planTargets.versionId, planVersions.id),
      ),
    )
    .where(
      and(
        eq(planVersions.districtCode, districtCode),
        lte(planVersions.periodStart, day),
        gte(planVersions.periodEnd, day),
        eq(planTargets.scope, 'district'),
        inArray(planTargets.targetKey, ['certified_rate', 'training_hours', 'district_trainings']),
        or(isNull(planTargets.year), eq(planTargets.year, year)),
      ),
    );
  // Two plans can hold the day only if a successor starts inside its predecessor's period: the active one.
  const active = rows.some((r) => r.status === 'active') ? rows.filter((r) => r.status === 'active') : rows;
  if (active.length === 0) return null;
  const targets: DistrictPlanValues['targets'] = {};
  for (const r of active) {
    const metric = metricOfSeed(r.seedId) as PlanWorkforceMetric;
    if (!PLAN_WORKFORCE_METRICS.includes(metric) || r.value === null) continue;
    if (targets[metric] && r.year === null) continue; // the year's own row over the period's
    targets[metric] = { value: r.value, citation: r.citation };
  }
  return { docNumber: active[0]!.docNumber, targets };
}

/**
 * The pack's workforce rules on `day`, with the district's funding version in force that day and the
 * targets of its plan holding that day.
 */
export async function workforcePolicyOn(db: Db, districtCode: string, day: string): Promise<WorkforcePolicy> {
  const [funding, plan] = await Promise.all([
    districtFundingOn(db, districtCode, day),
    districtPlanOn(db, districtCode, day),
  ]);
  return withDistrictPlan(withDistrictFunding(workforcePolicy(districtCode, day), funding), plan);
}
