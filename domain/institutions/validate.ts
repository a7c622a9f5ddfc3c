/**
 * Form rules of the institution registry, pure: the server answers 400 with these field errors and
 * the web calls the same functions for live feedback. Numbers come from the resolved rule pack
 * (domain/policy) and identity checks from domain/rules; nothing here re-implements them.
 *
 * Public phone rule (decided here): a mobile number (normalizeMobile: ^1[3-9]\d{9}$ after stripping
 * spaces, hyphens and +86/0086) is stored as 11 digits; otherwise a landline: optional +86/0086,
 * spaces, hyphens and brackets stripped, an area code 0 + 2–3 digits (021 when absent) and a local
 * number of 7–8 digits not starting with 0 or 1 (8 after 010/02x); stored as "021-64001234". 400/800 hotlines are not
 * accepted as the public phone (parents need a number that reaches the institution).
 */
import type { FieldError } from '../contracts/common.ts';
import type { ClassInputBody, InstitutionInput, InstitutionKind } from '../contracts/institution.ts';
import { findDivision, insideDistrict } from '../divisions.ts';
import type { PolicyValues } from '../policy/types.ts';
import { checkClass, checkFamilyPointTotal } from '../rules/classes.ts';
import { normalizeMobile, validateCreditCode } from '../rules/ids.ts';
import { toFieldError } from '../rules/reasons.ts';

/** Rule codes owned by the registry (reason codes of domain/rules are used as they are). */
export const INSTITUTION_RULES = {
  'institution.town_outside_district': { zh: '所选街镇不属于本区', en: 'The town is not in this district' },
  'institution.outside_district': {
    zh: '坐标不在本区范围内',
    en: 'The coordinates lie outside the district',
  },
  'institution.phone_invalid': {
    zh: '电话应为手机号码或固定电话（区号-号码，如 021-64001234）',
    en: 'Phone must be a mobile number or a landline (area code-number, e.g. 021-64001234)',
  },
  'institution.service_form_required': {
    zh: '托育机构至少应有一种服务形式',
    en: 'At least one service form is required',
  },
  'institution.service_form_duplicate': { zh: '服务形式重复', en: 'Duplicate service form' },
  'institution.fee_without_form': {
    zh: '未提供该服务形式，不应填写其收费',
    en: 'A fee is given for a service form that is not offered',
  },
  'institution.class_type_for_kind': {
    zh: '幼儿园只能设托班；其他机构不能设幼儿园托班',
    en: 'A kindergarten has only toddler classes (托班); other kinds cannot have them',
  },
} as const;
export type InstitutionRule = keyof typeof INSTITUTION_RULES;

function ruleError(field: string, rule: InstitutionRule): FieldError {
  const m = INSTITUTION_RULES[rule];
  return { field, rule, message_zh: m.zh, message_en: m.en };
}

/** Normalise a public phone (see the file comment); undefined when it is neither mobile nor landline. */
export function normalizePublicPhone(input: string): string | undefined {
  const mobile = normalizeMobile(input);
  if (mobile.ok) return mobile.value;
  let v = input.replace(/[\s\-()（）]/g, '');
  if (v.startsWith('+86')) v = `0${v.slice(3)}`;
  else if (v.startsWith('0086')) v = `0${v.slice(4)}`;
  if (/^[2-9]\d{7}$/.test(v)) return `021-${v}`;
  // Area codes: 010 and 02x (Beijing, Shanghai, …) with 8-digit numbers; 0 + 3 digits elsewhere, 7–8 digits.
  const m = /^(0[12]\d|0[3-9]\d{2})([2-9]\d{6,7})$/.exec(v);
  if (!m) return undefined;
  if (m[1]!.length === 3 && m[2]!.length !== 8) return undefined;
  return `${m[1]}-${m[2]}`;
}

/** Kinds that offer childcare service forms (a kindergarten without toddler classes offers none). */
export const needsServiceForm = (kind: InstitutionKind) => kind !== 'kindergarten';

