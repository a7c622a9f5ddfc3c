/** /admin/plan/targets/:id — the rows behind a target's number (paged; personal values masked by the source). */

import { useQuery } from '@tanstack/react-query';
import { Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { drillQuery } from '../../../../domain/contracts/plan.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { type DrillRow, planApi } from './api.ts';
import { measuredText, StatusOf, targetText } from './shared.tsx';

export function DrillPage() {
  const t = useT();
  const [lang] = useLang();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const head = useQuery({
    queryKey: keys.plan.rows(id, { head: true, year }),
    queryFn: ({ signal }) => planApi.rows(id, { page: 1, pageSize: 1, ...(year ? { year } : {}) }, signal),
  });
  const target = head.data?.target;
  const columns: TableColumnsType<DrillRow> = [
    {
      title: t('plan.rowLabel'),
      key: 'label',
      render: (_, r) =>
        r.kind === 'institution' ? <Link to={`/admin/institutions/${r.id}`}>{r.label}</Link> : r.label,
    },
    {
      title: t('plan.rowTown'),
      key: 'town',
      render: (_, r) => (r.townCode ? townName(lang, r.townCode) : '—'),
    },
    {
      title: t('plan.rowCounts'),
      key: 'counts',
      render: (_, r) => (
        <Tag color={r.counts ? 'green' : 'default'}>{r.counts ? t('plan.yes') : t('plan.no')}</Tag>
      ),
    },
    { title: t('plan.rowNote'), key: 'note', render: (_, r) => r.note ?? '' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Link to={year ? `/admin/plan?year=${year}` : '/admin/plan'}>{t('plan.back')}</Link>
      {target && (
        <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{target.titleZh}</h1>}>
          <Space wrap>
            <span>
              {t('plan.targetValue')}: {targetText(target, t)}
            </span>
            <span>
              {t('plan.measured')}: {measuredText(target, t)}
            </span>
            <StatusOf status={target.status} t={t} />
            <Typography.Text type="secondary">{target.citation}</Typography.Text>
          </Space>
        </Card>
      )}
      <PagedTable
        schema={drillQuery}
        queryKey={(q) => keys.plan.rows(id, q)}
        fetchPage={(q, signal) => planApi.rows(id, { ...q, ...(year ? { year } : {}) }, signal)}
        rowKey="id"
        label={t('plan.rows')}
        columns={columns}
      />
    </Space>
  );
}
