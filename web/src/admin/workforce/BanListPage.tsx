/** /admin/workforce/bans — the lifetime-ban list (district officers): hashed entries, reason, decision, matches. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, type TableColumnsType, Tag, Upload } from 'antd';
import { useState } from 'react';
import {
  BAN_REASON_CATEGORY_LABELS,
  BAN_ROLE_LABELS,
  banListQuery,
} from '../../../../domain/contracts/workforce.ts';
import { findDivision } from '../../../../domain/divisions.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type BanListFile, type BanPage, workforceApi } from './api.ts';
import { AddBanModal, LiftBanModal } from './forms.tsx';

export default function BanListPage() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const me = useCurrentMe();
  const manage = can(me, 'workforce.ban_manage');
  const [adding, setAdding] = useState(false);
  const [lifting, setLifting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  /** Download the signed list (ADR 0018) as a JSON file. */
  const exportList = async () => {
    setBusy(true);
    try {
      const file = await workforceApi.exportBans();
      const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `ban-list-${file.exportedBy}-${file.exportedAt.slice(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      void message.error(problemText(e, lang, t('workforce.loadFailed')));
    } finally {
      setBusy(false);
    }
  };
  /** Read the chosen file and send it; the server checks the signature. */
  const importList = async (f: File) => {
    setBusy(true);
    setResult(null);
    try {
      let body: BanListFile;
      try {
        body = JSON.parse(await f.text()) as BanListFile;
      } catch {
        setResult({ type: 'error', text: t('workforce.importBadFile') });
        return;
      }
      const r = await workforceApi.importBans(body);
      setResult({
        type: 'success',
        text: t('workforce.importDone', { received: r.received, added: r.added, skipped: r.skipped }),
      });
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
    } catch (e) {
      setResult({ type: 'error', text: problemText(e, lang, t('workforce.importBadFile')) });
    } finally {
      setBusy(false);
    }
  };
  const columns: TableColumnsType<BanPage['items'][number]> = [
    { title: t('workforce.name'), key: 'name', render: (_, r) => r.name ?? t('workforce.imported') },
    { title: t('workforce.banRole'), key: 'role', render: (_, r) => BAN_ROLE_LABELS[r.role][l] },
    { title: t('workforce.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('workforce.reasonCategory'),
      key: 'reasonCategory',
      render: (_, r) => BAN_REASON_CATEGORY_LABELS[r.reasonCategory][l],
    },
    {
      title: t('workforce.issuingDistrict'),
      key: 'issuingDistrict',
      render: (_, r) => {
        const d = findDivision(r.issuingDistrict);
        return d ? (l === 'zh' ? d.nameZh : d.nameEn) : r.issuingDistrict;
      },
    },
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
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('workforce.bansTitle')}</h1>}
      extra={
        manage && (
          <Space>
            <Button loading={busy} onClick={() => void exportList()}>
              {t('workforce.exportList')}
            </Button>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(f) => {
                void importList(f);
                return false;
              }}
            >
              <Button loading={busy}>{t('workforce.importList')}</Button>
            </Upload>
            <Button type="primary" danger onClick={() => setAdding(true)}>
              {t('workforce.form.addBan')}
            </Button>
          </Space>
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
      {manage && <p>{t('workforce.exchangeNote')}</p>}
      {result && (
        <Alert
          type={result.type}
          showIcon
          closable
          onClose={() => setResult(null)}
          message={result.text}
          style={{ marginBottom: 12 }}
        />
      )}
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
