/** Actions of the Families (issue 11) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const FAMILIES_PERMISSIONS = {} as const satisfies Record<string, readonly Role[]>;
