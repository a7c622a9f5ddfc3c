/** Console pages of the Supervision (issue 10) module (merged into ../routes.tsx in roadmap order). */
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [];
