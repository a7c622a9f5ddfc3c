/**
 * /admin/plan/report — the plan's annual report, print-ready (the browser's print gives the PDF): the
 * plan and the year, the carried-forward statement after the plan period, every target with its
 * value, status and citation, and the town breakdown of the targets measured per town; the same
 * targets as XLSX from the server (audited). A town officer's report covers its town.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { apiUrl } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import { useTowns } from '../families/labels.ts';
import { type PlanTargetRow, planApi } from './api.ts';
import { measuredText, StatusOf, targetText } from './shared.tsx';

const pct = (v: number) => `${(Math.round(v * 1000) / 10).toFixed(1)}%`;

export default function ReportPage() {
  const t = useT();
  const { townName } = useTowns();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const dash = useQuery({
    queryKey: keys.plan.targets({ year }),
    queryFn: ({ signal }) => planApi.targets({ year }, signal),
  });
  const d = dash.data;
  const v = d?.version;
  const years: number[] = [];
  for (let y = 2021; y <= thisYear; y++) years.push(y);
  const byTown = (d?.targets ?? []).filter(
    (r) => r.measured?.byTown && Object.keys(r.measured.byTown).length > 0,
  );
  const towns = [...new Set(byTown.flatMap((r) => Object.keys(r.measured!.byTown!)))].sort();
  const columns: TableColumnsType<PlanTargetRow> = [
    { title: t('plan.target'), dataIndex: 'titleZh', key: 'title' },
    { title: t('plan.targetValue'), key: 'value', render: (_, r) => targetText(r, t) },
    { title: t('plan.measured'), key: 'measured', render: (_, r) => measuredText(r, t) },
    { title: t('plan.status'), key: 'status', render: (_, r) => <StatusOf status={r.status} t={t} /> },
    { title: t('plan.report.citation'), dataIndex: 'citation', key: 'citation' },
  ];
  return (
    <div className="plan-report">
      <Space className="no-print" wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('plan.year')}
          value={year}
          style={{ width: 100 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          onChange={setYear}
        />
        <Button type="primary" onClick={() => window.print()}>
          {t('plan.report.print')}
        </Button>
        <Button href={apiUrl('/plan/report/export', { year })} download>
          {t('plan.report.xlsx')}
        </Button>
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('plan.report.title', { year })}
      </Typography.Title>
      {v && (
        <Typography.Paragraph>
          {t('plan.plan', { title: v.title, doc: v.docNumber, start: v.periodStart, end: v.periodEnd })}
          {d && ` · ${t('plan.report.asOf', { date: d.asOf.slice(0, 10) })}`}
        </Typography.Paragraph>
      )}
      {d && !v && <Alert type="info" title={t('plan.none')} />}
      {d?.carriedForward && v && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plan.carried', {
            title: v.title,
            doc: v.docNumber,
            end: v.periodEnd,
            from: String(d.carriedFromYear ?? ''),
          })}
        />
      )}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('plan.report.targets')}
      </Typography.Title>
      <Table<PlanTargetRow>
        rowKey="id"
        size="small"
        loading={dash.isLoading}
        columns={columns}
        dataSource={d?.targets ?? []}
        pagination={false}
      />
      {byTown.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            {t('plan.report.towns')}
          </Typography.Title>
          <Table<{ town: string }>
            rowKey="town"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={towns.map((town) => ({ town }))}
            columns={[
              {
                title: t('plan.report.town'),
                key: 'town',
                fixed: 'left',
                render: (_, r) => townName(r.town),
              },
              ...byTown.map((target) => ({
                title: target.titleZh,
                key: target.id,
                render: (_: unknown, r: { town: string }) => {
                  const x = target.measured!.byTown![r.town];
                  if (x === undefined) return '—';
                  return target.measured!.unit === 'share' ? pct(x) : String(x);
                },
              })),
            ]}
          />
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('plan.report.note')}
      </Typography.Paragraph>
    </div>
  );
}
