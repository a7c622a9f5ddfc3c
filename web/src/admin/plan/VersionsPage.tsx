/** /admin/plan/versions — the district's plans; a district officer creates a successor copied from the last one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type PlanVersion, planApi, type SuccessorBody } from './api.ts';
import { TargetChangesCard } from './TargetChangesCard.tsx';

export function VersionsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const versions = useQuery({
    queryKey: keys.plan.versions,
    queryFn: ({ signal }) => planApi.versions(signal),
  });
  const create = useMutation({
    mutationFn: (body: SuccessorBody) => planApi.createSuccessor(body),
    onSuccess: () => {
      message.success(t('plan.created'));
      void qc.invalidateQueries({ queryKey: keys.plan.all });
    },
    onError: (err) => message.error(problemText(err, lang, t('common.unknownError'))),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Link to="/admin/plan">{t('plan.back')}</Link>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('plan.versions')}</h1>}>
        <Table<PlanVersion>
          rowKey="id"
          size="small"
          pagination={false}
          loading={versions.isLoading}
          dataSource={versions.data ?? []}
          columns={[
            { title: t('plan.code'), dataIndex: 'code', key: 'code' },
            { title: t('plan.planTitle'), dataIndex: 'title', key: 'title' },
            { title: t('plan.docNumber'), dataIndex: 'docNumber', key: 'doc' },
            { title: t('plan.period'), key: 'period', render: (_, v) => `${v.periodStart} ~ ${v.periodEnd}` },
            {
              title: t('plan.status'),
              key: 'status',
              render: (_, v) => (
                <Tag color={v.status === 'active' ? 'green' : 'default'}>
                  {v.status === 'active' ? t('plan.vs.active') : t('plan.vs.superseded')}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {can(me, 'plan.manage') &&
        (versions.data ?? [])
          .filter((v) => v.predecessorId !== null && v.status === 'active')
          .map((v) => <TargetChangesCard key={v.id} version={v} />)}
      {can(me, 'plan.manage') && (
        <Card title={t('plan.successor')}>
          <Form<SuccessorBody>
            layout="vertical"
            onFinish={(body) => create.mutate(body)}
            style={{ maxWidth: 520 }}
          >
            <Form.Item name="code" label={t('plan.code')} rules={[{ required: true, max: 40 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="title" label={t('plan.planTitle')} rules={[{ required: true, max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="docNumber" label={t('plan.docNumber')} rules={[{ required: true, max: 60 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="citation" label={t('plan.citation')} rules={[{ required: true, max: 300 }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="periodStart"
              label={t('plan.periodStart')}
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
            >
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item
              name="periodEnd"
              label={t('plan.periodEnd')}
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
            >
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('plan.create')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
