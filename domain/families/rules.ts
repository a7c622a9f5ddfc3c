/**
 * Pure rules of the Families module (issue 11): a birth record's checks (GB 11643 ID, the birth date
 * against the ID and today, the child under 3), consent in force, the hourly slot's cancel deadline,
 * application preferences, and the age a child's data is kept to. Values from 青府办发〔2021〕35号 are
 * read from the rule pack (domain/policy/qingpu-2021.ts): 1 home visit and 6 offline sessions a year.
 */
import type { FieldError } from '../contracts/common.ts';
import type { BirthRecordBody, ConsentPurpose } from '../contracts/families.ts';
import { ageInMonths } from '../rules/age.ts';
import { normalizeMobile, validateCitizenId } from '../rules/ids.ts';
import { toFieldError } from '../rules/reasons.ts';

/** Children are served 0–3 years old (托育服务对象：0–3 岁婴幼儿, 国办发〔2019〕15号). */
export const MAX_CHILD_MONTHS = 36;
/** A family names at most three preferred institutions (issue 11). */
export const MAX_PREFERENCES = 3;
/** Default age past which a child's record is anonymised (purpose ended; issue 11: 4 years). */
export const DEFAULT_RETENTION_YEARS = 4;

const fe = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

export interface CheckedBirthRecord {
  childIdNumber: string;
  guardians: {
    name: string;
    relation: BirthRecordBody['guardians'][number]['relation'];
    idNumber: string | null;
    mobile: string;
  }[];
}

/** The checks of one birth record (the import and the create route both use them). */
export function checkBirthRecord(
  r: BirthRecordBody,
  today: string,
): { errors: FieldError[]; value?: CheckedBirthRecord } {
  const errors: FieldError[] = [];
  const id = validateCitizenId(r.childIdNumber, today);
  if (!id.ok) errors.push(toFieldError({ ...id, field: 'childIdNumber' }));
  if (r.birthDate > today)
    errors.push(fe('birthDate', 'birth_future', '出生日期晚于今天', 'The birth date lies in the future'));
  else if (id.ok && id.birthDate !== r.birthDate)
    errors.push(
      fe(
        'birthDate',
        'birth_date_mismatch',
        `出生日期与身份证号码不符（号码为 ${id.birthDate}）`,
        `The birth date contradicts the ID number (which says ${id.birthDate})`,
      ),
    );
  else {
    const age = ageInMonths(r.birthDate, today);
    if (!age.ok) errors.push(toFieldError({ ...age, field: 'birthDate' }));
    else if (age.months >= MAX_CHILD_MONTHS)
      errors.push(
        fe('birthDate', 'over_three', '婴幼儿已满 3 周岁，不在服务范围内', 'The child is 3 years or older'),
      );
  }
  if (id.ok && r.sex !== id.sex)
    errors.push(fe('sex', 'sex_mismatch', '性别与身份证号码不符', 'The sex contradicts the ID number'));
  const guardians: CheckedBirthRecord['guardians'] = [];
  r.guardians.forEach((g, i) => {
    const m = normalizeMobile(g.mobile);
    if (!m.ok) errors.push(toFieldError({ ...m, field: `guardians.${i}.mobile` }));
    let gid: string | null = null;
    if (g.idNumber) {
      const v = validateCitizenId(g.idNumber, today);
      if (!v.ok) errors.push(toFieldError({ ...v, field: `guardians.${i}.idNumber` }));
      else gid = v.value;
    }
    if (m.ok) guardians.push({ name: g.name, relation: g.relation, idNumber: gid, mobile: m.value });
  });
  if (errors.length > 0 || !id.ok) return { errors };
  return { errors, value: { childIdNumber: id.value, guardians } };
}

/** Whether a purpose is covered: at least one guardian's consent for it is in force. */
export function consentInForce(
  consents: readonly { purpose: ConsentPurpose; status: 'given' | 'withdrawn' }[],
  purpose: ConsentPurpose,
): boolean {
  return consents.some((c) => c.purpose === purpose && c.status === 'given');
}

/** The instant an hourly slot can no longer be cancelled: its start (China time) less the hours. */
export function cancelDeadline(date: string, startTime: string, hoursBefore: number): Date {
  const start = new Date(`${date}T${startTime}:00+08:00`);
  return new Date(start.getTime() - hoursBefore * 3_600_000);
}

/** A preference list: 1–3 distinct institutions. */
export function checkPreferences(ids: readonly string[]): FieldError[] {
  if (ids.length > MAX_PREFERENCES)
    return [fe('preferences', 'max_three', '最多填写 3 个意向机构', 'At most three preferred institutions')];
  if (new Set(ids).size !== ids.length)
    return [fe('preferences', 'duplicate', '意向机构不能重复', 'An institution is named twice')];
  return [];
}

/** Whether a child born on `birthDate` is older than `years` on `today` (retention). */
export function pastRetention(birthDate: string, today: string, years: number): boolean {
  const age = ageInMonths(birthDate, today);
  return age.ok && age.months >= years * 12;
}
