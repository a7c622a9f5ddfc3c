/** Console pages of the Supervision (issue 10) module (merged into ../routes.tsx in roadmap order). */
import { SafetyCertificateOutlined } from '@ant-design/icons';
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
];
