/**
 * Deny by default: every API route names one action; this table says which roles may take it.
 * The server enforces it; `me.permittedActions` sends the caller's list to the UI, which never
 * reasons about role names itself. Modules add their actions here.
 */
import type { Role } from './auth.ts';
import { EXCHANGE_PERMISSIONS } from './permissions-exchange.ts';
import { FAMILIES_PERMISSIONS } from './permissions-families.ts';
import { OPERATING_PERMISSIONS } from './permissions-operating.ts';
import { PLAN_PERMISSIONS } from './permissions-plan.ts';
import { QUALITY_PERMISSIONS } from './permissions-quality.ts';
import { SUBSIDY_PERMISSIONS } from './permissions-subsidy.ts';
import { SUPERVISION_PERMISSIONS } from './permissions-supervision.ts';
import { WORKFORCE_PERMISSIONS } from './permissions-workforce.ts';

/** Anyone, without a session. */
export const PUBLIC = 'public';
/** Any logged-in account (its own session and password). */
export const SESSION = 'session';
/**
 * Another department's system with an OAuth 2.0 bearer token (issue 15): no session; the exchange
 * module's route hook checks the token, the client's scopes and its rate (server/modules/exchange).
 */
export const CLIENT = 'client';

export const PERMISSIONS = {
  'users.read': ['system_admin', 'security_admin'],
  'users.create': ['system_admin'],
  'users.update': ['system_admin'],
  'users.reset_password': ['system_admin'],
  'users.grant': ['security_admin'],
  'users.unlock': ['security_admin'],
  'audit.read': ['audit_admin'],
  // The inspector reads the registry in its scope (it inspects these institutions; issue 14).
  'institutions.read': ['district_officer', 'town_officer', 'institution_admin', 'inspector'],
  // Institution admins do not create institutions: the district creates the draft and grants them its scope.
  'institutions.create': ['district_officer'],
  'institutions.update': ['district_officer', 'institution_admin'],
  'institutions.submit': ['institution_admin', 'district_officer'],
  'institutions.review': ['district_officer'],
  'institutions.transition': ['district_officer'],
  'institutions.export': ['district_officer', 'town_officer'],
  // The national filing sync's status and resend (docs/filing-sync.md): the district reports filings.
  'institutions.national_sync': ['district_officer'],
  // Bulk import of drafts (a spreadsheet); town officers do not create institutions.
  'institutions.import': ['district_officer'],
  'institutions.documents': ['district_officer', 'town_officer', 'institution_admin'],
  'institutions.upload': ['district_officer', 'institution_admin'],
  // The working-day calendar (ADR 0011): district officers with the whole district in scope enter a
  // year's holiday notice; a second district officer confirms it (four eyes, checked by the service).
  'calendar.read': ['district_officer'],
  'calendar.enter': ['district_officer'],
  'calendar.confirm': ['district_officer'],
  // One unmasked personal value, with a stated purpose, audited; the object must be in the caller's scope.
  'personal_data.reveal': ['district_officer', 'institution_admin'],
  // Background jobs: the district officer sees the district's jobs (failed ones first of all). One job's
  // status is read through GET /jobs/{id} with a session: its creator or the district officer.
  'jobs.list': ['district_officer'],
  // The business modules keep their actions in ./permissions-<module>.ts.
  ...WORKFORCE_PERMISSIONS,
  ...SUPERVISION_PERMISSIONS,
  ...FAMILIES_PERMISSIONS,
  ...QUALITY_PERMISSIONS,
  ...PLAN_PERMISSIONS,
  ...EXCHANGE_PERMISSIONS,
  ...SUBSIDY_PERMISSIONS,
  ...OPERATING_PERMISSIONS,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export type RouteAction = Action | typeof PUBLIC | typeof SESSION | typeof CLIENT;

/** Whether a role may take an action. */
export function roleMay(role: Role | null, action: Action): boolean {
  return !!role && (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Every action a role may take (for `me.permittedActions`). */
export function actionsOf(role: Role | null): Action[] {
  return (Object.keys(PERMISSIONS) as Action[]).filter((a) => roleMay(role, a));
}
