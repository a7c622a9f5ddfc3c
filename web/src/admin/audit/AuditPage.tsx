/**
 * /admin/audit — the audit trail for audit_admin, on the kit's PagedTable (page, filters in the URL):
 * selects for action, account (picker from GET /audit/actors), role, object type and result, a time
 * range, the export of the filtered trail (XLSX/CSV, audited), details with the changes table, and
 * chain verification.
 */

import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { auditQuery } from '../../../../domain/contracts/audit.ts';
import { ROLES, type Role } from '../../../../domain/contracts/auth.ts';
import { EXPORT_SYNC_MAX_ROWS } from '../../../../domain/contracts/import.ts';
import { type AuditEntry, api } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { type MessageKey, pick, useLang, useT } from '../../i18n/index.tsx';
import { AUDIT_ACTIONS, isAuditAction } from './actions.ts';
import { type AuditExportQuery, auditApi } from './api.ts';
import { ChangesTable } from './ChangesTable.tsx';

type Result = AuditEntry['result'];
/** Object types the trail records, with their labels. */
const OBJECT_TYPES: Record<string, string> = {
  institution: 'scope.institution',
  user: 'audit.objectUser',
  calendar: 'nav.calendar',
  audit_log: 'audit.title',
};
const RESULTS: readonly Result[] = ['success', 'failure', 'denied'];
const RESULT_COLOR: Record<Result, string> = { success: 'green', failure: 'orange', denied: 'red' };

