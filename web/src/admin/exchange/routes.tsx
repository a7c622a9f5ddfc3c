/** Console pages of department exchange (issue 15) (merged into ../routes.tsx in roadmap order). */
import { ApiOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'exchange/clients',
    permission: 'exchange.clients.read',
    labelKey: 'exchange.nav',
    icon: <ApiOutlined />,
    Component: lazy(() => import('./ClientsPage.tsx')),
  },
  {
    path: 'exchange/licences',
    permission: 'exchange.licences.read',
    labelKey: 'exchange.lic.nav',
    icon: <SafetyCertificateOutlined />,
    Component: lazy(() => import('./LicenceChecksPage.tsx')),
  },
];
