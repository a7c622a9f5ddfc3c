/**
 * Workforce rules (issue 9), pure and table-tested: identity of a staff member (GB 11643 or a foreign
 * document, ≥ 18 at hire), certificate validity and which certificates a post needs (rule pack
 * `workforce.postCertificates`), class staffing against the ratio / 两教一保 / family-point rule,
 * 持证上岗率, and the training pace against 72 h skills + 40 h ethics a year (35号 二、(二)3).
 */

import type { FieldError } from '../contracts/common.ts';
import {
  CARE_POSTS,
  type CertificateType,
  EDUCATIONS,
  type Education,
  type IdType,
  type Post,
  type TrainingCategory,
} from '../contracts/workforce.ts';
import type { ClassType } from '../policy/types.ts';
import { parseDate } from '../rules/dates.ts';
import { validateCitizenId } from '../rules/ids.ts';
import { toFieldError } from '../rules/reasons.ts';

/** Youngest age at hire (issue 9: staff are adults). */
export const MIN_HIRE_AGE_YEARS = 18;

const fe = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageInYears(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface IdentityInput {
  idType: IdType;
  idNumber: string;
  birthDate?: string | undefined;
  sex?: 'male' | 'female' | undefined;
}
export interface Identity {
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/**
 * Validate a person's document. Citizen IDs: GB 11643 (birth date and sex come from the number).
 * Passports / work permits: 5–20 letters and digits, with birth date and sex given. `hireDate`
 * (when hiring) must be on or after the 18th birthday. `field` prefixes the field names.
 */
export function validateIdentity(
  input: IdentityInput,
  today: string,
  hireDate: string | undefined,
  field = '',
): { errors: FieldError[]; identity?: Identity } {
  const errors: FieldError[] = [];
  const f = (n: string) => `${field}${n}`;
  let identity: Identity | undefined;
  if (input.idType === 'citizen_id') {
    const r = validateCitizenId(input.idNumber, today);
    if (!r.ok) return { errors: [{ ...toFieldError(r), field: f('idNumber') }] };
    identity = { idNumber: r.value, birthDate: r.birthDate, sex: r.sex as 'male' | 'female' };
  } else {
    const value = input.idNumber.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z0-9]{5,20}$/.test(value))
      errors.push(
        fe(
          f('idNumber'),
          'document_format',
          '证件号码应为5至20位字母或数字',
          'The document number must be 5–20 letters or digits',
        ),
      );
    if (!input.birthDate || !parseDate(input.birthDate).ok || input.birthDate > today)
      errors.push(
        fe(f('birthDate'), 'required', '外籍人员须填写出生日期', 'Foreign staff need a birth date'),
      );
    if (!input.sex) errors.push(fe(f('sex'), 'required', '外籍人员须填写性别', 'Foreign staff need a sex'));
    if (errors.length > 0) return { errors };
    identity = { idNumber: value, birthDate: input.birthDate!, sex: input.sex! };
  }
  if (hireDate && ageInYears(identity.birthDate, hireDate) < MIN_HIRE_AGE_YEARS)
    return {
      errors: [
        fe(
          f('idNumber'),
          'under_18',
          `入职时未满${MIN_HIRE_AGE_YEARS}周岁`,
          `The person is under ${MIN_HIRE_AGE_YEARS} on the start date`,
        ),
      ],
    };
  return { errors, identity };
}

/** Certificate dates: expiry must not be before issue; issue not in the future. */
export function validateCertificateDates(
  issuedOn: string,
  expiresOn: string | undefined,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (issuedOn > today)
    errors.push(
      fe('issuedOn', 'issued_in_future', '发证日期不能晚于今天', 'The issue date cannot be in the future'),
    );
  if (expiresOn !== undefined && expiresOn < issuedOn)
    errors.push(
      fe(
        'expiresOn',
        'expiry_before_issue',
        '有效期截止日期早于发证日期',
        'The expiry date is before the issue date',
      ),
    );
  return errors;
}

export interface CertLike {
  type: CertificateType;
  issuedOn: string;
  expiresOn: string | null;
}

/** In date on `day`: issued on or before, and not expired (an expired certificate does not count). */
export const certificateValid = (c: CertLike, day: string) =>
  c.issuedOn <= day && (c.expiresOn === null || c.expiresOn >= day);

