/** Console pages of the operating subsidy (普惠托育运营补贴, issue 17; merged into ../routes.tsx). */
import { AccountBookOutlined, AuditOutlined, CalendarOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'operating/settings',
    permission: 'operating.read',
    labelKey: 'operating.nav.settings',
    icon: <SettingOutlined />,
    Component: lazy(() => import('./SettingsPage.tsx')),
  },
  {
    path: 'operating/register',
    permission: 'operating.read',
    labelKey: 'operating.nav.register',
    icon: <CalendarOutlined />,
    Component: lazy(() => import('./RegisterPage.tsx')),
  },
  {
    path: 'operating/claims',
    permission: 'operating.read',
    labelKey: 'operating.nav.claims',
    icon: <AuditOutlined />,
    Component: lazy(() => import('./ClaimsPage.tsx')),
  },
  {
    path: 'operating/payments',
    permission: 'operating.review',
    labelKey: 'operating.nav.payments',
    icon: <AccountBookOutlined />,
    Component: lazy(() => import('./PaymentsPage.tsx')),
  },
];
