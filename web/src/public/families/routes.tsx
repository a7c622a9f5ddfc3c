/** Portal pages of the Families (issue 11) module (merged into ../routes.tsx): the parent's login and area. */
import { lazy } from 'react';
import type { PublicRoute } from '../routes.tsx';

export const routes: readonly PublicRoute[] = [
  { path: 'login', Component: lazy(() => import('./LoginPage.tsx')) },
  { path: 'family', Component: lazy(() => import('./MyFamilyPage.tsx')) },
  { path: 'family/apply', Component: lazy(() => import('./ApplyPage.tsx')) },
  { path: 'family/hourly', Component: lazy(() => import('./HourlyPage.tsx')) },
  { path: 'family/guidance', Component: lazy(() => import('./GuidancePage.tsx')) },
  { path: 'family/online', Component: lazy(() => import('./OnlinePage.tsx')) },
  { path: 'family/rights', Component: lazy(() => import('./RightsPage.tsx')) },
];