/** Field errors of an institution's profile (empty = valid). Also returns the normalised values. */
export function validateInstitution(
  input: InstitutionInput,
  districtCode: string,
): {
  errors: FieldError[];
  creditCode: string;
  publicPhone: string;
  operatorCreditCode: string | null;
} {
  const errors: FieldError[] = [];
  const credit = validateCreditCode(input.creditCode);
  if (!credit.ok) errors.push(toFieldError(credit, 'creditCode'));
  const operatorRaw = input.operatorCreditCode?.trim() || null;
  const operator = operatorRaw === null ? null : validateCreditCode(operatorRaw);
  if (operator && !operator.ok) errors.push(toFieldError({ reason: operator.reason }, 'operatorCreditCode'));
  const town = findDivision(input.townCode);
  if (town?.level !== 'town' || town.parentCode !== districtCode)
    errors.push(ruleError('townCode', 'institution.town_outside_district'));
  if (!insideDistrict(districtCode, input.lat, input.lng)) {
    errors.push(
      ruleError('lat', 'institution.outside_district'),
      ruleError('lng', 'institution.outside_district'),
    );
  }
  const phone = normalizePublicPhone(input.publicPhone);
  if (!phone) errors.push(ruleError('publicPhone', 'institution.phone_invalid'));
  if (needsServiceForm(input.kind) && input.serviceForms.length === 0)
    errors.push(ruleError('serviceForms', 'institution.service_form_required'));
  if (new Set(input.serviceForms).size !== input.serviceForms.length)
    errors.push(ruleError('serviceForms', 'institution.service_form_duplicate'));
  const fees = input.fees ?? {};
  const feeForms = [
    ['fees.fullDayMonthlyFen', fees.fullDayMonthlyFen, 'full_day'],
    ['fees.halfDayMonthlyFen', fees.halfDayMonthlyFen, 'half_day'],
    ['fees.hourlyFen', fees.hourlyFen, 'hourly'],
  ] as const;
  for (const [field, value, form] of feeForms) {
    if (value != null && !input.serviceForms.includes(form))
      errors.push(ruleError(field, 'institution.fee_without_form'));
  }
  return {
    errors,
    creditCode: credit.ok ? credit.value : input.creditCode,
    publicPhone: phone ?? input.publicPhone,
    operatorCreditCode: operator?.ok ? operator.value : operatorRaw,
  };
}

/**
 * Field errors of an institution's classes against the rule pack: caps, enrolled ≤ capacity, age
 * bands (a mixed class from 18 months), class types per kind, and a family point's total ≤ 5.
 * Fields are named `classes.<i>.<field>`.
 */
export function validateClasses(
  kind: InstitutionKind,
  classes: readonly ClassInputBody[],
  values: PolicyValues,
): FieldError[] {
  const errors: FieldError[] = [];
  classes.forEach((c, i) => {
    const typeOk =
      kind === 'kindergarten' ? c.type === 'kindergarten_toddler' : c.type !== 'kindergarten_toddler';
    if (!typeOk) errors.push(ruleError(`classes.${i}.type`, 'institution.class_type_for_kind'));
    for (const v of checkClass(c, values))
      errors.push(toFieldError({ reason: v.reason }, `classes.${i}.${v.field}`));
  });
  if (kind === 'family_point') {
    const total = classes.reduce((s, c) => s + c.capacity, 0);
    const r = checkFamilyPointTotal(total, values);
    if (!r.ok) errors.push(toFieldError({ reason: r.reason }, 'classes'));
  }
  return errors;
}

/** The age band a class admits: its own youngest age (or the band's) up to the band's upper end. */
export function classAgeRange(
  c: ClassInputBody,
  values: PolicyValues,
): { minAgeMonths: number; maxAgeMonths: number } {
  const band = values.classAgeBands[c.type];
  return { minAgeMonths: c.minAgeMonths ?? band.minMonths, maxAgeMonths: band.maxMonths };
}
