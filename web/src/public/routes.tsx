/**
 * The portal's route registry (public, no login). A module adds its public pages here, e.g.
 *   { path: 'institutions/*', Component: lazy(() => import('./institutions/InstitutionsPage.tsx')) }
 * The home page already links to /institutions; until the registry module adds it, that link
 * shows the portal's 404 page rather than invented data.
 */
import type { ComponentType, LazyExoticComponent } from 'react';

export interface PublicRoute {
  /** Path under /, without a leading slash. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
}

export const publicRoutes: readonly PublicRoute[] = [];