/** The certificate types still missing for a post (the first of each unmet any-of group). */
export function missingCertificates(
  post: Post,
  certs: readonly CertLike[],
  day: string,
  postCertificates: Record<string, string[][]>,
): CertificateType[] {
  const valid = new Set(certs.filter((c) => certificateValid(c, day)).map((c) => c.type as string));
  const groups = postCertificates[post] ?? [];
  return groups.filter((g) => !g.some((t) => valid.has(t))).map((g) => g[0] as CertificateType);
}

export const isCertified = (
  post: Post,
  certs: readonly CertLike[],
  day: string,
  postCertificates: Record<string, string[][]>,
) => missingCertificates(post, certs, day, postCertificates).length === 0;

export interface StaffingPolicy {
  classRatios: Record<ClassType, number | null>;
  familyPointInfantsPerCaregiver: number | null;
  teachersPerToddlerClass: number | null;
  caregiversPerToddlerClass: number | null;
}

export interface ClassStaffingInput {
  classType: ClassType;
  institutionKind: string;
  enrolled: number;
  /**
   * The certified, in-date staff assigned to the class (others do not count), each with the number of
   * classes they are assigned to: a person who serves n classes counts 1/n in each, so one caregiver
   * is never counted as a whole caregiver in two rooms at once.
   */
  certified: readonly { post: Post; classes: number }[];
}

export interface ClassStaffing {
  rule: 'ratio' | 'two_teachers_one_caregiver' | 'family_point' | 'none';
  ratio: number | null;
  /** Certified caregivers counted (a share for those who serve several classes; two decimals). */
  certifiedCaregivers: number;
  certifiedTeachers: number;
  /** How many of the counted staff also serve other classes (counted as a share). */
  sharedStaff: number;
  /** Caregivers required (ratio, family point) or teachers + caregivers (两教一保). */
  required: number;
  /**
   * The per-class staffing a kindergarten toddler class is held to (the pack's 两教一保, or a district
   * funding version's numbers); null under the other rules.
   */
  perClass: { teachers: number; caregivers: number } | null;
  compliant: boolean;
}

/**
 * A kindergarten toddler class against its per-class staffing (两教一保, or a district funding version's):
 * the certified teachers and caregivers counted (shares) against the numbers required.
 */
export function toddlerClassStaffing(
  certified: { teachers: number; caregivers: number },
  perClass: { teachers: number; caregivers: number },
): { required: number; perClass: { teachers: number; caregivers: number }; compliant: boolean } {
  return {
    required: perClass.teachers + perClass.caregivers,
    perClass,
    compliant: certified.teachers >= perClass.teachers && certified.caregivers >= perClass.caregivers,
  };
}

/** Staffing of one class against its rule. */
export function classStaffing(input: ClassStaffingInput, policy: StaffingPolicy): ClassStaffing {
  // Shares are summed in hundredths so that three thirds make exactly one.
  const count = (pick: (p: Post) => boolean) =>
    Math.round(
      input.certified.filter((c) => pick(c.post)).reduce((sum, c) => sum + 100 / Math.max(1, c.classes), 0) +
        1e-9,
    ) / 100;
  const carers = count((p) => CARE_POSTS.includes(p));
  const teachers = count((p) => p === 'teacher');
  const nurses = count((p) => p === 'caregiver' || p === 'infant_carer');
  const sharedStaff = input.certified.filter((c) => c.classes > 1).length;
  if (
    input.classType === 'kindergarten_toddler' &&
    policy.teachersPerToddlerClass !== null &&
    policy.caregiversPerToddlerClass !== null
  ) {
    const perClass = {
      teachers: policy.teachersPerToddlerClass,
      caregivers: policy.caregiversPerToddlerClass,
    };
    return {
      rule: 'two_teachers_one_caregiver',
      ratio: null,
      certifiedCaregivers: nurses,
      certifiedTeachers: teachers,
      sharedStaff,
      ...toddlerClassStaffing({ teachers, caregivers: nurses }, perClass),
    };
  }
  const family = input.institutionKind === 'family_point' && policy.familyPointInfantsPerCaregiver !== null;
  const ratio = family ? policy.familyPointInfantsPerCaregiver : policy.classRatios[input.classType];
  if (ratio === null || ratio === undefined)
    return {
      rule: 'none',
      ratio: null,
      certifiedCaregivers: carers,
      certifiedTeachers: teachers,
      sharedStaff,
      required: 0,
      perClass: null,
      compliant: true,
    };
  const required = input.enrolled === 0 ? 0 : Math.ceil(input.enrolled / ratio);
  return {
    rule: family ? 'family_point' : 'ratio',
    ratio,
    certifiedCaregivers: carers,
    certifiedTeachers: teachers,
    sharedStaff,
    required,
    perClass: null,
    compliant: carers >= required,
  };
}

