/**
 * /admin/plan/funding — 经费测算: for a fiscal year, each kindergarten with toddler classes, its per-pupil
 * rate (editable by the district officer), pupils counted after the 20-pupil floor, the allotment
 * (rate × 1.5 × pupils counted, in yuan from integer fen), the 两教一保 quota against the staff
 * assigned, the training-subsidy count and the tax-relief flag; town totals (table and bar chart);
 * the kindergartens missing a rate; the XLSX download. After the plan period an Alert says the plan
 * period's values are carried forward; with a district funding version in force for the year, the page
 * names it (number, date, citation) instead. The versions card (FundingVersionsCard) is below the header.
 */

import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiUrl, importApi } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { type MessageKey, useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { can, useCurrentMe } from '../session.ts';
import { type FundingBudget, type FundingRow, type FundingTown, planApi } from './api.ts';
import { FundingVersionsCard } from './FundingVersionsCard.tsx';
import { fenOfYuan, yuan } from './money.ts';

const FIRST_YEAR = 2021;

function RateCell({ row, year, editable }: { row: FundingRow; year: number; editable: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [value, setValue] = useState<number | null>(row.rate ? row.rate.perPupilRateFen / 100 : null);
  const save = useMutation({
    mutationFn: (fen: number) =>
      planApi.putRate(row.institutionId, year, { perPupilRateFen: fen, version: row.rate?.version ?? null }),
    onSuccess: () => {
      message.success(t('plan.f.saved'));
      void qc.invalidateQueries({ queryKey: keys.plan.funding(year) });
    },
    onError: (err) => message.error(problemText(err, lang, t('common.unknownError'))),
  });
  if (!editable)
    return row.rate ? (
      <span>{yuan(row.rate.perPupilRateFen)}</span>
    ) : (
      <Tag color="orange">{t('plan.f.missing')}</Tag>
    );
  const fen = fenOfYuan(value);
  return (
    <Space size={4}>
      <InputNumber<number>
        aria-label={t('plan.f.rateOf', { name: row.name })}
        size="small"
        min={0}
        precision={2}
        prefix="¥"
        style={{ width: 130 }}
        value={value}
        placeholder={t('plan.f.missing')}
        onChange={(v) => setValue(v)}
      />
      <Button
        size="small"
        loading={save.isPending}
        disabled={fen === null || fen === row.rate?.perPupilRateFen}
        onClick={() => fen !== null && save.mutate(fen)}
      >
        {t('plan.f.save')}
      </Button>
    </Space>
  );
}

const ratesImport = importApi('/plan/funding/rates/imports');
export default function FundingPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const q = useQuery({
    queryKey: keys.plan.funding(year),
    queryFn: ({ signal }) => planApi.funding(year, signal),
  });
  const manage = can(me, 'plan.funding_manage');
  const setScope = useMutation({
    mutationFn: (floorScope: FundingBudget['floorScope']) =>
      planApi.putFundingSettings({ floorScope, version: q.data?.settings.version ?? null }),
    onSuccess: () => {
      message.success(t('plan.f.saved'));
      void qc.invalidateQueries({ queryKey: ['plan', 'funding'] });
    },
    onError: (err) => message.error(problemText(err, lang, t('common.unknownError'))),
  });
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= thisYear + 1; y++) years.push(y);
  const b = q.data;
  const l = lang === 'zh-CN' ? 'zh' : 'en';

  const rowColumns: TableColumnsType<FundingRow> = [
    {
      title: t('plan.f.kindergarten'),
      key: 'name',
      fixed: 'left',
      width: 200,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.name}</span>
          <Typography.Text type="secondary">{townName(lang, r.townCode)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('plan.f.classes'), dataIndex: 'toddlerClasses', key: 'classes', align: 'right' },
    {
      title: t('plan.f.pupils'),
      key: 'pupils',
      align: 'right',
      render: (_, r) => (
        <Space size={4}>
          <span>
            {r.actualPupils} → {r.countedPupils}
          </span>
          {r.floorApplied && <Tag color="blue">{t('plan.f.floorTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('plan.f.rate'),
      key: 'rate',
      width: 220,
      render: (_, r) => (
        <RateCell
          key={`${r.institutionId}-${year}-${r.rate?.version ?? 0}`}
          row={r}
          year={year}
          editable={manage}
        />
      ),
    },
    {
      title: t('plan.f.toddlerRate'),
      key: 'toddlerRate',
      align: 'right',
      render: (_, r) => yuan(r.toddlerRateFen),
    },
    {
      title: t('plan.f.allotment'),
      key: 'allotment',
      align: 'right',
      render: (_, r) =>
        r.allotmentFen === null ? <Tag color="orange">{t('plan.f.missing')}</Tag> : yuan(r.allotmentFen),
    },
    {
      title: t('plan.f.staffing'),
      key: 'staffing',
      render: (_, r) => {
        const quota = r.quotaTeachers + r.quotaCaregivers;
        const actual = r.actualTeachers + r.actualCaregivers;
        return (
          <Space size={4}>
            <span>
              {t('plan.f.staffingText', {
                at: r.actualTeachers,
                qt: r.quotaTeachers,
                ac: r.actualCaregivers,
                qc: r.quotaCaregivers,
              })}
            </span>
            <Tag color={actual >= quota ? 'green' : 'red'}>
              {actual}/{quota}
            </Tag>
          </Space>
        );
      },
    },
    { title: t('plan.f.training'), dataIndex: 'trainingEligible', key: 'training', align: 'right' },
    {
      title: t('plan.f.trainingFen'),
      key: 'trainingFen',
      align: 'right',
      render: (_, r) => (r.trainingSubsidyFen === null ? '—' : yuan(r.trainingSubsidyFen)),
    },
    {
      title: t('plan.f.tax'),
      key: 'tax',
      render: (_, r) => <Tag>{t(`plan.f.tax.${r.taxRelief}` as MessageKey)}</Tag>,
    },
  ];

  const townColumns: TableColumnsType<FundingTown> = [
    { title: t('plan.f.town'), key: 'town', render: (_, x) => townName(lang, x.townCode) },
    { title: t('plan.f.kgCount'), dataIndex: 'kindergartens', key: 'kg', align: 'right' },
    { title: t('plan.f.missingCount'), dataIndex: 'missingRate', key: 'missing', align: 'right' },
    { title: t('plan.f.classes'), dataIndex: 'toddlerClasses', key: 'classes', align: 'right' },
    { title: t('plan.f.counted'), dataIndex: 'countedPupils', key: 'counted', align: 'right' },
    {
      title: t('plan.f.allotment'),
      key: 'allotment',
      align: 'right',
      // A town whose kindergartens all lack a rate has no amount (not ¥0).
      render: (_, x) => (x.withRate === 0 ? '—' : yuan(x.allotmentFen)),
    },
    {
      title: t('plan.f.quota'),
      key: 'quota',
      align: 'right',
      render: (_, x) => `${x.actualTotal}/${x.quotaTotal}`,
    },
    { title: t('plan.f.training'), dataIndex: 'trainingEligible', key: 'training', align: 'right' },
    {
      title: t('plan.f.trainingFen'),
      key: 'trainingFen',
      align: 'right',
      render: (_, x) =>
        b?.rows.some((r) => r.trainingSubsidyFen !== null) ? yuan(x.trainingSubsidyFen) : '—',
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('plan.f.title')}</h1>}
        extra={
          <Space>
            <span>{t('plan.f.year')}</span>
            <Select
              aria-label={t('plan.f.year')}
              value={year}
              style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              onChange={(y) => setParams({ year: String(y) })}
            />
            <Button
              icon={<DownloadOutlined />}
              href={apiUrl('/plan/funding/export', { year, format: 'xlsx' })}
              download
            >
              {t('plan.f.xlsx')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {q.isError && (
            <Alert type="error" showIcon title={problemText(q.error, lang, t('common.unknownError'))} />
          )}
          {b?.districtVersion && (
            <Alert
              type="info"
              showIcon
              data-testid="funding-source"
              title={t('plan.f.sourceVersion', {
                n: b.districtVersion.versionNo,
                from: b.districtVersion.effectiveFrom,
              })}
              description={t('plan.f.sourceCitation', {
                issuer: b.districtVersion.citation.issuer,
                doc: b.districtVersion.citation.docNumber,
                title: b.districtVersion.citation.title,
                date: b.districtVersion.citation.date,
              })}
            />
          )}
          {b && !b.districtVersion && (
            <Alert
              type={b.carriedForward ? 'warning' : 'info'}
              showIcon
              data-testid="funding-source"
              title={
                b.carriedForward
                  ? t('plan.f.carried')
                  : t('plan.f.sourcePack', {
                      doc: b.policy.source.docNumber,
                      article: b.policy.source.article,
                    })
              }
              description={b.carriedForward && b.statement ? b.statement[l] : undefined}
            />
          )}
          {b && (
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {t('plan.f.formula', {
                m:
                  Math.round((b.policy.multiplier.numerator / b.policy.multiplier.denominator) * 10000) /
                  10000,
                floor: b.policy.pupilFloor,
                te: b.policy.teachersPerClass,
                ca: b.policy.caregiversPerClass,
                doc: b.districtVersion ? b.districtVersion.citation.docNumber : b.policy.source.docNumber,
                article: b.districtVersion ? '' : b.policy.source.article,
              })}
            </Typography.Paragraph>
          )}
          {b && (
            <Space wrap>
              <span>{t('plan.f.floorScope', { floor: b.policy.pupilFloor })}</span>
              {manage ? (
                <Radio.Group
                  aria-label={t('plan.f.floorScope', { floor: b.policy.pupilFloor })}
                  value={b.floorScope}
                  disabled={setScope.isPending}
                  onChange={(e) => setScope.mutate(e.target.value)}
                  options={[
                    {
                      value: 'kindergarten',
                      label: t('plan.f.scope.kindergarten', { floor: b.policy.pupilFloor }),
                    },
                    { value: 'class', label: t('plan.f.scope.class', { floor: b.policy.pupilFloor }) },
                  ]}
                />
              ) : (
                <Tag>{t(`plan.f.scope.${b.floorScope}` as MessageKey, { floor: b.policy.pupilFloor })}</Tag>
              )}
              <Typography.Text type="secondary">{t('plan.f.scopeNote')}</Typography.Text>
            </Space>
          )}
        </Space>
      </Card>
      <FundingVersionsCard manage={manage} />
      {b && (
        <Card title={t('plan.f.towns')}>
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <Typography.Text strong>
              {t('plan.f.total', {
                amount: yuan(b.total.allotmentFen),
                kg: b.total.kindergartens,
                missing: b.total.missingRate,
              })}
            </Typography.Text>
            <Table<FundingTown>
              rowKey="townCode"
              size="small"
              pagination={false}
              columns={townColumns}
              dataSource={b.towns}
              scroll={{ x: 800 }}
            />
            <ChartCard
              kind="bar"
              title={t('plan.f.chart')}
              titleText={t('plan.f.chart')}
              valueLabel={t('plan.f.chartValue')}
              data={b.towns.map((x) => ({
                key: x.townCode,
                label: townName(lang, x.townCode),
                value: Math.round(x.allotmentFen / 100),
              }))}
            />
          </Space>
        </Card>
      )}
      {b && b.missingRates.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('plan.f.missingTitle', { n: b.missingRates.length })}
          description={b.missingRates.map((m) => `${m.name}（${townName(lang, m.townCode)}）`).join('、')}
        />
      )}
      <Card title={t('plan.f.rows')}>
        <Table<FundingRow>
          rowKey="institutionId"
          size="small"
          loading={q.isLoading}
          columns={rowColumns}
          dataSource={b?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1500 }}
        />
        {b && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {b.training.note[l]} {t('plan.f.taxNote')}
          </Typography.Paragraph>
        )}
      </Card>
      {manage && (
        <ImportPanel
          api={ratesImport}
          title={t('plan.f.importTitle')}
          intro={t('plan.f.importIntro')}
          committedText={(run) => t('plan.f.imported', { n: run.insertedRows })}
          invalidates={[keys.plan.all]}
        />
      )}
    </Space>
  );
}