export default function AuditPage() {
  const t = useT();
  const [lang] = useLang();
  const showError = useShowError();
  const { modal } = App.useApp();
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const verify = useMutation({ mutationFn: () => api.audit.verify(), onError: (err) => showError(err) });
  const actors = useQuery({ queryKey: keys.audit.actors, queryFn: ({ signal }) => auditApi.actors(signal) });

  const actionText = (a: string) => (isAuditAction(a) ? t(`auditAction.${a}`) : a);
  const typeText = (type: string) => (type in OBJECT_TYPES ? t(OBJECT_TYPES[type] as MessageKey) : type);
  // The object's name when the auditor may name it (resolved by the server now), else its type.
  const objectText = (e: AuditEntry) =>
    e.objectName ? pick(lang, e.objectName.zh, e.objectName.en) : e.objectType ? typeText(e.objectType) : '—';
  const roleLabel = (r: string | null) =>
    r === null ? '—' : (ROLES as readonly string[]).includes(r) ? t(`role.${r as Role}`) : r;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) => (
        <span title={e.actorUsername ?? undefined}>{e.actorName ?? e.actorUsername ?? '—'}</span>
      ),
    },
    { title: t('audit.role'), key: 'role', render: (_, e) => roleLabel(e.role) },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (v: string) => <span title={v}>{actionText(v)}</span>,
    },
    { title: t('audit.object'), key: 'object', render: (_, e) => objectText(e) },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      key: 'result',
      render: (r: Result) => <Tag color={RESULT_COLOR[r]}>{t(`audit.result.${r}`)}</Tag>,
    },
    { title: t('audit.ip'), key: 'ip', render: (_, e) => e.ip ?? '—' },
    {
      title: t('audit.details'),
      key: 'details',
      fixed: 'right',
      render: (_, e) => (
        <Button
          type="link"
          size="small"
          aria-label={t('audit.detailsOf', { seq: e.seq })}
          onClick={() => setOpen(e)}
        >
          {t('audit.details')}
        </Button>
      ),
    },
  ];

  const download = (query: AuditExportQuery, total: number | undefined) => {
    const button = (format: 'xlsx' | 'csv', label: string) =>
      (total ?? 0) > EXPORT_SYNC_MAX_ROWS ? (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          onClick={() =>
            auditApi.exportJob({ ...query, format }).then(
              (job) => {
                modal.info({
                  title: t('exp.background'),
                  content: (
                    <a href={job.downloadUrl} download>
                      {t('exp.download')}
                    </a>
                  ),
                });
              },
              (err) => showError(err),
            )
          }
        >
          {label}
        </Button>
      ) : (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          href={auditApi.exportUrl({ ...query, format })}
          download
          data-testid={`audit-export-${format}`}
        >
          {label}
        </Button>
      );
    return [button('xlsx', t('audit.exportXlsx')), button('csv', t('audit.exportCsv'))];
  };

  const v = verify.data;
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('audit.title')}</h1>}
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {v && (
        <Alert
          role="status"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={v.ok ? 'success' : 'error'}
          title={
            v.ok
              ? t('audit.verifyOk', { count: v.count })
              : t('audit.verifyBroken', { seq: v.brokenAt ?? '—', count: v.count, reason: v.reason ?? '' })
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <PagedTable<AuditEntry, (typeof auditQuery)['_output']>
        schema={auditQuery}
        queryKey={(q) => keys.audit.list(q)}
        fetchPage={(q, signal) => api.audit.list(q, signal)}
        columns={columns}
        rowKey="seq"
        label={t('audit.title')}
        toolbar={({ query, setFilter, total }) => {
          const { page: _p, pageSize: _s, ...filters } = query;
          const date = (s: string | undefined) => (s ? dayjs(s) : null);
          return (
            <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} data-testid="audit-filters">
              <Form.Item label={t('audit.action')} htmlFor="audit-action">
                <Select
                  id="audit-action"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('audit.anyAction')}
                  style={{ width: 180 }}
                  value={filters.action}
                  onChange={(a?: string) => setFilter('action', a)}
                  options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
                />
              </Form.Item>
              <Form.Item label={t('audit.actor')} htmlFor="audit-actor">
                <Select
                  id="audit-actor"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('audit.anyActor')}
                  style={{ width: 260 }}
                  loading={actors.isLoading}
                  value={filters.actorId}
                  onChange={(id?: string) => setFilter('actorId', id)}
                  options={(actors.data?.items ?? []).map((a) => ({
                    value: a.id,
                    label: t('audit.actorOption', { name: a.displayName, role: roleLabel(a.role) }),
                  }))}
                  data-testid="audit-actor"
                />
              </Form.Item>
              <Form.Item label={t('audit.role')} htmlFor="audit-role">
                <Select
                  id="audit-role"
                  allowClear
                  placeholder={t('audit.anyRole')}
                  style={{ width: 150 }}
                  value={filters.role}
                  onChange={(r?: string) => setFilter('role', r)}
                  options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                />
              </Form.Item>
              <Form.Item label={t('audit.objectType')} htmlFor="audit-object-type">
                <Select
                  id="audit-object-type"
                  allowClear
                  placeholder={t('audit.anyObjectType')}
                  style={{ width: 130 }}
                  value={filters.objectType}
                  onChange={(o?: string) => setFilter('objectType', o)}
                  options={Object.keys(OBJECT_TYPES).map((o) => ({ value: o, label: typeText(o) }))}
                />
              </Form.Item>
              <Form.Item label={t('audit.result')} htmlFor="audit-result">
                <Select
                  id="audit-result"
                  allowClear
                  placeholder={t('audit.anyResult')}
                  style={{ width: 120 }}
                  value={filters.result}
                  onChange={(r?: string) => setFilter('result', r)}
                  options={RESULTS.map((r) => ({ value: r, label: t(`audit.result.${r}`) }))}
                />
              </Form.Item>
              <Form.Item label={t('audit.from')} htmlFor="audit-from">
                <DatePicker
                  id="audit-from"
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  value={date(filters.from)}
                  onChange={(d) => setFilter('from', d ? d.format() : undefined)}
                />
              </Form.Item>
              <Form.Item label={t('audit.to')} htmlFor="audit-to">
                <DatePicker
                  id="audit-to"
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  value={date(filters.to)}
                  onChange={(d) => setFilter('to', d ? d.format() : undefined)}
                />
              </Form.Item>
              <Form.Item>
                <Space wrap>{download(filters, total)}</Space>
              </Form.Item>
            </Form>
          );
        }}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t('audit.detailsTitle', { seq: open.seq, action: actionText(open.action) }) : ''}
        size="large"
      >
        {open && (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('audit.at')}>
                {dayjs(open.at).format('YYYY-MM-DD HH:mm:ss')}
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.actor')}>
                {open.actorName ?? open.actorUsername ?? '—'}
                {open.actorName && open.actorUsername && ` (${open.actorUsername})`}
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.object')}>
                {objectText(open)}
                {open.objectType && open.objectName && ` · ${typeText(open.objectType)}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.scope')}>
                {open.scopeLabel ? pick(lang, open.scopeLabel.zh, open.scopeLabel.en) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.requestId')}>{open.requestId ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('audit.hash')}>
                <code style={{ wordBreak: 'break-all' }}>{open.hash}</code>
              </Descriptions.Item>
            </Descriptions>
            <div>
              <strong>{t('audit.changes')}</strong>
              {open.changes ? (
                <ChangesTable changes={open.changes} />
              ) : (
                <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t('audit.noChanges')}</div>
              )}
            </div>
          </div>
        )}
      </Drawer>
    </Card>
  );
}
