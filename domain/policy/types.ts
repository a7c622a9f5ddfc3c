/**
 * Rule-pack types. A pack is one document (law, regulation, standard, plan) with the values it sets,
 * each value cited to an article/section. Packs are layered national → city → district; a later layer
 * overrides the values it names (resolve.ts).
 */

/** Class types: 乳儿班 / 托小班 / 托大班 / 混龄班 / 幼儿园托班. */
export type ClassType = 'infant' | 'toddler_small' | 'toddler_large' | 'mixed' | 'kindergarten_toddler';

/** A half-open age band in completed months: minMonths ≤ age < maxMonths. */
export interface AgeBand {
  minMonths: number;
  maxMonths: number;
}

/** An inclusive integer range, e.g. "2–3 new points a year". */
export interface IntRange {
  min: number;
  max: number;
}

/** How a measured value is compared with a target value. */
export type Comparison = '>=' | '<=' | '=';

/** A structured plan target. `cadence: 'annual'` means the value applies to each calendar year of the period. */
export interface PlanTarget {
  id: string;
  metric: string;
  comparison: Comparison;
  value: number;
  unit: string;
  period: { start: string; end: string };
  cadence: 'annual' | 'period';
  zh: string;
}

/** Ratio and size rules per class type; `null` ratio = no ratio rule in force for that type. */
export interface PolicyValues {
  /** Maximum children per class. */
  classCaps: Record<ClassType, number>;
  /** Maximum children per caregiver (1:3 → 3); null when no ratio is set. */
  classRatios: Record<ClassType, number | null>;
  /** Age band of each class type, in completed months. */
  classAgeBands: Record<ClassType, AgeBand>;
  /** Day-to-day care and safety rules. */
  care: {
    outdoorMinutesPerDay: number;
    cctvRetentionDays: number;
    directorMinEducation: 'college_diploma';
    directorMinManagementYears: number;
  };
  /** Filing (备案) deadlines, in working days. */
  filing: {
    filingWorkingDays: number;
    nonComplianceNoticeWorkingDays: number;
  };
  /** 家庭托育点 (family childcare point) limits; absent before the 2023 measures. */
  familyPoint?: {
    maxChildren: number;
    maxInfantsPerCaregiver: number;
  };
  /** National targets (14th Five-Year Plan). */
  nationalTargets?: {
    placesPer1000: PlanTarget;
  };
  /** Kindergarten toddler-class funding and staffing (district). */
  funding?: {
    /** Per-pupil toddler rate = kindergarten rate × numerator / denominator. */
    toddlerRateMultiplier: { numerator: number; denominator: number };
    /** Fewer pupils than this are counted as this many. */
    pupilFloor: number;
    teachersPerToddlerClass: number;
    caregiversPerToddlerClass: number;
    /** Vocational assessments (鉴定) whose passing earns the training-fee subsidy; an open list (…等). */
    subsidyAssessments: string[];
  };
  /** The district action plan's mechanism numbers. */
  plan?: {
    newInclusivePointsPerYear: IntRange;
    inclusiveTownCoveragePct: number;
    kindergartenToddlerSharePct: number;
    guidanceStationsPerTown: number;
    childFriendlySitesPerYear: number;
    earlyDevelopmentBases: number;
    careCircleMinutes: number;
    jointMeetingReviewsPerYear: number;
    doubleRandomChecksPerMonth: number;
    onSiteVisitsPerInstitutionPerYear: number;
    certifiedPct: number;
    skillsTrainingHoursPerYear: number;
    ethicsTrainingHoursPerYear: number;
    professionalTrainingsPerYear: number;
    homeVisitsPerNewbornFamilyPerYear: number;
    offlineGuidanceSessionsPerYear: number;
    onlineGuidanceCoveragePct: number;
    demonstrationInstitutions: IntRange;
    targets: PlanTarget[];
  };
  // — workforce (issue 9) —
  /** Staff qualifications: per post, the certificates needed (all of the groups, any one within a group). */
  workforce?: {
    postCertificates: Record<string, string[][]>;
  };
  // — 2026 beyond the plan (issue 17) —
  /** The national childcare subsidy (育儿补贴) and how a city applies it. */
  childcareSubsidy?: {
    /** Yuan per child per year (paid by the month: yuanPerYear / 12 a month). */
    yuanPerYear: number;
    /** First day of the first month paid (YYYY-MM-DD). */
    firstMonth: string;
    /** Months of life paid: the birth month up to the month before the child turns this many months old. */
    monthsOfLife: number;
    /** Working days the town has to check an application. */
    reviewWorkingDays: number;
    /** Payments a year at least (quarterly batches = 4). */
    minBatchesPerYear: number;
    /** Only children with a hukou of the city (Shanghai). */
    localHukouOnly: boolean;
  };
  // — community 宝宝屋 (issue 17) —
  /** Community childcare 宝宝屋: free hours per child per calendar year, then a capped hourly price. */
  baobaowu?: {
    /** Free hours per child per calendar year (1 Jan – 31 Dec, China time). */
    freeHoursPerChildPerYear: number;
    /** Highest hourly price after the free hours, in yuan. */
    maxYuanPerHour: number;
  };
  // — published fee list (收费公示, issue 17) —
  /** What an institution's fee disclosure must carry (domain/policy/fee-disclosure.ts). */
  feeDisclosure?: {
    /** What must be told to parents / shown (names as the source words them). */
    mustDisclose: string[];
    /** An inclusive institution's published list must include the care fee (保育费). */
    inclusiveCareFeeRequired: boolean;
    /** An inclusive institution's list must state the basis of its inclusive price. */
    inclusiveBasisRequired: boolean;
  };
  // — pre-hire record checks (issue 17) —
  /** The record checks an institution records before an employment starts (入职查询). */
  recordChecks?: {
    required: RecordCheckRequirement[];
  };
}

