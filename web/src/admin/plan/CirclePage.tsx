/**
 * /admin/plan/circle — the 15-minute community childcare circle: coverage figures, a map of the
 * communities coloured by how much of their children is covered (and the inclusive institutions with
 * free places), the gap list, and the site planner (k new sites among the community centres).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { importApi } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { MapView } from '../../components/MapView.tsx';
import { useT } from '../../i18n/index.tsx';
import { useTowns } from '../families/labels.ts';
import { can, useCurrentMe } from '../session.ts';
import { type CircleCommunity, type CircleSitePlan, planApi } from './api.ts';

const communitiesImport = importApi('/plan/communities/imports');
const COLORS = { covered: '#15803d', partly: '#d97706', none: '#b91c1c', institution: '#1d4ed8' };
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
const colorOf = (c: CircleCommunity) =>
  c.covered >= c.children ? COLORS.covered : c.covered > 0 ? COLORS.partly : COLORS.none;

export default function CirclePage() {
  const t = useT();
  const me = useCurrentMe();
  const { townName, townOptions } = useTowns();
  const [town, setTown] = useState<string | undefined>();
  const [minutes, setMinutes] = useState(15);
  const query = { ...(town ? { town } : {}), minutes };
  const circle = useQuery({
    queryKey: keys.plan.circle(query),
    queryFn: ({ signal }) => planApi.circle(query, signal),
  });
  const c = circle.data;
  const freePlaces = c?.institutions.reduce((a, i) => a + i.freePlaces, 0) ?? 0;
  const gaps = [...(c?.communities ?? [])].sort(
    (a, b) => a.covered / (a.children || 1) - b.covered / (b.children || 1) || a.code.localeCompare(b.code),
  );
  const columns: TableColumnsType<CircleCommunity> = [
    { title: t('plan.circle.community'), dataIndex: 'name', key: 'name' },
    { title: t('plan.circle.town'), key: 'town', render: (_, r) => townName(r.townCode) },
    { title: t('plan.circle.children'), dataIndex: 'children', key: 'children', align: 'right' },
    { title: t('plan.circle.coveredCol'), dataIndex: 'covered', key: 'covered', align: 'right' },
    {
      title: t('plan.circle.gap'),
      key: 'gap',
      align: 'right',
      render: (_, r) => <Tag color={colorOf(r)}>{r.children - r.covered}</Tag>,
    },
    {
      title: t('plan.circle.source'),
      key: 'source',
      render: (_, r) => (r.source ? t(`plan.circle.source.${r.source}`) : '—'),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('plan.circle.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('plan.circle.intro', { detour: c?.detour ?? 1.3, speed: c?.speedKmh ?? 4.5 })}{' '}
        {t('plan.circle.today')}
      </Typography.Paragraph>
      {c?.synthetic && <Alert type="warning" showIcon title={t('plan.circle.synthetic')} />}
      <Space wrap>
        <Select
          aria-label={t('plan.circle.town')}
          allowClear
          placeholder={t('plan.circle.allTowns')}
          style={{ width: 180 }}
          options={townOptions}
          value={town}
          onChange={(v) => setTown(v)}
        />
        <Space>
          <label htmlFor="circle-minutes">{t('plan.circle.minutes')}</label>
          <InputNumber
            id="circle-minutes"
            min={5}
            max={60}
            value={minutes}
            onChange={(v) => setMinutes(typeof v === 'number' ? Math.round(v) : 15)}
          />
        </Space>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('plan.circle.share')} value={pct(c?.share)} loading={circle.isLoading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('plan.circle.covered')}
              value={c?.coveredChildren ?? 0}
              loading={circle.isLoading}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('plan.circle.total')}
              value={c?.totalChildren ?? 0}
              loading={circle.isLoading}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('plan.circle.freePlaces')} value={freePlaces} loading={circle.isLoading} />
          </Card>
        </Col>
      </Row>
      {c && c.missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('plan.circle.missing', { names: c.missing.map((m) => m.name).join('、') })}
        />
      )}
      <Card title={t('plan.circle.map')} size="small">
        <MapView
          districtCode={me.districtCode}
          label={t('plan.circle.map')}
          offlineNote={t('plan.circle.mapOffline')}
          highlightTown={town}
          points={[
            ...(c?.communities ?? []).map((r) => ({
              id: `c-${r.code}`,
              lat: r.lat,
              lng: r.lng,
              label: r.name,
              details: [`${t('plan.circle.coveredCol')} ${r.covered} / ${r.children}`, townName(r.townCode)],
              color: colorOf(r),
            })),
            ...(c?.institutions ?? [])
              .filter((i) => i.freePlaces > 0)
              .map((i) => ({
                id: `i-${i.id}`,
                lat: i.lat,
                lng: i.lng,
                label: i.name,
                details: [`${t('plan.circle.freePlaces')} ${i.freePlaces}`],
                color: COLORS.institution,
              })),
          ]}
          legend={
            <Space wrap size={4}>
              <Tag color={COLORS.covered}>{t('plan.circle.legendCovered')}</Tag>
              <Tag color={COLORS.partly}>{t('plan.circle.legendPartly')}</Tag>
              <Tag color={COLORS.none}>{t('plan.circle.legendNone')}</Tag>
              <Tag color={COLORS.institution}>{t('plan.circle.legendInstitution')}</Tag>
            </Space>
          }
        />
      </Card>
      <Card title={t('plan.circle.gaps')} size="small">
        <Table<CircleCommunity>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={gaps}
          // The rows have a numeric `children` field (children under 3): not a tree.
          expandable={{ childrenColumnName: 'subRows' }}
          loading={circle.isLoading}
          pagination={{ pageSize: 10, showSizeChanger: false }}
        />
      </Card>
      <Planner town={town} minutes={minutes} />
      {can(me, 'plan.communities_import') && (
        <ImportPanel
          api={communitiesImport}
          title={t('plan.circle.importTitle')}
          intro={t('plan.circle.importIntro')}
          committedText={(run) => t('plan.circle.imported', { n: run.insertedRows })}
          invalidates={[keys.plan.all]}
        />
      )}
    </Space>
  );
}

function Planner({ town, minutes }: { town: string | undefined; minutes: number }) {
  const t = useT();
  const { townName } = useTowns();
  const showError = useShowError();
  const [form] = Form.useForm<{ k: number; capacity?: number | null }>();
  const run = useMutation({
    mutationFn: (v: { k: number; capacity?: number | null }) =>
      planApi.circleSites({
        k: v.k,
        minutes,
        ...(v.capacity ? { capacity: v.capacity } : {}),
        ...(town ? { town } : {}),
      }),
    onError: (err) => showError(err, form),
  });
  const p: CircleSitePlan | undefined = run.data;
  return (
    <Card title={t('plan.circle.planner')} size="small">
      <Typography.Paragraph type="secondary">{t('plan.circle.plannerIntro')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ k: 3 }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="k" label={t('plan.circle.k')} rules={[{ required: true }]}>
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Form.Item name="capacity" label={t('plan.circle.capacity')} tooltip={t('plan.circle.capacityHint')}>
          <InputNumber min={1} max={500} placeholder={t('plan.circle.capacityHint')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={run.isPending}>
            {t('plan.circle.run')}
          </Button>
        </Form.Item>
      </Form>
      {p && (
        <div style={{ marginTop: 16 }}>
          <Typography.Paragraph strong>
            {t('plan.circle.after', {
              before: pct(p.shareBefore),
              after: pct(p.shareAfter),
              added: p.coveredAfter - p.coveredBefore,
            })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('plan.circle.capacityUsed', { n: p.capacity })}
            {p.capacitySource === 'median_inclusive_seats' ? t('plan.circle.capacityMedian') : ''}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={p.picks}
            renderItem={(pick, i) => (
              <List.Item>
                <Space orientation="vertical" size={2}>
                  <span>
                    <Typography.Text strong>{t('plan.circle.pick', { n: i + 1 })}</Typography.Text>
                    {` ${pick.name}（${townName(pick.townCode)}）· ${t('plan.circle.gain')} ${pick.gain}`}
                  </span>
                  <Typography.Text type="secondary">
                    {`${t('plan.circle.reaches')}：${pick.reaches.map((r) => r.name).join('、')}`}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </div>
      )}
    </Card>
  );
}
