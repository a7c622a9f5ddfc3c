/**
 * The changes of one audit entry as a field | before | after table. A change recorded as a pair
 * [before, after] fills both columns; a single value is the value written (after). Field labels come
 * from the i18n files (the registry's and the accounts' labels), else the field's key.
 */
import { Table } from 'antd';
import { StatusTag } from '../../components/StatusTag.tsx';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';

interface Row {
  field: string;
  before: unknown;
  after: unknown;
  pair: boolean;
}

const FIELD_PREFIXES = ['inst.', 'users.', 'audit.', 'cal.'];

export function fieldKey(field: string): MessageKey | null {
  const special: Record<string, MessageKey> = { reason: 'inst.reason', status: 'inst.status' };
  if (special[field]) return special[field];
  for (const p of FIELD_PREFIXES) if (`${p}${field}` in zhCN) return `${p}${field}` as MessageKey;
  return null;
}

/** The rows of a changes object: pairs are before/after, anything else is the value written. */
export function changeRows(changes: Record<string, unknown>): Row[] {
  return Object.entries(changes).map(([field, v]) =>
    Array.isArray(v) && v.length === 2 && !Array.isArray(v[0])
      ? { field, before: v[0], after: v[1], pair: true }
      : { field, before: undefined, after: v, pair: false },
  );
}

function show(v: unknown, field: string) {
  if (v === undefined) return '—';
  if (v === null || v === '') return '∅';
  if (field === 'status' && typeof v === 'string') return <StatusTag set="institution" status={v} />;
  if (typeof v === 'object') return <code style={{ wordBreak: 'break-all' }}>{JSON.stringify(v)}</code>;
  return String(v);
}

export function ChangesTable({ changes }: { changes: Record<string, unknown> }) {
  const t = useT();
  return (
    <Table<Row>
      data-testid="audit-changes"
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={changeRows(changes)}
      columns={[
        {
          title: t('audit.field'),
          key: 'field',
          render: (_, r) => {
            const key = fieldKey(r.field);
            return key ? t(key) : r.field;
          },
        },
        {
          title: t('audit.before'),
          key: 'before',
          render: (_, r) => (r.pair ? show(r.before, r.field) : '—'),
        },
        { title: t('audit.after'), key: 'after', render: (_, r) => show(r.after, r.field) },
      ]}
    />
  );
}
