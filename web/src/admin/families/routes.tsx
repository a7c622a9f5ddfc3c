/** Console pages of the Families (issue 11) module (merged into ../routes.tsx in roadmap order). */
import {
  ClockCircleOutlined,
  CloudUploadOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  GlobalOutlined,
  HomeOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'families/children',
    permission: 'families.read',
    labelKey: 'families.nav.children',
    icon: <SmileOutlined />,
    Component: lazy(() => import('./FamiliesPage.tsx')),
  },
  {
    path: 'families/import',
    permission: 'families.import',
    labelKey: 'families.nav.import',
    icon: <CloudUploadOutlined />,
    Component: lazy(() => import('./ImportPage.tsx')),
  },
  {
    path: 'families/visits',
    permission: 'families.visits_read',
    labelKey: 'families.nav.visits',
    icon: <HomeOutlined />,
    Component: lazy(() => import('./VisitsPage.tsx')),
  },
  {
    path: 'families/guidance',
    permission: 'families.guidance_read',
    labelKey: 'families.nav.guidance',
    icon: <ReadOutlined />,
    Component: lazy(() => import('./GuidancePage.tsx')),
  },
  {
    path: 'families/applications',
    permission: 'families.applications_read',
    labelKey: 'families.nav.applications',
    icon: <FileDoneOutlined />,
    Component: lazy(() => import('./ApplicationsPage.tsx')),
  },
  {
    path: 'families/slots',
    permission: 'families.slots_read',
    labelKey: 'families.nav.slots',
    icon: <ClockCircleOutlined />,
    Component: lazy(() => import('./SlotsPage.tsx')),
  },
  {
    path: 'families/facilities',
    permission: 'families.facilities_read',
    labelKey: 'families.nav.facilities',
    icon: <EnvironmentOutlined />,
    Component: lazy(() => import('./FacilitiesPage.tsx')),
  },
  {
    path: 'families/baobaowu',
    permission: 'families.facilities_read',
    labelKey: 'families.nav.baobaowu',
    icon: <EnvironmentOutlined />,
    Component: lazy(() => import('./BaobaowuPage.tsx')),
  },
  {
    path: 'families/online',
    permission: 'families.resources_read',
    labelKey: 'families.nav.online',
    icon: <GlobalOutlined />,
    Component: lazy(() => import('./OnlinePage.tsx')),
  },
  // — guardians' rights —
  {
    path: 'families/requests',
    permission: 'families.requests_handle',
    labelKey: 'families.nav.requests',
    icon: <SafetyCertificateOutlined />,
    Component: lazy(() => import('./RequestsPage.tsx')),
  },
];
