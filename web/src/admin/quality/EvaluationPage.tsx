/**
 * /admin/quality/evaluations/:id — the evaluation form: every item of the framework with its points
 * and guidance; a score of 0 … points in steps of 0.5; veto items can be marked failed. Phone-sized:
 * one card per dimension. The server checks again (a score above an item's points is a 400).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { checkScores } from '../../../../domain/quality/scoring.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { evidenceUrl, qualityApi, uploadEvidence } from './api.ts';
import { fmtDate, kindLabel } from './shared.tsx';

interface Entry {
  score: number | null;
  vetoed: boolean;
  note: string;
}

export default function EvaluationPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const id = useParams().id ?? '';
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const q = useQuery({
    queryKey: keys.quality.evaluation(id),
    queryFn: ({ signal }) => qualityApi.evaluation(id, signal),
  });
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [comment, setComment] = useState('');
  const e = q.data;
  useEffect(() => {
    if (!e) return;
    setEntries(
      Object.fromEntries(
        e.scores.map((s) => [s.itemCode, { score: s.score, vetoed: s.vetoed, note: s.note }]),
      ),
    );
    setComment(e.comment);
  }, [e]);
  const scores = useMemo(
    () =>
      Object.entries(entries)
        .filter(([, v]) => v.score !== null)
        .map(([itemCode, v]) => ({ itemCode, score: v.score ?? 0, vetoed: v.vetoed, note: v.note })),
    [entries],
  );
  const submit = useMutation({
    mutationFn: () => qualityApi.submit(id, { version: e?.version ?? 1, scores, comment }),
    onSuccess: (d) => {
      qc.setQueryData(keys.quality.evaluation(id), d);
      qc.invalidateQueries({ queryKey: keys.quality.all });
      message.success(t('quality.form.submitted'));
    },
    onError: (err) => showError(err),
  });
  const attach = useMutation({
    mutationFn: (file: File) => uploadEvidence(id, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.quality.evaluation(id) }),
    onError: (err) => showError(err),
  });
  if (!e) return <Card loading={q.isLoading}>{q.error ? String(q.error) : null}</Card>;
  const open = can(me, 'quality.evaluate') && new Date(e.deadline) > new Date();
  const problems = e ? checkScores(e.framework.dimensions, scores) : [];
  const total = scores.reduce((a, s) => a + s.score, 0);
  const set = (code: string, patch: Partial<Entry>) =>
    setEntries((cur) => ({
      ...cur,
      [code]: { score: null, vetoed: false, note: '', ...cur[code], ...patch },
    }));
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 860 }} size={12}>
      <Card
        title={
          <h1 style={{ fontSize: 18, margin: 0 }}>
            {t('quality.form.title')} · {e.institutionName}
          </h1>
        }
      >
        <Typography.Paragraph>
          {e.roundName} · {kindLabel(t, e.kind)} · {t('quality.tasks.deadline')} {fmtDate(e.deadline, lang)}
          {e.kind === 'peer' && (
            <>
              {' '}
              · {t('quality.form.reviewer')} {e.reviewerName ?? t('quality.form.blind')}
            </>
          )}
        </Typography.Paragraph>
        {e.framework.sample && <Alert type="warning" showIcon title={t('quality.fw.sampleNote')} />}
        {!open && <Alert type="info" title={t('quality.form.closed')} style={{ marginTop: 8 }} />}
      </Card>
      {e.framework.dimensions.map((d) => (
        <Card key={d.code} size="small" title={`${d.code} ${d.name}`}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {d.items.map((i) => {
              const v = entries[i.code];
              return (
                <div key={i.code} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
                  <Typography.Text strong>
                    {i.code} {i.name}（{i.points}）
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '2px 0 6px', color: 'rgba(0,0,0,0.6)' }}>
                    {i.guidance}
                  </Typography.Paragraph>
                  <Space wrap>
                    <InputNumber
                      aria-label={`${i.code} ${t('quality.form.score')}`}
                      data-testid={`score-${i.code}`}
                      min={0}
                      step={0.5}
                      disabled={!open}
                      value={v?.score ?? null}
                      onChange={(x) => set(i.code, { score: x === null ? null : Number(x) })}
                      status={v?.score != null && v.score > i.points ? 'error' : undefined}
                    />
                    {i.veto && (
                      <Checkbox
                        disabled={!open}
                        checked={v?.vetoed ?? false}
                        onChange={(x) => set(i.code, { vetoed: x.target.checked })}
                      >
                        {t('quality.form.failed')}
                      </Checkbox>
                    )}
                    <Input
                      aria-label={`${i.code} ${t('quality.form.note')}`}
                      placeholder={t('quality.form.note')}
                      disabled={!open}
                      maxLength={500}
                      value={v?.note ?? ''}
                      onChange={(x) => set(i.code, { note: x.target.value })}
                      style={{ minWidth: 220 }}
                    />
                  </Space>
                </div>
              );
            })}
          </Space>
        </Card>
      ))}
      <Card size="small" title={t('quality.form.evidence')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {e.evidence.map((x) => (
            <a key={x.id} href={evidenceUrl(e.id, x.id)} download>
              {x.fileName}
            </a>
          ))}
          {open && (
            <input
              type="file"
              aria-label={t('quality.form.evidence')}
              accept="application/pdf,image/jpeg,image/png"
              disabled={attach.isPending}
              onChange={(x) => {
                const f = x.target.files?.[0];
                if (f) attach.mutate(f);
                x.target.value = '';
              }}
            />
          )}
          <Typography.Text type="secondary">{t('quality.form.evidenceHint')}</Typography.Text>
        </Space>
      </Card>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={t('quality.form.comment')}
            placeholder={t('quality.form.comment')}
            disabled={!open}
            maxLength={2000}
            value={comment}
            onChange={(x) => setComment(x.target.value)}
          />
          <Typography.Text>
            {t('quality.form.total')}: {total} / {e.framework.maxPoints}
          </Typography.Text>
          {open && problems.length > 0 && scores.length > 0 && (
            <Alert
              type="error"
              title={problems
                .slice(0, 3)
                .map((p) => (lang === 'zh-CN' ? p.zh : p.en))
                .join('；')}
            />
          )}
          {open && (
            <Button
              type="primary"
              data-testid="submit-evaluation"
              loading={submit.isPending}
              disabled={problems.length > 0}
              onClick={() => submit.mutate()}
            >
              {t('quality.form.submit')}
            </Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}
