/** /admin/institutions — the registry: server-side filters and pagination, kept in the URL. */

import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  type InstitutionKind,
  type InstitutionStatus,
} from '../../../../domain/contracts/institution.ts';
import { api, type InstitutionListQuery, type InstitutionSummary } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { dateTime, kindLabel, ownershipLabel, statusLabel, townName, useTownOptions } from './shared.ts';

const FILTERS = ['town', 'kind', 'status', 'inclusive', 'q'] as const;

export default function ListPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const towns = useTownOptions();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const filters = {
    town: params.get('town') || undefined,
    kind: (params.get('kind') || undefined) as InstitutionKind | undefined,
    status: (params.get('status') || undefined) as InstitutionStatus | undefined,
    inclusive: (params.get('inclusive') || undefined) as 'true' | 'false' | undefined,
    q: params.get('q') || undefined,
  };
  const query: InstitutionListQuery = { page, pageSize, ...filters };
  const list = useQuery({
    queryKey: keys.institutions.list(query),
    queryFn: ({ signal }) => api.institutions.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const setFilter = (key: (typeof FILTERS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<InstitutionSummary> = [
    {
      title: t('inst.name'),
      key: 'name',
      render: (_, r) => <Link to={r.id}>{r.name}</Link>,
    },
    { title: t('inst.town'), key: 'town', render: (_, r) => townName(lang, r.townCode) },
    { title: t('inst.kind'), key: 'kind', render: (_, r) => kindLabel(lang, r.kind) },
    {
      title: t('inst.ownership'),
      key: 'ownership',
      render: (_, r) => (
        <Space size={4} wrap>
          {ownershipLabel(lang, r.ownership)}
          {r.inclusive && <Tag color="blue">{t('inst.inclusive')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('inst.status'),
      key: 'status',
      render: (_, r) => <StatusTag set="institution" status={r.status} />,
    },
    { title: t('inst.seats'), dataIndex: 'seats', key: 'seats', align: 'right' },
    { title: t('inst.enrolled'), dataIndex: 'enrolled', key: 'enrolled', align: 'right' },
    { title: t('inst.updatedAt'), key: 'updatedAt', render: (_, r) => dateTime(r.updatedAt) },
  ];

  const exportQuery = { ...filters };
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('inst.title')}</h1>}>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            aria-label={t('inst.searchLabel')}
            placeholder={t('inst.searchPlaceholder')}
            allowClear
            defaultValue={filters.q}
            enterButton={t('common.search')}
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 260 }}
          />
          <Select
            aria-label={t('inst.town')}
            placeholder={t('inst.town')}
            allowClear
            value={filters.town}
            onChange={(v?: string) => setFilter('town', v)}
            options={towns}
            style={{ width: 150 }}
          />
          <Select
            aria-label={t('inst.kind')}
            placeholder={t('inst.kind')}
            allowClear
            value={filters.kind}
            onChange={(v?: string) => setFilter('kind', v)}
            options={INSTITUTION_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k) }))}
            style={{ width: 170 }}
          />
          <Select
            aria-label={t('inst.status')}
            placeholder={t('inst.status')}
            allowClear
            value={filters.status}
            onChange={(v?: string) => setFilter('status', v)}
            options={INSTITUTION_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) }))}
            style={{ width: 150 }}
          />
          <Select
            aria-label={t('inst.inclusiveFilter')}
            placeholder={t('inst.inclusiveFilter')}
            allowClear
            value={filters.inclusive}
            onChange={(v?: string) => setFilter('inclusive', v)}
            options={[
              { value: 'true', label: t('inst.inclusiveYes') },
              { value: 'false', label: t('inst.inclusiveNo') },
            ]}
            style={{ width: 130 }}
          />
        </Space>
        <Space wrap>
          {can(me, 'institutions.export') && (
            <>
              <Button
                icon={<DownloadOutlined />}
                href={api.institutions.exportUrl({ ...exportQuery, format: 'xlsx' })}
                download
              >
                {t('inst.exportXlsx')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={api.institutions.exportUrl({ ...exportQuery, format: 'csv' })}
                download
              >
                {t('inst.exportCsv')}
              </Button>
            </>
          )}
          {can(me, 'institutions.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
              {t('inst.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Table<InstitutionSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={
          list.error ? { emptyText: problemText(list.error, lang, t('common.unknownError')) } : undefined
        }
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            const next = new URLSearchParams(params);
            next.set('page', String(s !== pageSize ? 1 : p));
            next.set('pageSize', String(s));
            setParams(next, { replace: true });
          },
        }}
      />
    </Card>
  );
}
