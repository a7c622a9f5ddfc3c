/**
 * /admin/institutions/review — filings waiting for the district, oldest first, with the working days
 * waited; more than the deadline (5 working days, 国卫办人口发〔2019〕25号) is flagged red.
 */

import { WarningFilled } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type ReviewQueueItem } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { ActionsBar } from './ActionsBar.tsx';
import { dateTime, kindLabel, townName, usePolicy } from './shared.ts';

export default function ReviewPage() {
  const t = useT();
  const [lang] = useLang();
  const policy = usePolicy();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { page, pageSize };
  const queue = useQuery({
    queryKey: keys.institutions.review(query),
    queryFn: ({ signal }) => api.institutions.reviewQueue(query, signal),
    placeholderData: keepPreviousData,
  });
  const source = policy?.sources['filing.filingWorkingDays'];
  const deadline = queue.data?.items[0]?.deadlineWorkingDays ?? policy?.values.filing.filingWorkingDays ?? 5;

  const columns: TableColumnsType<ReviewQueueItem> = [
    {
      title: t('inst.name'),
      key: 'name',
      render: (_, r) => <Link to={`/admin/institutions/${r.id}`}>{r.name}</Link>,
    },
    { title: t('inst.town'), key: 'town', render: (_, r) => townName(lang, r.townCode) },
    { title: t('inst.kind'), key: 'kind', render: (_, r) => kindLabel(lang, r.kind) },
    { title: t('inst.submittedAt'), key: 'submittedAt', render: (_, r) => dateTime(r.submittedAt) },
    {
      title: t('review.waited'),
      key: 'waited',
      align: 'right',
      render: (_, r) =>
        r.waitedWorkingDays === null ? (
          <Tooltip title={t('review.outsideCalendar')}>
            <Tag icon={<WarningFilled />}>—</Tag>
          </Tooltip>
        ) : r.overdue ? (
          <Tooltip title={t('review.overdueHint', { days: r.deadlineWorkingDays })}>
            <Tag color="red" icon={<WarningFilled />}>
              {t('review.days', { days: r.waitedWorkingDays })}
            </Tag>
          </Tooltip>
        ) : (
          <Tag>{t('review.days', { days: r.waitedWorkingDays })}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <ActionsBar
          id={r.id}
          version={r.version}
          permitted={r.permittedActions}
          size="small"
          editPath={`/admin/institutions/${r.id}/edit`}
        />
      ),
    },
  ];

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('review.title')}</h1>}>
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <Alert
          type="info"
          title={t('review.deadline', {
            days: deadline,
            source: source ? source.docNumber : '国卫办人口发〔2019〕25号',
          })}
        />
        <Table<ReviewQueueItem>
          rowKey="id"
          columns={columns}
          dataSource={queue.data?.items}
          loading={queue.isFetching}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.overdue ? 'review-overdue' : '')}
          locale={
            queue.error
              ? { emptyText: problemText(queue.error, lang, t('common.unknownError')) }
              : { emptyText: t('review.empty') }
          }
          pagination={{
            current: page,
            pageSize,
            total: queue.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      </Space>
    </Card>
  );
}
