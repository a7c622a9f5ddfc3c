/**
 * /admin/quality/feedback/:id — one institution's feedback and print-ready report: grade, radar by
 * dimension (with the previous round), round-over-round change, main gaps, peer comments (anonymous in a
 * blind round), the improvement plan tracked to completion, and the year's supervision findings (a seam
 * until the supervision module is wired). "Print report" prints this page (print CSS hides the console).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Input, List, Space, Table, Tag } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type Feedback, qualityApi } from './api.ts';
import { RadarCard } from './RadarCard.tsx';
import { GradeTag } from './shared.tsx';

const pct = (score: number, max: number) => (max > 0 ? Math.round((score / max) * 1000) / 10 : 0);

export default function FeedbackPage() {
  const t = useT();
  const [lang] = useLang();
  const id = useParams().id ?? '';
  const q = useQuery({
    queryKey: keys.quality.feedback(id),
    queryFn: ({ signal }) => qualityApi.feedback(id, signal),
  });
  const f = q.data;
  if (!f) return <Card loading={q.isLoading}>{q.error ? String(q.error) : null}</Card>;
  const p = f.participant;
  const prev = new Map((f.previous?.dimensions ?? []).map((d) => [d.code, pct(d.score, d.max)]));
  const axes = p.dimensions.map((d) => d.name);
  const series = [{ name: t('quality.fb.thisRound'), values: p.dimensions.map((d) => pct(d.score, d.max)) }];
  if (f.previous)
    series.push({
      name: t('quality.fb.previous', { year: f.previous.year }),
      values: p.dimensions.map((d) => prev.get(d.code) ?? 0),
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12} className="quality-report">
      <style>
        {
          '@media print { .ant-layout-sider, .ant-layout-header, .no-print, nav { display: none !important; } .quality-report { width: 100% !important; } }'
        }
      </style>
      <Card
        title={
          <h1 style={{ fontSize: 18, margin: 0 }}>
            {t('quality.fb.title')} · {p.institutionName}
          </h1>
        }
        extra={
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('quality.fb.print')}
          </Button>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('quality.rounds.name')}>{f.round.name}</Descriptions.Item>
          <Descriptions.Item label={t('quality.round.grade')}>
            <Space size={4}>
              <GradeTag grade={p.grade} t={t} />
              {p.vetoed && <Tag color="red">{t('quality.round.veto')}</Tag>}
              {p.demonstration && <Tag color="purple">{t('quality.round.demonstration')}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('quality.round.percent')}>
            {p.percent === null ? '—' : `${p.percent}%`}
            {f.previous?.percent != null && p.percent !== null && (
              <span data-testid="change">
                {' '}
                （{t('quality.fb.change')} {p.percent - f.previous.percent >= 0 ? '+' : ''}
                {Math.round((p.percent - f.previous.percent) * 10) / 10}）
              </span>
            )}
          </Descriptions.Item>
        </Descriptions>
        {p.grade === null && <Alert type="info" title={t('quality.fb.pending')} />}
      </Card>
      {p.dimensions.length > 0 && <RadarCard title={t('quality.fb.radar')} axes={axes} series={series} />}
      {!f.previous && p.dimensions.length > 0 && <Alert type="info" title={t('quality.fb.noPrevious')} />}
      <Card size="small" title={t('quality.fb.gaps')}>
        <Table
          rowKey={(g) => `${g.dimension}-${g.item}`}
          size="small"
          pagination={false}
          dataSource={f.gaps}
          columns={[
            { title: t('quality.fw.dimension'), dataIndex: 'dimension', key: 'd' },
            { title: t('quality.fw.item'), dataIndex: 'item', key: 'i' },
            { title: t('quality.fb.lost'), key: 'l', render: (_, g) => `${g.lost} / ${g.points}` },
          ]}
        />
      </Card>
      <Card size="small" title={t('quality.fb.peer')}>
        <List
          size="small"
          dataSource={f.peerReviews}
          renderItem={(r) => (
            <List.Item>
              <strong>{r.reviewer ?? t('quality.fb.reviewerHidden')}</strong>：{r.total ?? '—'} ·{' '}
              {r.comment || '—'}
            </List.Item>
          )}
        />
      </Card>
      <Improvements f={f} participantId={id} />
      <Card size="small" title={t('quality.fb.findings')}>
        {f.findings.source === 'none' ? (
          <Alert type="info" title={pick(lang, f.findings.label.zh, f.findings.label.en)} />
        ) : (
          <List
            size="small"
            dataSource={f.findings.items}
            renderItem={(x) => <List.Item>{`${x.date} ${x.title}`}</List.Item>}
          />
        )}
      </Card>
    </Space>
  );
}

function Improvements({ f, participantId }: { f: Feedback; participantId: string }) {
  const t = useT();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<dayjs.Dayjs | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const refresh = () => {
    qc.invalidateQueries({ queryKey: keys.quality.feedback(participantId) });
    message.success(t('quality.round.done'));
  };
  const add = useMutation({
    mutationFn: () =>
      qualityApi.addImprovement(participantId, {
        title,
        dimensionCode: '',
        dueDate: due?.format('YYYY-MM-DD') ?? '',
      }),
    onSuccess: () => {
      setTitle('');
      setDue(null);
      refresh();
    },
    onError: (e) => showError(e),
  });
  const done = useMutation({
    mutationFn: (i: { id: string; version: number }) =>
      qualityApi.completeImprovement(i.id, { version: i.version, note: notes[i.id] ?? '' }),
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  const may = can(me, 'quality.improve');
  return (
    <Card size="small" title={t('quality.fb.plan')}>
      <List
        size="small"
        dataSource={f.improvements}
        renderItem={(i) => (
          <List.Item
            extra={
              i.status === 'open' && may ? (
                <Space.Compact className="no-print">
                  <Input
                    aria-label={t('quality.fb.doneNote')}
                    placeholder={t('quality.fb.doneNote')}
                    value={notes[i.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [i.id]: e.target.value })}
                  />
                  <Button disabled={!notes[i.id]?.trim()} onClick={() => done.mutate(i)}>
                    {t('quality.fb.markDone')}
                  </Button>
                </Space.Compact>
              ) : null
            }
          >
            <Space wrap>
              <Tag color={i.status === 'done' ? 'green' : 'processing'}>
                {i.status === 'done' ? '✓' : '…'}
              </Tag>
              {i.title} · {t('quality.fb.due')} {i.dueDate}
              {i.doneNote && <span>（{i.doneNote}）</span>}
            </Space>
          </List.Item>
        )}
      />
      {may && (
        <Space.Compact className="no-print" style={{ marginTop: 8, width: '100%' }}>
          <Input
            aria-label={t('quality.fb.itemTitle')}
            placeholder={t('quality.fb.itemTitle')}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
          <DatePicker aria-label={t('quality.fb.due')} value={due} onChange={setDue} />
          <Button disabled={!title.trim() || !due} onClick={() => add.mutate()}>
            {t('quality.fb.addItem')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
