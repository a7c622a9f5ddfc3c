/** Portal pages of the Families (issue 11) module (merged into ../routes.tsx). */
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [];
