/** Portal pages of the Supervision (issue 10) module (merged into ../routes.tsx). */
import { lazy } from 'react';
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [
  { path: 'supervision/draws', Component: lazy(() => import('./DrawsPage.tsx')) },
  { path: 'supervision/draws/:id', Component: lazy(() => import('./DrawPage.tsx')) },
  { path: 'complaints', Component: lazy(() => import('./ComplaintPage.tsx')) },
];
