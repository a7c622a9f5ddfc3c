/** Console pages of the Plan and funding (issue 13) module (merged into ../routes.tsx in roadmap order). */
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [];
