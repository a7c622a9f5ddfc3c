/**
 * Plan and funding (issue 13): the shapes of the plan-target dashboard, the drill-down and the
 * successor plan. The rows come from the district pack's structured targets (domain/plan/targets.ts);
 * status per domain/plan/status.ts.
 */
import { z } from 'zod';
import { TARGET_KEYS } from '../../server/platform/targets.ts';
import { PLAN_TARGET_STATUSES } from '../plan/status.ts';
import { pageOf, paginationQuery } from './common.ts';
import { SKILL_ASSESSMENTS } from './workforce.ts';

export { PLAN_TARGET_STATUSES, type PlanTargetStatus } from '../plan/status.ts';
export const PLAN_TARGET_SCOPES = ['district', 'town'] as const;
export const PLAN_COMPARISONS = ['>=', '<=', '='] as const;
export const PLAN_VERSION_STATUSES = ['active', 'superseded'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / Date must be YYYY-MM-DD');

export const planTargetsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2099).optional(),
  town: z
    .string()
    .regex(/^\d{9}$/, '街镇代码应为 9 位数字 / The town code must be 9 digits')
    .optional(),
});

export const measureSchema = z.object({
  value: z.number(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  unit: z.enum(['count', 'share', 'hours']),
  byTown: z.record(z.string(), z.number()).optional(),
});

export const planTargetSchema = z.object({
  id: z.uuid(),
  key: z.enum(TARGET_KEYS),
  seedId: z.string(),
  titleZh: z.string(),
  citation: z.string(),
  scope: z.enum(PLAN_TARGET_SCOPES),
  townCode: z.string().nullable(),
  year: z.number().int().nullable(),
  comparison: z.enum(PLAN_COMPARISONS),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The source module, or null when none is registered ("no data source yet"). */
  sourceModule: z.string().nullable(),
  measured: measureSchema.nullable(),
  /** The measured value on the target's scale (a share as a percentage; see domain/plan/targets.ts perUnitTarget). */
  scaled: z.number().nullable(),
  status: z.enum(PLAN_TARGET_STATUSES),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const planVersionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  docNumber: z.string(),
  citation: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  predecessorId: z.uuid().nullable(),
  status: z.enum(PLAN_VERSION_STATUSES),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planDashboardSchema = z.object({
  year: z.number().int(),
  /** When the numbers were measured (ISO time). */
  asOf: z.string(),
  /**
   * True when the district wrote since `asOf` and the numbers are being measured again behind this
   * answer (a measurement that took longer than MEASURE_BEHIND_MS, ADR 0033): ask again for the new ones.
   */
  refreshing: z.boolean().optional(),
  version: planVersionSchema.nullable(),
  /** True when the year lies after the plan's period and no successor plan exists. */
  carriedForward: z.boolean(),
  /** The plan year whose targets are carried forward. */
  carriedFromYear: z.number().int().nullable(),
  targets: z.array(planTargetSchema),
  /**
   * Targets national and Shanghai policy set since the plan (domain/plan/policy-targets.ts), computed
   * for the year; `carriedFromYear` is set when a whole-period target is shown after its period.
   */
  policyTargets: z.array(planTargetSchema.extend({ carriedFromYear: z.number().int().nullable() })),
});
export type PlanDashboard = z.infer<typeof planDashboardSchema>;

export const planTargetParams = z.strictObject({ id: z.uuid() });
export const drillQuery = paginationQuery.extend({
  year: z.coerce.number().int().min(2000).max(2099).optional(),
});

export const drillRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  townCode: z.string().optional(),
  counts: z.boolean(),
  note: z.string().optional(),
});
export const drillPageSchema = pageOf(drillRowSchema).extend({
  target: planTargetSchema,
});
export type DrillPage = z.infer<typeof drillPageSchema>;

export const trendQuery = z.strictObject({ key: z.enum(TARGET_KEYS) });
export const trendSchema = z.object({
  key: z.enum(TARGET_KEYS),
  points: z.array(
    z.object({ year: z.number().int(), scaled: z.number().nullable(), status: z.enum(PLAN_TARGET_STATUSES) }),
  ),
});

export const createSuccessorBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  docNumber: z.string().trim().min(1).max(60),
  citation: z.string().trim().min(1).max(300),
  periodStart: isoDate,
  periodEnd: isoDate,
});
export type CreateSuccessorBody = z.infer<typeof createSuccessorBody>;

