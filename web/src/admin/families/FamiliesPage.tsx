/** /admin/families/children — children and families in scope (masked numbers), filters, a detail drawer. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CONSENT_PURPOSES, familyListQuery } from '../../../../domain/contracts/families.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type FamilySummary, familiesApi } from './api.ts';
import { useTowns } from './labels.ts';
import { VisitStatus } from './VisitStatus.tsx';

export default function FamiliesPage() {
  const t = useT();
  const { townName, townOptions } = useTowns();
  const [open, setOpen] = useState<string | null>(null);
  const communities = useQuery({
    queryKey: keys.families.communities,
    queryFn: ({ signal }) => familiesApi.communities(signal),
    staleTime: 300_000,
  });
  const columns: TableColumnsType<FamilySummary> = [
    {
      title: t('families.children'),
      key: 'children',
      render: (_, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {r.children.map((c) => c.name).join('、')}
        </Button>
      ),
    },
    {
      title: t('families.birthDate'),
      key: 'birth',
      render: (_, r) => r.children.map((c) => c.birthDate).join('、'),
    },
    { title: t('families.town'), key: 'town', render: (_, r) => townName(r.townCode) },
    { title: t('families.community'), dataIndex: 'communityName', key: 'community' },
    {
      title: t('families.resident'),
      key: 'resident',
      render: (_, r) => (r.resident ? t('families.residentYes') : t('families.residentNo')),
    },
    {
      title: t('families.consent'),
      key: 'consents',
      render: (_, r) =>
        r.consents.map((p) => (
          <Tag key={p} color="blue">
            {t(`families.purpose.${p}`)}
          </Tag>
        )),
    },
    {
      title: t('families.visitedThisYear'),
      key: 'visited',
      render: (_, r) =>
        r.visitedThisYear ? <Tag color="green">{t('families.yes')}</Tag> : <Tag>{t('families.no')}</Tag>,
    },
  ];
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('families.childrenTitle')}</h1>}>
      <PagedTable
        schema={familyListQuery}
        queryKey={keys.families.list}
        fetchPage={(q, signal) => familiesApi.list(q, signal)}
        rowKey="id"
        label={t('families.childrenTitle')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Space wrap>
            <Input.Search
              allowClear
              aria-label={t('families.search')}
              placeholder={t('families.search')}
              defaultValue={query.q}
              onSearch={(v) => setFilter('q', v || undefined)}
              style={{ width: 220 }}
            />
            <Select
              allowClear
              aria-label={t('families.town')}
              placeholder={t('families.town')}
              style={{ width: 160 }}
              value={query.town}
              onChange={(v) => {
                setFilter('town', v);
                setFilter('community', undefined);
              }}
              options={townOptions}
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              aria-label={t('families.community')}
              placeholder={t('families.community')}
              style={{ width: 180 }}
              value={query.community}
              onChange={(v) => setFilter('community', v)}
              options={(communities.data?.items ?? [])
                .filter((c) => !query.town || c.townCode === query.town)
                .map((c) => ({ value: c.code, label: c.name }))}
            />
            <Select
              allowClear
              aria-label={t('families.consent')}
              placeholder={t('families.consent')}
              style={{ width: 160 }}
              value={query.consent}
              onChange={(v) => setFilter('consent', v)}
              options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`families.purpose.${p}`) }))}
            />
            <Select
              allowClear
              aria-label={t('families.resident')}
              placeholder={t('families.resident')}
              style={{ width: 130 }}
              value={query.resident}
              onChange={(v) => setFilter('resident', v)}
              options={[
                { value: 'true', label: t('families.residentYes') },
                { value: 'false', label: t('families.residentNo') },
              ]}
            />
          </Space>
        )}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={t('families.detail')}
        width={720}
        destroyOnHidden
      >
        {open && <FamilyDrawer id={open} />}
      </Drawer>
    </Card>
  );
}

function FamilyDrawer({ id }: { id: string }) {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { townName } = useTowns();
  const [date, setDate] = useState<Dayjs | null>(null);
  const q = useQuery({
    queryKey: keys.families.detail(id),
    queryFn: ({ signal }) => familiesApi.detail(id, signal),
  });
  const schedule = useMutation({
    mutationFn: (scheduledFor: string) => familiesApi.scheduleVisit({ familyId: id, scheduledFor }),
    onSuccess: () => {
      message.success(t('families.saved'));
      setDate(null);
      void qc.invalidateQueries({ queryKey: keys.families.all });
    },
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('families.loadFailed'))} />;
  if (!q.data) return <PageLoading />;
  const f = q.data;
  const guardianName = (gid: string) => f.guardians.find((g) => g.id === gid)?.name ?? '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('families.town')}>{townName(f.townCode)}</Descriptions.Item>
        <Descriptions.Item label={t('families.community')}>{f.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('families.address')} span={2}>
          {f.address}
        </Descriptions.Item>
        <Descriptions.Item label={t('families.resident')}>
          {f.resident ? t('families.residentYes') : t('families.residentNo')}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('families.children')}
        dataSource={f.children}
        columns={[
          { title: t('families.name'), dataIndex: 'name' },
          { title: t('families.idNumber'), dataIndex: 'idNumber' },
          { title: t('families.birthDate'), dataIndex: 'birthDate' },
          { title: t('families.sex'), render: (_, c) => t(`families.sex.${c.sex}`) },
          { title: t('families.ageMonths'), dataIndex: 'ageMonths' },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('families.guardians')}
        dataSource={f.guardians}
        columns={[
          { title: t('families.name'), dataIndex: 'name' },
          { title: t('families.relation'), render: (_, g) => t(`families.relation.${g.relation}`) },
          { title: t('families.idNumber'), render: (_, g) => g.idNumber ?? '—' },
          { title: t('families.mobile'), dataIndex: 'mobile' },
        ]}
      />
      <Table
        size="small"
        rowKey={(c) => `${c.guardianId}:${c.purpose}`}
        pagination={false}
        title={() => t('families.consents')}
        dataSource={f.consents}
        columns={[
          { title: t('families.guardians'), render: (_, c) => guardianName(c.guardianId) },
          { title: t('families.purpose'), render: (_, c) => t(`families.purpose.${c.purpose}`) },
          {
            title: t('families.status'),
            render: (_, c) => (
              <Tag color={c.status === 'given' ? 'green' : 'default'}>
                {t(`families.consentStatus.${c.status}`)}
              </Tag>
            ),
          },
          { title: t('families.channel'), render: (_, c) => t(`families.channel.${c.channel}`) },
          { title: t('families.noticeVersion'), dataIndex: 'noticeVersion' },
          { title: t('families.givenAt'), render: (_, c) => c.givenAt.slice(0, 10) },
          { title: t('families.withdrawnAt'), render: (_, c) => c.withdrawnAt?.slice(0, 10) ?? '—' },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        title={() => t('families.visits')}
        dataSource={f.visits}
        columns={[
          { title: t('families.scheduledFor'), dataIndex: 'scheduledFor' },
          { title: t('families.status'), render: (_, v) => <VisitStatus visit={v} /> },
          { title: t('families.visitedOn'), render: (_, v) => v.visitedOn ?? '—' },
          { title: t('families.worker'), render: (_, v) => v.workerName ?? t('families.unassigned') },
          {
            title: t('families.handbookGiven'),
            render: (_, v) =>
              v.handbookGiven === null ? '—' : v.handbookGiven ? t('families.yes') : t('families.no'),
          },
        ]}
      />
      {can(me, 'families.visit') && (
        <Space wrap>
          <DatePicker
            aria-label={t('families.scheduledFor')}
            value={date}
            onChange={setDate}
            placeholder={t('families.scheduledFor')}
          />
          <Button
            type="primary"
            disabled={!date}
            loading={schedule.isPending}
            onClick={() => date && schedule.mutate(date.format('YYYY-MM-DD'))}
          >
            {t('families.scheduleVisit')}
          </Button>
          {schedule.isError && (
            <Alert
              type="error"
              showIcon
              message={problemText(schedule.error, lang, t('families.loadFailed'))}
            />
          )}
        </Space>
      )}
    </Space>
  );
}
