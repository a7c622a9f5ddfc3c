/** /admin/supervision/draws — monthly double-random draw plans: commit (publish the commitment), then draw. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type CommitDrawPlanBody, type DrawPlanSummary, drawPlans } from './api.ts';

function nextMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export default function DrawPlansPage() {
  const t = useT();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<CommitDrawPlanBody>();
  const list = useQuery({
    queryKey: keys.supervision.drawPlans(),
    queryFn: ({ signal }) => drawPlans.list(signal),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: keys.supervision.all });
  const commit = useMutation({
    mutationFn: drawPlans.commit,
    onSuccess: () => {
      message.success(t('supervision.admin.committed'));
      void refresh();
    },
    onError: (e) => showError(e, form),
  });
  const draw = useMutation({
    mutationFn: drawPlans.draw,
    onSuccess: () => {
      message.success(t('supervision.admin.drawn'));
      void refresh();
    },
    onError: (e) => showError(e),
  });
  const scopeCode = me.scope?.kind === 'division' ? me.scope.divisionCode : '';
  const mayCommit = can(me, 'supervision.draw_commit');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('supervision.nav.draws')}</h1>
      {mayCommit ? (
        <Card title={t('supervision.admin.commitTitle')}>
          <p>{t('supervision.admin.commitHelp')}</p>
          <Form
            form={form}
            layout="inline"
            initialValues={{
              month: nextMonth(),
              divisionCode: scopeCode,
              sampleSize: 5,
              inspectorsPerTarget: 2,
            }}
            onFinish={(v) => commit.mutate(v)}
          >
            <Form.Item name="month" label={t('supervision.pub.month')} rules={[{ required: true }]}>
              <Input style={{ width: 110 }} placeholder="YYYY-MM" />
            </Form.Item>
            <Form.Item
              name="divisionCode"
              label={t('supervision.admin.divisionCode')}
              rules={[{ required: true }]}
            >
              <Input style={{ width: 130 }} />
            </Form.Item>
            <Form.Item
              name="sampleSize"
              label={t('supervision.admin.sampleSize')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={5000} />
            </Form.Item>
            <Form.Item name="inspectorsPerTarget" label={t('supervision.admin.perTarget')}>
              <InputNumber min={2} max={10} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={commit.isPending} data-testid="sv-commit">
              {t('supervision.admin.commit')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<DrawPlanSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('supervision.pub.month'), dataIndex: 'month' },
          {
            title: t('supervision.pub.division'),
            render: (_, r) => `${t(`supervision.pub.level.${r.level}`)} ${r.divisionCode}`,
          },
          {
            title: t('supervision.admin.status'),
            render: (_, r) => (
              <Tag color={r.status === 'drawn' ? 'green' : 'blue'}>
                {t(`supervision.pub.status.${r.status}`)}
              </Tag>
            ),
          },
          {
            title: t('supervision.admin.pools'),
            render: (_, r) =>
              t('supervision.pub.pools', {
                targets: r.targetsPool,
                inspectors: r.inspectorsPool,
                sample: r.sampleSize,
              }),
          },
          {
            title: t('supervision.admin.commitment'),
            render: (_, r) => <code>{r.commitment.slice(0, 16)}…</code>,
          },
          {
            title: '',
            render: (_, r) => (
              <Space>
                {r.status === 'committed' && can(me, 'supervision.draw_run') ? (
                  <Button
                    size="small"
                    loading={draw.isPending}
                    onClick={() => draw.mutate(r.id)}
                    data-testid="sv-draw"
                  >
                    {t('supervision.admin.draw')}
                  </Button>
                ) : null}
                <a href={`/supervision/draws/${r.id}`} target="_blank" rel="noreferrer">
                  {t('supervision.admin.public')}
                </a>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
