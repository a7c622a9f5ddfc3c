/** Console pages of the Workforce (issue 9) module (merged into ../routes.tsx in roadmap order). */
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [];
