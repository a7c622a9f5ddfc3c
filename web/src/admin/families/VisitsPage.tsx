/**
 * /admin/families/visits — home visits: this year's coverage per town (resident families with a consent in
 * force), the overdue list, the visit list (mine / overdue / status / town) and the visit record form,
 * laid out for a phone (the health worker records at the family's door).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { recordVisitBody, VISIT_STATUSES, visitListQuery } from '../../../../domain/contracts/families.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { familiesApi, type Visit } from './api.ts';
import { pct, useTowns } from './labels.ts';
import { VisitStatus } from './VisitStatus.tsx';
import { WorkersCard } from './WorkersCard.tsx';

export default function VisitsPage() {
  const t = useT();
  const me = useCurrentMe();
  const { townName, townOptions } = useTowns();
  const [recording, setRecording] = useState<Visit | null>(null);
  const mayRecord = can(me, 'families.visit');
  const communities = useQuery({
    queryKey: keys.families.communities,
    queryFn: ({ signal }) => familiesApi.communities(signal),
    staleTime: 300_000,
  });
  const communityName = new Map((communities.data?.items ?? []).map((c) => [c.code, c.name]));
  const columns: TableColumnsType<Visit> = [
    { title: t('families.scheduledFor'), dataIndex: 'scheduledFor', key: 'scheduledFor' },
    { title: t('families.status'), key: 'status', render: (_, v) => <VisitStatus visit={v} /> },
    // The action next to the date: on a phone it is on screen without scrolling the table sideways.
    {
      title: t('families.actions'),
      key: 'actions',
      render: (_, v) =>
        mayRecord && v.status === 'scheduled' ? (
          <Button size="small" type="primary" onClick={() => setRecording(v)}>
            {t('families.record')}
          </Button>
        ) : null,
    },
    { title: t('families.town'), key: 'town', render: (_, v) => townName(v.townCode) },
    {
      title: t('families.community'),
      key: 'community',
      render: (_, v) => communityName.get(v.communityCode) ?? v.communityCode,
    },
    { title: t('families.visitedOn'), key: 'visitedOn', render: (_, v) => v.visitedOn ?? '—' },
    {
      title: t('families.worker'),
      key: 'worker',
      render: (_, v) => v.workerName ?? t('families.unassigned'),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <CoverageCard />
      {can(me, 'families.assign_workers') && <WorkersCard />}
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('families.visitsTitle')}</h1>}>
        <PagedTable
          schema={visitListQuery}
          queryKey={keys.families.visits}
          fetchPage={(q, signal) => familiesApi.visits(q, signal)}
          rowKey="id"
          label={t('families.visitsTitle')}
          columns={columns}
          toolbar={({ query, setFilter }) => (
            <Space wrap>
              <Select
                allowClear
                aria-label={t('families.status')}
                placeholder={t('families.status')}
                style={{ width: 130 }}
                value={query.status}
                onChange={(v) => setFilter('status', v)}
                options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`families.visitStatus.${s}`) }))}
              />
              <Select
                allowClear
                aria-label={t('families.town')}
                placeholder={t('families.town')}
                style={{ width: 150 }}
                value={query.town}
                onChange={(v) => setFilter('town', v)}
                options={townOptions}
              />
              <Checkbox
                checked={query.overdue === 'true'}
                onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : undefined)}
              >
                {t('families.onlyOverdue')}
              </Checkbox>
              {me.role === 'health_worker' && (
                <Checkbox
                  checked={query.mine === 'true'}
                  onChange={(e) => setFilter('mine', e.target.checked ? 'true' : undefined)}
                >
                  {t('families.onlyMine')}
                </Checkbox>
              )}
            </Space>
          )}
        />
      </Card>
      <Drawer
        open={recording !== null}
        onClose={() => setRecording(null)}
        title={t('families.recordTitle')}
        width="min(100vw, 420px)"
        destroyOnHidden
      >
        {recording && <RecordForm visit={recording} onDone={() => setRecording(null)} />}
      </Drawer>
    </Space>
  );
}

function CoverageCard() {
  const t = useT();
  const [lang] = useLang();
  const { townName } = useTowns();
  const q = useQuery({
    queryKey: keys.families.coverage,
    queryFn: ({ signal }) => familiesApi.coverage(signal),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('families.loadFailed'))} />;
  if (!q.data) return <Card loading />;
  const c = q.data;
  const overdue = c.towns.reduce((s, r) => s + r.overdue, 0);
  return (
    <>
      <Card title={`${t('families.coverageTitle')}（${c.year}）`}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('families.share')} value={pct(c.share)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('families.visited')} value={c.visited} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('families.eligible')} value={c.eligible} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('families.overdueCount')} value={overdue} />
          </Col>
        </Row>
      </Card>
      {c.towns.length > 1 && (
        <ChartCard
          title={t('families.coverageByTown')}
          titleText={t('families.coverageByTown')}
          kind="bar"
          valueLabel="%"
          data={c.towns.map((r) => ({
            key: r.townCode,
            label: townName(r.townCode),
            value: r.eligible === 0 ? 0 : Math.round((r.visited / r.eligible) * 1000) / 10,
          }))}
        />
      )}
      <Card title={t('families.overdueTitle')}>
        <Table
          size="small"
          rowKey="townCode"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...c.towns].sort((a, b) => b.overdue - a.overdue)}
          columns={[
            { title: t('families.town'), render: (_, r) => townName(r.townCode) },
            { title: t('families.eligible'), dataIndex: 'eligible' },
            { title: t('families.visited'), dataIndex: 'visited' },
            {
              title: t('families.share'),
              render: (_, r) => pct(r.eligible === 0 ? null : r.visited / r.eligible),
            },
            { title: t('families.overdueCount'), dataIndex: 'overdue' },
          ]}
        />
      </Card>
      {c.workers.length > 0 && (
        <Card title={t('families.byWorkerTitle')}>
          <Table
            size="small"
            rowKey="workerId"
            pagination={false}
            scroll={{ x: 'max-content' }}
            aria-label={t('families.byWorkerTitle')}
            dataSource={[...c.workers].sort((a, b) => b.overdue - a.overdue || b.visited - a.visited)}
            columns={[
              { title: t('families.worker'), render: (_, w) => w.workerName ?? '—' },
              { title: t('families.visited'), dataIndex: 'visited' },
              { title: t('families.scheduledCount'), dataIndex: 'scheduled' },
              { title: t('families.overdueCount'), dataIndex: 'overdue' },
            ]}
          />
        </Card>
      )}
    </>
  );
}

interface RecordValues {
  visitedOn: Dayjs;
  feeding: string;
  growth: string;
  safety: string;
  diseasePrevention: string;
  handbookGiven: boolean;
}

function RecordForm({ visit, onDone }: { visit: Visit; onDone: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const rules = useRulesFrom(recordVisitBody);
  const save = useMutation({
    mutationFn: (v: RecordValues) =>
      familiesApi.recordVisit(visit.id, {
        ...v,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        version: visit.version,
      }),
    onSuccess: () => {
      message.success(t('families.saved'));
      void qc.invalidateQueries({ queryKey: keys.families.all });
      onDone();
    },
  });
  const text = (name: keyof RecordValues & string) => (
    <Form.Item name={name} label={t(`families.${name}`)} rules={rules(name, t(`families.${name}`))}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
    </Form.Item>
  );
  return (
    <Form<RecordValues>
      layout="vertical"
      initialValues={{ visitedOn: dayjs(), handbookGiven: false }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="visitedOn" label={t('families.visitedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {text('feeding')}
      {text('growth')}
      {text('safety')}
      {text('diseasePrevention')}
      <Form.Item name="handbookGiven" label={t('families.handbookGiven')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={problemText(save.error, lang, t('families.loadFailed'))}
        />
      )}
      <Button type="primary" htmlType="submit" block size="large" loading={save.isPending}>
        {t('families.submit')}
      </Button>
    </Form>
  );
}
