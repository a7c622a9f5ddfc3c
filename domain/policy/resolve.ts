/**
 * Policy resolver: which values are in force for a district on a date, and where each came from.
 * Layering: national → city (first two digits + '0000') → district; within a level, packs apply in
 * order of effective date. A later pack overrides exactly the values it names (per key, not per group).
 */
import { parseDate } from '../rules/dates.ts';
import { err, ok, type Result } from '../rules/result.ts';
import { FEE_DISCLOSURE_PACKS } from './fee-disclosure.ts';
import { NATIONAL_PACKS } from './national-2019.ts';
import { NATIONAL_2020_RECORD_CHECKS } from './national-2020-checks.ts';
import { NATIONAL_2025_PACKS } from './national-2025.ts';
import { QINGPU_PACKS } from './qingpu-2021.ts';
import { SHANGHAI_PACKS } from './shanghai-2024.ts';
import { SHANGHAI_2025_PACKS } from './shanghai-2025.ts';
import { SHANGHAI_BAOBAOWU_PACKS } from './shanghai-baobaowu.ts';
import type { Cited, PolicyGroup, PolicyPack, PolicyValues } from './types.ts';

/** Every pack shipped with the platform. */
export const ALL_PACKS: readonly PolicyPack[] = [
  ...NATIONAL_PACKS,
  NATIONAL_2020_RECORD_CHECKS,
  ...NATIONAL_2025_PACKS,
  ...SHANGHAI_PACKS,
  ...SHANGHAI_2025_PACKS,
  ...SHANGHAI_BAOBAOWU_PACKS,
  ...FEE_DISCLOSURE_PACKS,
  ...QINGPU_PACKS,
];

/** Every key of every group (an object so the compiler checks it is exhaustive). */
const GROUP_KEYS: { [G in PolicyGroup]-?: Record<keyof NonNullable<PolicyValues[G]>, true> } = {
  classCaps: {
    infant: true,
    toddler_small: true,
    toddler_large: true,
    mixed: true,
    kindergarten_toddler: true,
  },
  classRatios: {
    infant: true,
    toddler_small: true,
    toddler_large: true,
    mixed: true,
    kindergarten_toddler: true,
  },
  classAgeBands: {
    infant: true,
    toddler_small: true,
    toddler_large: true,
    mixed: true,
    kindergarten_toddler: true,
  },
  care: {
    outdoorMinutesPerDay: true,
    cctvRetentionDays: true,
    directorMinEducation: true,
    directorMinManagementYears: true,
  },
  filing: { filingWorkingDays: true, nonComplianceNoticeWorkingDays: true },
  familyPoint: { maxChildren: true, maxInfantsPerCaregiver: true },
  nationalTargets: { placesPer1000: true },
  funding: {
    toddlerRateMultiplier: true,
    pupilFloor: true,
    teachersPerToddlerClass: true,
    caregiversPerToddlerClass: true,
    subsidyAssessments: true,
  },
  plan: {
    newInclusivePointsPerYear: true,
    inclusiveTownCoveragePct: true,
    kindergartenToddlerSharePct: true,
    guidanceStationsPerTown: true,
    childFriendlySitesPerYear: true,
    earlyDevelopmentBases: true,
    careCircleMinutes: true,
    jointMeetingReviewsPerYear: true,
    doubleRandomChecksPerMonth: true,
    onSiteVisitsPerInstitutionPerYear: true,
    certifiedPct: true,
    skillsTrainingHoursPerYear: true,
    ethicsTrainingHoursPerYear: true,
    professionalTrainingsPerYear: true,
    homeVisitsPerNewbornFamilyPerYear: true,
    offlineGuidanceSessionsPerYear: true,
    onlineGuidanceCoveragePct: true,
    demonstrationInstitutions: true,
    targets: true,
  },
  // — workforce (issue 9) —
  workforce: { postCertificates: true },
  // — issue 17 —
  childcareSubsidy: {
    yuanPerYear: true,
    firstMonth: true,
    monthsOfLife: true,
    reviewWorkingDays: true,
    minBatchesPerYear: true,
    localHukouOnly: true,
  },
  recordChecks: { required: true },
  baobaowu: { freeHoursPerChildPerYear: true, maxYuanPerHour: true },
  feeDisclosure: { mustDisclose: true, inclusiveCareFeeRequired: true, inclusiveBasisRequired: true },
};

/** Groups that must be complete for a resolution to succeed (the national baseline). */
export const REQUIRED_GROUPS: readonly PolicyGroup[] = [
  'classCaps',
  'classRatios',
  'classAgeBands',
  'care',
  'filing',
];

/** Where one resolved value came from. */
export interface ValueSource {
  packId: string;
  level: PolicyPack['level'];
  title: string;
  issuer: string;
  docNumber: string;
  article: string;
  verified: boolean;
  note?: string;
  effectiveFrom: string;
  effectiveTo?: string;
}

