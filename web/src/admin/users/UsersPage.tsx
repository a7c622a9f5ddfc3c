/** /admin/users — accounts for system_admin (create, edit, reset) and security_admin (grant, unlock). */

import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Select, Space, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { ROLES, type Role, userListQuery } from '../../../../domain/contracts/auth.ts';
import { api, type User } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { GrantDialog } from './GrantDialog.tsx';
import { useDivisions } from './shared.ts';
import { CreateUserDialog, EditUserDialog, ResetPasswordDialog } from './UserDialogs.tsx';

type UserListQuery = z.infer<typeof userListQuery>;
type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'grant'; user: User } | null;

function isLocked(user: User): boolean {
  return !!user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs());
}

export default function UsersPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [unlocking, setUnlocking] = useState<string | null>(null);
  const divisions = useDivisions();

  const divisionName = (code: string) => {
    const d = divisions.data?.find((x) => x.code === code);
    return d ? pick(lang, d.nameZh, d.nameEn) : code;
  };
  const scopeText = (u: User) => {
    if (!u.scope) return '—';
    if (u.scopeLabel) return pick(lang, u.scopeLabel.zh, u.scopeLabel.en);
    if (u.scope.kind === 'division') return divisionName(u.scope.divisionCode);
    // A scope whose object cannot be named (removed, or the families module not yet present): its type.
    if (u.scope.kind === 'institution') return t('scope.institutionUnknown');
    return t('scope.familyOwn');
  };

  const unlock = async (u: User) => {
    setUnlocking(u.id);
    try {
      await api.users.unlock(u.id, u.version);
      message.success(t('users.saved'));
    } catch (err) {
      showError(err);
    } finally {
      setUnlocking(null);
      void queryClient.invalidateQueries({ queryKey: keys.users.all });
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('users.role'),
      key: 'role',
      render: (_, u) => (u.role ? t(`role.${u.role}`) : <Tag>{t('role.none')}</Tag>),
    },
    { title: t('users.scope'), key: 'scope', render: (_, u) => scopeText(u) },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          <StatusTag set="account" status={u.disabled ? 'disabled' : 'active'} />
          {isLocked(u) && <StatusTag set="account" status="locked" />}
        </Space>
      ),
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0} wrap>
          {can(me, 'users.update') && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
              {t('users.edit')}
            </Button>
          )}
          {can(me, 'users.reset_password') && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
              {t('users.resetPassword')}
            </Button>
          )}
          {can(me, 'users.grant') && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'grant', user: u })}>
              {t('users.grant')}
            </Button>
          )}
          {can(me, 'users.unlock') && isLocked(u) && (
            <Popconfirm
              title={t('users.unlockConfirm', { name: u.username })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => unlock(u)}
            >
              <Button type="link" size="small" loading={unlocking === u.id}>
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const close = () => setDialog(null);
  const target = (kind: 'edit' | 'reset' | 'grant') => (dialog && dialog.kind === kind ? dialog.user : null);

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('users.title')}</h1>}>
      <PagedTable<User, UserListQuery>
        schema={userListQuery}
        queryKey={keys.users.list}
        fetchPage={(q, signal) => api.users.list(q, signal)}
        rowKey="id"
        label={t('users.title')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
            <Space wrap>
              <Input.Search
                aria-label={t('users.searchLabel')}
                placeholder={t('users.searchPlaceholder')}
                allowClear
                defaultValue={query.q}
                enterButton={t('common.search')}
                onSearch={(value) => setFilter('q', value.trim())}
                style={{ width: 280 }}
              />
              <Select<Role>
                aria-label={t('users.roleFilter')}
                placeholder={t('users.roleFilter')}
                allowClear
                value={query.role}
                onChange={(value) => setFilter('role', value)}
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                style={{ width: 180 }}
              />
            </Space>
            {can(me, 'users.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
                {t('users.create')}
              </Button>
            )}
          </Space>
        )}
      />
      <CreateUserDialog open={dialog?.kind === 'create'} onClose={close} />
      <EditUserDialog user={target('edit')} onClose={close} />
      <ResetPasswordDialog user={target('reset')} onClose={close} />
      <GrantDialog user={target('grant')} onClose={close} />
    </Card>
  );
}
