/**
 * /admin/plan/news — the district officer writes the portal's notices, policy documents and guidance,
 * publishes and withdraws them (the server's lifecycle decides which actions each item offers; its
 * field errors show next to the fields).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { NEWS_KINDS, newsCreateBody } from '../../../../domain/contracts/plan-news.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useT } from '../../i18n/index.tsx';
import { type NewsBody, type NewsItem, planApi } from './api.ts';

const STATUS_COLORS = { draft: 'default', published: 'green', withdrawn: 'orange' } as const;

export default function NewsPage() {
  const t = useT();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [kind, setKind] = useState<NewsItem['kind'] | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<NewsItem | 'new' | null>(null);
  const query = { page, pageSize: 20, ...(kind ? { kind } : {}) };
  const list = useQuery({
    queryKey: keys.plan.news(query),
    queryFn: ({ signal }) => planApi.news(query, signal),
  });
  const transition = useMutation({
    mutationFn: (v: { item: NewsItem; action: 'publish' | 'withdraw' }) =>
      planApi.transitionNews(v.item.id, v.action, v.item.version),
    onSuccess: () => {
      message.success(t('plan.news.saved'));
      void qc.invalidateQueries({ queryKey: keys.plan.all });
    },
    onError: (e) => showError(e),
  });
  const columns: TableColumnsType<NewsItem> = [
    { title: t('plan.news.titleField'), dataIndex: 'title', key: 'title' },
    { title: t('plan.news.kind'), key: 'kind', render: (_, r) => t(`plan.news.kind.${r.kind}`) },
    {
      title: t('plan.news.status'),
      key: 'status',
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`plan.news.status.${r.status}`)}</Tag>,
    },
    {
      title: t('plan.news.publishedAt'),
      key: 'publishedAt',
      render: (_, r) => (r.publishedAt ? dayjs(r.publishedAt).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('plan.news.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing(r)}>
            {t('plan.news.edit')}
          </Button>
          {r.permittedActions.includes('publish') && (
            <Button
              size="small"
              type="primary"
              onClick={() => transition.mutate({ item: r, action: 'publish' })}
            >
              {t('plan.news.action.publish')}
            </Button>
          )}
          {r.permittedActions.includes('withdraw') && (
            <Popconfirm
              title={t('plan.news.withdrawConfirm')}
              onConfirm={() => transition.mutate({ item: r, action: 'withdraw' })}
            >
              <Button size="small" danger>
                {t('plan.news.action.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('plan.news.title')}</h1>}
      extra={
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('plan.news.add')}
        </Button>
      }
    >
      <p style={{ marginTop: 0 }}>{t('plan.news.intro')}</p>
      <Select
        aria-label={t('plan.news.kind')}
        allowClear
        placeholder={t('plan.news.allKinds')}
        style={{ width: 180, marginBottom: 12 }}
        value={kind}
        onChange={(v) => {
          setKind(v);
          setPage(1);
        }}
        options={NEWS_KINDS.map((k) => ({ value: k, label: t(`plan.news.kind.${k}`) }))}
      />
      <Table<NewsItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
      {editing && <NewsForm item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function NewsForm({ item, onClose }: { item: NewsItem | null; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const showError = useShowError();
  const rules = useRulesFrom(newsCreateBody);
  const [form] = Form.useForm<NewsBody>();
  const save = useMutation({
    mutationFn: (v: NewsBody) =>
      item ? planApi.updateNews(item.id, { ...v, version: item.version }) : planApi.createNews(v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.plan.all });
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open
      title={item ? t('plan.news.edit') : t('plan.news.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          item
            ? { kind: item.kind, title: item.title, body: item.body, source: item.source ?? undefined }
            : { kind: 'notice' }
        }
        onFinish={(v) => save.mutate({ ...v, source: v.source || null })}
      >
        <Form.Item name="kind" label={t('plan.news.kind')} rules={rules('kind', t('plan.news.kind'))}>
          <Select options={NEWS_KINDS.map((k) => ({ value: k, label: t(`plan.news.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('plan.news.titleField')}
          rules={rules('title', t('plan.news.titleField'))}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="source" label={t('plan.news.source')} rules={rules('source', t('plan.news.source'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('plan.news.body')} rules={rules('body', t('plan.news.body'))}>
          <Input.TextArea rows={10} maxLength={20_000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
