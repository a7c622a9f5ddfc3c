/** /admin/jobs — the district's background jobs for the district officer; failed ones shown first. */

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Progress, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { JOB_STATUSES, type JobStatusName } from '../../../../domain/contracts/jobs.ts';
import { api, type JobSummary } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type MessageKey, pick, useLang, useT } from '../../i18n/index.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';
import { shortId } from '../format.ts';

const COLOR: Record<JobStatusName, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};
/** A job kind's label when the i18n files name it (`jobs.kind.<kind>`), else the kind itself. */
const kindKey = (kind: string): MessageKey | null => {
  const key = `jobs.kind.${kind}`;
  return key in zhCN ? (key as MessageKey) : null;
};
const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

export default function JobsPage() {
  const t = useT();
  const [lang] = useLang();
  const [status, setStatus] = useState<JobStatusName | undefined>('failed');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { page, pageSize, ...(status ? { status } : {}) };
  const jobs = useQuery({
    queryKey: keys.jobs.list(query),
    queryFn: ({ signal }) => api.jobs.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<JobSummary> = [
    { title: 'ID', dataIndex: 'id', key: 'id', render: (v: string) => <span title={v}>{shortId(v)}</span> },
    {
      title: t('jobs.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (v: string) => {
        const key = kindKey(v);
        return key ? <span title={v}>{t(key)}</span> : <code>{v}</code>;
      },
    },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: JobStatusName) => <Tag color={COLOR[s]}>{t(`jobs.status.${s}`)}</Tag>,
    },
    { title: t('jobs.attempts'), key: 'attempts', render: (_, j) => `${j.attempts} / ${j.maxAttempts}` },
    {
      title: t('jobs.progress'),
      key: 'progress',
      render: (_, j) =>
        j.progress && j.progress.total > 0 ? (
          <Progress
            size="small"
            style={{ width: 120 }}
            percent={Math.round((100 * j.progress.done) / j.progress.total)}
            format={() => `${j.progress!.done}/${j.progress!.total}`}
          />
        ) : (
          '—'
        ),
    },
    {
      title: t('jobs.error'),
      key: 'error',
      render: (_, j) =>
        j.error ? (
          <Typography.Text type="danger">
            {j.error.message_zh && j.error.message_en
              ? pick(lang, j.error.message_zh, j.error.message_en)
              : j.error.name}
            {j.error.code ? <code style={{ marginInlineStart: 6 }}>{j.error.code}</code> : null}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('jobs.runAt'), key: 'runAt', render: (_, j) => (j.status === 'queued' ? time(j.runAt) : '—') },
    { title: t('jobs.updatedAt'), key: 'updatedAt', render: (_, j) => time(j.updatedAt) },
  ];

  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('jobs.title')}</h1>}
      extra={
        <Select<JobStatusName | 'all'>
          aria-label={t('jobs.status')}
          style={{ width: 140 }}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('jobs.anyStatus') },
            ...JOB_STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) })),
          ]}
        />
      }
    >
      <Table<JobSummary>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        columns={columns}
        pagination={{
          current: page,
          pageSize,
          total: jobs.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
