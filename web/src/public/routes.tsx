/**
 * The portal's route registry (public, no login). A module adds its public pages here, e.g.
 *   { path: 'institutions', Component: lazy(() => import('./institutions/SearchPage.tsx')) }
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export interface PublicRoute {
  /** Path under /, without a leading slash. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
}

export const publicRoutes: readonly PublicRoute[] = [
  { path: 'institutions', Component: lazy(() => import('./institutions/SearchPage.tsx')) },
  { path: 'institutions/:id', Component: lazy(() => import('./institutions/DetailPage.tsx')) },
];
