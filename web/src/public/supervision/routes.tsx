/** Portal pages of the Supervision (issue 10) module (merged into ../routes.tsx). */
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [];
