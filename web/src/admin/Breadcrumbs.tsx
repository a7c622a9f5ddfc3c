/**
 * Breadcrumbs of the console and the browser tab title (`托育机构 · 青浦区托育服务管理平台`), both derived
 * from the route registry and the path: home › module › sub-page (new, import, detail, edit).
 */
import { Breadcrumb } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { type MessageKey, useT } from '../i18n/index.tsx';
import { adminRoutes, menuPath } from './routes.tsx';

const SUB_PAGES: Record<string, MessageKey> = {
  new: 'crumb.new',
  import: 'crumb.import',
  edit: 'crumb.edit',
};

/** The crumbs of a console path: [label, link?][]; the last one is the current page. */
export function crumbsOf(pathname: string): { key: MessageKey; to?: string }[] {
  const path = pathname.replace(/\/+$/, '') || '/admin';
  const crumbs: { key: MessageKey; to?: string }[] = [{ key: 'nav.home', to: '/admin' }];
  if (path === '/admin') return crumbs;
  const route = adminRoutes
    .map((r) => ({ r, base: menuPath(r) }))
    .filter(({ base }) => path === base || path.startsWith(`${base}/`))
    .sort((a, b) => b.base.length - a.base.length)[0];
  if (!route) return crumbs;
  crumbs.push({ key: route.r.labelKey, to: route.base });
  const rest = path.slice(route.base.length).split('/').filter(Boolean);
  if (rest.length > 0) {
    const first = rest[0] ?? '';
    if (SUB_PAGES[first]) crumbs.push({ key: SUB_PAGES[first] });
    else {
      crumbs.push({ key: 'crumb.detail', to: `${route.base}/${first}` });
      const second = rest[1];
      if (second && SUB_PAGES[second]) crumbs.push({ key: SUB_PAGES[second] });
    }
  }
  return crumbs;
}

export function Breadcrumbs() {
  const t = useT();
  const { pathname } = useLocation();
  const crumbs = crumbsOf(pathname);
  const current = crumbs[crumbs.length - 1];
  const title = current ? t(current.key) : '';
  const app = t('app.consoleTitle');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
  if (crumbs.length < 2) return null;
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={crumbs.map((c, i) => ({
        key: c.key,
        title: c.to && i < crumbs.length - 1 ? <Link to={c.to}>{t(c.key)}</Link> : t(c.key),
      }))}
    />
  );
}
