/** The staff list (masked personal numbers), filtered by post, on the kit's PagedTable. */
import { Card, Select, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { POST_LABELS, POSTS, staffListQuery } from '../../../../domain/contracts/workforce.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { type StaffSummary, workforceApi } from './api.ts';

export default function StaffListPage() {
  const t = useT();
  const [lang] = useLang();
  const zh = lang === 'zh-CN';
  const columns: TableColumnsType<StaffSummary> = [
    {
      title: t('workforce.name'),
      key: 'name',
      render: (_, r) => <Link to={`/admin/workforce/staff/${r.id}`}>{r.name}</Link>,
    },
    { title: t('workforce.idNumber'), dataIndex: 'idNumber', key: 'idNumber' },
    { title: t('workforce.mobile'), dataIndex: 'mobile', key: 'mobile' },
    {
      title: t('workforce.post'),
      key: 'post',
      render: (_, r) => (r.post ? POST_LABELS[r.post][zh ? 'zh' : 'en'] : '—'),
    },
    { title: t('workforce.institution'), dataIndex: 'institutionName', key: 'institution' },
    {
      title: t('workforce.certified'),
      key: 'certified',
      render: (_, r) =>
        r.banned ? (
          <Tag color="red">{t('workforce.banned')}</Tag>
        ) : r.certified ? (
          <Tag color="green">{t('workforce.certifiedYes')}</Tag>
        ) : (
          <Tag color="orange">{t('workforce.certifiedNo')}</Tag>
        ),
    },
  ];
  return (
    <Card title={t('workforce.staffTitle')}>
      <PagedTable
        schema={staffListQuery}
        queryKey={keys.workforce.staff}
        fetchPage={(q, signal) => workforceApi.staff(q, signal)}
        rowKey="id"
        label={t('workforce.staffTitle')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Select
            allowClear
            aria-label={t('workforce.post')}
            placeholder={t('workforce.post')}
            style={{ width: 180 }}
            value={query.post}
            onChange={(v) => setFilter('post', v)}
            options={POSTS.map((p) => ({ value: p, label: POST_LABELS[p][zh ? 'zh' : 'en'] }))}
          />
        )}
      />
    </Card>
  );
}
