/**
 * Console home: the per-role dashboard (GET /api/v1/dashboard) — the numbers and tasks of what the
 * caller's role acts on, within their jurisdiction — then the modules they may open.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { problemText } from '../api/errors.ts';
import { keys } from '../api/keys.ts';
import { pick, useLang, useT } from '../i18n/index.tsx';
import { DashboardWidgets } from './DashboardWidgets.tsx';
import { adminRoutes, menuPath } from './routes.tsx';
import { can, useCurrentMe } from './session.ts';

export function HomePage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const modules = adminRoutes.filter((r) => r.menu !== false && can(me, r.permission));
  const dashboard = useQuery({
    queryKey: keys.dashboard,
    queryFn: ({ signal }) => api.dashboard.get(signal),
    enabled: !!me.role,
  });
  const scope = me.scopeLabel ? pick(lang, me.scopeLabel.zh, me.scopeLabel.en) : null;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="dashboard-role">
          {me.role ? t(`role.${me.role}`) : t('role.none')}
          {scope && ` · ${scope}`}
          {' — '}
          {me.role ? t(`dashboard.role.${me.role}`) : t('dashboard.role.none')}
        </Typography.Paragraph>
        {!me.role && <Alert type="info" showIcon title={t('home.noRole')} style={{ marginTop: 12 }} />}
      </Card>
      {me.role && dashboard.isPending && <Skeleton active />}
      {dashboard.error && (
        <Alert
          type="error"
          showIcon
          title={t('dashboard.loadError')}
          description={problemText(dashboard.error, lang, t('common.unknownError'))}
        />
      )}
      {dashboard.data && dashboard.data.widgets.length > 0 && (
        <section aria-label={t('dashboard.title')}>
          <DashboardWidgets widgets={dashboard.data.widgets} />
        </section>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('home.modules')}</h2>}>
        {modules.length === 0 ? (
          <Typography.Text type="secondary">{t('home.noModules')}</Typography.Text>
        ) : (
          <Row gutter={[16, 16]}>
            {modules.map((m) => (
              <Col key={m.path} xs={24} sm={12} lg={8}>
                <Link to={menuPath(m)} style={{ display: 'block' }}>
                  <Card hoverable size="small">
                    <span style={{ fontSize: 18, marginInlineEnd: 8 }} aria-hidden>
                      {m.icon}
                    </span>
                    {t(m.labelKey)}
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </div>
  );
}
