/**
 * /admin/families/guidance — 指导站与活动: the family guidance stations (one per town), the sessions in
 * scope (station sessions and district-level 育儿加油站), scheduling a session, and a session drawer with
 * its sign-ups and the attendance checkboxes (after the start); guidance staff sign a family up.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  createSessionBody,
  createStationBody,
  GUIDANCE_TOPICS,
  SESSION_STATUSES,
  sessionListQuery,
} from '../../../../domain/contracts/families.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { familiesApi, type GuidanceSession, type Station } from './api.ts';
import { useTowns } from './labels.ts';

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

const STATUS_COLOR = { scheduled: 'blue', held: 'green', cancelled: 'default' } as const;

export default function GuidancePage() {
  const t = useT();
  const me = useCurrentMe();
  const { townName } = useTowns();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<GuidanceSession | null>(null);
  const stations = useQuery({
    queryKey: keys.families.stations,
    queryFn: ({ signal }) => familiesApi.stations(signal),
  });
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const columns: TableColumnsType<GuidanceSession> = [
    { title: t('families.g.startsAt'), key: 'startsAt', render: (_, s) => when(s.startsAt) },
    {
      title: t('families.g.title'),
      key: 'title',
      render: (_, s) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(s)}>
          {s.title}
        </Button>
      ),
    },
    { title: t('families.g.topic'), key: 'topic', render: (_, s) => t(`families.g.topic.${s.topic}`) },
    {
      title: t('families.g.station'),
      key: 'station',
      render: (_, s) => s.stationName ?? <Tag color="purple">{t('families.g.districtLevel')}</Tag>,
    },
    { title: t('families.g.place'), dataIndex: 'place', key: 'place' },
    {
      title: t('families.g.signedUp'),
      key: 'signedUp',
      render: (_, s) => (
        <Space size={4}>
          {`${s.signedUp} / ${s.capacity}`}
          {s.signedUp >= s.capacity && <Tag color="red">{t('families.full')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('families.status'),
      key: 'status',
      render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{t(`families.g.status.${s.status}`)}</Tag>,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 className="sr-only">{t('families.nav.guidance')}</h1>
      <StationsCard stations={stations.data?.items} loading={!stations.data} townName={townName} />
      <Card
        title={t('families.g.sessionsTitle')}
        extra={
          can(me, 'families.sessions_manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('families.g.createSession')}
            </Button>
          )
        }
      >
        <PagedTable
          schema={sessionListQuery}
          queryKey={keys.families.sessions}
          fetchPage={(q, signal) => familiesApi.sessions(q, signal)}
          rowKey="id"
          label={t('families.g.sessionsTitle')}
          columns={columns}
          toolbar={({ query, setFilter }) => (
            <Space wrap>
              <Select
                allowClear
                aria-label={t('families.g.year')}
                placeholder={t('families.g.year')}
                style={{ width: 110 }}
                value={query.year}
                onChange={(v) => setFilter('year', v === undefined ? undefined : String(v))}
                options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))}
              />
              <Select
                allowClear
                aria-label={t('families.g.station')}
                placeholder={t('families.g.station')}
                style={{ width: 220 }}
                value={query.station}
                onChange={(v) => setFilter('station', v)}
                options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
              <Select
                allowClear
                aria-label={t('families.g.topic')}
                placeholder={t('families.g.topic')}
                style={{ width: 160 }}
                value={query.topic}
                onChange={(v) => setFilter('topic', v)}
                options={GUIDANCE_TOPICS.map((x) => ({ value: x, label: t(`families.g.topic.${x}`) }))}
              />
              <Select
                allowClear
                aria-label={t('families.status')}
                placeholder={t('families.status')}
                style={{ width: 120 }}
                value={query.status}
                onChange={(v) => setFilter('status', v)}
                options={SESSION_STATUSES.map((x) => ({ value: x, label: t(`families.g.status.${x}`) }))}
              />
              <Checkbox
                checked={query.district === 'true'}
                onChange={(e) => setFilter('district', e.target.checked ? 'true' : undefined)}
              >
                {t('families.g.districtOnly')}
              </Checkbox>
            </Space>
          )}
        />
      </Card>
      <Modal
        open={creating}
        title={t('families.g.createSession')}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
      >
        <SessionForm stations={stations.data?.items ?? []} onDone={() => setCreating(false)} />
      </Modal>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open?.title}
        width={720}
        destroyOnHidden
      >
        {open && <SessionDrawer session={open} onChanged={setOpen} />}
      </Drawer>
    </Space>
  );
}

function StationsCard({
  stations,
  loading,
  townName,
}: {
  stations: Station[] | undefined;
  loading: boolean;
  townName: (code: string) => string;
}) {
  const t = useT();
  const me = useCurrentMe();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      title={t('families.g.stationsTitle')}
      extra={
        can(me, 'families.stations_manage') && (
          <Button onClick={() => setAdding(true)}>{t('families.g.addStation')}</Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        aria-label={t('families.g.stationsTitle')}
        scroll={{ x: 'max-content' }}
        dataSource={stations ?? []}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: t('families.town'), key: 'town', render: (_, s) => townName(s.townCode) },
          { title: t('families.g.stationName'), dataIndex: 'name' },
          { title: t('families.g.host'), dataIndex: 'hostName' },
          { title: t('families.address'), dataIndex: 'address' },
          { title: t('families.g.openedYear'), dataIndex: 'openedYear' },
        ]}
      />
      <Modal
        open={adding}
        title={t('families.g.addStation')}
        onCancel={() => setAdding(false)}
        footer={null}
        destroyOnHidden
      >
        <StationForm onDone={() => setAdding(false)} />
      </Modal>
    </Card>
  );
}

interface StationValues {
  townCode: string;
  name: string;
  hostName: string;
  address: string;
  openedYear: number;
}

function StationForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { townOptions } = useTowns();
  const rules = useRulesFrom(createStationBody);
  const save = useMutation({
    mutationFn: (v: StationValues) => familiesApi.createStation(v),
    onSuccess: () => {
      message.success(t('families.saved'));
      void qc.invalidateQueries({ queryKey: keys.families.all });
      onDone();
    },
  });
  return (
    <Form<StationValues>
      layout="vertical"
      initialValues={{ openedYear: new Date().getFullYear() }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="townCode" label={t('families.town')} rules={[{ required: true }]}>
        <Select options={townOptions} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('families.g.stationName')}
        rules={rules('name', t('families.g.stationName'))}
      >
        <Input />
      </Form.Item>
      <Form.Item name="hostName" label={t('families.g.host')} rules={rules('hostName', t('families.g.host'))}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={t('families.address')} rules={rules('address', t('families.address'))}>
        <Input />
      </Form.Item>
      <Form.Item
        name="openedYear"
        label={t('families.g.openedYear')}
        rules={rules('openedYear', t('families.g.openedYear'))}
      >
        <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={problemText(save.error, lang, t('families.loadFailed'))}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('families.submit')}
      </Button>
    </Form>
  );
}

interface SessionValues {
  stationId: string;
  topic: (typeof GUIDANCE_TOPICS)[number];
  title: string;
  place: string;
  startsAt: Dayjs;
  capacity: number;
}

const DISTRICT_LEVEL = 'district';

function SessionForm({ stations, onDone }: { stations: Station[]; onDone: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const rules = useRulesFrom(createSessionBody);
  const districtWide = me.scope?.kind === 'division' && me.scope.divisionCode === me.districtCode;
  const save = useMutation({
    mutationFn: (v: SessionValues) =>
      familiesApi.createSession({
        stationId: v.stationId === DISTRICT_LEVEL ? null : v.stationId,
        topic: v.topic,
        title: v.title,
        place: v.place,
        startsAt: v.startsAt.format('YYYY-MM-DDTHH:mm:00Z'),
        capacity: v.capacity,
      }),
    onSuccess: () => {
      message.success(t('families.saved'));
      void qc.invalidateQueries({ queryKey: keys.families.all });
      onDone();
    },
  });
  const options = [
    ...(districtWide ? [{ value: DISTRICT_LEVEL, label: t('families.g.districtLevel') }] : []),
    ...stations.map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Form<SessionValues>
      layout="vertical"
      initialValues={{ capacity: 30, topic: 'feeding', stationId: options[0]?.value }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="stationId" label={t('families.g.station')} rules={[{ required: true }]}>
        <Select options={options} />
      </Form.Item>
      <Form.Item name="topic" label={t('families.g.topic')} rules={[{ required: true }]}>
        <Select options={GUIDANCE_TOPICS.map((x) => ({ value: x, label: t(`families.g.topic.${x}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('families.g.title')} rules={rules('title', t('families.g.title'))}>
        <Input />
      </Form.Item>
      <Form.Item name="place" label={t('families.g.place')} rules={rules('place', t('families.g.place'))}>
        <Input />
      </Form.Item>
      <Form.Item name="startsAt" label={t('families.g.startsAt')} rules={[{ required: true }]}>
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 15 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        name="capacity"
        label={t('families.capacity')}
        rules={rules('capacity', t('families.capacity'))}
      >
        <InputNumber min={1} max={500} style={{ width: '100%' }} />
      </Form.Item>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={problemText(save.error, lang, t('families.loadFailed'))}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('families.submit')}
      </Button>
    </Form>
  );
}

function SessionDrawer({
  session,
  onChanged,
}: {
  session: GuidanceSession;
  onChanged: (s: GuidanceSession) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { townName } = useTowns();
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [familyId, setFamilyId] = useState<string | undefined>();
  const manage = can(me, 'families.sessions_manage');
  const started = new Date(session.startsAt).getTime() <= Date.now();
  const signups = useQuery({
    queryKey: keys.families.signups(session.id),
    queryFn: ({ signal }) => familiesApi.signups(session.id, signal),
    enabled: can(me, 'families.signups_read'),
  });
  const candidates = useQuery({
    queryKey: keys.families.list({ consent: 'guidance_signup', pageSize: 100, session: session.id }),
    queryFn: ({ signal }) => familiesApi.list({ consent: 'guidance_signup', pageSize: 100, page: 1 }, signal),
    enabled: can(me, 'families.guidance_signup') && session.status === 'scheduled' && !started,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.families.all });
  const attendance = useMutation({
    mutationFn: () =>
      familiesApi.attendance(session.id, {
        attendance: (signups.data?.items ?? []).map((s) => ({
          signupId: s.id,
          attended: marks[s.id] ?? s.attended ?? false,
        })),
      }),
    onSuccess: () => {
      message.success(t('families.saved'));
      onChanged({ ...session, status: 'held' });
      refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: () => familiesApi.cancelSession(session.id),
    onSuccess: (s) => {
      message.success(t('families.saved'));
      onChanged(s);
      refresh();
    },
  });
  const signUp = useMutation({
    mutationFn: (id: string) => familiesApi.signUp(session.id, id),
    onSuccess: () => {
      message.success(t('families.saved'));
      setFamilyId(undefined);
      onChanged({ ...session, signedUp: session.signedUp + 1 });
      refresh();
    },
  });
  const error = attendance.error ?? cancel.error ?? signUp.error;
  const signedIds = new Set((signups.data?.items ?? []).map((s) => s.familyId));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('families.g.startsAt')}>{when(session.startsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('families.g.topic')}>
          {t(`families.g.topic.${session.topic}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('families.g.station')}>
          {session.stationName
            ? `${session.stationName}（${townName(session.townCode ?? '')}）`
            : t('families.g.districtLevel')}
        </Descriptions.Item>
        <Descriptions.Item label={t('families.g.place')}>{session.place}</Descriptions.Item>
        <Descriptions.Item
          label={t('families.g.signedUp')}
        >{`${session.signedUp} / ${session.capacity}`}</Descriptions.Item>
        <Descriptions.Item label={t('families.status')}>
          <Tag color={STATUS_COLOR[session.status]}>{t(`families.g.status.${session.status}`)}</Tag>
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon message={problemText(error, lang, t('families.loadFailed'))} />}
      {manage && session.status === 'scheduled' && !started && (
        <Popconfirm title={t('families.g.cancelConfirm')} onConfirm={() => cancel.mutate()}>
          <Button danger loading={cancel.isPending}>
            {t('families.g.cancelSession')}
          </Button>
        </Popconfirm>
      )}
      {candidates.data && (
        <Space.Compact style={{ width: '100%' }}>
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t('families.g.family')}
            placeholder={t('families.g.chooseFamily')}
            style={{ width: '100%' }}
            value={familyId}
            onChange={setFamilyId}
            options={candidates.data.items
              .filter((f) => !signedIds.has(f.id) && (!session.townCode || f.townCode === session.townCode))
              .map((f) => ({
                value: f.id,
                label: `${f.communityName} · ${f.id.slice(-6)}`,
              }))}
          />
          <Button
            type="primary"
            disabled={!familyId}
            loading={signUp.isPending}
            onClick={() => familyId && signUp.mutate(familyId)}
          >
            {t('families.g.signUpFamily')}
          </Button>
        </Space.Compact>
      )}
      {signups.data && (
        <Table
          size="small"
          rowKey="id"
          aria-label={t('families.g.signups')}
          dataSource={signups.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('families.g.family'), dataIndex: 'familyLabel' },
            { title: t('families.g.signedUpAt'), key: 'at', render: (_, s) => when(s.signedUpAt) },
            {
              title: t('families.g.attended'),
              key: 'attended',
              render: (_, s) =>
                manage && started && session.status !== 'cancelled' ? (
                  <Checkbox
                    aria-label={`${t('families.g.attended')} ${s.familyLabel}`}
                    checked={marks[s.id] ?? s.attended ?? false}
                    onChange={(e) => setMarks({ ...marks, [s.id]: e.target.checked })}
                  />
                ) : s.attended === null ? (
                  '—'
                ) : s.attended ? (
                  t('families.yes')
                ) : (
                  t('families.no')
                ),
            },
          ]}
        />
      )}
      {manage && started && session.status !== 'cancelled' && (signups.data?.items.length ?? 0) > 0 && (
        <Button type="primary" loading={attendance.isPending} onClick={() => attendance.mutate()}>
          {t('families.g.saveAttendance')}
        </Button>
      )}
      {!started && session.status === 'scheduled' && (
        <Alert type="info" showIcon message={t('families.g.attendanceAfterStart')} />
      )}
    </Space>
  );
}
