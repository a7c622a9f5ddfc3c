/** Actions of the Supervision (issue 10) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const SUPERVISION_PERMISSIONS = {} as const satisfies Record<string, readonly Role[]>;
