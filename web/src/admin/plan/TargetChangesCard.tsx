/**
 * 修改目标值 on the plan versions page: a district officer changes the target values of the district's
 * own successor plan. The impact preview comes first — each target row (district and towns) judged on
 * today's measurement against the old and the new value — and saving needs the decision's citation and
 * a preview of exactly the values being saved.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { useTowns } from '../families/labels.ts';
import { type PlanVersion, planApi, type TargetPreview, type VersionTarget } from './api.ts';
import { StatusOf, targetText } from './shared.tsx';

type Draft = Record<string, { value: number | null; valueMax: number | null }>;
type Change = { seedId: string; value: number | null; valueMax: number | null };

const same = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null);

function changesOf(targets: readonly VersionTarget[], draft: Draft): Change[] {
  return targets.flatMap((x) => {
    const d = draft[x.seedId];
    if (!d || (same(d.value, x.value) && same(d.valueMax, x.valueMax))) return [];
    return [{ seedId: x.seedId, value: d.value, valueMax: d.valueMax }];
  });
}

export function TargetChangesCard({ version }: { version: PlanVersion }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { townName } = useTowns();
  const [draft, setDraft] = useState<Draft>({});
  const [citation, setCitation] = useState('');
  const [preview, setPreview] = useState<{ key: string; result: TargetPreview } | null>(null);
  const q = useQuery({
    queryKey: keys.plan.versionTargets(version.id),
    queryFn: ({ signal }) => planApi.versionTargets(version.id, signal),
  });
  const targets = q.data?.targets ?? [];
  const changes = changesOf(targets, draft);
  const changesKey = JSON.stringify(changes);
  const previewed = preview !== null && preview.key === changesKey;
  const run = useMutation({
    mutationFn: () => planApi.previewTargets(version.id, { changes }),
    onSuccess: (result) => setPreview({ key: changesKey, result }),
    onError: (err) => message.error(problemText(err, lang, t('common.unknownError'))),
  });
  const save = useMutation({
    mutationFn: () => planApi.changeTargets(version.id, { changes, citation }),
    onSuccess: (result) => {
      message.success(t('plan.tc.saved', { n: result.updated }));
      setDraft({});
      setPreview(null);
      setCitation('');
      void qc.invalidateQueries({ queryKey: keys.plan.all });
    },
    onError: (err) => message.error(problemText(err, lang, t('common.unknownError'))),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  if (q.data && !q.data.editable) return null;
  const set = (x: VersionTarget, field: 'value' | 'valueMax', v: number | null) =>
    setDraft((d) => ({
      ...d,
      [x.seedId]: {
        value: d[x.seedId]?.value ?? x.value,
        valueMax: d[x.seedId]?.valueMax ?? x.valueMax,
        [field]: v,
      },
    }));
  const result = preview?.result;
  return (
    <Card
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>
          {t('plan.tc.title', { title: version.title, doc: version.docNumber })}
        </h2>
      }
    >
      <Typography.Paragraph>{t('plan.tc.intro')}</Typography.Paragraph>
      <Table<VersionTarget>
        rowKey="seedId"
        size="small"
        loading={q.isLoading}
        dataSource={targets}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('plan.tc.target'), dataIndex: 'titleZh', key: 'title' },
          { title: t('plan.tc.current'), key: 'current', width: 150, render: (_, x) => targetText(x, t) },
          {
            title: t('plan.tc.newValue'),
            key: 'value',
            width: 150,
            render: (_, x) => (
              <InputNumber
                aria-label={t('plan.tc.valueOf', { target: x.titleZh })}
                min={0}
                value={draft[x.seedId]?.value ?? x.value}
                onChange={(v) => set(x, 'value', v ?? null)}
              />
            ),
          },
          {
            title: t('plan.tc.newMax'),
            key: 'valueMax',
            width: 150,
            render: (_, x) =>
              x.valueMax === null ? (
                '—'
              ) : (
                <InputNumber
                  aria-label={t('plan.tc.maxOf', { target: x.titleZh })}
                  min={0}
                  value={draft[x.seedId]?.valueMax ?? x.valueMax}
                  onChange={(v) => set(x, 'valueMax', v ?? null)}
                />
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <Button disabled={changes.length === 0} loading={run.isPending} onClick={() => run.mutate()}>
          {t('plan.tc.preview', { n: changes.length })}
        </Button>
      </Space>
      {result && (
        <div style={{ marginTop: 16 }} data-testid="target-preview">
          <Alert
            type={result.changed > 0 ? 'warning' : 'info'}
            showIcon
            message={t('plan.tc.previewHead', { year: result.year, date: result.onDate, n: result.changed })}
            description={previewed ? t('plan.tc.scope') : t('plan.tc.stale')}
          />
          <Table
            rowKey="id"
            size="small"
            style={{ marginTop: 8 }}
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={result.rows}
            columns={[
              { title: t('plan.tc.target'), dataIndex: 'titleZh', key: 'title' },
              {
                title: t('plan.tc.where'),
                key: 'where',
                render: (_, r) => (r.townCode ? townName(r.townCode) : t('plan.tc.district')),
              },
              {
                title: t('plan.tc.measured'),
                key: 'scaled',
                render: (_, r) => {
                  if (r.scaled === null) return t('plan.noSource');
                  const fmt = (v: number) =>
                    `${Math.round(v * 10) / 10}${r.unit === '%' || r.perUnit ? '%' : ''}`;
                  // A per-unit target: the share reaching the old value → the share reaching the new one.
                  return r.perUnit && r.scaledAfter !== null && r.scaledAfter !== r.scaled
                    ? `${fmt(r.scaled)} → ${fmt(r.scaledAfter)}`
                    : fmt(r.scaled);
                },
              },
              {
                title: t('plan.tc.before'),
                key: 'before',
                render: (_, r) => (
                  <Space size={4}>
                    {r.before.value ?? '—'}
                    <StatusOf status={r.before.status} t={t} />
                  </Space>
                ),
              },
              {
                title: t('plan.tc.after'),
                key: 'after',
                render: (_, r) => (
                  <Space size={4}>
                    <strong>{r.after.value ?? '—'}</strong>
                    <StatusOf status={r.after.status} t={t} />
                    {r.changes && <span>{t('plan.tc.changes')}</span>}
                  </Space>
                ),
              },
            ]}
          />
          <Form layout="vertical" style={{ marginTop: 16, maxWidth: 640 }}>
            <Form.Item label={t('plan.tc.citation')} htmlFor="tc-citation" required>
              <Input
                id="tc-citation"
                maxLength={300}
                value={citation}
                onChange={(e) => setCitation(e.target.value)}
              />
            </Form.Item>
            <Button
              type="primary"
              disabled={!previewed || citation.trim() === ''}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {t('plan.tc.save')}
            </Button>
          </Form>
        </div>
      )}
    </Card>
  );
}