/** The answer of resolvePolicy. `sources` is keyed 'group.key', e.g. 'classCaps.infant'. */
export interface ResolvedPolicy {
  districtCode: string;
  cityCode: string;
  onDate: string;
  values: PolicyValues;
  sources: Record<string, ValueSource>;
  /** Packs that contributed at least one value, in application order. */
  packIds: string[];
  /** 'group.key' of values in force that are not verified against an official text. */
  unverified: string[];
  /** Optional groups left out because only some of their keys are in force. */
  incompleteGroups: PolicyGroup[];
}

const LEVEL_RANK: Record<PolicyPack['level'], number> = { national: 0, city: 1, district: 2 };

/** City code of a district: first two digits + '0000' (e.g. 310118 → 310000). */
export function cityOf(districtCode: string): string {
  return `${districtCode.slice(0, 2)}0000`;
}

function inForce(from: string, to: string | undefined, onDate: string): boolean {
  return from <= onDate && (to === undefined || onDate <= to);
}

/**
 * Values in force for `districtCode` (6-digit GB/T 2260) on `onDate` (YYYY-MM-DD), with a source per value.
 * Reasons: `policy.bad_district`, `date.malformed`, `policy.no_pack_in_force` (no national baseline yet),
 * `policy.incomplete` (a required group is missing keys; detail.missing lists them).
 */
export function resolvePolicy(
  districtCode: string,
  onDate: string,
  packs: readonly PolicyPack[] = ALL_PACKS,
): Result<ResolvedPolicy> {
  if (typeof districtCode !== 'string' || !/^[1-9]\d{5}$/.test(districtCode)) {
    return err('policy.bad_district', 'districtCode');
  }
  const date = parseDate(onDate, 'onDate');
  if (!date.ok) return date;
  const cityCode = cityOf(districtCode);
  const applicable = packs
    .filter((p) => p.level === 'national' || p.jurisdiction === cityCode || p.jurisdiction === districtCode)
    .filter((p) => p.level !== 'city' || p.jurisdiction === cityCode)
    .filter((p) => p.level !== 'district' || p.jurisdiction === districtCode)
    .filter((p) => inForce(p.effectiveFrom, p.effectiveTo, onDate))
    .sort(
      (a, b) =>
        LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
        (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  if (!applicable.some((p) => p.level === 'national')) return err('policy.no_pack_in_force', 'onDate');

  const merged: Record<string, Record<string, unknown>> = {};
  const sources: Record<string, ValueSource> = {};
  const used = new Set<string>();
  for (const pack of applicable) {
    for (const [group, entries] of Object.entries(pack.values) as [
      string,
      Record<string, Cited<unknown>>,
    ][]) {
      for (const [key, cited] of Object.entries(entries)) {
        if (
          !inForce(cited.effectiveFrom ?? pack.effectiveFrom, cited.effectiveTo ?? pack.effectiveTo, onDate)
        )
          continue;
        if (!merged[group]) merged[group] = {};
        merged[group][key] = cited.value;
        const source: ValueSource = {
          packId: pack.id,
          level: pack.level,
          title: pack.title,
          issuer: pack.issuer,
          docNumber: pack.docNumber,
          article: cited.article,
          verified: cited.verified,
          effectiveFrom: cited.effectiveFrom ?? pack.effectiveFrom,
        };
        const to = cited.effectiveTo ?? pack.effectiveTo;
        if (to !== undefined) source.effectiveTo = to;
        if (cited.note !== undefined) source.note = cited.note;
        sources[`${group}.${key}`] = source;
        used.add(pack.id);
      }
    }
  }

  const values: Record<string, Record<string, unknown>> = {};
  const missing: string[] = [];
  const incompleteGroups: PolicyGroup[] = [];
  for (const group of Object.keys(GROUP_KEYS) as PolicyGroup[]) {
    const keys = Object.keys(GROUP_KEYS[group]);
    const got = merged[group] ?? {};
    const absent = keys.filter((k) => !(k in got));
    if (absent.length === 0) values[group] = got;
    else if (REQUIRED_GROUPS.includes(group)) missing.push(...absent.map((k) => `${group}.${k}`));
    else {
      if (absent.length < keys.length) incompleteGroups.push(group);
      for (const k of keys) delete sources[`${group}.${k}`];
    }
  }
  if (missing.length > 0) return err('policy.incomplete', 'onDate', { missing: missing.join(',') });

  const unverified = Object.keys(sources)
    .filter((k) => !sources[k]!.verified)
    .sort();
  return ok({
    districtCode,
    cityCode,
    onDate,
    values: values as unknown as PolicyValues,
    sources,
    packIds: applicable.filter((p) => used.has(p.id)).map((p) => p.id),
    unverified,
    incompleteGroups,
  });
}
