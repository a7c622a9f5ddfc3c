/**
 * /admin/operating/payments — the district's payment list of a month: approved claims with totals per
 * town, exported to XLSX through the kit exporter (audited on the server).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { problemText } from '../../api/errors.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { type OperatingClaim, type OperatingPaymentList, operatingApi, operatingKey } from './api.ts';

type Town = OperatingPaymentList['towns'][number];
const yuan = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));

export default function PaymentsPage() {
  const t = useT();
  const [lang] = useLang();
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const list = useQuery({
    queryKey: [...operatingKey, 'payments', month],
    queryFn: ({ signal }) => operatingApi.payments(month, signal),
  });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('operating.payments.title')}</h1>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('operating.claims.month')}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        <Button href={operatingApi.paymentsExportUrl(month)}>{t('operating.payments.export')}</Button>
      </Space>
      {list.isError ? (
        <Alert type="error" showIcon message={problemText(list.error, lang, t('operating.loadFailed'))} />
      ) : (
        <>
          <p>
            {t('operating.payments.summary', {
              n: list.data?.claims.length ?? 0,
              months: list.data?.countedChildMonths ?? 0,
              amount: yuan(list.data?.totalFen ?? 0),
            })}
          </p>
          <Table<Town>
            rowKey="townCode"
            size="small"
            loading={list.isLoading}
            pagination={false}
            style={{ marginBottom: 16 }}
            dataSource={list.data?.towns ?? []}
            locale={{ emptyText: t('operating.payments.empty') }}
            columns={[
              { title: t('operating.payments.town'), dataIndex: 'townName' },
              { title: t('operating.payments.claims'), dataIndex: 'claims', align: 'right' },
              { title: t('operating.claims.childMonths'), dataIndex: 'countedChildMonths', align: 'right' },
              {
                title: t('operating.claims.total'),
                dataIndex: 'totalFen',
                align: 'right',
                render: (v: number) => yuan(v),
              },
            ]}
          />
          <Table<OperatingClaim>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.claims ?? []}
            locale={{ emptyText: t('operating.payments.empty') }}
            columns={[
              { title: t('operating.claims.institution'), dataIndex: 'institutionName' },
              { title: t('operating.claims.childMonths'), dataIndex: 'countedChildMonths', align: 'right' },
              { title: t('operating.claims.rate'), dataIndex: 'rateFen', align: 'right', render: yuan },
              { title: t('operating.claims.total'), dataIndex: 'totalFen', align: 'right', render: yuan },
              { title: t('operating.claims.decidedBy'), dataIndex: 'decidedBy' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
