/**
 * Identity numbers (docs/DATA-STANDARDS.md): GB 11643-1999 citizen ID, Hong Kong/Macau/Taiwan residence
 * permits, the 2023 foreign permanent resident ID card, GB 32100-2015 unified social credit code
 * (with the GB 11714 organisation-code check as a warning), mobile numbers and masking.
 */
import { GB32100_AUTHORITIES } from '../policy/gb32100.ts';
import { parseDate } from './dates.ts';
import type { ReasonCode } from './reasons.ts';
import { err, ok, type Result } from './result.ts';

/** Which document an 18-character ID number belongs to. */
export type IdKind = 'resident' | 'hk_mo_tw_permit' | 'foreign_permanent';

/** A validated ID number. */
export interface CitizenId {
  value: string;
  birthDate: string;
  sex: 'male' | 'female';
  kind: IdKind;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB/T 2260 province-level codes in use since 1997 (first two digits of a resident's address code). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]);

/** Birth dates before this are refused: nobody alive was born earlier, and years like 0999 are typos. */
export const ID_EARLIEST_BIRTH = '1900-01-01';

/** Residence permits for Hong Kong, Macau and Taiwan residents (2018) use these address codes. */
const PERMIT_PREFIXES = new Set(['810000', '820000', '830000']);

/** GB 11643 MOD 11-2 check character of the first 17 digits. */
export function citizenIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * Validate an 18-character ID number as of `today` (YYYY-MM-DD, required so that future birth dates are
 * rejected without a clock). Kinds, decided from the first characters:
 * - 1–6 + a province code: resident ID (GB 11643; abolished lower-level codes such as 310229 accepted);
 * - 810000/820000/830000: Hong Kong/Macau/Taiwan residence permit, same structure and check;
 * - 9: 2023 foreign permanent resident ID card (issued from 2023-12-01 by the National Immigration
 *   Administration): '9' + 2-digit province of the accepting authority + 3-digit nationality code +
 *   YYYYMMDD + 3-digit sequence (odd male, even female) + MOD 11-2 check, same algorithm as GB 11643.
 *   We check the province digits against the province list and leave the nationality digits unchecked.
 * The 15-digit pre-1999 form is rejected (`id.legacy_15`).
 */
export function validateCitizenId(input: string, today: string): Result<CitizenId> {
  const todayParsed = parseDate(today, 'today');
  if (!todayParsed.ok) return todayParsed;
  if (typeof input !== 'string' || input.trim() === '') return err('id.empty', 'id');
  const value = input.trim().toUpperCase();
  if (/^\d{15}$/.test(value)) return err('id.legacy_15', 'id');
  if (value.length !== 18) return err('id.length', 'id');
  if (!/^\d{17}[\dX]$/.test(value)) return err('id.characters', 'id');
  let kind: IdKind;
  if (value[0] === '9') {
    if (!PROVINCES.has(value.slice(1, 3))) return err('id.address_code', 'id');
    kind = 'foreign_permanent';
  } else if (PERMIT_PREFIXES.has(value.slice(0, 6))) {
    kind = 'hk_mo_tw_permit';
  } else if (PROVINCES.has(value.slice(0, 2))) {
    kind = 'resident';
  } else {
    return err('id.address_code', 'id');
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const birth = parseDate(birthDate, 'id');
  if (!birth.ok) return err('id.birth_date', 'id');
  if (birth.dayNumber > todayParsed.dayNumber) return err('id.birth_future', 'id');
  if (birthDate < ID_EARLIEST_BIRTH) return err('id.birth_too_early', 'id');
  if (citizenIdCheckChar(value) !== value[17]) return err('id.check_character', 'id');
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return ok({ value, birthDate, sex, kind });
}

/** GB 32100 alphabet: digits and upper-case letters without I, O, S, V, Z. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 32100 check character of the first 17 characters (all from the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of an 8-character organisation code body (digits 0–9, letters A=10 … Z=35). */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/**
 * Validate a GB 32100-2015 unified social credit code. Rejections: length, characters outside the
 * 31-character alphabet, a first character that is no registration authority (1–9, A, N, Y), a second
 * that is no category of that authority (table in domain/policy/gb32100.ts), a non-digit division code (positions 3–8), wrong check character. A GB 11714
 * mismatch in positions 9–17 is only a warning (`credit.org_code_check`), since early codes fail it.
 */
export function validateCreditCode(input: string): Result<{ value: string; warnings: ReasonCode[] }> {
  if (typeof input !== 'string' || input.trim() === '') return err('credit.empty', 'creditCode');
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return err('credit.length', 'creditCode');
  for (const ch of value) if (!CREDIT_ALPHABET.includes(ch)) return err('credit.characters', 'creditCode');
  const authority = GB32100_AUTHORITIES[value[0]!];
  if (!authority) return err('credit.registration_authority', 'creditCode');
  if (!authority.categories[value[1]!]) return err('credit.category', 'creditCode');
  if (!/^\d{6}$/.test(value.slice(2, 8))) return err('credit.division_code', 'creditCode');
  if (creditCodeCheckChar(value) !== value[17]) return err('credit.check_character', 'creditCode');
  const warnings: ReasonCode[] = [];
  if (orgCodeCheckChar(value.slice(8, 16)) !== value[16]) warnings.push('credit.org_code_check');
  return ok({ value, warnings });
}

/** Normalise a mainland mobile number: strip spaces/hyphens and a +86/0086 prefix, then ^1[3-9]\d{9}$. */
export function normalizeMobile(input: string): Result<{ value: string }> {
  if (typeof input !== 'string') return err('mobile.invalid', 'mobile');
  let v = input.replace(/[\s-]/g, '');
  if (v.startsWith('+86')) v = v.slice(3);
  else if (v.startsWith('0086')) v = v.slice(4);
  if (!/^1[3-9]\d{9}$/.test(v)) return err('mobile.invalid', 'mobile');
  return ok({ value: v });
}

/** Mask an ID number as '310118********0026' (6 + 8 stars + 4); shorter inputs become all stars. */
export function maskCitizenId(input: string): string {
  const v = String(input ?? '').trim();
  if (v.length < 11) return '*'.repeat(v.length);
  return `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
}

/** Mask a mobile number as '138****8000' (normalised first when it is valid). */
export function maskMobile(input: string): string {
  const n = normalizeMobile(input);
  const v = n.ok ? n.value : String(input ?? '').replace(/[\s-]/g, '');
  if (v.length < 8) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}
