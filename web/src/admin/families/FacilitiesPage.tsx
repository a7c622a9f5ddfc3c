/**
 * /admin/families/facilities — the register of facilities beyond institutions (儿童服务中心, 儿童之家,
 * 游戏观察室/亲子指导室, 儿童友好社区示范点, 儿童早期发展基地): a map and a paged list with filters; the
 * district and town officers add and change them (the server checks the town, community, point and years;
 * its field errors show next to the fields).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import {
  createFacilityBody,
  FACILITY_KINDS,
  type FacilityKind,
  facilityListQuery,
} from '../../../../domain/contracts/families-facilities.ts';
import { findDivision } from '../../../../domain/divisions.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { MapView } from '../../components/MapView.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { familiesApi } from './api.ts';
import { type Facility, facilitiesApi } from './facilities-api.ts';
import { useTowns } from './labels.ts';

const KIND_COLORS: Record<FacilityKind, string> = {
  children_service_centre: '#1d4ed8',
  children_home: '#0f766e',
  play_observation_room: '#7c3aed',
  parent_child_room: '#a21caf',
  child_friendly_site: '#c2410c',
  early_development_base: '#b91c1c',
  baobaowu: '#be185d',
};
const MAP_LIMIT = 100;

export default function FacilitiesPage() {
  const t = useT();
  const me = useCurrentMe();
  const { townName, townOptions } = useTowns();
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const mayManage = can(me, 'families.facilities_manage');
  const thisYear = new Date().getFullYear();
  const kindOptions = FACILITY_KINDS.map((k) => ({ value: k, label: t(`families.facilities.kind.${k}`) }));
  const columns: TableColumnsType<Facility> = [
    { title: t('families.facilities.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('families.facilities.kind'),
      key: 'kind',
      render: (_, f) => <Tag color={KIND_COLORS[f.kind]}>{t(`families.facilities.kind.${f.kind}`)}</Tag>,
    },
    { title: t('families.facilities.town'), key: 'town', render: (_, f) => townName(f.townCode) },
    { title: t('families.facilities.community'), key: 'community', render: (_, f) => f.communityName ?? '—' },
    { title: t('families.facilities.host'), key: 'host', render: (_, f) => f.host ?? '—' },
    {
      title: t('families.facilities.baobaowu'),
      key: 'baobaowu',
      render: (_, f) =>
        f.kind === 'baobaowu' && f.capacity != null && f.hourlyPriceFen != null
          ? t('families.facilities.baobaowuSummary', {
              capacity: f.capacity,
              price: (f.hourlyPriceFen / 100).toFixed(2),
            })
          : '—',
    },
    { title: t('families.facilities.opened'), dataIndex: 'openedYear', key: 'opened' },
    {
      title: t('families.facilities.closed'),
      key: 'closed',
      render: (_, f) =>
        f.closedYear ? (
          <Tag>{`${t('families.facilities.closedTag')} ${f.closedYear}`}</Tag>
        ) : (
          <Tag color="green">{t('families.facilities.open')}</Tag>
        ),
    },
    ...(mayManage
      ? [
          {
            title: t('families.facilities.edit'),
            key: 'edit',
            render: (_: unknown, f: Facility) => (
              <Button
                size="small"
                onClick={() => setEditing(f)}
                aria-label={`${t('families.facilities.edit')} ${f.name}`}
              >
                {t('families.facilities.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('families.facilities.title')}</h1>
      <Alert type="info" showIcon message={t('families.facilities.intro')} />
      <FacilityMap />
      <Card
        title={t('families.facilities.title')}
        extra={
          mayManage && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('families.facilities.add')}
            </Button>
          )
        }
      >
        <PagedTable
          schema={facilityListQuery}
          queryKey={keys.families.facilities}
          fetchPage={(q, signal) => facilitiesApi.list(q, signal)}
          rowKey="id"
          label={t('families.facilities.title')}
          columns={columns}
          toolbar={({ query, setFilter }) => (
            <Space wrap>
              <Input.Search
                allowClear
                aria-label={t('families.facilities.search')}
                placeholder={t('families.facilities.search')}
                defaultValue={query.q}
                onSearch={(v) => setFilter('q', v || undefined)}
                style={{ width: 220 }}
              />
              <Select
                allowClear
                aria-label={t('families.facilities.kind')}
                placeholder={t('families.facilities.kind')}
                style={{ width: 200 }}
                value={query.kind}
                onChange={(v) => setFilter('kind', v)}
                options={kindOptions}
              />
              <Select
                allowClear
                aria-label={t('families.facilities.town')}
                placeholder={t('families.facilities.town')}
                style={{ width: 160 }}
                value={query.town}
                onChange={(v) => setFilter('town', v)}
                options={townOptions}
              />
              <Select
                allowClear
                aria-label={t('families.facilities.year')}
                placeholder={t('families.facilities.year')}
                style={{ width: 140 }}
                value={query.year}
                onChange={(v?: number) => setFilter('year', v === undefined ? undefined : String(v))}
                options={Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i).map((y) => ({
                  value: y,
                  label: String(y),
                }))}
              />
            </Space>
          )}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? 'families.facilities.add' : 'families.facilities.edit')}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        {editing !== null && (
          <FacilityForm facility={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Space>
  );
}

function FacilityMap() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const q = useQuery({
    queryKey: keys.families.facilityMap,
    queryFn: ({ signal }) => facilitiesApi.list({ page: 1, pageSize: MAP_LIMIT }, signal),
  });
  if (q.isError)
    return (
      <Alert
        type="error"
        showIcon
        message={problemText(q.error, lang, t('families.facilities.loadFailed'))}
      />
    );
  const items = q.data?.items ?? [];
  return (
    <Card title={t('families.facilities.map')} size="small">
      <MapView
        districtCode={me.districtCode}
        label={t('families.facilities.map')}
        offlineNote={t('families.facilities.mapOffline')}
        cluster
        points={items
          .filter((f) => !f.closedYear)
          .map((f) => ({
            id: f.id,
            lat: f.lat,
            lng: f.lng,
            label: f.name,
            details: [t(`families.facilities.kind.${f.kind}`), f.address],
            color: KIND_COLORS[f.kind],
          }))}
        legend={
          <Space wrap size={4}>
            {FACILITY_KINDS.map((k) => (
              <Tag key={k} color={KIND_COLORS[k]}>
                {t(`families.facilities.kind.${k}`)}
              </Tag>
            ))}
          </Space>
        }
      />
      {(q.data?.total ?? 0) > MAP_LIMIT && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} message={`${MAP_LIMIT} / ${q.data?.total}`} />
      )}
    </Card>
  );
}

interface FacilityValues {
  kind: FacilityKind;
  name: string;
  townCode: string;
  communityCode?: string | null;
  address: string;
  lat: number;
  lng: number;
  host?: string | null;
  openedYear: number;
  closedYear?: number | null;
  capacity?: number | null;
  openingHours?: string | null;
  /** Yuan in the form, keyed like the API's fen field so the server's field errors land on it; fen on the wire. */
  hourlyPriceFen?: number | null;
  operator?: string | null;
}

