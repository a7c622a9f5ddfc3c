/**
 * /admin/exchange/licences — 证照比对 (issue 15, ADR 0035): the market-regulation department's
 * business-licence records against the registry, for district and town officers; a district officer
 * can import the department's export here too.
 */
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Row,
  Segmented,
  Space,
  Statistic,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  LICENCE_FINDINGS,
  LICENCE_STATUS_LABELS,
  type LicenceFinding,
  licenceChecksQuery,
} from '../../../../domain/contracts/business-licences.ts';
import { importApi } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { dateTime, townName } from '../institutions/shared.ts';
import { can, useCurrentMe } from '../session.ts';
import { type LicenceCheckRow, licenceApi } from './api.ts';

type Query = z.infer<typeof licenceChecksQuery>;
const licencesImport = importApi('/exchange/business-licences/imports');
const FINDING_COLOR: Record<LicenceFinding, string> = {
  no_record: 'red',
  not_active: 'red',
  name_differs: 'orange',
  scope_lacks_childcare: 'gold',
};

export default function LicenceChecksPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  // The figures above the list: every finding counted over the caller's scope (one row asked for).
  const summary = useQuery({
    queryKey: keys.exchange.licenceSummary,
    queryFn: ({ signal }) => licenceApi.checks({ page: 1, pageSize: 1 }, signal),
  });
  const s = summary.data;

  const columns: TableColumnsType<LicenceCheckRow> = [
    {
      title: t('exchange.lic.institution'),
      key: 'name',
      render: (_, r) => <Link to={`/admin/institutions/${r.institutionId}`}>{r.name}</Link>,
    },
    { title: t('exchange.lic.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('exchange.lic.town'), key: 'town', width: 120, render: (_, r) => townName(lang, r.townCode) },
    {
      title: t('exchange.lic.findings'),
      key: 'findings',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.findings.map((f) => (
            <Tag key={f} color={FINDING_COLOR[f]}>
              {t(`exchange.lic.finding.${f}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('exchange.lic.licence'),
      key: 'licence',
      render: (_, r) =>
        r.licence ? (
          <>
            {t('exchange.lic.licenceLine', {
              status: pick(
                lang,
                LICENCE_STATUS_LABELS[r.licence.status].zh,
                LICENCE_STATUS_LABELS[r.licence.status].en,
              ),
              since: r.licence.statusOn ? t('exchange.lic.since', { date: r.licence.statusOn }) : '',
            })}
            {r.findings.includes('name_differs') && (
              <div>
                <Typography.Text type="secondary">
                  {t('exchange.lic.registeredName', { name: r.licence.name })}
                </Typography.Text>
              </div>
            )}
          </>
        ) : (
          t('exchange.lic.none')
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('exchange.lic.title')}</h1>}>
        <Typography.Paragraph type="secondary">{t('exchange.lic.intro')}</Typography.Paragraph>
        {s && !s.lastReceivedAt && (
          <Alert
            type="warning"
            showIcon
            title={t('exchange.lic.noneReceived')}
            style={{ marginBottom: 16 }}
          />
        )}
        {s && (
          <Row gutter={[24, 16]}>
            <Col>
              <Statistic title={t('exchange.lic.compared')} value={s.compared} />
            </Col>
            {LICENCE_FINDINGS.map((f) => (
              <Col key={f}>
                <Statistic title={t(`exchange.lic.finding.${f}`)} value={s.counts[f] ?? 0} />
              </Col>
            ))}
            {s.lastReceivedAt && (
              <Col>
                <Typography.Text type="secondary" data-testid="licence-last-received">
                  {t('exchange.lic.lastReceived', { at: dateTime(s.lastReceivedAt) })}
                </Typography.Text>
              </Col>
            )}
          </Row>
        )}
      </Card>
      <Card>
        <PagedTable<LicenceCheckRow, Query>
          schema={licenceChecksQuery}
          queryKey={keys.exchange.licenceChecks}
          fetchPage={(q, signal) => licenceApi.checks(q, signal)}
          rowKey="institutionId"
          label={t('exchange.lic.title')}
          columns={columns}
          emptyText={t('exchange.lic.empty')}
          toolbar={({ query, setFilter }) => (
            <Segmented<LicenceFinding | 'all'>
              style={{ marginBottom: 16 }}
              value={query.finding ?? 'all'}
              onChange={(v) => setFilter('finding', v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('exchange.lic.finding.all') },
                ...LICENCE_FINDINGS.map((f) => ({ value: f, label: t(`exchange.lic.finding.${f}`) })),
              ]}
            />
          )}
        />
      </Card>
      {can(me, 'exchange.licences.import') && (
        <ImportPanel
          api={licencesImport}
          title={t('exchange.lic.importTitle')}
          intro={t('exchange.lic.importIntro')}
          existingLabel={t('exchange.lic.existing')}
          committedText={(run) => t('exchange.lic.committed', { inserted: run.insertedRows })}
          invalidates={[keys.exchange.licences]}
        />
      )}
    </Space>
  );
}
