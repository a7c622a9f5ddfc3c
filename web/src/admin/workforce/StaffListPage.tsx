/** The staff list (masked personal numbers), filtered by post, on the kit's PagedTable. */
import { Button, Card, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { POST_LABELS, POSTS, staffListQuery } from '../../../../domain/contracts/workforce.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type StaffSummary, workforceApi } from './api.ts';
import { AddStaffModal } from './forms.tsx';

export default function StaffListPage() {
  const t = useT();
  const [lang] = useLang();
  const zh = lang === 'zh-CN';
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  // Hiring is at the admin's own institution (the API takes an institution in the caller's scope).
  const ownInstitution = me.scope?.kind === 'institution' ? me.scope.institutionId : null;
  const mayHire = can(me, 'workforce.manage') && ownInstitution !== null;
  const mayImport = can(me, 'workforce.import');
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
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('workforce.staffTitle')}</h1>}
      extra={
        <Space>
          {mayImport && (
            <Link to="/admin/workforce/staff/import">
              <Button>{t('workforce.import.button')}</Button>
            </Link>
          )}
          {mayHire && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('workforce.form.addStaff')}
            </Button>
          )}
        </Space>
      }
    >
      {mayHire && (
        <AddStaffModal
          institutionId={ownInstitution}
          open={adding}
          onClose={(id) => {
            setAdding(false);
            if (id) navigate(`/admin/workforce/staff/${id}`);
          }}
        />
      )}
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
