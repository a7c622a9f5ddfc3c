/** Actions of the Plan and funding (issue 13) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const PLAN_PERMISSIONS = {} as const satisfies Record<string, readonly Role[]>;
