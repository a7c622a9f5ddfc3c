/** Portal pages of the Quality evaluation (issue 12) module (merged into ../routes.tsx). */
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [];
