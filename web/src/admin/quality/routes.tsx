/** Console pages of the Quality evaluation (issue 12) module (merged into ../routes.tsx in roadmap order). */
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [];
