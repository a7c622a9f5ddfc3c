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
  /** The risk list of institutions in scope (risk warning, 风险预警). */
  'supervision.risk_read': ['district_officer', 'town_officer'],
  /** Read the public complaints about institutions in scope (not the institutions themselves). */
  'supervision.complaint_read': ['district_officer', 'town_officer'],
  /** Accept and close a complaint (with the reply and whether it was substantiated). */
  'supervision.complaint_handle': ['district_officer', 'town_officer'],
  /** The year's visit coverage: institutions not yet visited, on a map, with a schedule suggestion by town. */
  'supervision.visit_plan': ['district_officer', 'town_officer'],
  /** The camera registry in scope (an institution its own) with last-seen and retention compliance. */
  'supervision.camera_read': ['district_officer', 'town_officer', 'institution_admin'],
  /** Register a camera (the institution its own; the district any). */
  'supervision.camera_register': ['district_officer', 'institution_admin'],
  /** Read emergency drills in scope (an institution its own) and the overdue list. */
  'supervision.drill_read': ['district_officer', 'town_officer', 'inspector', 'institution_admin'],
  /** Record a drill the institution ran. */
  'supervision.drill_record': ['institution_admin'],
  /** Read joint special checks in scope (and those with a team whose inspection the caller may see). */
  'supervision.special_read': ['district_officer', 'town_officer', 'inspector'],
  /** Plan a joint special check (the district, or a town in its town). */
  'supervision.special_create': ['district_officer', 'town_officer'],
} as const satisfies Record<string, readonly Role[]>;