/** 持证上岗率: certified / staff (null when there are no staff). */
export function certifiedRate(flags: readonly boolean[]): {
  certified: number;
  staff: number;
  rate: number | null;
} {
  const certified = flags.filter(Boolean).length;
  return { certified, staff: flags.length, rate: flags.length === 0 ? null : certified / flags.length };
}

/** Ethics hours are 职业道德; the other four categories are the comprehensive skills training. */
export const isEthics = (c: TrainingCategory) => c === 'ethics';

/** Hours of an event or an attendance: > 0 and at most 24 for each day of the event. */
export function validateTrainingHours(
  hours: number,
  startDate: string,
  endDate: string,
  field = 'hours',
): FieldError[] {
  const s = parseDate(startDate);
  const e = parseDate(endDate);
  if (!s.ok || !e.ok) return [fe('startDate', 'date', '日期格式不正确', 'Malformed date')];
  if (e.dayNumber < s.dayNumber)
    return [fe('endDate', 'range_reversed', '结束日期早于开始日期', 'The end date is before the start date')];
  const days = e.dayNumber - s.dayNumber + 1;
  if (!Number.isFinite(hours) || hours <= 0)
    return [fe(field, 'hours_positive', '课时须大于0', 'Hours must be more than 0')];
  if (hours > 24 * days)
    return [
      fe(
        field,
        'hours_per_day',
        '课时不能超过每天24小时',
        'Hours cannot exceed 24 for each day of the training',
      ),
    ];
  return [];
}

export type Pace = 'on_track' | 'behind' | 'met';

/**
 * Training pace in `year` as of `day`: expected = target × completed months / 12 (January expects 0;
 * after the year, the whole target). Met: both targets reached; behind: either below its expectation.
 */
export function trainingPace(
  hours: { ethics: number; skills: number },
  targets: { ethics: number; skills: number },
  year: number,
  day: string,
): { pace: Pace; ethicsExpected: number; skillsExpected: number } {
  const y = Number(day.slice(0, 4));
  const months = y > year ? 12 : y < year ? 0 : Number(day.slice(5, 7)) - 1;
  const ethicsExpected = Math.round(((targets.ethics * months) / 12) * 10) / 10;
  const skillsExpected = Math.round(((targets.skills * months) / 12) * 10) / 10;
  const pace: Pace =
    hours.ethics >= targets.ethics && hours.skills >= targets.skills
      ? 'met'
      : hours.ethics < ethicsExpected || hours.skills < skillsExpected
        ? 'behind'
        : 'on_track';
  return { pace, ethicsExpected, skillsExpected };
}

/**
 * The institution kinds whose director 58号's 设置标准 governs: childcare institutions and community points.
 * A kindergarten's principal has its own rules, and a family point the 2023 family-point measures.
 */
export const DIRECTOR_RULE_KINDS: readonly string[] = ['childcare_institution', 'community_point'];

/** What a director lacks against 58号 (设置标准 第四章): a college diploma or higher, and the years of management. */
export type DirectorShortfall = 'education' | 'management_years';

export function directorShortfalls(
  person: { education: Education; managementYears: number | null },
  rule: { minEducation: Education; minManagementYears: number },
): DirectorShortfall[] {
  const out: DirectorShortfall[] = [];
  if (EDUCATIONS.indexOf(person.education) < EDUCATIONS.indexOf(rule.minEducation)) out.push('education');
  if ((person.managementYears ?? 0) < rule.minManagementYears) out.push('management_years');
  return out;
}
