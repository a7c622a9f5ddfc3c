/** /plan — the portal's disclosure of the action plan: the yearly target table (numbers only, no rows behind them). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { shanghaiTime } from '../../admin/format.ts';
import { type PublicPlan, planApi } from '../../admin/plan/api.ts';
import { measuredText, StatusOf, targetText } from '../../admin/plan/shared.tsx';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';

type Row = PublicPlan['targets'][number];

export default function PlanPage() {
  const t = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({
    queryKey: keys.plan.publicTable(year),
    queryFn: ({ signal }) => planApi.publicTable(year, signal),
  });
  const v = q.data?.version;
  const years: number[] = [];
  for (let y = 2021; y <= thisYear; y++) years.push(y);
  return (
    <Card
      title={t('plan.publicTitle')}
      extra={
        <Select
          aria-label={t('plan.year')}
          value={year}
          style={{ width: 100 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          onChange={setYear}
        />
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {v && (
          <Typography.Text>
            {t('plan.plan', { title: v.title, doc: v.docNumber, start: v.periodStart, end: v.periodEnd })}
          </Typography.Text>
        )}
        {q.data?.carriedForward && v && (
          <Alert
            type="info"
            title={t('plan.carriedPublic', {
              title: v.title,
              doc: v.docNumber,
              end: v.periodEnd,
              from: String(q.data.carriedFromYear ?? ''),
            })}
          />
        )}
        <Typography.Text type="secondary">
          {t('plan.publicNote')}
          {q.data && ` ${t('plan.publicAsOf', { time: shanghaiTime(q.data.asOf) })}`}
        </Typography.Text>
        <Table<Row>
          rowKey={(r) => r.key + r.titleZh}
          size="small"
          pagination={false}
          loading={q.isLoading}
          dataSource={q.data?.targets ?? []}
          scroll={{ x: 640 }}
          columns={[
            { title: t('plan.target'), dataIndex: 'titleZh', key: 'title' },
            { title: t('plan.targetValue'), key: 'value', render: (_, r) => targetText(r, t) },
            { title: t('plan.measured'), key: 'measured', render: (_, r) => measuredText(r, t) },
            {
              title: t('plan.status'),
              key: 'status',
              render: (_, r) => <StatusOf status={r.status} t={t} />,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
