/** Console pages of the Supervision (issue 10) module (merged into ../routes.tsx in roadmap order). */
import {
  AlertOutlined,
  AuditOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  FireOutlined,
  FormOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'supervision/draws',
    permission: 'supervision.draw_read',
    labelKey: 'supervision.nav.draws',
    icon: <SafetyCertificateOutlined />,
    Component: lazy(() => import('./DrawPlansPage.tsx')),
  },
  {
    path: 'supervision/inspections',
    permission: 'supervision.inspection_read',
    labelKey: 'supervision.nav.inspections',
    icon: <FormOutlined />,
    Component: lazy(() => import('./InspectionsPage.tsx')),
  },
  {
    path: 'supervision/inspections/:id',
    permission: 'supervision.inspection_read',
    labelKey: 'supervision.nav.inspections',
    icon: <FormOutlined />,
    Component: lazy(() => import('./InspectionRecordPage.tsx')),
    menu: false,
  },
  {
    path: 'supervision/special',
    permission: 'supervision.special_read',
    labelKey: 'supervision.nav.special',
    icon: <TeamOutlined />,
    Component: lazy(() => import('./SpecialChecksPage.tsx')),
  },
  {
    path: 'supervision/checklists',
    permission: 'supervision.checklist_read',
    labelKey: 'supervision.nav.checklists',
    icon: <UnorderedListOutlined />,
    Component: lazy(() => import('./ChecklistsPage.tsx')),
  },
  {
    path: 'supervision/rectifications',
    permission: 'supervision.rectification_read',
    labelKey: 'supervision.nav.rectifications',
    icon: <AuditOutlined />,
    Component: lazy(() => import('./RectificationsPage.tsx')),
  },
  {
    path: 'supervision/risk',
    permission: 'supervision.risk_read',
    labelKey: 'supervision.nav.risk',
    icon: <AlertOutlined />,
    Component: lazy(() => import('./RiskPage.tsx')),
  },
  {
    path: 'supervision/complaints',
    permission: 'supervision.complaint_read',
    labelKey: 'supervision.nav.complaints',
    icon: <CommentOutlined />,
    Component: lazy(() => import('./ComplaintsPage.tsx')),
  },
  {
    path: 'supervision/visits',
    permission: 'supervision.visit_plan',
    labelKey: 'supervision.nav.visits',
    icon: <EnvironmentOutlined />,
    Component: lazy(() => import('./VisitsPage.tsx')),
  },
  {
    path: 'supervision/cameras',
    permission: 'supervision.camera_read',
    labelKey: 'supervision.nav.cameras',
    icon: <VideoCameraOutlined />,
    Component: lazy(() => import('./CamerasPage.tsx')),
  },
  {
    path: 'supervision/drills',
    permission: 'supervision.drill_read',
    labelKey: 'supervision.nav.drills',
    icon: <FireOutlined />,
    Component: lazy(() => import('./DrillsPage.tsx')),
  },
];
