/** Actions of the inclusive-care operating subsidy (普惠托育运营补贴, issue 17) and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const OPERATING_PERMISSIONS = {
  // The district's amount and minimum days: the district and towns review claims with them, institutions build claims.
  'operating.read': ['district_officer', 'town_officer', 'institution_admin'],
  // The district sets the amount (with its citation) and the minimum attended days.
  'operating.settings': ['district_officer'],
  // The institution keeps its classes' rosters and daily attendance register.
  'operating.register': ['institution_admin'],
  // The institution builds and submits its monthly claim from the register.
  'operating.claim': ['institution_admin'],
  // The district reviews claims (approve, reject with a reason, return for correction) and pays them.
  'operating.review': ['district_officer'],
} as const satisfies Record<string, readonly Role[]>;
