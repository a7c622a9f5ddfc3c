/** Portal pages of the Plan and funding (issue 13) module (merged into ../routes.tsx). */
import { lazy } from 'react';
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [
  { path: 'plan', Component: lazy(() => import('./PlanPage.tsx')) },
  {
    path: 'news',
    Component: lazy(() => import('./NewsPage.tsx').then((m) => ({ default: m.NewsListPage }))),
  },
  {
    path: 'news/:id',
    Component: lazy(() => import('./NewsPage.tsx').then((m) => ({ default: m.NewsItemPage }))),
  },
];
