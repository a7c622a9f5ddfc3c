/**
 * /admin/institutions/review — filings waiting for the district, oldest first, with the working days
 * waited; more than the deadline (5 working days, 国卫办人口发〔2019〕25号) is flagged red.
 */

import { WarningFilled } from '@ant-design/icons';
import { Alert, Card, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { reviewQueueQuery } from '../../../../domain/contracts/institution.ts';
import { api, type ReviewQueueItem } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { dateTime, kindLabel, townName, usePolicy } from './shared.ts';

type ReviewQuery = z.infer<typeof reviewQueueQuery>;

export default function ReviewPage() {
  const t = useT();
  const [lang] = useLang();
  const policy = usePolicy();
  // The deadline the server applied (from the first page seen), else the rule pack in force here.
  const [served, setServed] = useState<number | undefined>();
  const source = policy?.sources['filing.filingWorkingDays'];
  const deadline = served ?? policy?.values.filing.filingWorkingDays ?? 5;

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
      // The decision is taken on the detail page, with the materials listed (no one-click approval).
      render: (_, r) => <Link to={`/admin/institutions/${r.id}`}>{t('review.open')}</Link>,
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
        <PagedTable<ReviewQueueItem, ReviewQuery>
          schema={reviewQueueQuery}
          queryKey={keys.institutions.review}
          fetchPage={async (q, signal) => {
            const page = await api.institutions.reviewQueue(q, signal);
            setServed(page.items[0]?.deadlineWorkingDays);
            return page;
          }}
          rowKey="id"
          label={t('review.title')}
          columns={columns}
          rowClassName={(r) => (r.overdue ? 'review-overdue' : '')}
          emptyText={t('review.empty')}
        />
      </Space>
    </Card>
  );
}
