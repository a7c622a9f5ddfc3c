/**
 * The director's personal filing data (citizen ID number, personal mobile): optional on the profile,
 * never public. Rules: GB 11643 via domain/rules/ids.ts (as of `today`), mobile ^1[3-9]\d{9}$ after
 * normalisation. Empty string or null means "none". Shared by the server (400) and the console form.
 */
import type { FieldError } from '../contracts/common.ts';
import { normalizeMobile, validateCitizenId } from '../rules/ids.ts';
import { toFieldError } from '../rules/reasons.ts';

export interface DirectorPersonal {
  directorIdNumber?: string | null | undefined;
  directorMobile?: string | null | undefined;
}

const given = (v: string | null | undefined) => v != null && v.trim() !== '';

/** Field errors and the normalised values (null = cleared, undefined = not given). */
export function validateDirectorPersonal(
  input: DirectorPersonal,
  today: string,
): { errors: FieldError[]; idNumber: string | null | undefined; mobile: string | null | undefined } {
  const errors: FieldError[] = [];
  let idNumber: string | null | undefined = input.directorIdNumber === undefined ? undefined : null;
  let mobile: string | null | undefined = input.directorMobile === undefined ? undefined : null;
  if (given(input.directorIdNumber)) {
    const r = validateCitizenId(input.directorIdNumber!, today);
    if (r.ok) idNumber = r.value;
    else errors.push({ ...toFieldError(r), field: 'directorIdNumber' });
  }
  if (given(input.directorMobile)) {
    const r = normalizeMobile(input.directorMobile!);
    if (r.ok) mobile = r.value;
    else errors.push({ ...toFieldError(r), field: 'directorMobile' });
  }
  return { errors, idNumber, mobile };
}
