/** /admin/audit — the audit trail for audit_admin: filters, expandable changes, chain verification. */

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ROLES, type Role } from '../../../../domain/contracts/auth.ts';
import { type AuditEntry, type AuditQuery, api } from '../../api/client.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { type MessageKey, pick, useLang, useT } from '../../i18n/index.tsx';
import { AUDIT_ACTIONS, isAuditAction } from './actions.ts';
import { ChangesTable } from './ChangesTable.tsx';

type Result = AuditEntry['result'];
/** Object types the trail records, with their labels. */
const OBJECT_TYPES: Record<string, string> = {
  institution: 'scope.institution',
  user: 'audit.objectUser',
  calendar: 'nav.calendar',
};
const RESULTS: readonly Result[] = ['success', 'failure', 'denied'];
const RESULT_COLOR: Record<Result, string> = { success: 'green', failure: 'orange', denied: 'red' };

interface FilterValues {
  action?: string;
  actor?: string;
  objectType?: string;
  role?: Role;
  result?: Result;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;

function toFilters(v: FilterValues): Filters {
  const text = (s?: string) => s?.trim() || undefined;
  return {
    action: text(v.action),
    actor: text(v.actor),
    objectType: text(v.objectType),
    role: v.role,
    result: v.result,
    // ISO 8601 with the browser's offset, e.g. 2026-03-01T00:00:00+08:00.
    from: v.range?.[0]?.format() ?? undefined,
    to: v.range?.[1]?.format() ?? undefined,
  };
}

export default function AuditPage() {
  const t = useT();
  const [lang] = useLang();
  const showError = useShowError();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const query: AuditQuery = { ...filters, page, pageSize };
  const entries = useQuery({
    queryKey: keys.audit.list(query),
    queryFn: ({ signal }) => api.audit.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => api.audit.verify(), onError: (err) => showError(err) });

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
  ];

  const expanded = (e: AuditEntry) => (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('audit.object')}>
          {objectText(e)}
          {e.objectType && e.objectName && ` · ${typeText(e.objectType)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.scope')}>
          {e.scopeLabel ? pick(lang, e.scopeLabel.zh, e.scopeLabel.en) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.requestId')}>{e.requestId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.hash')}>
          <code style={{ wordBreak: 'break-all' }}>{e.hash}</code>
        </Descriptions.Item>
      </Descriptions>
      <div>
        <strong>{t('audit.changes')}</strong>
        {e.changes ? (
          <ChangesTable changes={e.changes} />
        ) : (
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('audit.noChanges')}</div>
        )}
      </div>
    </div>
  );

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
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters(toFilters(values));
          setPage(1);
        }}
      >
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.anyAction')}
            style={{ width: 180 }}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="role" label={t('audit.role')}>
          <Select
            allowClear
            placeholder={t('audit.anyRole')}
            style={{ width: 150 }}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="objectType" label={t('audit.objectType')}>
          <Select
            allowClear
            style={{ width: 130 }}
            options={Object.keys(OBJECT_TYPES).map((o) => ({ value: o, label: typeText(o) }))}
          />
        </Form.Item>
        <Form.Item name="result" label={t('audit.result')}>
          <Select
            allowClear
            placeholder={t('audit.anyResult')}
            style={{ width: 120 }}
            options={RESULTS.map((r) => ({ value: r, label: t(`audit.result.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.timeRange')}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        columns={columns}
        dataSource={entries.data?.items}
        loading={entries.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: expanded }}
        locale={
          entries.error
            ? { emptyText: problemText(entries.error, lang, t('common.unknownError')) }
            : undefined
        }
        pagination={{
          current: page,
          pageSize,
          total: entries.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
