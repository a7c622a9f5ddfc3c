/** Actions of the Supervision (issue 10) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const SUPERVISION_PERMISSIONS = {
  /** Read draw plans (and their published results) in scope. */
  'supervision.draw_read': ['district_officer', 'town_officer', 'inspector'],
  /** Commit a monthly draw plan (publish the commitment and both pools). */
  'supervision.draw_commit': ['district_officer', 'town_officer'],
  /** Run a committed draw (reveal the secret). */
  'supervision.draw_run': ['district_officer', 'town_officer'],
  /** Read the district's checklist templates. */
  'supervision.checklist_read': ['district_officer', 'town_officer', 'inspector', 'institution_admin'],
  /** Publish a new version of a checklist template. */
  'supervision.checklist_publish': ['district_officer'],
  /** Read inspection records in scope (an institution its own). */
  'supervision.inspection_read': ['district_officer', 'town_officer', 'inspector', 'institution_admin'],
  /** Record results and sign an inspection (assigned inspectors; an institution admin its self-check). */
  'supervision.inspection_record': ['inspector', 'institution_admin'],
  /** Start the institution's monthly self-check. */
  'supervision.self_check': ['institution_admin'],
  /** Read rectification items in scope. */
  'supervision.rectification_read': ['district_officer', 'town_officer', 'inspector', 'institution_admin'],
  /** Submit rectification evidence (the institution). */
  'supervision.rectification_submit': ['institution_admin'],
  /** Verify/close or return rectification items. */
  'supervision.rectification_verify': ['district_officer', 'town_officer', 'inspector'],
} as const satisfies Record<string, readonly Role[]>;
