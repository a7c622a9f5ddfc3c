/** Console pages of the childcare-subsidy casework (育儿补贴, issue 17; merged into ../routes.tsx). */
import { AccountBookOutlined, AuditOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'subsidy/applications',
    permission: 'subsidy.read',
    labelKey: 'subsidy.nav.applications',
    icon: <AccountBookOutlined />,
    Component: lazy(() => import('./ApplicationsPage.tsx')),
  },
  {
    path: 'subsidy/import',
    permission: 'subsidy.import',
    labelKey: 'subsidy.import',
    icon: <AccountBookOutlined />,
    Component: lazy(() => import('./ImportPage.tsx')),
    menu: false,
  },
  {
    path: 'subsidy/renewals',
    permission: 'subsidy.read',
    labelKey: 'subsidy.nav.renewals',
    icon: <AuditOutlined />,
    Component: lazy(() => import('./RenewalsPage.tsx')),
  },
  {
    path: 'subsidy/batches',
    permission: 'subsidy.pay',
    labelKey: 'subsidy.nav.batches',
    icon: <MoneyCollectOutlined />,
    Component: lazy(() => import('./BatchesPage.tsx')),
  },
];
