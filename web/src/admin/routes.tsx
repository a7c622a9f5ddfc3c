/**
 * The console's route registry. A module adds its pages here, one entry per sidebar item:
 *
 *   {
 *     path: 'institutions/*',                 // under /admin; '/*' when the module has sub-routes
 *     permission: 'institutions.read',        // shown and opened only if me.permittedActions has it
 *     labelKey: 'nav.institutions',           // an i18n key (add it to zh-CN.ts and en.ts)
 *     icon: <BankOutlined />,
 *     Component: lazy(() => import('./institutions/InstitutionsModule.tsx')),
 *   }
 *
 * The component is lazy-loaded into its own chunk. Sub-routes of a module go in its own
 * <Routes> (relative paths) inside that component. The sidebar lists the entries in this order.
 */
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  FileSearchOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/index.tsx';
import { routes as exchangeRoutes } from './exchange/routes.tsx';
import { routes as familiesRoutes } from './families/routes.tsx';
import { routes as operatingRoutes } from './operating/routes.tsx';
import { routes as planRoutes } from './plan/routes.tsx';
import { routes as qualityRoutes } from './quality/routes.tsx';
import type { Action } from './session.ts';
import { routes as subsidyRoutes } from './subsidy/routes.tsx';
import { routes as supervisionRoutes } from './supervision/routes.tsx';
import { routes as workforceRoutes } from './workforce/routes.tsx';

export interface AdminRoute {
  /** Path under /admin, without a leading slash; end with '/*' if the module has its own sub-routes. */
  path: string;
  /** The caller needs at least one of these actions (from me.permittedActions) to see and open it. */
  permission: Action | readonly Action[];
  /** Sidebar label. */
  labelKey: MessageKey;
  icon: ReactNode;
  Component: LazyExoticComponent<ComponentType>;
  /** false: routable but not in the sidebar (e.g. a detail page reached from a list). */
  menu?: boolean;
}

export const adminRoutes: readonly AdminRoute[] = [
  {
    path: 'institutions/*',
    permission: 'institutions.read',
    labelKey: 'nav.institutions',
    icon: <BankOutlined />,
    Component: lazy(() => import('./institutions/InstitutionsModule.tsx')),
  },
  {
    path: 'institutions/review',
    permission: 'institutions.review',
    labelKey: 'nav.institutionsReview',
    icon: <FileSearchOutlined />,
    Component: lazy(() => import('./institutions/ReviewPage.tsx')),
  },
  {
    path: 'institutions/national-sync',
    permission: 'institutions.national_sync',
    labelKey: 'natsync.nav',
    icon: <CloudSyncOutlined />,
    Component: lazy(() => import('./institutions/NationalSyncPage.tsx')),
  },
  {
    path: 'calendar',
    permission: 'calendar.read',
    labelKey: 'nav.calendar',
    icon: <CalendarOutlined />,
    Component: lazy(() => import('./calendar/CalendarPage.tsx')),
  },
  // The business modules keep their entries in ./<module>/routes.tsx.
  ...workforceRoutes,
  ...familiesRoutes,
  ...subsidyRoutes,
  ...supervisionRoutes,
  ...qualityRoutes,
  ...planRoutes,
  ...exchangeRoutes,
  ...operatingRoutes,
  {
    path: 'users',
    permission: 'users.read',
    labelKey: 'nav.users',
    icon: <TeamOutlined />,
    Component: lazy(() => import('./users/UsersPage.tsx')),
  },
  {
    path: 'audit',
    permission: 'audit.read',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    Component: lazy(() => import('./audit/AuditPage.tsx')),
  },
  {
    path: 'jobs',
    permission: 'jobs.list',
    labelKey: 'nav.jobs',
    icon: <ScheduleOutlined />,
    Component: lazy(() => import('./jobs/JobsPage.tsx')),
  },
];

/**
 * The sidebar's sections, by a route's first path segment (registry, workforce, families …): a heading
 * over each module's entries, so ~50 entries of a district officer read as ten groups.
 */
export const MENU_GROUPS = [
  { key: 'registry', labelKey: 'nav.group.registry', segments: ['institutions', 'calendar'] },
  { key: 'workforce', labelKey: 'nav.group.workforce', segments: ['workforce'] },
  { key: 'families', labelKey: 'nav.group.families', segments: ['families'] },
  { key: 'subsidy', labelKey: 'nav.group.subsidy', segments: ['subsidy', 'operating'] },
  { key: 'supervision', labelKey: 'nav.group.supervision', segments: ['supervision'] },
  { key: 'quality', labelKey: 'nav.group.quality', segments: ['quality'] },
  { key: 'plan', labelKey: 'nav.group.plan', segments: ['plan'] },
  { key: 'system', labelKey: 'nav.group.system', segments: ['exchange', 'users', 'audit', 'jobs'] },
] as const satisfies readonly { key: string; labelKey: MessageKey; segments: readonly string[] }[];

/** The sidebar section of a route (by its first path segment); undefined: listed on its own. */
export function menuGroupOf(route: AdminRoute) {
  const first = route.path.split('/')[0] ?? '';
  return MENU_GROUPS.find((g) => (g.segments as readonly string[]).includes(first));
}

/** The sidebar link of a route: '/admin/institutions' for 'institutions/*'. */
export function menuPath(route: AdminRoute): string {
  return `/admin/${route.path.replace(/\/\*$/, '')}`;
}
