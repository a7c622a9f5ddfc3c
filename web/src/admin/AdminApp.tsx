/** The console (/admin/*): login outside the session, everything else inside the layout. */
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoading } from '../components/PageLoading.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { AntdConfig } from './AntdConfig.tsx';
import { HomePage } from './HomePage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { adminRoutes } from './routes.tsx';
import { StatusPage } from './StatusPage.tsx';
import { type Action, can, useCurrentMe } from './session.ts';

/** Every account's own notifications (no permission beyond a session, so not in adminRoutes). */
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage.tsx'));

function RequirePermission({
  permission,
  children,
}: {
  permission: Action | readonly Action[];
  children: ReactNode;
}) {
  const me = useCurrentMe();
  if (!can(me, permission)) return <StatusPage status={403} home="/admin" />;
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

export default function AdminApp() {
  return (
    <AntdConfig>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<AdminLayout />}>
          <Route index element={<HomePage />} />
          {adminRoutes.map(({ path, permission, Component }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequirePermission permission={permission}>
                  <Component />
                </RequirePermission>
              }
            />
          ))}
          <Route
            path="notifications"
            element={
              <Suspense fallback={<PageLoading />}>
                <NotificationsPage />
              </Suspense>
            }
          />
          <Route path="forbidden" element={<StatusPage status={403} home="/admin" />} />
          <Route path="*" element={<StatusPage status={404} home="/admin" />} />
        </Route>
      </Routes>
    </AntdConfig>
  );
}
