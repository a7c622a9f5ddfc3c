/**
 * /admin/families/requests — guardians' correction and deletion requests in scope (the district, or the
 * officer's town), most urgent first, with the 15-working-day deadline and an overdue flag. The buttons
 * are the answer's `permittedActions`: complete (a deletion anonymises the family — confirmed first) or
 * reject with a reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Modal, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { FAMILY_REQUEST_STATUSES, familyRequestListQuery } from '../../../../domain/contracts/families.ts';
import { findDivision } from '../../../../domain/divisions.ts';
import { problemText } from '../../api/errors.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { type FamilyRequest, familyRequestsApi, familyRequestsKey } from './api.ts';

const COLORS = { submitted: 'processing', done: 'green', rejected: 'default' } as const;

export default function RequestsPage() {
  const t = useT();
  const [lang] = useLang();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [rejecting, setRejecting] = useState<FamilyRequest | null>(null);
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: ({ r, action, why }: { r: FamilyRequest; action: 'complete' | 'reject'; why?: string }) =>
      familyRequestsApi.transition(r.id, { action, version: r.version, ...(why ? { reason: why } : {}) }),
    onSuccess: () => {
      message.success(t('families.saved'));
      setRejecting(null);
      setReason('');
      void qc.invalidateQueries({ queryKey: ['families'] });
    },
    onError: (e) => message.error(problemText(e, lang, t('families.loadFailed'))),
  });
  const complete = (r: FamilyRequest) => {
    if (r.kind !== 'deletion') return act.mutate({ r, action: 'complete' });
    modal.confirm({
      title: t('families.requests.confirmDeletion'),
      content: t('families.requests.confirmDeletionText'),
      okText: t('families.requests.action.complete'),
      okButtonProps: { danger: true },
      onOk: () => act.mutateAsync({ r, action: 'complete' }),
    });
  };
  const columns: TableColumnsType<FamilyRequest> = [
    { title: t('families.requests.submittedOn'), dataIndex: 'submittedOn', key: 'submitted' },
    {
      title: t('families.requests.family'),
      key: 'family',
      render: (_, r) => {
        const town = findDivision(r.townCode);
        return `${town ? pick(lang, town.nameZh, town.nameEn) : r.townCode} · ${r.communityName} · ${r.guardianName}`;
      },
    },
    {
      title: t('families.requests.kind'),
      key: 'kind',
      render: (_, r) => (
        <Tag color={r.kind === 'deletion' ? 'red' : 'blue'}>{t(`families.requests.kind.${r.kind}`)}</Tag>
      ),
    },
    {
      title: t('families.requests.content'),
      key: 'content',
      render: (_, r) => (
        <span>
          {r.field ? <strong>{t(`families.requests.field.${r.field}`)}</strong> : null}
          {r.field && r.text ? '：' : null}
          {r.text}
        </span>
      ),
    },
    {
      title: t('families.requests.dueOn'),
      key: 'due',
      render: (_, r) => (
        <Space size={4}>
          {r.dueOn ?? <Tag color="warning">{t('families.requests.calendarMissing')}</Tag>}
          {r.overdue ? <Tag color="error">{t('families.requests.overdue')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('families.status'),
      key: 'status',
      render: (_, r) => <Tag color={COLORS[r.status]}>{t(`families.requests.status.${r.status}`)}</Tag>,
    },
    { title: t('families.requests.resolution'), dataIndex: 'resolution', key: 'resolution' },
    {
      title: t('families.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space>
          {r.permittedActions.map((action) => (
            <Button
              key={action}
              size="small"
              danger={action === 'complete' && r.kind === 'deletion'}
              type={action === 'complete' ? 'primary' : 'default'}
              loading={act.isPending && act.variables?.r.id === r.id && act.variables.action === action}
              onClick={() => (action === 'complete' ? complete(r) : setRejecting(r))}
            >
              {t(`families.requests.action.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('families.requests.title')}</h1>}>
      <p>{t('families.requests.help')}</p>
      <PagedTable
        schema={familyRequestListQuery}
        queryKey={(q) => [...familyRequestsKey, q]}
        fetchPage={(q, signal) => familyRequestsApi.list(q, signal)}
        rowKey="id"
        label={t('families.requests.title')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              allowClear
              aria-label={t('families.status')}
              placeholder={t('families.status')}
              style={{ width: 150 }}
              value={query.status}
              onChange={(v) => setFilter('status', v)}
              options={FAMILY_REQUEST_STATUSES.map((s) => ({
                value: s,
                label: t(`families.requests.status.${s}`),
              }))}
            />
            <Select
              allowClear
              aria-label={t('families.requests.overdue')}
              placeholder={t('families.requests.overdue')}
              style={{ width: 150 }}
              value={query.overdue}
              onChange={(v) => setFilter('overdue', v)}
              options={[{ value: 'true', label: t('families.requests.overdueOnly') }]}
            />
          </Space>
        )}
      />
      <Modal
        open={rejecting !== null}
        title={t('families.requests.rejectTitle')}
        okText={t('families.requests.action.reject')}
        okButtonProps={{ disabled: reason.trim() === '', loading: act.isPending }}
        onOk={() => rejecting && act.mutate({ r: rejecting, action: 'reject', why: reason.trim() })}
        onCancel={() => {
          setRejecting(null);
          setReason('');
        }}
      >
        <label htmlFor="fr-reason">{t('families.requests.reason')}</label>
        <Input.TextArea
          id="fr-reason"
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
