/** /admin/quality/demonstration — candidates of the latest completed round ranked by score; the district confirms 1–2. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { type Candidates, qualityApi } from './api.ts';
import { GradeTag } from './shared.tsx';

type Candidate = Candidates['items'][number];

export default function DemonstrationPage() {
  const t = useT();
  const [lang] = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useQuery({
    queryKey: keys.quality.demonstration(),
    queryFn: ({ signal }) => qualityApi.candidates(undefined, signal),
  });
  const rounds = useQuery({
    queryKey: keys.quality.rounds,
    queryFn: ({ signal }) => qualityApi.rounds(signal),
  });
  const roundName = rounds.data?.items.find((r) => r.id === list.data?.roundId)?.name;
  const set = useMutation({
    mutationFn: (c: { id: string; version: number; on: boolean }) =>
      qualityApi.setDemonstration(c.id, c.version, c.on),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.quality.all });
      message.success(t('quality.round.done'));
    },
    onError: (e) => showError(e),
  });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('quality.demo.title')}</h1>}>
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <Alert type="info" title={t('quality.demo.intro')} />
        {roundName && <strong data-testid="demonstration-round">{roundName}</strong>}
        {list.data && (
          <Alert
            type="warning"
            showIcon
            title={pick(lang, list.data.findingsNote.zh, list.data.findingsNote.en)}
          />
        )}
        <Table<Candidate>
          rowKey="participantId"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('quality.demo.empty') }}
          columns={[
            { title: t('quality.demo.rank'), dataIndex: 'rank', key: 'rank' },
            { title: t('quality.round.institution'), dataIndex: 'institutionName', key: 'name' },
            { title: t('quality.round.percent'), key: 'pct', render: (_, c) => `${c.percent}%` },
            {
              title: t('quality.round.grade'),
              key: 'grade',
              render: (_, c) => <GradeTag grade={c.grade} t={t} />,
            },
            {
              title: t('quality.round.demonstration'),
              key: 'demo',
              render: (_, c) =>
                c.demonstration ? (
                  <Space>
                    <Tag color="purple">{t('quality.round.demonstration')}</Tag>
                    <Button
                      size="small"
                      onClick={() => set.mutate({ id: c.participantId, version: c.version, on: false })}
                    >
                      {t('quality.demo.withdraw')}
                    </Button>
                  </Space>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`confirm-${c.rank}`}
                    onClick={() => set.mutate({ id: c.participantId, version: c.version, on: true })}
                  >
                    {t('quality.demo.confirm')}
                  </Button>
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
