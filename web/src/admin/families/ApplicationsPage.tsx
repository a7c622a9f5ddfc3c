/**
 * /admin/families/applications — applications for a place in scope: an institution sees those naming it
 * and takes the lifecycle's actions (offer, enrol) — the buttons are the answer's `permittedActions`,
 * never role names; officers read.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, type TableColumnsType, Tag } from 'antd';
import { APPLICATION_STATUSES, applicationListQuery } from '../../../../domain/contracts/families.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';
import { type Application, familiesApi } from './api.ts';

const COLORS = {
  submitted: 'processing',
  offered: 'cyan',
  accepted: 'blue',
  declined: 'default',
  enrolled: 'green',
  withdrawn: 'default',
} as const;

export default function ApplicationsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const ownInstitution = me.scope?.kind === 'institution' ? me.scope.institutionId : undefined;
  const act = useMutation({
    mutationFn: ({ a, action }: { a: Application; action: Application['permittedActions'][number] }) =>
      familiesApi.transition(a.id, {
        action,
        version: a.version,
        ...(action === 'offer' && ownInstitution ? { institutionId: ownInstitution } : {}),
      }),
    onSuccess: () => {
      message.success(t('families.saved'));
      void qc.invalidateQueries({ queryKey: keys.families.all });
    },
    onError: (e) => message.error(problemText(e, lang, t('families.loadFailed'))),
  });
  const columns: TableColumnsType<Application> = [
    { title: t('families.child'), dataIndex: 'childName', key: 'child' },
    {
      title: t('families.preferences'),
      key: 'prefs',
      render: (_, a) => a.preferences.map((p, i) => `${i + 1}. ${p.name}`).join('；'),
    },
    {
      title: t('families.serviceForm'),
      key: 'form',
      render: (_, a) => t(`families.serviceForm.${a.serviceForm}`),
    },
    { title: t('families.startDate'), dataIndex: 'startDate', key: 'start' },
    {
      title: t('families.status'),
      key: 'status',
      render: (_, a) => (
        <Space size={4}>
          <Tag color={COLORS[a.status]}>{t(`families.appStatus.${a.status}`)}</Tag>
          {a.waitlistPosition !== null && <Tag>{t('families.waitlist', { n: a.waitlistPosition })}</Tag>}
        </Space>
      ),
    },
    { title: t('families.submittedAt'), key: 'created', render: (_, a) => a.createdAt.slice(0, 10) },
    {
      title: t('families.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space>
          {a.permittedActions.map((action) => (
            <Button
              key={action}
              size="small"
              type={action === 'offer' || action === 'enroll' ? 'primary' : 'default'}
              loading={act.isPending && act.variables?.a.id === a.id && act.variables.action === action}
              onClick={() => act.mutate({ a, action })}
            >
              {t(`families.action.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('families.appsTitle')}</h1>}>
      <PagedTable
        schema={applicationListQuery}
        queryKey={keys.families.applications}
        fetchPage={(q, signal) => familiesApi.applications(q, signal)}
        rowKey="id"
        label={t('families.appsTitle')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Select
            allowClear
            aria-label={t('families.status')}
            placeholder={t('families.status')}
            style={{ width: 150 }}
            value={query.status}
            onChange={(v) => setFilter('status', v)}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`families.appStatus.${s}`) }))}
          />
        )}
      />
    </Card>
  );
}
