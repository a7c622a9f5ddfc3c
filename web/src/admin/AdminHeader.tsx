/** The console header: who is logged in (name, role, jurisdiction), notifications, language, password, logout. */

import { BellOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Layout, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, type Me } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { pick, useLang, useT } from '../i18n/index.tsx';
import { useLogout } from './session.ts';

export function AdminHeader(props: {
  me: Me;
  wide: boolean;
  onMenu?: () => void;
  menuOpen: boolean;
  onChangePassword: () => void;
}) {
  const { me, wide } = props;
  const t = useT();
  const [lang] = useLang();
  const logout = useLogout();
  const roleLabel = me.role ? t(`role.${me.role}`) : t('role.none');
  const scopeLabel = me.scopeLabel ? pick(lang, me.scopeLabel.zh, me.scopeLabel.en) : t('scope.none');
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: keys.notifications.unread,
    queryFn: ({ signal }) => api.notifications.unreadCount(signal),
    refetchInterval: 60_000,
  });
  const unreadCount = unread.data?.unread ?? 0;
  const bellLabel =
    unreadCount > 0
      ? `${t('header.notifications')}: ${t('header.unread', { count: unreadCount })}`
      : t('header.notifications');

  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: wide ? '0 16px' : '8px 12px',
        display: 'flex',
        alignItems: 'center',
        gap: wide ? 12 : 8,
        borderBottom: '1px solid #f0f0f0',
        height: 'auto',
        minHeight: 64,
        flexWrap: 'wrap',
        lineHeight: 1.5,
      }}
    >
      {props.onMenu && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('nav.menu')}
          aria-expanded={props.menuOpen}
          onClick={props.onMenu}
        />
      )}
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          flexWrap: 'wrap',
          marginInlineEnd: 'auto',
          minWidth: 0,
        }}
      >
        <UserOutlined aria-hidden />
        <Typography.Text strong>{me.displayName}</Typography.Text>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          <span className="sr-only">{t('header.role')} </span>
          {roleLabel}
        </Tag>
        <Typography.Text type="secondary">
          {wide ? t('header.scopeLine') : <span className="sr-only">{t('header.scopeLine')}</span>}
          {scopeLabel}
        </Typography.Text>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Badge count={unreadCount} size="small" overflowCount={99}>
          <Button
            type="text"
            icon={<BellOutlined />}
            aria-label={bellLabel}
            title={bellLabel}
            onClick={() => navigate('/admin/notifications')}
          />
        </Badge>
        <LangSwitch />
        <Button
          icon={<KeyOutlined />}
          onClick={props.onChangePassword}
          aria-label={t('header.changePassword')}
          title={t('header.changePassword')}
        >
          {/* On a phone a short label: the key icon alone read as a search button. */}
          {wide ? t('header.changePassword') : t('header.passwordShort')}
        </Button>
        <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('header.logout')}
        </Button>
      </div>
    </Layout.Header>
  );
}
