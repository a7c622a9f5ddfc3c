/**
 * Class rules: types, age bands, caps, caregiver ratios (国卫人口发〔2019〕58号 设置标准), family
 * childcare points (家庭托育点管理办法 2023) and kindergarten toddler-class staffing (青府办发〔2021〕35号
 * 四、(二): 两教一保). All numbers come from the resolved PolicyValues, never from this file.
 */
import type { AgeBand, ClassType, PolicyValues } from '../policy/types.ts';
import type { ReasonCode } from './reasons.ts';
import { err, ok, type Result } from './result.ts';

/** The class types with their labels, in display order. */
export const CLASS_TYPES: readonly { type: ClassType; zh: string; en: string }[] = [
  { type: 'infant', zh: '乳儿班', en: 'Infant class' },
  { type: 'toddler_small', zh: '托小班', en: 'Younger toddler class' },
  { type: 'toddler_large', zh: '托大班', en: 'Older toddler class' },
  { type: 'mixed', zh: '混龄班', en: 'Mixed-age class' },
  { type: 'kindergarten_toddler', zh: '幼儿园托班', en: 'Kindergarten toddler class' },
];

/** True when `s` is one of the class types. */
export function isClassType(s: unknown): s is ClassType {
  return CLASS_TYPES.some((c) => c.type === s);
}

/** Class types with labels, age band, cap and ratio from the resolved values. */
export function describeClassTypes(values: PolicyValues): {
  type: ClassType;
  zh: string;
  en: string;
  band: AgeBand;
  cap: number;
  childrenPerCaregiver: number | null;
}[] {
  return CLASS_TYPES.map((c) => ({
    ...c,
    band: values.classAgeBands[c.type],
    cap: values.classCaps[c.type],
    childrenPerCaregiver: values.classRatios[c.type],
  }));
}

function countReason(n: unknown): ReasonCode | null {
  if (typeof n !== 'number' || !Number.isInteger(n)) return 'count.invalid';
  if (n < 0) return 'count.negative';
  return null;
}

/** Class types whose age band (minMonths ≤ age < maxMonths) contains `months`. */
export function classTypesForAge(months: number, values: PolicyValues): Result<{ types: ClassType[] }> {
  const r = countReason(months);
  if (r) return err(r, 'ageMonths');
  const types = CLASS_TYPES.map((c) => c.type).filter((t) => {
    const band = values.classAgeBands[t];
    return band.minMonths <= months && months < band.maxMonths;
  });
  return ok({ types });
}

/** A class as entered by an institution. */
export interface ClassInput {
  type: string;
  capacity: number;
  enrolled: number;
  /** Youngest age admitted, in months. */
  minAgeMonths?: number;
}

/** One violation of a class rule, naming the input field. */
export interface ClassViolation {
  field: 'type' | 'capacity' | 'enrolled' | 'minAgeMonths';
  reason: ReasonCode;
}

/**
 * All violations of a class against the values in force (empty list = compliant): unknown type,
 * invalid/negative numbers, capacity over the cap, enrolled over capacity or cap, youngest age below the
 * band (a mixed class only from 18 months → `class.mixed_min_age`).
 */
export function checkClass(input: ClassInput, values: PolicyValues): ClassViolation[] {
  if (!isClassType(input.type)) return [{ field: 'type', reason: 'class.unknown_type' }];
  const out: ClassViolation[] = [];
  const cap = values.classCaps[input.type];
  const capR = countReason(input.capacity);
  const enrR = countReason(input.enrolled);
  if (capR) out.push({ field: 'capacity', reason: capR });
  else if (input.capacity > cap) out.push({ field: 'capacity', reason: 'class.over_cap' });
  if (enrR) out.push({ field: 'enrolled', reason: enrR });
  else if (!capR && input.enrolled > input.capacity)
    out.push({ field: 'enrolled', reason: 'class.over_capacity' });
  else if (input.enrolled > cap) out.push({ field: 'enrolled', reason: 'class.over_cap' });
  if (input.minAgeMonths !== undefined) {
    const ageR = countReason(input.minAgeMonths);
    const band = values.classAgeBands[input.type];
    if (ageR) out.push({ field: 'minAgeMonths', reason: ageR });
    else if (input.minAgeMonths < band.minMonths) {
      out.push({
        field: 'minAgeMonths',
        reason: input.type === 'mixed' ? 'class.mixed_min_age' : 'class.below_min_age',
      });
    } else if (input.minAgeMonths >= band.maxMonths)
      out.push({ field: 'minAgeMonths', reason: 'class.above_max_age' });
  }
  return out;
}

/** Caregivers needed for `children` in a class of `type`: ceil(children / children-per-caregiver). */
export function caregiversRequired(
  type: string,
  children: number,
  values: PolicyValues,
): Result<{ caregivers: number }> {
  if (!isClassType(type)) return err('class.unknown_type', 'type');
  const r = countReason(children);
  if (r) return err(r, 'children');
  const ratio = values.classRatios[type];
  if (ratio === null) return err('class.no_ratio_rule', 'type');
  return ok({ caregivers: Math.ceil(children / ratio) });
}

/** Check a family childcare point's total: at most `familyPoint.maxChildren` (5). */
export function checkFamilyPointTotal(totalChildren: number, values: PolicyValues): Result<{ max: number }> {
  const r = countReason(totalChildren);
  if (r) return err(r, 'totalChildren');
  if (!values.familyPoint) return err('policy.value_missing', 'familyPoint');
  const max = values.familyPoint.maxChildren;
  if (totalChildren > max) return err('family_point.over_cap', 'totalChildren', { max });
  return ok({ max });
}

/** Caregivers a family childcare point needs: one per ≤ 3 infants (ceil). */
export function familyPointCaregiversRequired(
  children: number,
  values: PolicyValues,
): Result<{ caregivers: number }> {
  const r = countReason(children);
  if (r) return err(r, 'children');
  if (!values.familyPoint) return err('policy.value_missing', 'familyPoint');
  return ok({ caregivers: Math.ceil(children / values.familyPoint.maxInfantsPerCaregiver) });
}

/** Staffing quota of a kindergarten's toddler classes: per class 2 teachers + 1 caregiver (两教一保). */
export function kindergartenToddlerStaffing(
  classes: number,
  values: Pick<PolicyValues, 'funding'>,
): Result<{ teachers: number; caregivers: number; total: number }> {
  const r = countReason(classes);
  if (r) return err(r, 'classes');
  if (!values.funding) return err('policy.value_missing', 'funding');
  const teachers = classes * values.funding.teachersPerToddlerClass;
  const caregivers = classes * values.funding.caregiversPerToddlerClass;
  return ok({ teachers, caregivers, total: teachers + caregivers });
}
