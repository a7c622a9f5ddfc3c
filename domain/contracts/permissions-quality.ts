/** Actions of the Quality evaluation (issue 12) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const QUALITY_PERMISSIONS = {} as const satisfies Record<string, readonly Role[]>;
