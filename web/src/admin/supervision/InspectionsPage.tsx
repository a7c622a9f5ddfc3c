/** /admin/supervision/inspections — inspection tasks (an inspector's own by default) and self-checks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, List, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { inspections } from './api.ts';

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export default function InspectionsPage() {
  const t = useT();
  const me = useCurrentMe();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const isInspector = me.role === 'inspector';
  const [filter, setFilter] = useState<'mine' | 'open' | 'all'>(isInspector ? 'mine' : 'all');
  const [month, setMonth] = useState(thisMonth());
  const query = {
    ...(filter === 'mine' ? { mine: 'true' as const } : {}),
    ...(filter === 'open' || filter === 'mine' ? { status: 'open' as const } : {}),
  };
  const list = useQuery({
    queryKey: keys.supervision.inspections(filter),
    queryFn: ({ signal }) => inspections.list(query, signal),
  });
  const selfCheck = useMutation({
    mutationFn: () => inspections.selfCheck(month),
    onSuccess: (d) => {
      message.success(t('supervision.insp.selfCheckStarted'));
      void qc.invalidateQueries({ queryKey: keys.supervision.all });
      nav(`/admin/supervision/inspections/${d.id}`);
    },
    onError: (e) => showError(e),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('supervision.nav.inspections')}</h1>
      {can(me, 'supervision.self_check') ? (
        <Card size="small" title={t('supervision.insp.selfCheckTitle')}>
          <Space wrap>
            <Input
              aria-label={t('supervision.pub.month')}
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              style={{ width: 110 }}
              placeholder="YYYY-MM"
            />
            <Button type="primary" loading={selfCheck.isPending} onClick={() => selfCheck.mutate()}>
              {t('supervision.insp.startSelfCheck')}
            </Button>
          </Space>
        </Card>
      ) : null}
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[
          ...(isInspector ? [{ value: 'mine', label: t('supervision.insp.filter.mine') }] : []),
          { value: 'open', label: t('supervision.insp.filter.open') },
          { value: 'all', label: t('supervision.insp.filter.all') },
        ]}
      />
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('supervision.insp.empty') }}
        renderItem={(i) => (
          <List.Item
            data-testid="sv-inspection"
            actions={[
              <Button key="open" onClick={() => nav(`/admin/supervision/inspections/${i.id}`)}>
                {i.status === 'open' ? t('supervision.insp.record') : t('supervision.insp.view')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={i.institutionName}
              description={
                <Space wrap size={4}>
                  <span>{i.month}</span>
                  <Tag>{t(`supervision.insp.kind.${i.kind}`)}</Tag>
                  <Tag color={i.status === 'signed' ? 'green' : 'blue'}>
                    {t(`supervision.insp.status.${i.status}`)}
                  </Tag>
                  {i.findings > 0 ? (
                    <Tag color="orange">{t('supervision.insp.findings', { n: i.findings })}</Tag>
                  ) : null}
                  {i.score !== null ? <span>{t('supervision.insp.score', { n: i.score })}</span> : null}
                  <span>{i.inspectorNames.join('、')}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
