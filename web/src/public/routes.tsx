/**
 * The portal's route registry (public, no login). A module adds its public pages here, e.g.
 *   { path: 'institutions', Component: lazy(() => import('./institutions/SearchPage.tsx')) }
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { routes as familiesRoutes } from './families/routes.tsx';
import { routes as planRoutes } from './plan/routes.tsx';
import { routes as qualityRoutes } from './quality/routes.tsx';
import { routes as supervisionRoutes } from './supervision/routes.tsx';

export interface PublicRoute {
  /** Path under /, without a leading slash. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
}

export const publicRoutes: readonly PublicRoute[] = [
  { path: 'institutions', Component: lazy(() => import('./institutions/SearchPage.tsx')) },
  { path: 'institutions/:id', Component: lazy(() => import('./institutions/DetailPage.tsx')) },
  // The business modules keep their portal pages in ./<module>/routes.tsx.
  ...familiesRoutes,
  ...supervisionRoutes,
  ...qualityRoutes,
  ...planRoutes,
];
