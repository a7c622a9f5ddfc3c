/** Console pages of the Supervision (issue 10) module (merged into ../routes.tsx in roadmap order). */
import {
  AuditOutlined,
  FormOutlined,
  SafetyCertificateOutlined,
  UnorderedListOutlined,
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
];