/** A plan version's targets, one per target id (the district-level row; town rows take the same value). */
export const planVersionParams = z.strictObject({ id: z.uuid() });
export const versionTargetSchema = z.object({
  seedId: z.string(),
  key: z.enum(TARGET_KEYS),
  titleZh: z.string(),
  scope: z.enum(PLAN_TARGET_SCOPES),
  comparison: z.enum(PLAN_COMPARISONS),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  citation: z.string(),
});
export const versionTargetsSchema = z.object({
  version: planVersionSchema,
  /** Whether the caller may change the values: the district's own successor plans while active. */
  editable: z.boolean(),
  targets: z.array(versionTargetSchema),
});
export type VersionTargets = z.infer<typeof versionTargetsSchema>;

const targetValue = z.number().finite().nullable();
export const targetChangeSchema = z.strictObject({
  seedId: z.string().trim().min(1).max(80),
  value: targetValue,
  valueMax: targetValue.default(null),
});
export const targetPreviewBody = z.strictObject({ changes: z.array(targetChangeSchema).min(1).max(50) });
export type TargetPreviewBody = z.infer<typeof targetPreviewBody>;
export const targetChangesBody = targetPreviewBody.extend({
  /** The decision that changes the values (document and article, or the meeting). */
  citation: z.string().trim().min(1).max(300),
});
export type TargetChangesBody = z.infer<typeof targetChangesBody>;

const judged = z.object({
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  status: z.enum(PLAN_TARGET_STATUSES),
});
export const targetPreviewSchema = z.object({
  versionId: z.uuid(),
  /** The plan year the targets are judged for, on `onDate` (today in Shanghai). */
  year: z.number().int(),
  onDate: z.string(),
  rows: z.array(
    z.object({
      id: z.uuid(),
      seedId: z.string(),
      titleZh: z.string(),
      townCode: z.string().nullable(),
      unit: z.string(),
      scaled: z.number().nullable(),
      /**
       * A per-unit target (hours per practitioner, sessions per family): `scaled` is the share (%) of
       * units reaching the old value and `scaledAfter` the share reaching the new one.
       */
      perUnit: z.boolean(),
      scaledAfter: z.number().nullable(),
      before: judged,
      after: judged,
      /** The status differs. */
      changes: z.boolean(),
    }),
  ),
  /** How many rows change status. */
  changed: z.number().int(),
  /** Rows updated (0 for a preview). */
  updated: z.number().int(),
});
export type TargetPreview = z.infer<typeof targetPreviewSchema>;

/** The portal's yearly target table: the numbers only (no drill-down, no town rows). */
export const publicPlanSchema = z.object({
  year: z.number().int(),
  /** When the numbers were measured (ISO time; up to SUMMARY_MAX_AGE_SECONDS old). */
  asOf: z.string(),
  version: planVersionSchema
    .pick({ title: true, docNumber: true, periodStart: true, periodEnd: true })
    .nullable(),
  carriedForward: z.boolean(),
  carriedFromYear: z.number().int().nullable(),
  targets: z.array(
    planTargetSchema.pick({
      key: true,
      titleZh: true,
      citation: true,
      comparison: true,
      value: true,
      valueMax: true,
      unit: true,
      scaled: true,
      status: true,
    }),
  ),
});
export type PublicPlan = z.infer<typeof publicPlanSchema>;
export const publicPlanQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2099).optional(),
});

// ——— Funding (issue 13): toddler-class allotment, staffing quota, training subsidy, tax relief ———

/** Where the pupil floor (20) applies: all toddler classes of a kindergarten together, or each class. */
export const FUNDING_FLOOR_SCOPES = ['kindergarten', 'class'] as const;
export type FundingFloorScope = (typeof FUNDING_FLOOR_SCOPES)[number];
/** How a per-pupil rate came in. */
export const FUNDING_RATE_SOURCES = ['entered', 'imported'] as const;
/**
 * VAT relief of a kindergarten's care and education (财税〔2016〕36号 附件3 第一条(二)): public and
 * inclusive kindergartens for their fees; other private ones only for fees within the filed and
 * published standard.
 */
