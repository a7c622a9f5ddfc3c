/** /admin/workforce/bans — the lifetime-ban list (district officers): hashed entries, reason, decision, matches. */
import { Button, Card, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { BAN_ROLE_LABELS, banListQuery } from '../../../../domain/contracts/workforce.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type BanPage, workforceApi } from './api.ts';
import { AddBanModal, LiftBanModal } from './forms.tsx';

export default function BanListPage() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const me = useCurrentMe();
  const manage = can(me, 'workforce.ban_manage');
  const [adding, setAdding] = useState(false);
  const [lifting, setLifting] = useState<string | null>(null);
  const columns: TableColumnsType<BanPage['items'][number]> = [
    { title: t('workforce.name'), key: 'name', render: (_, r) => r.name ?? t('workforce.imported') },
    { title: t('workforce.banRole'), key: 'role', render: (_, r) => BAN_ROLE_LABELS[r.role][l] },
    { title: t('workforce.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('workforce.decision'),
      key: 'decision',
      render: (_, r) => `${r.decisionRef}（${r.decisionDate}）`,
    },
    { title: t('workforce.matches'), dataIndex: 'matches', key: 'matches' },
    {
      title: t('workforce.status'),
      key: 'status',
      render: (_, r) =>
        r.liftedAt ? <Tag>{t('workforce.lifted')}</Tag> : <Tag color="red">{t('workforce.inForce')}</Tag>,
    },
  ];
  if (manage)
    columns.push({
      title: t('workforce.form.actions'),
      key: 'actions',
      render: (_, r) =>
        !r.liftedAt && (
          <Button size="small" onClick={() => setLifting(r.id)}>
            {t('workforce.form.liftBan')}
          </Button>
        ),
    });
  return (
    <Card
      title={t('workforce.bansTitle')}
      extra={
        manage && (
          <Button type="primary" danger onClick={() => setAdding(true)}>
            {t('workforce.form.addBan')}
          </Button>
        )
      }
    >
      {manage && (
        <>
          <AddBanModal open={adding} onClose={() => setAdding(false)} />
          <LiftBanModal banId={lifting} onClose={() => setLifting(null)} />
        </>
      )}
      <p>{t('workforce.bansNote')}</p>
      <PagedTable
        schema={banListQuery}
        queryKey={keys.workforce.bans}
        fetchPage={(q, signal) => workforceApi.bans(q, signal)}
        rowKey="id"
        label={t('workforce.bansTitle')}
        columns={columns}
      />
    </Card>
  );
}
