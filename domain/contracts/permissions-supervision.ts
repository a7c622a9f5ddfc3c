/** Actions of the Supervision (issue 10) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const SUPERVISION_PERMISSIONS = {
  /** Read draw plans (and their published results) in scope. */
  'supervision.draw_read': ['district_officer', 'town_officer', 'inspector'],
  /** Commit a monthly draw plan (publish the commitment and both pools). */
  'supervision.draw_commit': ['district_officer', 'town_officer'],
  /** Run a committed draw (reveal the secret). */
  'supervision.draw_run': ['district_officer', 'town_officer'],
} as const satisfies Record<string, readonly Role[]>;
