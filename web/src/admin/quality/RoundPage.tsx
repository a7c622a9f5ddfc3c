/** /admin/quality/rounds/:id — one round: the draw (commitment, then secret), participants and results, actions. */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiUrl } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { can, useCurrentMe } from '../session.ts';
import { type Participant, qualityApi, type RoundDetail } from './api.ts';
import { fmtDate, GradeTag, RoundStatusTag } from './shared.tsx';

export default function RoundPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const id = useParams().id ?? '';
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [evaluator, setEvaluator] = useState('');
  const round = useQuery({
    queryKey: keys.quality.round(id),
    queryFn: ({ signal }) => qualityApi.round(id, signal),
  });
  const act = useMutation({
    mutationFn: (run: () => Promise<RoundDetail>) => run(),
    onSuccess: (r) => {
      qc.setQueryData(keys.quality.round(id), r);
      qc.invalidateQueries({ queryKey: keys.quality.rounds });
      message.success(t('quality.round.done'));
    },
    onError: (e) => showError(e),
  });
  const r = round.data;
  if (!r) return <Card loading={round.isLoading}>{round.error ? String(round.error) : null}</Card>;
  const manage = can(me, 'quality.manage') && r.status === 'open';
  const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <h1 style={{ fontSize: 18, margin: 0 }}>
            {r.name} <RoundStatusTag status={r.status} t={t} />
          </h1>
        }
        extra={
          <Space wrap>
            {manage && !r.draw.drawnAt && (
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() => act.mutate(() => qualityApi.draw(r.id, r.version))}
              >
                {t('quality.round.doDraw')}
              </Button>
            )}
            {manage && (
              <Button
                loading={act.isPending}
                onClick={() => act.mutate(() => qualityApi.complete(r.id, r.version))}
              >
                {t('quality.round.complete')}
              </Button>
            )}
            {can(me, 'quality.export') && (
              <Button
                icon={<DownloadOutlined />}
                href={apiUrl(`/quality/rounds/${r.id}/export`, { format: 'xlsx' })}
                download
              >
                {t('quality.round.export')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('quality.rounds.framework')}>{r.frameworkName}</Descriptions.Item>
          <Descriptions.Item label={t('quality.rounds.weights')}>
            {r.weights.self} / {r.weights.peer} / {r.weights.commissioned}
          </Descriptions.Item>
          <Descriptions.Item label={t('quality.rounds.selfDeadline')}>
            {fmtDate(r.selfDeadline, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('quality.rounds.reviewDeadline')}>
            {fmtDate(r.reviewDeadline, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('quality.rounds.blind')}>{r.blind ? '✓' : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('quality.rounds.publication')}>
            {t(`quality.pub.${r.publication}`)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('quality.round.draw')} size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('quality.round.commitment')}>
            <span style={mono} data-testid="commitment">
              {r.draw.commitment}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('quality.round.secret')}>
            {r.draw.secretHex ? (
              <span style={mono}>{r.draw.secretHex}</span>
            ) : (
              t('quality.round.secretHidden')
            )}
          </Descriptions.Item>
          {r.draw.seed && (
            <Descriptions.Item label={t('quality.round.seed')}>
              <span style={mono}>{r.draw.seed}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('quality.round.drawnAt')}>
            {fmtDate(r.draw.drawnAt, lang)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {can(me, 'quality.manage') && (
        <Card title={t('quality.round.evaluators')} size="small">
          <Space wrap>
            {r.evaluators.map((e) => (
              <Tag key={e.userId}>{e.username}</Tag>
            ))}
            {manage && (
              <Space.Compact>
                <Input
                  aria-label={t('quality.round.evaluatorUsername')}
                  placeholder={t('quality.round.evaluatorUsername')}
                  value={evaluator}
                  onChange={(e) => setEvaluator(e.target.value)}
                />
                <Button
                  disabled={!evaluator.trim()}
                  onClick={() => act.mutate(() => qualityApi.assignEvaluator(r.id, evaluator.trim()))}
                >
                  {t('quality.round.assign')}
                </Button>
              </Space.Compact>
            )}
          </Space>
        </Card>
      )}
      <Card size="small" title={t('quality.rounds.institutions')}>
        <Table<Participant>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={r.items}
          columns={[
            { title: t('quality.round.institution'), dataIndex: 'institutionName', key: 'name' },
            { title: t('quality.round.town'), key: 'town', render: (_, p) => townName(lang, p.townCode) },
            {
              title: t('quality.round.progress'),
              key: 'progress',
              render: (_, p) => (
                <Typography.Text>
                  {t('quality.kind.self')} {p.submitted.self ? '✓' : '…'} · {t('quality.kind.peer')}{' '}
                  {p.submitted.peer}/{p.submitted.peerNeeded} · {t('quality.kind.commissioned')}{' '}
                  {p.submitted.commissioned ? '✓' : '…'}
                </Typography.Text>
              ),
            },
            { title: t('quality.round.total'), key: 'total', render: (_, p) => p.total ?? '—' },
            {
              title: t('quality.round.percent'),
              key: 'pct',
              render: (_, p) => (p.percent === null ? '—' : `${p.percent}%`),
            },
            {
              title: t('quality.round.grade'),
              key: 'grade',
              render: (_, p) => (
                <Space size={4}>
                  <GradeTag grade={p.grade} t={t} />
                  {p.vetoed && <Tag color="red">{t('quality.round.veto')}</Tag>}
                  {p.demonstration && <Tag color="purple">{t('quality.round.demonstration')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('quality.round.feedback'),
              key: 'fb',
              render: (_, p) => (
                <Link to={`/admin/quality/feedback/${p.id}`}>{t('quality.round.feedback')}</Link>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