export const FUNDING_TAX_RELIEF = ['exempt', 'exempt_filed_fees'] as const;
/** The first fiscal year of the plan period (the plan took effect on 2021-08-27). */
export const FUNDING_FIRST_YEAR = 2021;

export const fundingBudgetQuery = z.strictObject({
  year: z.coerce
    .number()
    .int('年度应为整数 / The year must be a whole number')
    .min(2000, '年度超出范围 / The year is out of range')
    .max(2099, '年度超出范围 / The year is out of range'),
});
export const fundingExportQuery = fundingBudgetQuery.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type FundingExportQuery = z.infer<typeof fundingExportQuery>;

export const fundingRateParams = z.strictObject({
  institutionId: z.uuid('机构 ID 格式不正确 / The institution id is not a UUID'),
  year: z.coerce.number().int('年度应为整数 / The year must be a whole number'),
});
export const fundingRateBody = z.strictObject({
  /** Per-pupil rate (生均拨款定额) in integer fen. */
  perPupilRateFen: z.number(),
  /** The version read (null to enter the first rate of the year). */
  version: z.number().int().min(1).nullable(),
});
export type FundingRateBody = z.infer<typeof fundingRateBody>;
/**
 * One row of the per-pupil rate import (kit import `plan_funding_rates`): the kindergarten by its unified
 * social credit code, the fiscal year, the rate in yuan (at most two decimals; stored in fen).
 */
export const fundingRateImportRow = z.strictObject({
  creditCode: z
    .string()
    .trim()
    .regex(
      /^[0-9A-HJ-NPQRTUWXY]{18}$/,
      '统一社会信用代码应为18位 / The unified social credit code has 18 characters',
    ),
  fiscalYear: z.number().int(),
  rateYuan: z.number().min(0).max(20_000_000),
});
export type FundingRateImportRow = z.infer<typeof fundingRateImportRow>;

export const fundingSettingsBody = z.strictObject({
  floorScope: z.enum(FUNDING_FLOOR_SCOPES),
  version: z.number().int().min(1).nullable(),
});
export type FundingSettingsBody = z.infer<typeof fundingSettingsBody>;

