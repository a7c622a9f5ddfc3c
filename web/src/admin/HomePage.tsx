/** Console home: welcome, the caller's role and jurisdiction, and the modules they may open. Nothing invented. */
import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { pick, useLang, useT } from '../i18n/index.tsx';
import { adminRoutes, menuPath } from './routes.tsx';
import { can, useCurrentMe } from './session.ts';

export function HomePage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const modules = adminRoutes.filter((r) => r.menu !== false && can(me, r.permission));

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('header.role')}>
            {me.role ? t(`role.${me.role}`) : t('role.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('header.scope')}>
            {me.scopeLabel ? pick(lang, me.scopeLabel.zh, me.scopeLabel.en) : t('scope.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('login.username')}>{me.username}</Descriptions.Item>
        </Descriptions>
        {!me.role && <Alert type="info" showIcon title={t('home.noRole')} style={{ marginTop: 12 }} />}
      </Card>
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
