/**
 * The workforce rules on a day with the district's own funding version applied (ADR 0028, issue 13): the
 * staffing of a kindergarten toddler class and the training-subsidy list come from the version in force
 * on that day when the district has entered one, else from the rule pack (domain/workforce/policy.ts).
 * One indexed read (district, effective date) per computation.
 */
import { and, desc, eq, lte } from 'drizzle-orm';
import {
  type DistrictFundingValues,
  type WorkforcePolicy,
  withDistrictFunding,
  workforcePolicy,
} from '../../../domain/workforce/policy.ts';
import type { Db } from '../../db/client.ts';
import { planFundingVersions as v } from '../plan/tables.ts';

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

/** The pack's workforce rules on `day`, with the district's funding version in force that day. */
export async function workforcePolicyOn(db: Db, districtCode: string, day: string): Promise<WorkforcePolicy> {
  return withDistrictFunding(
    workforcePolicy(districtCode, day),
    await districtFundingOn(db, districtCode, day),
  );
}
