/**
 * The browser router. The portal (/) and the console (/admin/*) are separate lazy chunks, so a
 * family on a phone never downloads the console. The console owns its sub-routes (admin/routes.tsx).
 */
import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject, useRouteError } from 'react-router';
import { PageLoading } from './components/PageLoading.tsx';
import { NotFound, PlainStatus } from './components/PlainStatus.tsx';
import { useT } from './i18n/index.tsx';
// The portal's frame (1 KB, no antd) is in the entry chunk: a lazy frame would cost a phone on a
// slow network one more round trip before the page's own chunk is even requested (e2e/speed.test.ts).
import PortalLayout from './public/PortalLayout.tsx';
import { publicRoutes } from './public/routes.tsx';

const AdminApp = lazy(() => import('./admin/AdminApp.tsx'));
const PortalHome = lazy(() => import('./public/HomePage.tsx'));

function Lazy({ component: Component }: { component: ComponentType }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Component />
    </Suspense>
  );
}

/** A render error or a chunk that failed to load (e.g. after a redeploy): offer a reload. */
function RouteError() {
  const t = useT();
  const error = useRouteError();
  console.error(error);
  return (
    <PlainStatus
      title={t('common.error')}
      detail={t('common.unknownError')}
      action={{ label: t('common.retry'), onClick: () => window.location.reload() }}
    />
  );
}

const routes: RouteObject[] = [
  { path: '/admin/*', element: <Lazy component={AdminApp} />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <PortalLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Lazy component={PortalHome} /> },
      ...publicRoutes.map((r) => ({ path: r.path, element: <Lazy component={r.Component} /> })),
      { path: '*', element: <NotFound home="/" /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
