/** The console layout: sidebar from the route registry (filtered by permittedActions), header, content. */
import { HomeOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Result } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { problemText } from '../api/errors.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { useLang, useT } from '../i18n/index.tsx';
import { wasSessionLost } from '../queryClient.ts';
import { AdminHeader } from './AdminHeader.tsx';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx';
import { adminRoutes, MENU_GROUPS, menuGroupOf, menuPath } from './routes.tsx';
import { can, MeContext, useMe } from './session.ts';

export function AdminLayout() {
  const t = useT();
  const [lang] = useLang();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const { data: me, isPending, error, refetch } = useMe();
  const [pwOpen, setPwOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // Close the small-screen menu after navigating.
  useEffect(() => {
    if (location.pathname) setDrawerOpen(false);
  }, [location.pathname]);

  if (isPending) return <PageLoading />;
  if (error) {
    return (
      <Result
        status="warning"
        title={t('common.error')}
        subTitle={problemText(error, lang, t('common.unknownError'))}
        extra={<Button onClick={() => refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    const params = new URLSearchParams();
    if (next !== '/admin' && next !== '/admin/') params.set('next', next);
    if (wasSessionLost()) params.set('notice', 'sessionEnded');
    const query = params.toString();
    return <Navigate to={query ? `/admin/login?${query}` : '/admin/login'} replace />;
  }

  const visible = adminRoutes.filter((r) => r.menu !== false && can(me, r.permission));
  const entry = (r: (typeof visible)[number]) => ({
    key: menuPath(r),
    icon: r.icon,
    label: <Link to={menuPath(r)}>{t(r.labelKey)}</Link>,
  });
  // Each module's entries under its section's heading (routes.tsx MENU_GROUPS), in the registry's order.
  const items = [
    { key: '/admin', icon: <HomeOutlined />, label: <Link to="/admin">{t('nav.home')}</Link> },
    ...visible.filter((r) => !menuGroupOf(r)).map(entry),
    ...MENU_GROUPS.flatMap((g) => {
      const children = visible.filter((r) => menuGroupOf(r)?.key === g.key).map(entry);
      return children.length
        ? [{ type: 'group' as const, key: `group:${g.key}`, label: t(g.labelKey), children }]
        : [];
    }),
  ];
  const selected = ['/admin', ...visible.map(menuPath)]
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  const wide = screens.md ?? true;
  const desktop = screens.lg ?? true;
  const nav = (
    <nav aria-label={t('nav.menu')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        items={items}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      {desktop ? (
        <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, color: '#1a6fb5', lineHeight: 1.4 }}>
            {t('app.consoleTitle')}
          </div>
          {nav}
        </Layout.Sider>
      ) : (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          title={t('app.consoleTitle')}
          styles={{ body: { padding: 0 } }}
        >
          {nav}
        </Drawer>
      )}
      <Layout>
        <AdminHeader
          me={me}
          wide={wide}
          menuOpen={drawerOpen}
          onMenu={desktop ? undefined : () => setDrawerOpen(true)}
          onChangePassword={() => setPwOpen(true)}
        />
        <Layout.Content id="main" tabIndex={-1} style={{ margin: wide ? 16 : 8, outline: 'none' }}>
          <MeContext.Provider value={me}>
            <Breadcrumbs />
            <Outlet />
          </MeContext.Provider>
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog
        open={pwOpen || me.mustChangePassword}
        forced={me.mustChangePassword}
        username={me.username}
        onClose={() => setPwOpen(false)}
      />
    </Layout>
  );
}
