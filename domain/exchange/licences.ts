/**
 * 证照比对: the market-regulation department's licence record of an institution against the registry
 * (issue 15, ADR 0035). Pure rules: a record's own checks (the credit code's GB 32100 check, the dates)
 * and what the comparison finds.
 */

import type { LicenceFinding, LicenceRecord, LicenceStatus } from '../contracts/business-licences.ts';
import type { FieldError } from '../contracts/common.ts';
import type { InstitutionStatus } from '../contracts/institution-enums.ts';
import { validateCreditCode } from '../rules/ids.ts';
import { toFieldError } from '../rules/reasons.ts';

/**
 * Institutions the comparison covers: filed and beyond until closed (a filed institution must hold a
 * valid licence before it opens; a suspended one still exists as a business).
 */
export const LICENCE_COMPARED_STATUSES = [
  'filed',
  'operating',
  'rectifying',
  'suspended',
] as const satisfies readonly InstitutionStatus[];

/**
 * Whether market regulation registers the business behind a credit code: GB 32100's first character is
 * the registration authority, and `9` is 工商 (market regulation). A 民办非企业单位 (`5`, civil affairs)
 * or a public institution (`1`, 机构编制) holds no business licence, so it is not compared.
 */
export function registeredByMarketRegulation(creditCode: string): boolean {
  return normalCreditCode(creditCode).startsWith('9');
}

/** A record's own rules; `prefix` is the path of the record in the request (e.g. `records.3.`). */
export function validateLicenceRecord(rec: LicenceRecord, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const credit = validateCreditCode(rec.creditCode);
  if (!credit.ok) errors.push(toFieldError({ ...credit, field: `${prefix}creditCode` }));
  if (rec.status === 'active' && rec.statusOn) {
    errors.push({
      field: `${prefix}statusOn`,
      rule: 'licence.status_date_active',
      message_zh: '登记状态为存续时不应填写状态日期',
      message_en: 'An active licence has no status date',
    });
  }
  if (rec.status !== 'active' && !rec.statusOn) {
    errors.push({
      field: `${prefix}statusOn`,
      rule: 'licence.status_date_required',
      message_zh: '注销、吊销、撤销或迁出须填写状态日期',
      message_en: 'A cancelled, revoked, withdrawn or moved-out licence needs its status date',
    });
  }
  if (rec.statusOn && rec.statusOn < rec.registeredOn) {
    errors.push({
      field: `${prefix}statusOn`,
      rule: 'licence.status_before_registration',
      message_zh: '状态日期不能早于成立日期',
      message_en: 'The status date cannot be before the registration date',
    });
  }
  return errors;
}

/** The credit code as stored (trimmed, upper case). */
export function normalCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * A name as compared: full-width forms folded (NFKC: （） → ()), spaces dropped, Latin letters in one case.
 * "青浦区某某托育园（有限公司）" and "青浦区某某托育园(有限公司)" are the same name.
 */
export function comparableName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Words that put childcare in a registered business scope (经营范围). */
const CHILDCARE_SCOPE = /托育|托儿|婴幼儿(照护|托|保育)/;

export interface LicenceFacts {
  name: string;
  status: LicenceStatus;
  businessScope: string;
}

/** What the comparison finds for one institution (in the order of LICENCE_FINDINGS). */
export function licenceFindings(institutionName: string, licence: LicenceFacts | null): LicenceFinding[] {
  if (!licence) return ['no_record'];
  const found: LicenceFinding[] = [];
  if (licence.status !== 'active') found.push('not_active');
  if (comparableName(licence.name) !== comparableName(institutionName)) found.push('name_differs');
  // An empty scope says nothing either way (not every export carries it).
  if (licence.businessScope.trim() !== '' && !CHILDCARE_SCOPE.test(licence.businessScope)) {
    found.push('scope_lacks_childcare');
  }
  return found;
}
