/** /admin/institutions — the registry: server-side filters, sorting and pagination, kept in the URL (PagedTable). */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, type TableColumnsType, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import {
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  type InstitutionListQuery,
  institutionListQuery,
} from '../../../../domain/contracts/institution.ts';
import { api, type InstitutionSummary } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { dateTime, kindLabel, ownershipLabel, statusLabel, townName, useTownOptions } from './shared.ts';

export default function ListPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const towns = useTownOptions();
  // 收费公示: how many inclusive institutions in scope (filed or operating) have no published fee list.
  const officer = can(me, 'institutions.export');
  const missingFees = useQuery({
    queryKey: keys.institutions.list({ feeList: 'missing', pageSize: 1, count: true }),
    queryFn: ({ signal }) => api.institutions.list({ feeList: 'missing', page: 1, pageSize: 1 }, signal),
    enabled: officer,
  }).data?.total;

  const columns: TableColumnsType<InstitutionSummary> = [
    {
      title: t('inst.name'),
      key: 'name',
      sorter: true,
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
    { title: t('inst.seats'), dataIndex: 'seats', key: 'seats', align: 'right', sorter: true },
    { title: t('inst.enrolled'), dataIndex: 'enrolled', key: 'enrolled', align: 'right', sorter: true },
    { title: t('inst.updatedAt'), key: 'updatedAt', sorter: true, render: (_, r) => dateTime(r.updatedAt) },
  ];

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('inst.title')}</h1>}>
      <PagedTable<InstitutionSummary, InstitutionListQuery>
        schema={institutionListQuery}
        queryKey={keys.institutions.list}
        fetchPage={(q, signal) => api.institutions.list(q, signal)}
        rowKey="id"
        label={t('inst.title')}
        columns={columns}
        toolbar={({ query, setFilter, total }) => {
          const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = query;
          return (
            <>
              {officer && !!missingFees && query.feeList !== 'missing' && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="fee-list-missing"
                  style={{ marginBottom: 12 }}
                  title={t('feeList.list.alert', { n: missingFees })}
                  action={
                    <Button size="small" onClick={() => setFilter('feeList', 'missing')}>
                      {t('feeList.list.show')}
                    </Button>
                  }
                />
              )}
              <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
                <Space wrap>
                  <Input.Search
                    aria-label={t('inst.searchLabel')}
                    placeholder={t('inst.searchPlaceholder')}
                    allowClear
                    defaultValue={query.q}
                    enterButton={t('common.search')}
                    onSearch={(v) => setFilter('q', v.trim())}
                    style={{ width: 260 }}
                  />
                  {/* A caller whose scope holds one town has nothing to choose. */}
                  {towns.length > 1 && (
                    <Select
                      aria-label={t('inst.town')}
                      placeholder={t('inst.town')}
                      allowClear
                      value={query.town}
                      onChange={(v?: string) => setFilter('town', v)}
                      options={towns}
                      style={{ width: 150 }}
                      data-testid="town-filter"
                    />
                  )}
                  <Select
                    aria-label={t('inst.kind')}
                    placeholder={t('inst.kind')}
                    allowClear
                    value={query.kind}
                    onChange={(v?: string) => setFilter('kind', v)}
                    options={INSTITUTION_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k) }))}
                    style={{ width: 170 }}
                  />
                  <Select
                    aria-label={t('inst.status')}
                    placeholder={t('inst.status')}
                    allowClear
                    value={query.status}
                    onChange={(v?: string) => setFilter('status', v)}
                    options={INSTITUTION_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) }))}
                    style={{ width: 150 }}
                  />
                  <Select
                    aria-label={t('inst.inclusiveFilter')}
                    placeholder={t('inst.inclusiveFilter')}
                    allowClear
                    value={query.inclusive}
                    onChange={(v?: string) => setFilter('inclusive', v)}
                    options={[
                      { value: 'true', label: t('inst.inclusiveYes') },
                      { value: 'false', label: t('inst.inclusiveNo') },
                    ]}
                    style={{ width: 130 }}
                  />
                  <Select
                    aria-label={t('feeList.list.filter')}
                    placeholder={t('feeList.list.filter')}
                    allowClear
                    value={query.feeList}
                    onChange={(v?: string) => setFilter('feeList', v)}
                    options={[{ value: 'missing', label: t('feeList.list.filterMissing') }]}
                    style={{ width: 140 }}
                    data-testid="fee-list-filter"
                  />
                </Space>
                <Space wrap>
                  {can(me, 'institutions.export') && <ExportButtons query={filters} total={total} />}
                  {can(me, 'institutions.import') && (
                    <Button icon={<UploadOutlined />} onClick={() => navigate('import')}>
                      {t('imp.open')}
                    </Button>
                  )}
                  {can(me, 'institutions.create') && (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
                      {t('inst.create')}
                    </Button>
                  )}
                </Space>
              </Space>
            </>
          );
        }}
      />
    </Card>
  );
}
