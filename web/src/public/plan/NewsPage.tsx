/** /news and /news/:id — the district's published notices, policy documents and guidance (plain text). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NEWS_KINDS } from '../../../../domain/contracts/plan-news.ts';
import { type PublicNewsItem, planApi } from '../../admin/plan/api.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';

const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

export function NewsListPage() {
  const t = useT();
  const [kind, setKind] = useState<PublicNewsItem['kind'] | undefined>();
  const [page, setPage] = useState(1);
  const query = { page, pageSize: 20, ...(kind ? { kind } : {}) };
  const q = useQuery({
    queryKey: keys.plan.publicNews(query),
    queryFn: ({ signal }) => planApi.publicNews(query, signal),
  });
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('plan.news.portalTitle')}</h1>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('plan.news.portalIntro')}</Typography.Text>
        <Select
          aria-label={t('plan.news.kind')}
          allowClear
          placeholder={t('plan.news.allKinds')}
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={NEWS_KINDS.map((k) => ({ value: k, label: t(`plan.news.kind.${k}`) }))}
        />
        <List
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t('plan.news.empty') }}
          pagination={
            (q.data?.total ?? 0) > 20
              ? { current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }
              : false
          }
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/news/${n.id}`}>{n.title}</Link>}
                description={
                  <Space size={8} wrap>
                    <Tag>{t(`plan.news.kind.${n.kind}`)}</Tag>
                    <span>{day(n.publishedAt)}</span>
                    {n.source && <span>{n.source}</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}

export function NewsItemPage() {
  const t = useT();
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: keys.plan.publicNewsItem(id),
    queryFn: ({ signal }) => planApi.publicNewsItem(id, signal),
    retry: false,
  });
  const n = q.data;
  return (
    <Card loading={q.isLoading}>
      {q.isError && <Alert type="warning" showIcon title={t('plan.news.empty')} />}
      {n && (
        <article>
          <h1 style={{ fontSize: 20, marginTop: 0 }}>{n.title}</h1>
          <Space size={8} wrap style={{ marginBottom: 16 }}>
            <Tag>{t(`plan.news.kind.${n.kind}`)}</Tag>
            <span>{day(n.publishedAt)}</span>
            {n.source && <span>{n.source}</span>}
          </Space>
          {/* Plain text: each line a paragraph; nothing is parsed as HTML. */}
          {n.body.split('\n').map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one text, in order
            <p key={i}>{line}</p>
          ))}
        </article>
      )}
      <Link to="/news">{t('plan.news.back')}</Link>
    </Card>
  );
}