/** A new facility starts in the caller's town (when it has one), at the town's centre. */
function newFacilityValues(townCode: string | undefined): Partial<FacilityValues> {
  const d = townCode ? findDivision(townCode) : undefined;
  return {
    kind: 'children_home',
    openedYear: new Date().getFullYear(),
    townCode,
    ...(d ? { lat: d.lat, lng: d.lng } : {}),
  };
}

export function FacilityForm({ facility, onDone }: { facility?: Facility; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<FacilityValues>();
  const rules = useRulesFrom(createFacilityBody);
  const { townOptions } = useTowns();
  const town = Form.useWatch('townCode', form);
  const kind = Form.useWatch('kind', form);
  const communities = useQuery({
    queryKey: keys.families.communities,
    queryFn: ({ signal }) => familiesApi.communities(signal),
  });
  const communityOptions = useMemo(
    () =>
      (communities.data?.items ?? [])
        .filter((c) => !town || c.townCode === town)
        .map((c) => ({ value: c.code, label: c.name })),
    [communities.data, town],
  );
  const save = useMutation({
    mutationFn: ({ hourlyPriceFen: hourlyPriceYuan, ...v }: FacilityValues) => {
      const bb = v.kind === 'baobaowu';
      const body = {
        ...v,
        communityCode: v.communityCode || null,
        host: v.host?.trim() ? v.host.trim() : null,
        closedYear: v.closedYear ?? null,
        capacity: bb ? (v.capacity ?? null) : null,
        openingHours: bb && v.openingHours?.trim() ? v.openingHours.trim() : null,
        hourlyPriceFen: bb && hourlyPriceYuan != null ? Math.round(hourlyPriceYuan * 100) : null,
        operator: bb && v.operator?.trim() ? v.operator.trim() : null,
      };
      return facility
        ? facilitiesApi.update(facility.id, { ...body, version: facility.version })
        : facilitiesApi.create(body);
    },
    onSuccess: () => {
      message.success(t('families.facilities.saved'));
      void qc.invalidateQueries({ queryKey: keys.families.all });
      onDone();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Form<FacilityValues>
      form={form}
      layout="vertical"
      initialValues={
        facility
          ? {
              ...facility,
              hourlyPriceFen: facility.hourlyPriceFen == null ? null : facility.hourlyPriceFen / 100,
            }
          : newFacilityValues(townOptions.length === 1 ? townOptions[0]!.value : undefined)
      }
      onValuesChange={(changed) => {
        if ('townCode' in changed) {
          form.setFieldValue('communityCode', undefined);
          const d = changed.townCode ? findDivision(changed.townCode) : undefined;
          if (d && !facility) form.setFieldsValue({ lat: d.lat, lng: d.lng });
        }
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="kind" label={t('families.facilities.kind')} rules={[{ required: true }]}>
        <Select
          options={FACILITY_KINDS.map((k) => ({ value: k, label: t(`families.facilities.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('families.facilities.name')}
        rules={rules('name', t('families.facilities.name'))}
      >
        <Input />
      </Form.Item>
      <Form.Item name="townCode" label={t('families.facilities.town')} rules={[{ required: true }]}>
        <Select options={townOptions} />
      </Form.Item>
      <Form.Item
        name="communityCode"
        label={t('families.facilities.community')}
        extra={t('families.facilities.communityHint')}
      >
        <Select allowClear showSearch optionFilterProp="label" options={communityOptions} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('families.facilities.address')}
        rules={rules('address', t('families.facilities.address'))}
      >
        <Input />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="lat"
          label={t('families.facilities.lat')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <InputNumber step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="lng"
          label={t('families.facilities.lng')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <InputNumber step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="host" label={t('families.facilities.host')}>
        <Input />
      </Form.Item>
      {kind === 'baobaowu' && (
        <>
          <Space.Compact block>
            <Form.Item
              name="capacity"
              label={t('families.facilities.capacity')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <InputNumber min={1} max={200} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="hourlyPriceFen"
              label={t('families.facilities.hourlyPrice')}
              extra={t('families.facilities.hourlyPriceHint')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <InputNumber min={0} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Space.Compact>
          <Form.Item
            name="openingHours"
            label={t('families.facilities.openingHours')}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="operator" label={t('families.facilities.operator')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </>
      )}
      <Space.Compact block>
        <Form.Item
          name="openedYear"
          label={t('families.facilities.opened')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="closedYear" label={t('families.facilities.closed')} style={{ flex: 1 }}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('families.facilities.save')}
      </Button>
    </Form>
  );
}
