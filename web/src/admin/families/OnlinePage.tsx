/**
 * /admin/families/online — 线上资源与发放: the online resource library (育之有道 / 青浦早教 …; the district
 * and the guidance staff add, publish and withdraw), online coverage by town for a year (the plan's
 * online_coverage counts), and the handbook and resource-pack distribution records with a form for the
 * town's health worker and guidance staff. Field errors of the server show next to the fields.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { GUIDANCE_TOPICS, type GuidanceTopic } from '../../../../domain/contracts/families.ts';
import {
  createResourceBody,
  DISTRIBUTION_ITEMS,
  type DistributionItem,
  ONLINE_PLATFORMS,
  type OnlinePlatform,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  type ResourceKind,
  type ResourceStatus,
  resourceListQuery,
} from '../../../../domain/contracts/families-online.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { familiesApi } from './api.ts';
import { useTowns } from './labels.ts';
import { type Distribution, onlineApi, onlineKeys, type Resource } from './online-api.ts';

const STATUS_COLORS: Record<ResourceStatus, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'red',
};

export default function OnlinePage() {
  const t = useT();
  const me = useCurrentMe();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('families.online.title')}</h1>
      <Alert type="info" showIcon message={t('families.online.intro')} />
      <ResourceLibrary />
      {can(me, 'families.online_read') && <CoverageTable />}
      {can(me, 'families.distributions_read') && <Distributions />}
    </Space>
  );
}

function ResourceLibrary() {
  const t = useT();
  const me = useCurrentMe();
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const mayManage = can(me, 'families.resources_manage');
  const columns: TableColumnsType<Resource> = [
    {
      title: t('families.online.titleField'),
      key: 'title',
      render: (_, r) => (
        <a href={r.url} target="_blank" rel="noopener noreferrer">
          {r.title}
        </a>
      ),
    },
    { title: t('families.online.kind'), key: 'kind', render: (_, r) => t(`families.online.kind.${r.kind}`) },
    { title: t('families.online.topic'), key: 'topic', render: (_, r) => t(`families.g.topic.${r.topic}`) },
    {
      title: t('families.online.platform'),
      key: 'platform',
      render: (_, r) => t(`families.online.platform.${r.platform}`),
    },
    {
      title: t('families.online.age'),
      key: 'age',
      render: (_, r) => `${r.ageFromMonths}–${r.ageToMonths} ${t('families.online.months')}`,
    },
    { title: t('families.online.publishedAt'), key: 'pub', render: (_, r) => r.publishedAt ?? '—' },
    {
      title: t('families.online.status'),
      key: 'status',
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`families.online.status.${r.status}`)}</Tag>,
    },
    ...(mayManage
      ? [
          {
            title: t('families.online.edit'),
            key: 'edit',
            render: (_: unknown, r: Resource) => (
              <Button
                size="small"
                onClick={() => setEditing(r)}
                aria-label={`${t('families.online.edit')} ${r.title}`}
              >
                {t('families.online.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t('families.online.library')}
      extra={
        mayManage && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('families.online.add')}
          </Button>
        )
      }
    >
      <PagedTable
        schema={resourceListQuery}
        queryKey={onlineKeys.resources}
        fetchPage={(q, signal) => onlineApi.resources(q, signal)}
        rowKey="id"
        label={t('families.online.library')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Space wrap>
            <Input.Search
              allowClear
              aria-label={t('families.online.search')}
              placeholder={t('families.online.search')}
              defaultValue={query.q}
              onSearch={(v) => setFilter('q', v || undefined)}
              style={{ width: 200 }}
            />
            <Select
              allowClear
              aria-label={t('families.online.topic')}
              placeholder={t('families.online.topic')}
              style={{ width: 170 }}
              value={query.topic}
              onChange={(v) => setFilter('topic', v)}
              options={GUIDANCE_TOPICS.map((k) => ({ value: k, label: t(`families.g.topic.${k}`) }))}
            />
            <Select
              allowClear
              aria-label={t('families.online.platform')}
              placeholder={t('families.online.platform')}
              style={{ width: 150 }}
              value={query.platform}
              onChange={(v) => setFilter('platform', v)}
              options={ONLINE_PLATFORMS.map((k) => ({ value: k, label: t(`families.online.platform.${k}`) }))}
            />
            <Select
              allowClear
              aria-label={t('families.online.status')}
              placeholder={t('families.online.status')}
              style={{ width: 120 }}
              value={query.status}
              onChange={(v) => setFilter('status', v)}
              options={RESOURCE_STATUSES.map((k) => ({ value: k, label: t(`families.online.status.${k}`) }))}
            />
          </Space>
        )}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'families.online.add' : 'families.online.edit')}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        {editing !== null && (
          <ResourceForm resource={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Card>
  );
}

interface ResourceValues {
  title: string;
  kind: ResourceKind;
  topic: GuidanceTopic;
  platform: OnlinePlatform;
  url: string;
  ageFromMonths: number;
  ageToMonths: number;
  status: ResourceStatus;
}

function ResourceForm({ resource, onDone }: { resource?: Resource; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<ResourceValues>();
  const rules = useRulesFrom(createResourceBody);
  const save = useMutation({
    mutationFn: (v: ResourceValues) =>
      resource
        ? onlineApi.updateResource(resource.id, { ...v, version: resource.version })
        : onlineApi.createResource(v),
    onSuccess: () => {
      message.success(t('families.online.saved'));
      void qc.invalidateQueries({ queryKey: ['families', 'online'] });
      onDone();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Form<ResourceValues>
      form={form}
      layout="vertical"
      initialValues={
        resource ?? {
          kind: 'video',
          topic: 'general',
          platform: 'yuzhiyoudao',
          status: 'draft',
          ageFromMonths: 0,
          ageToMonths: 36,
        }
      }
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        name="title"
        label={t('families.online.titleField')}
        rules={rules('title', t('families.online.titleField'))}
      >
        <Input />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="kind" label={t('families.online.kind')} style={{ flex: 1 }}>
          <Select
            options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`families.online.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="topic" label={t('families.online.topic')} style={{ flex: 1 }}>
          <Select options={GUIDANCE_TOPICS.map((k) => ({ value: k, label: t(`families.g.topic.${k}`) }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="platform" label={t('families.online.platform')}>
        <Select
          options={ONLINE_PLATFORMS.map((k) => ({ value: k, label: t(`families.online.platform.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="url" label={t('families.online.url')} rules={rules('url', t('families.online.url'))}>
        <Input placeholder="https://" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="ageFromMonths" label={t('families.online.ageFrom')} style={{ flex: 1 }}>
          <InputNumber min={0} max={72} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ageToMonths" label={t('families.online.ageTo')} style={{ flex: 1 }}>
          <InputNumber min={0} max={72} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="status" label={t('families.online.status')}>
        <Select
          options={RESOURCE_STATUSES.map((k) => ({ value: k, label: t(`families.online.status.${k}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('families.online.save')}
      </Button>
    </Form>
  );
}

function CoverageTable() {
  const t = useT();
  const [lang] = useLang();
  const { townName } = useTowns();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({
    queryKey: onlineKeys.coverage(year),
    queryFn: ({ signal }) => onlineApi.coverage(year, signal),
  });
  const rows = q.data?.towns ?? [];
  const total = rows.reduce(
    (s, r) => ({ consenting: s.consenting + r.consenting, registered: s.registered + r.registered }),
    { consenting: 0, registered: 0 },
  );
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1)}%`);
  return (
    <Card
      title={t('families.online.coverage')}
      extra={
        <Select
          aria-label={t('families.online.year')}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: String(y),
          }))}
        />
      }
    >
      {q.isError && (
        <Alert type="error" showIcon message={problemText(q.error, lang, t('families.online.loadFailed'))} />
      )}
      <Table
        size="small"
        rowKey="townCode"
        loading={q.isLoading}
        pagination={false}
        dataSource={rows}
        aria-label={t('families.online.coverage')}
        columns={[
          { title: t('families.online.town'), key: 'town', render: (_, r) => townName(r.townCode) },
          { title: t('families.online.consenting'), dataIndex: 'consenting', key: 'c' },
          { title: t('families.online.registered'), dataIndex: 'registered', key: 'r' },
          { title: t('families.online.share'), key: 's', render: (_, r) => pct(r.registered, r.consenting) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('families.online.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{total.consenting}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{total.registered}</Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{pct(total.registered, total.consenting)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function Distributions() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { townName } = useTowns();
  const [recording, setRecording] = useState(false);
  const q = useQuery({
    queryKey: onlineKeys.distributions,
    queryFn: ({ signal }) => onlineApi.distributions(signal),
  });
  const columns: TableColumnsType<Distribution> = [
    { title: t('families.online.givenOn'), dataIndex: 'givenOn', key: 'on' },
    { title: t('families.online.item'), key: 'item', render: (_, d) => t(`families.online.item.${d.item}`) },
    {
      title: t('families.online.family'),
      key: 'family',
      render: (_, d) => `${townName(d.townCode)} ${d.communityName} · ${d.familyId.slice(-6)}`,
    },
    { title: t('families.online.givenBy'), dataIndex: 'givenBy', key: 'by' },
    { title: t('families.online.note'), key: 'note', render: (_, d) => d.note ?? '—' },
  ];
  return (
    <Card
      title={t('families.online.distributions')}
      extra={
        can(me, 'families.distribute') && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('families.online.record')}
          </Button>
        )
      }
    >
      {q.isError && (
        <Alert type="error" showIcon message={problemText(q.error, lang, t('families.online.loadFailed'))} />
      )}
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={columns}
        aria-label={t('families.online.distributions')}
        pagination={{ pageSize: 20, showTotal: (n) => `${n} / ${q.data?.total ?? n}` }}
      />
      <Modal
        open={recording}
        title={t('families.online.record')}
        onCancel={() => setRecording(false)}
        footer={null}
        destroyOnHidden
      >
        {recording && <DistributionForm onDone={() => setRecording(false)} />}
      </Modal>
    </Card>
  );
}

interface DistributionValues {
  familyId: string;
  item: DistributionItem;
  givenOn: dayjs.Dayjs;
  note?: string;
}

function DistributionForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<DistributionValues>();
  const [search, setSearch] = useState('');
  const candidates = useQuery({
    queryKey: ['families', 'online', 'candidates', search],
    queryFn: ({ signal }) =>
      familiesApi.list({ page: 1, pageSize: 50, ...(search ? { q: search } : {}) }, signal),
  });
  const save = useMutation({
    mutationFn: (v: DistributionValues) =>
      onlineApi.distribute({
        familyId: v.familyId,
        item: v.item,
        givenOn: v.givenOn.format('YYYY-MM-DD'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: () => {
      message.success(t('families.online.saved'));
      void qc.invalidateQueries({ queryKey: ['families', 'online'] });
      onDone();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Form<DistributionValues>
      form={form}
      layout="vertical"
      initialValues={{ item: 'handbook', givenOn: dayjs() }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="familyId" label={t('families.online.family')} rules={[{ required: true }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setSearch}
          loading={candidates.isFetching}
          placeholder={t('families.online.familySearch')}
          options={(candidates.data?.items ?? []).map((f) => ({
            value: f.id,
            label: `${f.communityName} · ${f.children.map((c) => c.name).join('、')}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="item" label={t('families.online.item')}>
        <Select
          options={DISTRIBUTION_ITEMS.map((k) => ({ value: k, label: t(`families.online.item.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="givenOn" label={t('families.online.givenOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label={t('families.online.note')}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('families.online.save')}
      </Button>
    </Form>
  );
}
