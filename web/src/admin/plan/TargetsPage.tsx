/**
 * /admin/plan — the plan's targets for a year: target, measured value, status (met / on track / at
 * risk / missed / no data source yet / measured only), citation and a link to the rows behind it;
 * for the selected target its trend by year and its town breakdown. After the plan period the page
 * says plainly that the last plan year's targets are carried forward, and why.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DISTRICT_POPULATION } from '../../../../domain/divisions.ts';
import { keys } from '../../api/keys.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { shanghaiTime } from '../format.ts';
import { townName } from '../institutions/shared.ts';
import { can, useCurrentMe } from '../session.ts';
import { type PlanTargetRow, planApi } from './api.ts';
import { measuredText, StatusOf, targetText } from './shared.tsx';

const FIRST_YEAR = 2021;

export function TargetsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const dash = useQuery({
    queryKey: keys.plan.targets({ year }),
    queryFn: ({ signal }) => planApi.targets({ year }, signal),
    // Measured again behind this answer (ADR 0033): ask again until the new numbers are there.
    refetchInterval: (q) => (q.state.data?.refreshing ? 5000 : false),
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const rows = dash.data?.targets ?? [];
  const policyRows = dash.data?.policyTargets ?? [];
  const selected =
    [...rows, ...policyRows].find((r) => r.id === selectedId) ?? rows.find((r) => r.measured) ?? null;
  const population = DISTRICT_POPULATION[me?.districtCode ?? ''];
  const trend = useQuery({
    queryKey: keys.plan.trend(selected?.key ?? ''),
    queryFn: ({ signal }) => planApi.trend(selected!.key, signal),
    enabled: !!selected,
  });
  const v = dash.data?.version;

  const columns: TableColumnsType<PlanTargetRow> = [
    {
      title: t('plan.target'),
      key: 'title',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.titleZh}</span>
          {r.townCode && <Typography.Text type="secondary">{townName(lang, r.townCode)}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('plan.targetValue'), key: 'value', render: (_, r) => targetText(r, t) },
    { title: t('plan.measured'), key: 'measured', render: (_, r) => measuredText(r, t) },
    { title: t('plan.status'), key: 'status', render: (_, r) => <StatusOf status={r.status} t={t} /> },
    { title: t('plan.period'), key: 'period', render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
    {
      title: t('plan.citation'),
      key: 'citation',
      render: (_, r) => <Typography.Text type="secondary">{r.citation}</Typography.Text>,
    },
    {
      title: t('plan.drill'),
      key: 'drill',
      render: (_, r) =>
        r.measured ? <Link to={`targets/${r.id}?year=${year}`}>{t('plan.drill')}</Link> : null,
    },
  ];

  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= thisYear; y++) years.push(y);
  const byTown = Object.entries(selected?.measured?.byTown ?? {}).map(([code, n]) => ({
    key: code,
    label: townName(lang, code),
    value: selected?.measured?.unit === 'share' ? Math.round(n * 1000) / 10 : n,
  }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('plan.title')}</h1>}
        extra={
          <Space>
            <span>{t('plan.year')}</span>
            <Select
              aria-label={t('plan.year')}
              value={year}
              style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              onChange={(y) => setParams({ year: String(y) })}
            />
            {can(me, 'plan.manage') && (
              <Link to="versions">
                <Button>{t('plan.versions')}</Button>
              </Link>
            )}
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {v && (
            <Typography.Text>
              {t('plan.plan', { title: v.title, doc: v.docNumber, start: v.periodStart, end: v.periodEnd })}
            </Typography.Text>
          )}
          {dash.data && !v && <Alert type="info" title={t('plan.none')} />}
          {dash.data?.refreshing ? (
            <Alert
              type="info"
              showIcon
              data-testid="plan-refreshing"
              title={t('plan.refreshing', { time: shanghaiTime(dash.data.asOf) })}
            />
          ) : (
            dash.data && (
              <Typography.Text type="secondary" data-testid="plan-as-of">
                {t('plan.asOf', { time: shanghaiTime(dash.data.asOf) })}
              </Typography.Text>
            )
          )}
          {dash.data?.carriedForward && v && (
            <Alert
              type="warning"
              showIcon
              title={t('plan.carried', {
                title: v.title,
                doc: v.docNumber,
                end: v.periodEnd,
                from: String(dash.data.carriedFromYear ?? ''),
              })}
            />
          )}
          <Table<PlanTargetRow>
            rowKey="id"
            size="small"
            loading={dash.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            onRow={(r) => ({ onClick: () => setSelectedId(r.id) })}
            rowClassName={(r) => (r.id === selected?.id ? 'ant-table-row-selected' : '')}
            scroll={{ x: 900 }}
          />
        </Space>
      </Card>
      {policyRows.length > 0 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('plan.policyTitle')}</h2>}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('plan.policyIntro')}</Typography.Text>
            {policyRows
              .filter((r) => r.carriedFromYear !== null)
              .map((r) => (
                <Alert
                  key={r.id}
                  type="warning"
                  showIcon
                  title={t('plan.policyCarried', {
                    title: r.titleZh,
                    from: String(r.carriedFromYear),
                    year: String(year),
                  })}
                />
              ))}
            {population && policyRows.some((r) => r.key === 'places_per_thousand') && (
              <Typography.Text type="secondary">
                {t('plan.population', {
                  value: population.value.toLocaleString(lang === 'en' ? 'en' : 'zh-CN'),
                  year: String(population.year),
                  source: population.source,
                })}
              </Typography.Text>
            )}
            <Table<PlanTargetRow>
              rowKey="id"
              size="small"
              loading={dash.isLoading}
              columns={columns}
              dataSource={policyRows}
              pagination={false}
              onRow={(r) => ({ onClick: () => setSelectedId(r.id) })}
              rowClassName={(r) => (r.id === selected?.id ? 'ant-table-row-selected' : '')}
              scroll={{ x: 900 }}
            />
          </Space>
        </Card>
      )}
      {selected && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <ChartCard
              kind="bar"
              title={t('plan.trend', { title: selected.titleZh })}
              titleText={t('plan.trend', { title: selected.titleZh })}
              valueLabel={t('plan.value')}
              data={(trend.data?.points ?? [])
                .filter((p) => p.scaled !== null)
                .map((p) => ({
                  key: String(p.year),
                  label: String(p.year),
                  value: Math.round(p.scaled! * 10) / 10,
                }))}
            />
          </Col>
          <Col xs={24} md={12}>
            <ChartCard
              kind="bar"
              title={t('plan.byTown', { title: selected.titleZh })}
              titleText={t('plan.byTown', { title: selected.titleZh })}
              valueLabel={t('plan.value')}
              data={byTown}
            />
          </Col>
        </Row>
      )}
    </Space>
  );
}
