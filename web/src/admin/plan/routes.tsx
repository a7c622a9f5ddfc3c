/** Console pages of the Plan and funding (issue 13) module (merged into ../routes.tsx in roadmap order). */
import {
  AccountBookOutlined,
  AimOutlined,
  BookOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  NotificationOutlined,
  PartitionOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'plan/*',
    permission: 'plan.read',
    labelKey: 'plan.nav',
    icon: <AimOutlined />,
    Component: lazy(() => import('./PlanModule.tsx')),
  },
  {
    path: 'plan/funding',
    permission: 'plan.funding_read',
    labelKey: 'plan.f.nav',
    icon: <AccountBookOutlined />,
    Component: lazy(() => import('./FundingPage.tsx')),
  },
  {
    path: 'plan/circle',
    permission: 'plan.read',
    labelKey: 'plan.circle.nav',
    icon: <EnvironmentOutlined />,
    Component: lazy(() => import('./CirclePage.tsx')),
  },
  {
    path: 'plan/report',
    permission: 'plan.read',
    labelKey: 'plan.report.nav',
    icon: <FileTextOutlined />,
    Component: lazy(() => import('./ReportPage.tsx')),
  },
  {
    path: 'plan/rules',
    permission: 'plan.read',
    labelKey: 'plan.rules.nav',
    icon: <BookOutlined />,
    Component: lazy(() => import('./RulesPage.tsx')),
  },
  {
    path: 'plan/tasks',
    permission: 'plan.tasks_read',
    labelKey: 'plan.tasks.nav',
    icon: <PartitionOutlined />,
    Component: lazy(() => import('./TasksPage.tsx')),
  },
  {
    path: 'plan/news',
    permission: 'plan.news_manage',
    labelKey: 'plan.news.nav',
    icon: <NotificationOutlined />,
    Component: lazy(() => import('./NewsPage.tsx')),
  },
];
