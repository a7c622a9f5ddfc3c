/**
 * /admin/quality/frameworks — the indicator framework versions. The sample (WS/T 821-2023's seven
 * dimensions) is labelled as a sample; the district edits its own by saving a new version (points,
 * veto items, grade bands); a version used by a round never changes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type Framework, qualityApi } from './api.ts';

type Item = Framework['dimensions'][number]['items'][number];

export default function FrameworksPage() {
  const t = useT();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [editing, setEditing] = useState<Framework | null>(null);
  const list = useQuery({
    queryKey: keys.quality.frameworks,
    queryFn: ({ signal }) => qualityApi.frameworks(signal),
  });
  const install = useMutation({
    mutationFn: () => qualityApi.installSample(),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.quality.frameworks });
      message.success(t('quality.round.done'));
    },
    onError: (e) => showError(e),
  });
  const manage = can(me, 'quality.manage');
  const items = list.data?.items ?? [];
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('quality.fw.title')}</h1>}
      extra={
        manage && (
          <Button onClick={() => install.mutate()} loading={install.isPending}>
            {t('quality.fw.install')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <Alert type="warning" showIcon title={t('quality.fw.sampleNote')} />
        {items.length === 0 && !list.isLoading && <Alert type="info" title={t('quality.fw.empty')} />}
        <Collapse
          items={items.map((f) => ({
            key: f.id,
            label: (
              <Space wrap>
                <strong>{f.name}</strong>
                <Tag>
                  {t('quality.fw.revision')} {f.revision}
                </Tag>
                {f.sample && <Tag color="orange">{t('quality.fw.sample')}</Tag>}
                {f.inUse && <Tag color="blue">{t('quality.fw.inUse')}</Tag>}
                <span>
                  {t('quality.fw.maxPoints')} {f.maxPoints}
                </span>
              </Space>
            ),
            // The button sits in the panel, not in the header: the header is itself a button (axe
            // nested-interactive).
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {manage && (
                  <Button size="small" onClick={() => setEditing(f)}>
                    {t('quality.fw.newVersion')}
                  </Button>
                )}
                <FrameworkTable f={f} />
              </Space>
            ),
          }))}
        />
      </Space>
      {editing && <NewVersionDialog base={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function FrameworkTable({
  f,
  onChange,
}: {
  f: Framework;
  onChange?: (code: string, patch: Partial<Item>) => void;
}) {
  const t = useT();
  const rows = f.dimensions.flatMap((d) => d.items.map((i) => ({ ...i, dimension: `${d.code} ${d.name}` })));
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('quality.fw.dimension'), dataIndex: 'dimension', key: 'd' },
        { title: t('quality.fw.item'), key: 'i', render: (_, i) => `${i.code} ${i.name}` },
        {
          title: t('quality.fw.points'),
          key: 'p',
          render: (_, i) =>
            onChange ? (
              <InputNumber
                aria-label={`${i.code} ${t('quality.fw.points')}`}
                min={1}
                max={100}
                value={i.points}
                onChange={(v) => onChange(i.code, { points: Number(v ?? 1) })}
              />
            ) : (
              i.points
            ),
        },
        {
          title: t('quality.fw.vetoItem'),
          key: 'v',
          render: (_, i) =>
            onChange ? (
              <Checkbox
                aria-label={`${i.code} ${t('quality.fw.vetoItem')}`}
                checked={i.veto}
                onChange={(e) => onChange(i.code, { veto: e.target.checked })}
              />
            ) : i.veto ? (
              <Tag color="red">{t('quality.fw.vetoItem')}</Tag>
            ) : null,
        },
        { title: t('quality.fw.guidance'), dataIndex: 'guidance', key: 'g' },
      ]}
    />
  );
}

function NewVersionDialog({ base, onClose }: { base: Framework; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const showError = useShowError();
  const [draft, setDraft] = useState<Framework>({
    ...base,
    name: base.name.replace(/^【示例】/, ''),
    sample: false,
  });
  const save = useMutation({
    mutationFn: () =>
      qualityApi.createFramework({
        code: draft.code,
        name: draft.name,
        dimensions: draft.dimensions,
        gradeBands: draft.gradeBands,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.quality.frameworks });
      onClose();
    },
    onError: (e) => showError(e),
  });
  const patchItem = (code: string, patch: Partial<Item>) =>
    setDraft((d) => ({
      ...d,
      dimensions: d.dimensions.map((dim) => ({
        ...dim,
        items: dim.items.map((i) => (i.code === code ? { ...i, ...patch } : i)),
      })),
    }));
  const band = (k: 'excellent' | 'good' | 'qualified') => (
    <InputNumber
      aria-label={`${t('quality.fw.bands')} ${k}`}
      min={1}
      max={100}
      value={draft.gradeBands[k]}
      onChange={(v) => setDraft((d) => ({ ...d, gradeBands: { ...d.gradeBands, [k]: Number(v ?? 1) } }))}
    />
  );
  return (
    <Modal
      open
      width={960}
      title={t('quality.fw.newVersion')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          aria-label={t('quality.rounds.name')}
          value={draft.name}
          maxLength={200}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
        />
        <Space>
          {t('quality.fw.bands')} {band('excellent')} {band('good')} {band('qualified')}
        </Space>
        <FrameworkTable f={draft} onChange={patchItem} />
      </Space>
    </Modal>
  );
}
