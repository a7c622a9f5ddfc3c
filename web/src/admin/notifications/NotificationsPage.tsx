/** /admin/notifications — the caller's own notifications: unread first filter, mark read, open the link. */

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, List, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Notification } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';

/** Only links inside the console are followed (a notification never sends the user elsewhere). */
const internal = (link: string | null): link is string => !!link && /^\/admin(\/|$)/.test(link);

export default function NotificationsPage() {
  const t = useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const showError = useShowError();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const query = { page, pageSize, ...(unreadOnly ? { unread: 'true' as const } : {}) };
  const list = useQuery({
    queryKey: keys.notifications.list(query),
    queryFn: ({ signal }) => api.notifications.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.notifications.all });
  const markRead = useMutation({
    mutationFn: (id: string) => api.notifications.markRead(id),
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  const markAll = useMutation({
    mutationFn: () => api.notifications.markAllRead(),
    onSuccess: (r) => {
      void message.success(t('notifications.markedAll', { count: r.marked }));
      void refresh();
    },
    onError: (e) => showError(e),
  });

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (internal(n.link)) navigate(n.link);
  };

  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('notifications.title')}</h1>}
      extra={
        <Space wrap>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: t('notifications.unreadOnly') },
            ]}
          />
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        </Space>
      }
    >
      <List<Notification>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('notifications.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        renderItem={(n) => (
          <List.Item
            actions={[
              internal(n.link) ? (
                <Button key="open" type="link" onClick={() => open(n)}>
                  {t('notifications.open')}
                </Button>
              ) : null,
              !n.readAt ? (
                <Button key="read" type="link" onClick={() => markRead.mutate(n.id)}>
                  {t('notifications.markRead')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Badge
                    status={n.readAt ? 'default' : 'processing'}
                    text={
                      <span className="sr-only">
                        {t(n.readAt ? 'notifications.read' : 'notifications.unread')}
                      </span>
                    }
                  />
                  <Typography.Text strong={!n.readAt}>{pick(lang, n.titleZh, n.titleEn)}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div>{pick(lang, n.bodyZh, n.bodyEn)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
