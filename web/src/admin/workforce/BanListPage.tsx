/** /admin/workforce/bans — the lifetime-ban list (district officers): hashed entries, reason, decision, matches. */
import { Card, type TableColumnsType, Tag } from 'antd';
import { BAN_ROLE_LABELS, banListQuery } from '../../../../domain/contracts/workforce.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { type BanPage, workforceApi } from './api.ts';

export default function BanListPage() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
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
  return (
    <Card title={t('workforce.bansTitle')}>
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
