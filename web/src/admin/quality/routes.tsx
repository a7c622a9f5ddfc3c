/** Console pages of the Quality evaluation (issue 12) module (merged into ../routes.tsx in roadmap order). */
import { FormOutlined, SlidersOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AdminRoute } from '../routes.tsx';

export const routes: readonly AdminRoute[] = [
  {
    path: 'quality/*',
    permission: 'quality.read',
    labelKey: 'quality.nav.rounds',
    icon: <StarOutlined />,
    Component: lazy(() => import('./QualityModule.tsx')),
  },
  {
    path: 'quality/evaluations',
    permission: 'quality.evaluate',
    labelKey: 'quality.nav.tasks',
    icon: <FormOutlined />,
    Component: lazy(() => import('./TasksPage.tsx')),
  },
  {
    path: 'quality/frameworks',
    permission: 'quality.manage',
    labelKey: 'quality.nav.frameworks',
    icon: <SlidersOutlined />,
    Component: lazy(() => import('./FrameworksPage.tsx')),
  },
  {
    path: 'quality/demonstration',
    permission: 'quality.manage',
    labelKey: 'quality.nav.demonstration',
    icon: <TrophyOutlined />,
    Component: lazy(() => import('./DemonstrationPage.tsx')),
  },
];
