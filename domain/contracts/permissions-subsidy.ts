/** Actions of the childcare-subsidy casework (育儿补贴, issue 17) and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const SUBSIDY_PERMISSIONS = {
  // The applications of the children whose hukou is in scope: the district, the town that checks them.
  'subsidy.read': ['district_officer', 'town_officer'],
  // The town of the child's hukou checks an application (30 working days); the district may too.
  'subsidy.review': ['district_officer', 'town_officer'],
  // Applications arriving from the national system (its export, CSV/XLSX, dry run first).
  'subsidy.import': ['district_officer'],
  // Payment batches for the finance bureau, returns by the bank.
  'subsidy.pay': ['district_officer'],
  // The yearly renewal (年度复核, ADR 0027): the district opens a year's renewals…
  'subsidy.renewal_open': ['district_officer'],
  // …and the town of the child's hukou confirms or stops each one.
  'subsidy.renewal_decide': ['town_officer'],
  // A parent sees the state of their own children's applications.
  'subsidy.mine': ['parent'],
} as const satisfies Record<string, readonly Role[]>;