/**
 * One record check required before an employment starts: which kind, the document that requires it
 * (issuer, title, number, date as far as known) and how long a check stays good for a hire —
 * `validityDays: null` when the document, as read here, sets no window (then none is applied).
 */
export interface RecordCheckRequirement {
  kind: 'sex_offence_query' | 'no_criminal_record';
  issuer: string;
  title: string;
  docNumber: string;
  /** YYYY-MM-DD, or the year alone when the day was not confirmed. */
  issued: string;
  article: string;
  validityDays: number | null;
  /** Related rules (e.g. Shanghai's own) as a sentence, not read against their texts either. */
  related?: string;
}

/** Names of the value groups. */
export type PolicyGroup = keyof PolicyValues;

/** A value with its citation. `verified: false` = not confirmed against an official text (see note). */
export interface Cited<T> {
  value: T;
  /** Article/section of the pack's document, e.g. '第二章 设置要求' or '二、(二)1'. */
  article: string;
  verified: boolean;
  note?: string;
  /** Per-value dates override the pack's, e.g. a value added by a later amendment. */
  effectiveFrom?: string;
  effectiveTo?: string;
}

/** The values a pack sets: any subset of groups and keys, each cited. */
export type PackValues = {
  [G in PolicyGroup]?: { [K in keyof NonNullable<PolicyValues[G]>]?: Cited<NonNullable<PolicyValues[G]>[K]> };
};

/** One rule pack (one document). */
export interface PolicyPack {
  id: string;
  level: 'national' | 'city' | 'district';
  /** GB/T 2260 code: '000000' for national, '310000' for Shanghai, '310118' for Qingpu. */
  jurisdiction: string;
  title: string;
  issuer: string;
  docNumber: string;
  effectiveFrom: string;
  effectiveTo?: string;
  /** Where the text was read or which copy was used. */
  sourceNote?: string;
  values: PackValues;
}
