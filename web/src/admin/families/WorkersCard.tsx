/**
 * 社区分工 on the home-visits page: the communities in scope with the health worker in charge of their
 * home visits; a district or town officer picks one of the town's health workers (or clears it).
 * Visits scheduled without a named worker go to the community's.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Select, Table } from 'antd';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { familiesApi } from './api.ts';
import { useTowns } from './labels.ts';

export function WorkersCard() {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const { townName } = useTowns();
  const communities = useQuery({
    queryKey: keys.families.communities,
    queryFn: ({ signal }) => familiesApi.communities(signal),
  });
  const workers = useQuery({
    queryKey: keys.families.healthWorkers,
    queryFn: ({ signal }) => familiesApi.healthWorkers(signal),
  });
  const assign = useMutation({
    mutationFn: (v: { code: string; workerId: string | null }) =>
      familiesApi.assignWorker(v.code, { workerId: v.workerId }),
    onSuccess: () => {
      message.success(t('families.saved'));
      void qc.invalidateQueries({ queryKey: keys.families.communities });
    },
    onError: (e) => showError(e),
  });
  const error = communities.error ?? workers.error;
  if (error)
    return <Alert type="error" showIcon message={problemText(error, lang, t('families.loadFailed'))} />;
  const all = workers.data?.items ?? [];
  return (
    <Card title={t('families.workersTitle')} extra={t('families.workersHint')}>
      <Table
        size="small"
        rowKey="code"
        loading={!communities.data || !workers.data}
        scroll={{ x: 'max-content' }}
        aria-label={t('families.workersTitle')}
        pagination={{ pageSize: 10 }}
        dataSource={communities.data?.items ?? []}
        columns={[
          { title: t('families.town'), render: (_, c) => townName(c.townCode) },
          { title: t('families.community'), dataIndex: 'name' },
          {
            title: t('families.worker'),
            render: (_, c) => (
              <Select
                allowClear
                style={{ width: 200 }}
                aria-label={`${c.name} ${t('families.worker')}`}
                placeholder={t('families.workerNone')}
                value={c.workerId ?? undefined}
                disabled={assign.isPending}
                onChange={(v?: string) => assign.mutate({ code: c.code, workerId: v ?? null })}
                options={all
                  .filter((w) => c.townCode.startsWith(w.townCode))
                  .map((w) => ({ value: w.id, label: w.displayName }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
