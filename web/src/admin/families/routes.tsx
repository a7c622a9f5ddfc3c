/** Console pages of the Families (issue 11) module (merged into ../routes.tsx in roadmap order). */
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [];
