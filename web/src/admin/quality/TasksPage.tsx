/** /admin/quality/evaluations — the forms the caller fills in: an institution's self-evaluation and drawn peer reviews; an evaluator's commissioned forms. */
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { type Evaluation, qualityApi } from './api.ts';
import { evalStatusLabel, fmtDate, kindLabel } from './shared.tsx';

export default function TasksPage() {
  const t = useT();
  const [lang] = useLang();
  const list = useQuery({
    queryKey: keys.quality.evaluations(),
    queryFn: ({ signal }) => qualityApi.evaluations(undefined, signal),
  });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('quality.tasks.title')}</h1>}>
      <Table<Evaluation>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('quality.tasks.empty') }}
        columns={[
          { title: t('quality.rounds.name'), dataIndex: 'roundName', key: 'round' },
          { title: t('quality.tasks.target'), dataIndex: 'institutionName', key: 'inst' },
          { title: t('quality.tasks.kind'), key: 'kind', render: (_, e) => kindLabel(t, e.kind) },
          {
            title: t('quality.rounds.status'),
            key: 'status',
            render: (_, e) => (
              <Tag color={e.status === 'submitted' ? 'green' : 'processing'}>
                {evalStatusLabel(t, e.status)}
              </Tag>
            ),
          },
          {
            title: t('quality.tasks.deadline'),
            key: 'deadline',
            render: (_, e) => fmtDate(e.deadline, lang),
          },
          {
            title: '',
            key: 'go',
            render: (_, e) => (
              <Link to={`/admin/quality/evaluations/${e.id}`}>
                {e.status === 'submitted' ? t('quality.tasks.view') : t('quality.tasks.fill')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
