/**
 * /admin/operating/claims — monthly operating-subsidy claims. An institution builds its month's claim
 * from the attendance register (child-months per class, the amount in force or 未设定) and submits it;
 * a returned claim is rebuilt and resubmitted. District officers see the review queue (working days
 * waited) and approve, reject or return with a reason — only the actions the server permits. Towns read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { OPERATING_CLAIM_STATUSES, operatingClaimQuery } from '../../../../domain/contracts/operating.ts';
import { problemText } from '../../api/errors.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import {
  type OperatingClaim,
  type OperatingClaimQuery,
  type OperatingReviewItem,
  operatingApi,
  operatingKey,
} from './api.ts';

type Decision = 'approve' | 'reject' | 'return';
const yuan = (fen: number | null, notSet: string) => (fen === null ? notSet : (fen / 100).toFixed(2));
const COLOR: Record<OperatingClaim['status'], string> = {
  draft: 'default',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  returned: 'orange',
};

export default function ClaimsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const builds = can(me, 'operating.claim');
  const reviews = can(me, 'operating.review');
  const [month, setMonth] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ claim: OperatingReviewItem; decision: Decision } | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const queue = useQuery({
    queryKey: [...operatingKey, 'review'],
    queryFn: ({ signal }) => operatingApi.review(signal),
    enabled: reviews,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: operatingKey });
  const fail = (e: unknown) => message.error(problemText(e, lang, t('operating.loadFailed')));
  const build = useMutation({
    mutationFn: () => operatingApi.buildClaim({ month: month ?? '' }),
    onSuccess: () => {
      message.success(t('operating.claims.built'));
      refresh();
    },
    onError: fail,
  });
  const submit = useMutation({
    mutationFn: (id: string) => operatingApi.submitClaim(id),
    onSuccess: () => {
      message.success(t('operating.claims.submitted'));
      refresh();
    },
    onError: fail,
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: Decision; reason?: string | undefined }) =>
      operatingApi.decide(
        v.id,
        v.reason ? { decision: v.decision, reason: v.reason } : { decision: v.decision },
      ),
    onSuccess: () => {
      message.success(t('operating.saved'));
      setDeciding(null);
      form.resetFields();
      refresh();
    },
    onError: fail,
  });
  const notSet = t('operating.notSet');
  const columns = [
    { title: t('operating.claims.month'), dataIndex: 'month', key: 'month' },
    { title: t('operating.claims.institution'), dataIndex: 'institutionName', key: 'institutionName' },
    {
      title: t('operating.claims.childMonths'),
      dataIndex: 'countedChildMonths',
      key: 'countedChildMonths',
      align: 'right' as const,
    },
    {
      title: t('operating.claims.rate'),
      key: 'rate',
      align: 'right' as const,
      render: (_: unknown, c: OperatingClaim) =>
        c.rateFen === null ? <Tag color="orange">{notSet}</Tag> : yuan(c.rateFen, notSet),
    },
    {
      title: t('operating.claims.total'),
      key: 'total',
      align: 'right' as const,
      render: (_: unknown, c: OperatingClaim) => yuan(c.totalFen, notSet),
    },
    {
      title: t('operating.claims.status'),
      key: 'status',
      render: (_: unknown, c: OperatingClaim) => (
        <Space direction="vertical" size={0}>
          <Tag color={COLOR[c.status]}>{t(`operating.claims.status.${c.status}`)}</Tag>
          {c.reason ? <small>{c.reason}</small> : null}
        </Space>
      ),
    },
  ];
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('operating.claims.title')}</h1>}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('operating.claims.help')} />
      {builds && (
        <Card size="small" title={t('operating.claims.build')} style={{ marginBottom: 16 }}>
          <Space wrap>
            <DatePicker
              picker="month"
              aria-label={t('operating.claims.month')}
              placeholder={t('operating.claims.month')}
              onChange={(d) => setMonth(d ? d.format('YYYY-MM') : null)}
            />
            <Button type="primary" loading={build.isPending} onClick={() => build.mutate()}>
              {t('operating.claims.buildButton')}
            </Button>
          </Space>
        </Card>
      )}
      {reviews && (
        <Card size="small" title={t('operating.claims.queue')} style={{ marginBottom: 16 }}>
          {queue.isError ? (
            <Alert
              type="error"
              showIcon
              message={problemText(queue.error, lang, t('operating.loadFailed'))}
            />
          ) : (
            <Table<OperatingReviewItem>
              rowKey="id"
              size="small"
              loading={queue.isLoading}
              pagination={false}
              dataSource={queue.data?.items ?? []}
              locale={{ emptyText: t('operating.claims.queueEmpty') }}
              columns={[
                ...columns,
                {
                  title: t('operating.claims.waited'),
                  key: 'waited',
                  render: (_: unknown, c: OperatingReviewItem) => (
                    <Space>
                      {c.waitedWorkingDays === null
                        ? t('operating.claims.waitedUnknown')
                        : t('operating.claims.waitedDays', { n: c.waitedWorkingDays })}
                      {c.overdue && <Tag color="red">{t('operating.claims.overdue')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('operating.claims.actions'),
                  key: 'actions',
                  render: (_: unknown, c: OperatingReviewItem) => (
                    <Space>
                      {c.permittedActions.map((d) => (
                        <Button
                          key={d}
                          size="small"
                          type={d === 'approve' ? 'primary' : 'default'}
                          danger={d === 'reject'}
                          onClick={() =>
                            d === 'approve'
                              ? decide.mutate({ id: c.id, decision: d })
                              : setDeciding({ claim: c, decision: d })
                          }
                        >
                          {t(`operating.claims.decision.${d}`)}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}
      <PagedTable<OperatingClaim, OperatingClaimQuery>
        schema={operatingClaimQuery}
        queryKey={(q) => [...operatingKey, 'claims', q]}
        fetchPage={(q, signal) => operatingApi.claims(q, signal)}
        rowKey="id"
        label={t('operating.claims.title')}
        emptyText={t('operating.claims.empty')}
        toolbar={({ query, setFilter }) => (
          <Space wrap style={{ marginBottom: 12 }}>
            <DatePicker
              picker="month"
              aria-label={t('operating.claims.filterMonth')}
              placeholder={t('operating.claims.filterMonth')}
              value={query.month ? dayjs(`${query.month}-01`) : null}
              onChange={(d) => setFilter('month', d ? d.format('YYYY-MM') : undefined)}
            />
            <Select
              allowClear
              aria-label={t('operating.claims.status')}
              placeholder={t('operating.claims.status')}
              style={{ width: 140 }}
              value={query.status}
              onChange={(v) => setFilter('status', v)}
              options={OPERATING_CLAIM_STATUSES.map((s) => ({
                value: s,
                label: t(`operating.claims.status.${s}`),
              }))}
            />
          </Space>
        )}
        columns={[
          ...columns,
          ...(builds
            ? [
                {
                  title: t('operating.claims.actions'),
                  key: 'actions',
                  render: (_: unknown, c: OperatingClaim) =>
                    c.status === 'draft' ? (
                      <Button size="small" type="primary" onClick={() => submit.mutate(c.id)}>
                        {t('operating.claims.submit')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={deciding !== null}
        title={deciding ? t(`operating.claims.decision.${deciding.decision}`) : ''}
        okText={t('operating.claims.confirm')}
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() =>
          void form.validateFields().then((v) => {
            if (deciding)
              decide.mutate({ id: deciding.claim.id, decision: deciding.decision, reason: v.reason });
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('operating.claims.reason')}
            rules={[{ required: true, min: 2, max: 300 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
