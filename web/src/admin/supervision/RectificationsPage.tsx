/**
 * /admin/supervision/rectifications — rectification items in scope: the institution submits evidence,
 * the inspector or town officer verifies and closes or returns (actions come from the server). The
 * institution's evidence dialog takes photos and PDFs (stored at once, deletable until submitted); the
 * verifier sees them as thumbnails and links.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';
import { evidence, type Rectification, rectifications } from './api.ts';
import { EvidenceFiles } from './EvidenceFiles.tsx';

const STATUS_COLOR = { open: 'blue', evidence_submitted: 'gold', closed: 'green' } as const;
const SEVERITY_COLOR = { minor: 'default', major: 'orange', serious: 'red' } as const;
type Step = Rectification['permittedActions'][number];

export default function RectificationsPage() {
  const t = useT();
  const [lang] = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const me = useCurrentMe();
  const [filter, setFilter] = useState<'pending' | 'evidence' | 'overdue' | 'all'>('pending');
  const [dialog, setDialog] = useState<{ r: Rectification; action: Step } | null>(null);
  const [text, setText] = useState('');
  const list = useQuery({
    queryKey: keys.supervision.rectifications(filter),
    queryFn: ({ signal }) =>
      rectifications
        .list(
          filter === 'overdue'
            ? { overdue: 'true' }
            : filter === 'evidence'
              ? { status: 'evidence_submitted' }
              : {},
          signal,
        )
        .then((d) => (filter === 'pending' ? { items: d.items.filter((i) => i.status !== 'closed') } : d)),
  });
  const step = useMutation({
    mutationFn: (v: { r: Rectification; action: Step; text?: string }) =>
      rectifications.step(v.r.id, {
        version: v.r.version,
        action: v.action,
        ...(v.action === 'submit_evidence' ? { evidenceText: v.text ?? '' } : {}),
        ...(v.action === 'return' ? { reason: v.text ?? '' } : {}),
      }),
    onSuccess: (_, v) => {
      message.success(t(`supervision.rect.done.${v.action}`));
      setDialog(null);
      setText('');
      void qc.invalidateQueries({ queryKey: ['supervision', 'rectifications'] });
    },
    onError: (e) => showError(e),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['supervision', 'rectifications'] });
  const addFiles = useMutation({
    mutationFn: async (v: { id: string; files: File[] }) => {
      for (const f of v.files) await evidence.uploadFile(v.id, f);
    },
    onSuccess: () => {
      message.success(t('supervision.evidence.fileUploaded'));
      void refresh();
    },
    onError: (e) => {
      void refresh();
      showError(e);
    },
  });
  const removeFile = useMutation({
    mutationFn: (v: { id: string; fileId: string }) => evidence.deleteFile(v.id, v.fileId),
    onSuccess: () => {
      message.success(t('supervision.evidence.deleted'));
      void refresh();
    },
    onError: (e) => showError(e),
  });
  // The dialog's item as the list now has it (its files change while the dialog is open).
  const current = dialog ? (list.data?.items.find((i) => i.id === dialog.r.id) ?? dialog.r) : null;
  const act = (r: Rectification, action: Step) => {
    if (action === 'verify') return step.mutate({ r, action });
    setText('');
    setDialog({ r, action });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('supervision.nav.rectifications')}</h1>
      <p style={{ margin: 0 }}>{t('supervision.rect.deadlineRule')}</p>
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[
          { value: 'pending', label: t('supervision.rect.filter.pending') },
          { value: 'evidence', label: t('supervision.rect.filter.evidence') },
          { value: 'overdue', label: t('supervision.rect.filter.overdue') },
          { value: 'all', label: t('supervision.rect.filter.all') },
        ]}
      />
      <Table<Rectification>
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('supervision.rect.institution'), dataIndex: 'institutionName' },
          {
            title: t('supervision.rect.item'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  <Tag color={SEVERITY_COLOR[r.severity]}>{t(`supervision.severity.${r.severity}`)}</Tag>
                  {t(`supervision.category.${r.category}`)} · {pick(lang, r.itemZh, r.itemEn)}
                </span>
                <span style={{ color: '#595959' }}>{r.note}</span>
                {r.evidenceText ? (
                  <span>{t('supervision.rect.evidence', { text: r.evidenceText })}</span>
                ) : null}
                {r.returnReason && r.status === 'open' ? (
                  <span>{t('supervision.rect.returned', { text: r.returnReason })}</span>
                ) : null}
                <EvidenceFiles
                  files={r.attachments}
                  urlOf={(fileId) => evidence.fileUrl(r.id, fileId)}
                  testId={`sv-rect-files-${r.id}`}
                />
              </Space>
            ),
          },
          {
            title: t('supervision.rect.deadline'),
            render: (_, r) => (
              <Space size={4}>
                <span>{r.deadline}</span>
                {r.overdue ? <Tag color="red">{t('supervision.rect.overdue')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('supervision.admin.status'),
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]}>{t(`supervision.rect.status.${r.status}`)}</Tag>
            ),
          },
          {
            title: '',
            render: (_, r) => (
              <Space wrap>
                {r.permittedActions.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    type={a === 'return' ? 'default' : 'primary'}
                    loading={step.isPending && step.variables?.r.id === r.id && step.variables.action === a}
                    onClick={() => act(r, a)}
                    data-testid={`sv-rect-${a}`}
                  >
                    {t(`supervision.rect.action.${a}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!dialog}
        title={dialog ? t(`supervision.rect.action.${dialog.action}`) : ''}
        okText={t('supervision.rect.confirm')}
        onCancel={() => setDialog(null)}
        confirmLoading={step.isPending}
        onOk={() => dialog && current && step.mutate({ r: current, action: dialog.action, text })}
      >
        <Input.TextArea
          aria-label={
            dialog?.action === 'return' ? t('supervision.rect.reason') : t('supervision.rect.evidenceText')
          }
          placeholder={
            dialog?.action === 'return' ? t('supervision.rect.reason') : t('supervision.rect.evidenceText')
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 3 }}
          maxLength={dialog?.action === 'return' ? 500 : 2000}
        />
        {dialog?.action === 'submit_evidence' && current ? (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Typography.Text strong>{t('supervision.evidence.files')}</Typography.Text>
            <EvidenceFiles
              files={current.attachments}
              urlOf={(fileId) => evidence.fileUrl(current.id, fileId)}
              me={me.id}
              onDelete={(fileId) => removeFile.mutate({ id: current.id, fileId })}
              testId="sv-rect-dialog-files"
            />
            <input
              type="file"
              multiple
              accept="image/jpeg,image/png,application/pdf"
              aria-label={t('supervision.evidence.addFiles')}
              data-testid="sv-rect-file-input"
              disabled={addFiles.isPending}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                if (files.length) addFiles.mutate({ id: current.id, files });
                e.target.value = '';
              }}
            />
            <Typography.Text type="secondary">{t('supervision.evidence.filesHint')}</Typography.Text>
          </Space>
        ) : null}
      </Modal>
    </Space>
  );
}
