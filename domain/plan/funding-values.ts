/**
 * District funding values through time (issue 13, ADR 0028): the toddler-class funding of a fiscal year is
 * computed from the district version in force (latest effective date ≤ 31 December of the year), else from
 * the rule pack (青府办发〔2021〕35号 四、(二), carried forward after 2023). Pure: the budget, the preview
 * of a proposed version and the console's form feedback all use these functions.
 */
import type {
  FundingFloorScope,
  FundingPreview,
  FundingRate,
  FundingRow,
  FundingTotals,
  FundingVersionBody,
} from '../contracts/plan.ts';
import type { SkillAssessment } from '../contracts/workforce.ts';
import type { PolicyValues } from '../policy/types.ts';
import { toddlerClassAllotment, toddlerStaffingQuota, trainingSubsidyCount } from '../rules/funding.ts';

/** The values one computation uses; `amountFen` null = listed without an amount (the pack names none). */
export interface FundingValues {
  multiplier: { numerator: number; denominator: number };
  pupilFloor: number;
  teachersPerClass: number;
  caregiversPerClass: number;
  trainingSubsidies: readonly { occupation: SkillAssessment; amountFen: number | null }[];
}

/** The pack's funding values (no subsidy amounts: no rule pack sets one). */
export function packFundingValues(funding: NonNullable<PolicyValues['funding']>): FundingValues {
  return {
    multiplier: { ...funding.toddlerRateMultiplier },
    pupilFloor: funding.pupilFloor,
    teachersPerClass: funding.teachersPerToddlerClass,
    caregiversPerClass: funding.caregiversPerToddlerClass,
    trainingSubsidies: funding.subsidyAssessments.map((o) => ({
      occupation: o as SkillAssessment,
      amountFen: null,
    })),
  };
}

