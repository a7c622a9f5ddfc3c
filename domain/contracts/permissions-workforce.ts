/** Actions of the Workforce (issue 9) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const WORKFORCE_PERMISSIONS = {} as const satisfies Record<string, readonly Role[]>;