export const fundingRateSchema = z.object({
  institutionId: z.uuid(),
  year: z.number().int(),
  perPupilRateFen: z.number().int(),
  source: z.enum(FUNDING_RATE_SOURCES),
  updatedBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type FundingRate = z.infer<typeof fundingRateSchema>;

export const fundingSettingsSchema = z.object({
  floorScope: z.enum(FUNDING_FLOOR_SCOPES),
  /** null while the district has not set it (the default applies). */
  version: z.number().int().nullable(),
});
export type FundingSettings = z.infer<typeof fundingSettingsSchema>;

const citedValue = z.object({ packId: z.string(), docNumber: z.string(), article: z.string() });

export const fundingRowSchema = z.object({
  institutionId: z.uuid(),
  name: z.string(),
  townCode: z.string(),
  ownership: z.enum(['public', 'private']),
  inclusive: z.boolean(),
  toddlerClasses: z.number().int(),
  /** Pupils of each toddler class as registered now. */
  classPupils: z.array(z.number().int()),
  actualPupils: z.number().int(),
  countedPupils: z.number().int(),
  floorApplied: z.boolean(),
  /** The rate of the year, or null: the kindergarten is listed as missing a rate, not counted as 0. */
  rate: fundingRateSchema.nullable(),
  toddlerRateFen: z.number().int().nullable(),
  allotmentFen: z.number().int().nullable(),
  quotaTeachers: z.number().int(),
  quotaCaregivers: z.number().int(),
  /** Active employments assigned to the toddler classes: teachers, and caregivers (保育人员/育婴员). */
  actualTeachers: z.number().int(),
  actualCaregivers: z.number().int(),
  /** Staff of the kindergarten with a 保育员/育婴员 certificate issued in the year. */
  trainingEligible: z.number().int(),
  /** Passed listed assessments × the version's amount; null while the list has no amounts (the pack). */
  trainingSubsidyFen: z.number().int().nullable(),
  taxRelief: z.enum(FUNDING_TAX_RELIEF),
});
export type FundingRow = z.infer<typeof fundingRowSchema>;

export const fundingTotalsSchema = z.object({
  kindergartens: z.number().int(),
  withRate: z.number().int(),
  missingRate: z.number().int(),
  toddlerClasses: z.number().int(),
  actualPupils: z.number().int(),
  /** Counted pupils of the kindergartens with a rate. */
  countedPupils: z.number().int(),
  allotmentFen: z.number().int(),
  quotaTotal: z.number().int(),
  actualTotal: z.number().int(),
  trainingEligible: z.number().int(),
  trainingSubsidyFen: z.number().int(),
});
export type FundingTotals = z.infer<typeof fundingTotalsSchema>;

// ——— District funding-value versions (issue 13, ADR 0028) ———

const isoDay = z.iso.date('日期格式应为 YYYY-MM-DD / The date must be YYYY-MM-DD');

/**
 * One entry of the training-fee subsidy list: an occupation's passed assessment and its amount (integer fen).
 * The occupations are the workforce module's vocational assessments (an open list: 等; ADR 0028).
 */
export const fundingSubsidyItem = z.strictObject({
  occupation: z.enum(SKILL_ASSESSMENTS, '鉴定项目不在列表中 / The occupation is not a known assessment'),
  amountFen: z.number('金额应为数字（分） / The amount must be a number of fen'),
});
export type FundingSubsidyItem = z.infer<typeof fundingSubsidyItem>;

/** The citation a district version rests on: issuer, document number, title and date (all required). */
export const fundingCitation = z.strictObject({
  issuer: z.string('发文机关必填 / The issuer is required'),
  docNumber: z.string('文号必填 / The document number is required'),
  title: z.string('文件标题必填 / The document title is required'),
  date: isoDay,
});
export type FundingCitation = z.infer<typeof fundingCitation>;

/** A proposed district version (create and preview take the same body; the rules are domain/plan/funding-values.ts). */
export const fundingVersionBody = z.strictObject({
  effectiveFrom: isoDay,
  citation: fundingCitation,
  /** Toddler per-pupil rate = rate × numerator / denominator (the pack: 3/2). */
  multiplier: z.strictObject({
    numerator: z.number().int('倍数须为整数分子 / The multiplier numerator must be a whole number'),
    denominator: z.number().int('倍数须为整数分母 / The multiplier denominator must be a whole number'),
  }),
  pupilFloor: z.number().int('保底人数须为整数 / The pupil floor must be a whole number'),
  teachersPerClass: z.number().int('每班教师数须为整数 / Teachers per class must be a whole number'),
  caregiversPerClass: z.number().int('每班保育员数须为整数 / Caregivers per class must be a whole number'),
  trainingSubsidies: z.array(fundingSubsidyItem).max(20),
  /** The number of the latest version read (null when none exists yet): another save in between → 409. */
  basedOn: z.number().int().min(1).nullable(),
});
export type FundingVersionBody = z.infer<typeof fundingVersionBody>;

export const fundingVersionSchema = z.object({
  id: z.uuid(),
  /** 1, 2, … per district. */
  versionNo: z.number().int(),
  effectiveFrom: z.string(),
  citation: fundingCitation,
  multiplier: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
  pupilFloor: z.number().int(),
  teachersPerClass: z.number().int(),
  caregiversPerClass: z.number().int(),
  trainingSubsidies: z.array(
    z.object({ occupation: z.enum(SKILL_ASSESSMENTS), amountFen: z.number().int() }),
  ),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type FundingVersion = z.infer<typeof fundingVersionSchema>;

export const fundingVersionListSchema = z.object({
  items: z.array(fundingVersionSchema),
  /** The version in force today (Shanghai date), or null: the rule pack applies. */
  inForce: z.number().int().nullable(),
  /** The values a new version starts from: the version in force today, else the pack's (amounts 0). */
  template: fundingVersionBody.omit({ effectiveFrom: true, citation: true, basedOn: true }),
  /** The latest version's number (the body's basedOn) and effective date; a new one must start after it. */
  latest: z.object({ versionNo: z.number().int(), effectiveFrom: z.string() }).nullable(),
});
export type FundingVersionList = z.infer<typeof fundingVersionListSchema>;

/** What a proposed version would change in the fiscal year of its effective date (fen and posts). */
export const fundingPreviewSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      institutionId: z.uuid(),
      name: z.string(),
      townCode: z.string(),
      allotmentBeforeFen: z.number().int().nullable(),
      allotmentAfterFen: z.number().int().nullable(),
      allotmentDeltaFen: z.number().int(),
      quotaBefore: z.number().int(),
      quotaAfter: z.number().int(),
      quotaDelta: z.number().int(),
      trainingSubsidyDeltaFen: z.number().int(),
    }),
  ),
  towns: z.array(
    z.object({
      townCode: z.string(),
      allotmentDeltaFen: z.number().int(),
      quotaDelta: z.number().int(),
      trainingSubsidyDeltaFen: z.number().int(),
    }),
  ),
  total: z.object({
    allotmentBeforeFen: z.number().int(),
    allotmentAfterFen: z.number().int(),
    allotmentDeltaFen: z.number().int(),
    quotaBefore: z.number().int(),
    quotaAfter: z.number().int(),
    quotaDelta: z.number().int(),
    trainingSubsidyDeltaFen: z.number().int(),
  }),
  /**
   * Kindergarten toddler classes whose staffing check (workforce) would change if the proposed per-class
   * staffing held today, with today's certified staff: met → short or short → met.
   */
  staffing: z.object({
    asOf: z.string(),
    classes: z.array(
      z.object({
        classId: z.uuid(),
        className: z.string(),
        institutionId: z.uuid(),
        institutionName: z.string(),
        townCode: z.string(),
        certifiedTeachers: z.number(),
        certifiedCaregivers: z.number(),
        requiredBefore: z.number().int(),
        requiredAfter: z.number().int(),
        compliantBefore: z.boolean(),
        compliantAfter: z.boolean(),
      }),
    ),
  }),
});
export type FundingPreview = z.infer<typeof fundingPreviewSchema>;

