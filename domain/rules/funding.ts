/**
 * Toddler-class funding (青府办发〔2021〕35号 四、(二) 优化经费投入):
 * - per-pupil public funding of a toddler class = the kindergarten's per-pupil rate plus one half (× 3/2);
 * - floor: fewer than 20 toddler-class pupils are counted as 20, more are counted as they are.
 *   The text does not say whether the floor applies per kindergarten or per class. Default
 *   `floorScope: 'kindergarten'` (all toddler classes of the kindergarten together, counted as at least
 *   20 when it has any); option `'class'` counts every toddler class as at least 20.
 * - staffing quota: two teachers and one caregiver per toddler class (两教一保);
 * - training-fee subsidy for practitioners who passed 保育员/育婴员 training and assessment.
 * Money is integer fen (分). The exact amount rate × pupils × 3/2 is rounded once, half up, to a fen.
 */
import type { PolicyValues } from '../policy/types.ts';
import { kindergartenToddlerStaffing } from './classes.ts';
import { err, ok, type Result } from './result.ts';

/** Input of toddlerClassAllotment. */
export interface AllotmentInput {
  /** The kindergarten's per-pupil rate (生均拨款定额), fen per pupil per funding period. */
  perPupilRateFen: number;
  /** Pupils in each toddler class (one entry per class). */
  classPupils: readonly number[];
}

/** Result of toddlerClassAllotment. */
export interface Allotment {
  /** Pupils counted after the floor. */
  countedPupils: number;
  /** Actual pupils. */
  actualPupils: number;
  floorApplied: boolean;
  /** Toddler per-pupil rate, rounded half up to a fen (display only; the total is computed exactly). */
  toddlerRateFen: number;
  amountFen: number;
  floorScope: 'kindergarten' | 'class';
}

function isFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** Round num/den half up for non-negative safe integers. */
function roundHalfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

/** Toddler-class allotment of one kindergarten for one funding period, in fen. */
export function toddlerClassAllotment(
  input: AllotmentInput,
  values: Pick<PolicyValues, 'funding'>,
  options: { floorScope?: 'kindergarten' | 'class' } = {},
): Result<Allotment> {
  if (!values.funding) return err('policy.value_missing', 'funding');
  if (!isFen(input.perPupilRateFen)) return err('money.invalid', 'perPupilRateFen');
  if (!Array.isArray(input.classPupils)) return err('count.invalid', 'classPupils');
  for (const p of input.classPupils) {
    if (typeof p !== 'number' || !Number.isInteger(p)) return err('count.invalid', 'classPupils');
    if (p < 0) return err('count.negative', 'classPupils');
  }
  const floorScope = options.floorScope ?? 'kindergarten';
  const { numerator, denominator } = values.funding.toddlerRateMultiplier;
  const floor = values.funding.pupilFloor;
  const actualPupils = input.classPupils.reduce((a, b) => a + b, 0);
  let countedPupils: number;
  if (input.classPupils.length === 0) countedPupils = 0;
  else if (floorScope === 'class')
    countedPupils = input.classPupils.reduce((a, p) => a + Math.max(p, floor), 0);
  else countedPupils = Math.max(actualPupils, floor);
  const exactNum = input.perPupilRateFen * countedPupils * numerator;
  if (!Number.isSafeInteger(exactNum)) return err('money.overflow', 'perPupilRateFen');
  return ok({
    countedPupils,
    actualPupils,
    floorApplied: countedPupils > actualPupils,
    toddlerRateFen: roundHalfUp(input.perPupilRateFen * numerator, denominator),
    amountFen: roundHalfUp(exactNum, denominator),
    floorScope,
  });
}

/** Staffing quota (编制) of `classes` toddler classes: 2 teachers + 1 caregiver each. */
export function toddlerStaffingQuota(
  classes: number,
  values: Pick<PolicyValues, 'funding'>,
): Result<{ teachers: number; caregivers: number; total: number }> {
  return kindergartenToddlerStaffing(classes, values);
}

/** Training kinds that qualify for the subsidy: 保育员 (caregiver) and 育婴员 (infant-care worker). */
export const SUBSIDISED_TRAININGS = ['caregiver', 'infant_care_worker'] as const;

/** One practitioner's completed training assessments. */
export interface PractitionerTraining {
  practitionerId: string;
  trainings: readonly { kind: string; passed: boolean }[];
}

/**
 * Practitioners eligible for the training-fee subsidy (passed a listed assessment), counted once each.
 * `kinds`: the rule pack's open list (`funding.subsidyAssessments`, "保育员、育婴员等"); default the two named.
 */
export function trainingSubsidyCount(
  practitioners: readonly PractitionerTraining[],
  kinds: readonly string[] = SUBSIDISED_TRAININGS,
): Result<{ count: number; ids: string[] }> {
  if (!Array.isArray(practitioners)) return err('count.invalid', 'practitioners');
  const ids = new Set<string>();
  for (const p of practitioners) {
    if (typeof p?.practitionerId !== 'string' || p.practitionerId === '')
      return err('training.bad_practitioner', 'practitionerId');
    const trainings: PractitionerTraining['trainings'] = p.trainings ?? [];
    const eligible = trainings.some((t) => t.passed === true && kinds.includes(t.kind));
    if (eligible) ids.add(p.practitionerId);
  }
  const sorted = [...ids].sort();
  return ok({ count: sorted.length, ids: sorted });
}

/** Total training subsidy in fen = eligible count × per-person standard (the standard is set elsewhere). */
export function trainingSubsidyTotalFen(
  eligibleCount: number,
  perPersonFen: number,
): Result<{ amountFen: number }> {
  if (!Number.isInteger(eligibleCount) || eligibleCount < 0) return err('count.invalid', 'eligibleCount');
  if (!isFen(perPersonFen)) return err('money.invalid', 'perPersonFen');
  const amountFen = eligibleCount * perPersonFen;
  if (!Number.isSafeInteger(amountFen)) return err('money.overflow', 'perPersonFen');
  return ok({ amountFen });
}
