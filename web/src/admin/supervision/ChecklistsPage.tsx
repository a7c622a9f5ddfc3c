/**
 * /admin/supervision/checklists — the district's checklist templates (latest version per category).
 * The district edits a template by publishing a new version; inspections keep the version they used.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type Checklist, type ChecklistItem, checklists } from './api.ts';

const SEVERITIES = ['minor', 'major', 'serious'] as const;
const SEVERITY_COLOR = { minor: 'default', major: 'orange', serious: 'red' } as const;

function Editor({ list, onDone }: { list: Checklist; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [items, setItems] = useState<ChecklistItem[]>(list.items);
  const set = (i: number, patch: Partial<ChecklistItem>) =>
    setItems((xs) => xs.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const publish = useMutation({
    mutationFn: () => checklists.publish(list.category, items),
    onSuccess: (v) => {
      message.success(t('supervision.checklist.published', { v: v.version }));
      onDone();
    },
    onError: (e) => showError(e),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<ChecklistItem & { k: number }>
        rowKey="k"
        size="small"
        pagination={false}
        dataSource={items.map((x, k) => ({ ...x, k }))}
        columns={[
          {
            title: t('supervision.checklist.code'),
            width: 150,
            render: (_, r) => (
              <Input
                aria-label={t('supervision.checklist.code')}
                value={r.code}
                onChange={(e) => set(r.k, { code: e.target.value })}
              />
            ),
          },
          {
            title: t('supervision.checklist.severity'),
            width: 110,
            render: (_, r) => (
              <Select
                aria-label={t('supervision.checklist.severity')}
                value={r.severity}
                onChange={(v) => set(r.k, { severity: v })}
                options={SEVERITIES.map((s) => ({ value: s, label: t(`supervision.severity.${s}`) }))}
              />
            ),
          },
          {
            title: t('supervision.checklist.points'),
            width: 90,
            render: (_, r) => (
              <InputNumber
                aria-label={t('supervision.checklist.points')}
                min={1}
                max={100}
                value={r.points}
                onChange={(v) => set(r.k, { points: v ?? 1 })}
              />
            ),
          },
          {
            title: t('supervision.checklist.text'),
            render: (_, r) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input aria-label="中文" value={r.zh} onChange={(e) => set(r.k, { zh: e.target.value })} />
                <Input aria-label="English" value={r.en} onChange={(e) => set(r.k, { en: e.target.value })} />
              </Space>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_, r) => (
              <Button size="small" danger onClick={() => setItems((xs) => xs.filter((_, k) => k !== r.k))}>
                {t('supervision.checklist.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space>
        <Button
          onClick={() =>
            setItems((xs) => [
              ...xs,
              {
                code: `${list.category}-${String(xs.length + 1).padStart(2, '0')}`,
                severity: 'minor',
                points: 2,
                zh: '',
                en: '',
              },
            ])
          }
        >
          {t('supervision.checklist.add')}
        </Button>
        <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>
          {t('supervision.checklist.publish', { v: list.version + 1 })}
        </Button>
        <Button onClick={onDone}>{t('supervision.checklist.cancel')}</Button>
      </Space>
    </Space>
  );
}

export default function ChecklistsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const q = useQuery({
    queryKey: keys.supervision.checklists(),
    queryFn: ({ signal }) => checklists.list(signal),
  });
  const mayPublish = can(me, 'supervision.checklist_publish');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('supervision.nav.checklists')}</h1>
      <p style={{ margin: 0 }}>{t('supervision.checklist.help')}</p>
      <Tabs
        items={(q.data?.items ?? []).map((c) => ({
          key: c.category,
          label: t(`supervision.category.${c.category}`),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <span>
                  {t('supervision.checklist.version', { v: c.version, at: c.publishedAt.slice(0, 10) })}
                </span>
                {mayPublish && editing !== c.id ? (
                  <Button size="small" onClick={() => setEditing(c.id)}>
                    {t('supervision.checklist.edit')}
                  </Button>
                ) : null}
              </Space>
              {editing === c.id ? (
                <Editor
                  list={c}
                  onDone={() => {
                    setEditing(null);
                    void qc.invalidateQueries({ queryKey: keys.supervision.checklists() });
                  }}
                />
              ) : (
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={c.items}
                  columns={[
                    { title: t('supervision.checklist.code'), dataIndex: 'code', width: 140 },
                    {
                      title: t('supervision.checklist.severity'),
                      width: 90,
                      render: (_, r) => (
                        <Tag color={SEVERITY_COLOR[r.severity]}>
                          {t(`supervision.severity.${r.severity}`)}
                        </Tag>
                      ),
                    },
                    { title: t('supervision.checklist.points'), dataIndex: 'points', width: 70 },
                    { title: t('supervision.checklist.text'), render: (_, r) => pick(lang, r.zh, r.en) },
                  ]}
                />
              )}
            </Space>
          ),
        }))}
      />
    </Space>
  );
}