export const fundingBudgetSchema = z.object({
  year: z.number().int(),
  floorScope: z.enum(FUNDING_FLOOR_SCOPES),
  settings: fundingSettingsSchema,
  /** The values in use: ×numerator/denominator, floor, 2 teachers + 1 caregiver, with their citation. */
  policy: z.object({
    multiplier: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
    pupilFloor: z.number().int(),
    teachersPerClass: z.number().int(),
    caregiversPerClass: z.number().int(),
    source: citedValue.extend({ title: z.string(), effectiveTo: z.string().nullable() }),
  }),
  /** The district version in force for the year (latest effective date ≤ 31 Dec), or null: the pack's values. */
  districtVersion: fundingVersionSchema.nullable(),
  /** True after the plan period with no district version: the pack's values are carried forward (`statement`). */
  carriedForward: z.boolean(),
  statement: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** The training-fee subsidy: counted people; amounts only where a district version lists them. */
  training: z.object({
    perPersonFen: z.number().int().nullable(),
    /** The list in use: occupation → amount in fen (null: the pack lists it without an amount). */
    subsidies: z.array(
      z.object({ occupation: z.enum(SKILL_ASSESSMENTS), amountFen: z.number().int().nullable() }),
    ),
    note: z.object({ zh: z.string(), en: z.string() }),
  }),
  rows: z.array(fundingRowSchema),
  missingRates: z.array(z.object({ institutionId: z.uuid(), name: z.string(), townCode: z.string() })),
  towns: z.array(fundingTotalsSchema.extend({ townCode: z.string() })),
  total: fundingTotalsSchema,
});
export type FundingBudget = z.infer<typeof fundingBudgetSchema>;

/** The annual report's spreadsheet (issue 13): the year's targets as the dashboard measures them. */
export const planReportExportQuery = z.strictObject({
  year: z.coerce.number().int().min(2021).max(2099),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
