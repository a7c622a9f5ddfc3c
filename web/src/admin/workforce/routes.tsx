/** Console pages of the Workforce (issue 9) module (merged into ../routes.tsx in roadmap order). */
import {
  CloudUploadOutlined,
  MoneyCollectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'workforce/staff/*',
    permission: 'workforce.read',
    labelKey: 'workforce.nav.staff',
    icon: <TeamOutlined />,
    Component: lazy(() => import('./WorkforceModule.tsx')),
  },
  {
    // Reached from the staff list's import button.
    path: 'workforce/import',
    permission: 'workforce.import',
    labelKey: 'workforce.import.nav',
    icon: <CloudUploadOutlined />,
    Component: lazy(() => import('./ImportPage.tsx')),
    menu: false,
  },
  {
    path: 'workforce/compliance',
    permission: 'workforce.compliance',
    labelKey: 'workforce.nav.compliance',
    icon: <SafetyCertificateOutlined />,
    Component: lazy(() => import('./CompliancePage.tsx')),
  },
  {
    path: 'workforce/bans',
    permission: 'workforce.ban_read',
    labelKey: 'workforce.nav.bans',
    icon: <StopOutlined />,
    Component: lazy(() => import('./BanListPage.tsx')),
  },
  {
    path: 'workforce/trainings',
    permission: 'workforce.read',
    labelKey: 'workforce.nav.trainings',
    icon: <ReadOutlined />,
    Component: lazy(() => import('./TrainingsPage.tsx')),
  },
  {
    path: 'workforce/subsidy',
    permission: 'workforce.compliance',
    labelKey: 'workforce.nav.subsidy',
    icon: <MoneyCollectOutlined />,
    Component: lazy(() => import('./SubsidyPage.tsx')),
  },
];