/** The version in force on `date` (YYYY-MM-DD): the latest effective date on or before it, else undefined. */
export function versionInForce<V extends { effectiveFrom: string }>(
  versions: readonly V[],
  date: string,
): V | undefined {
  let best: V | undefined;
  for (const v of versions)
    if (v.effectiveFrom <= date && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}

/** A field error of a proposed version (the server answers 400 with these, the form shows them). */
export interface VersionFieldError {
  field: string;
  rule: string;
  message_zh: string;
  message_en: string;
}

const MAX_FEN = 2_000_000_000;

/**
 * The rules of a proposed version: citation complete, multiplier > 0, floor ≥ 0, staffing ≥ 0, amounts
 * whole fen ≥ 0, no occupation twice, effective date after the latest version's. Returns every error.
 */
export function validateFundingVersion(
  body: Omit<FundingVersionBody, 'basedOn'>,
  latest: { effectiveFrom: string } | null,
): VersionFieldError[] {
  const errors: VersionFieldError[] = [];
  const e = (field: string, rule: string, zh: string, en: string) =>
    errors.push({ field, rule, message_zh: zh, message_en: en });
  const c = body.citation;
  if (!c.issuer?.trim()) e('citation.issuer', 'required', '请填写发文机关', 'The issuer is required');
  if (!c.docNumber?.trim())
    e('citation.docNumber', 'required', '请填写文号', 'The document number is required');
  if (!c.title?.trim()) e('citation.title', 'required', '请填写文件标题', 'The document title is required');
  if (!c.date) e('citation.date', 'required', '请填写发文日期', 'The document date is required');
  if ((c.issuer?.length ?? 0) > 100 || (c.docNumber?.length ?? 0) > 100 || (c.title?.length ?? 0) > 200)
    e('citation', 'too_long', '依据过长（机关、文号 ≤100 字，标题 ≤200 字）', 'The citation is too long');
  const { numerator, denominator } = body.multiplier;
  if (!(numerator > 0) || !(denominator > 0) || numerator > 1000 || denominator > 1000)
    e(
      'multiplier',
      'positive',
      '托班生均倍数须大于 0（分子、分母为 1–1000 的整数）',
      'The multiplier must be greater than 0 (numerator and denominator whole numbers 1–1000)',
    );
  if (!(body.pupilFloor >= 0) || body.pupilFloor > 1000)
    e('pupilFloor', 'min_0', '保底人数不能小于 0', 'The pupil floor may not be below 0');
  if (!(body.teachersPerClass >= 0) || body.teachersPerClass > 20)
    e('teachersPerClass', 'min_0', '每班教师数须为 0–20', 'Teachers per class must be 0–20');
  if (!(body.caregiversPerClass >= 0) || body.caregiversPerClass > 20)
    e('caregiversPerClass', 'min_0', '每班保育员数须为 0–20', 'Caregivers per class must be 0–20');
  const seen = new Set<string>();
  body.trainingSubsidies.forEach((s, i) => {
    if (!Number.isSafeInteger(s.amountFen) || s.amountFen < 0 || s.amountFen > MAX_FEN)
      e(
        `trainingSubsidies.${i}.amountFen`,
        'integer_fen',
        '补贴金额须为不小于 0 的整数（单位：分）',
        'The subsidy amount must be a whole number of fen, 0 or more',
      );
    if (seen.has(s.occupation))
      e(
        `trainingSubsidies.${i}.occupation`,
        'duplicate',
        '培训补贴清单中的鉴定项目重复',
        'The occupation is listed twice in the training-subsidy list',
      );
    seen.add(s.occupation);
  });
  if (latest && body.effectiveFrom <= latest.effectiveFrom)
    e(
      'effectiveFrom',
      'after_latest',
      `生效日期须晚于最新版本的生效日期（${latest.effectiveFrom}）`,
      `The effective date must come after the latest version's (${latest.effectiveFrom})`,
    );
  return errors;
}

/** One kindergarten's inputs of a fiscal year, as the server reads them. */
export interface FundingKindergarten {
  institutionId: string;
  name: string;
  townCode: string;
  ownership: 'public' | 'private';
  inclusive: boolean;
  classPupils: readonly number[];
  rate: FundingRate | null;
  actualTeachers: number;
  actualCaregivers: number;
  /** Passed skill assessments in the year (one per record). */
  passed: readonly { staffId: string; skill: string | null }[];
}

function emptyTotals(): FundingTotals {
  return {
    kindergartens: 0,
    withRate: 0,
    missingRate: 0,
    toddlerClasses: 0,
    actualPupils: 0,
    countedPupils: 0,
    allotmentFen: 0,
    quotaTotal: 0,
    actualTotal: 0,
    trainingEligible: 0,
    trainingSubsidyFen: 0,
  };
}

function addRow(t: FundingTotals, r: FundingRow): void {
  t.kindergartens += 1;
  if (r.rate) t.withRate += 1;
  else t.missingRate += 1;
  t.toddlerClasses += r.toddlerClasses;
  t.actualPupils += r.actualPupils;
  if (r.rate) t.countedPupils += r.countedPupils;
  t.allotmentFen += r.allotmentFen ?? 0;
  t.quotaTotal += r.quotaTeachers + r.quotaCaregivers;
  t.actualTotal += r.actualTeachers + r.actualCaregivers;
  t.trainingEligible += r.trainingEligible;
  t.trainingSubsidyFen += r.trainingSubsidyFen ?? 0;
}

/** The budget's rows, town totals and district total for `values` (the same function for real numbers and preview). */
export function computeFunding(
  kgs: readonly FundingKindergarten[],
  values: FundingValues,
  floorScope: FundingFloorScope,
): { rows: FundingRow[]; towns: (FundingTotals & { townCode: string })[]; total: FundingTotals } {
  const policy: Pick<PolicyValues, 'funding'> = {
    funding: {
      toddlerRateMultiplier: values.multiplier,
      pupilFloor: values.pupilFloor,
      teachersPerToddlerClass: values.teachersPerClass,
      caregiversPerToddlerClass: values.caregiversPerClass,
      subsidyAssessments: values.trainingSubsidies.map((s) => s.occupation),
    },
  };
  const listed = policy.funding!.subsidyAssessments;
  const amounts = new Map(values.trainingSubsidies.map((s) => [s.occupation as string, s.amountFen]));
  const withAmounts = values.trainingSubsidies.some((s) => s.amountFen !== null);
  const rows: FundingRow[] = [];
  for (const k of kgs) {
    const pupils = [...k.classPupils];
    const quota = toddlerStaffingQuota(pupils.length, policy);
    if (!quota.ok) throw new Error(`staffing quota: ${quota.reason}`);
    // Counted pupils are shown even without a rate (the rate 0 gives the count, never an amount).
    const a = toddlerClassAllotment(
      { perPupilRateFen: k.rate?.perPupilRateFen ?? 0, classPupils: pupils },
      policy,
      {
        floorScope,
      },
    );
    if (!a.ok) throw new Error(`allotment: ${a.reason}`);
    // Each record is a passed assessment; the rule counts each person once, on the list.
    const training = trainingSubsidyCount(
      k.passed.map((c) => ({
        practitionerId: c.staffId,
        trainings: [{ kind: c.skill ?? '', passed: true }],
      })),
      listed,
    );
    if (!training.ok) throw new Error(`training: ${training.reason}`);
    // The amount: each person's passed listed assessment once per occupation, at the list's amount.
    let subsidy = 0;
    const paid = new Set<string>();
    for (const c of k.passed) {
      const key = `${c.staffId}\u0000${c.skill}`;
      if (!c.skill || paid.has(key) || !amounts.has(c.skill)) continue;
      paid.add(key);
      subsidy += amounts.get(c.skill) ?? 0;
    }
    rows.push({
      institutionId: k.institutionId,
      name: k.name,
      townCode: k.townCode,
      ownership: k.ownership,
      inclusive: k.inclusive,
      toddlerClasses: pupils.length,
      classPupils: pupils,
      actualPupils: a.actualPupils,
      countedPupils: a.countedPupils,
      floorApplied: a.floorApplied,
      rate: k.rate,
      toddlerRateFen: k.rate ? a.toddlerRateFen : null,
      allotmentFen: k.rate ? a.amountFen : null,
      quotaTeachers: quota.teachers,
      quotaCaregivers: quota.caregivers,
      actualTeachers: k.actualTeachers,
      actualCaregivers: k.actualCaregivers,
      trainingEligible: training.count,
      trainingSubsidyFen: withAmounts ? subsidy : null,
      taxRelief: k.ownership === 'public' || k.inclusive ? 'exempt' : 'exempt_filed_fees',
    });
  }
  const total = emptyTotals();
  const towns = new Map<string, FundingTotals & { townCode: string }>();
  for (const r of rows) {
    addRow(total, r);
    let town = towns.get(r.townCode);
    if (!town) {
      town = { townCode: r.townCode, ...emptyTotals() };
      towns.set(r.townCode, town);
    }
    addRow(town, r);
  }
  return { rows, towns: [...towns.values()].sort((a, b) => (a.townCode < b.townCode ? -1 : 1)), total };
}

/**
 * What changes from `before` to `after` (two computeFunding results over the same kindergartens): the
 * kindergartens whose allotment, quota or subsidy changes, town deltas and the district total.
 */
export function fundingDelta(
  year: number,
  before: ReturnType<typeof computeFunding>,
  after: ReturnType<typeof computeFunding>,
): Omit<FundingPreview, 'staffing'> {
  const afterById = new Map(after.rows.map((r) => [r.institutionId, r]));
  const rows: FundingPreview['rows'] = [];
  const towns = new Map<string, FundingPreview['towns'][number]>();
  for (const b of before.rows) {
    const a = afterById.get(b.institutionId);
    if (!a) continue;
    const quotaBefore = b.quotaTeachers + b.quotaCaregivers;
    const quotaAfter = a.quotaTeachers + a.quotaCaregivers;
    const row = {
      institutionId: b.institutionId,
      name: b.name,
      townCode: b.townCode,
      allotmentBeforeFen: b.allotmentFen,
      allotmentAfterFen: a.allotmentFen,
      allotmentDeltaFen: (a.allotmentFen ?? 0) - (b.allotmentFen ?? 0),
      quotaBefore,
      quotaAfter,
      quotaDelta: quotaAfter - quotaBefore,
      trainingSubsidyDeltaFen: (a.trainingSubsidyFen ?? 0) - (b.trainingSubsidyFen ?? 0),
    };
    if (row.allotmentDeltaFen === 0 && row.quotaDelta === 0 && row.trainingSubsidyDeltaFen === 0) continue;
    rows.push(row);
    let t = towns.get(b.townCode);
    if (!t) {
      t = { townCode: b.townCode, allotmentDeltaFen: 0, quotaDelta: 0, trainingSubsidyDeltaFen: 0 };
      towns.set(b.townCode, t);
    }
    t.allotmentDeltaFen += row.allotmentDeltaFen;
    t.quotaDelta += row.quotaDelta;
    t.trainingSubsidyDeltaFen += row.trainingSubsidyDeltaFen;
  }
  return {
    year,
    rows,
    towns: [...towns.values()].sort((a, b) => (a.townCode < b.townCode ? -1 : 1)),
    total: {
      allotmentBeforeFen: before.total.allotmentFen,
      allotmentAfterFen: after.total.allotmentFen,
      allotmentDeltaFen: after.total.allotmentFen - before.total.allotmentFen,
      quotaBefore: before.total.quotaTotal,
      quotaAfter: after.total.quotaTotal,
      quotaDelta: after.total.quotaTotal - before.total.quotaTotal,
      trainingSubsidyDeltaFen: after.total.trainingSubsidyFen - before.total.trainingSubsidyFen,
    },
  };
}
