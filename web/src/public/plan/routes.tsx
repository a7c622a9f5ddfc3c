/** Portal pages of the Plan and funding (issue 13) module (merged into ../routes.tsx). */
import { lazy } from 'react';
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [
  { path: 'plan', Component: lazy(() => import('./PlanPage.tsx')) },
];
