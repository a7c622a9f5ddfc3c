/** Portal pages of the Plan and funding (issue 13) module (merged into ../routes.tsx). */
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [];
