/**
 * /admin/exchange/clients — the security admin registers other departments' systems as API clients
 * (scopes, field allow-list, rate, validity), sees the secret once, and disables a client; each
 * client's webhook (state, last delivered seq, last answer) is set, rotated, disabled and tested in
 * WebhookDialog (ADR 0020).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  CLIENT_SCOPES,
  createClientBody,
  DEPARTMENT_LABELS,
  DEPARTMENTS,
  INSTITUTION_EXCHANGE_FIELDS,
} from '../../../../domain/contracts/exchange.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type ApiClientRow, type CreatedClient, exchangeApi } from './api.ts';
import { WEBHOOK_COLOR, WebhookDialog } from './WebhookDialog.tsx';

const STATUS_COLOR = { active: 'green', expired: 'orange', disabled: 'default' } as const;

interface FormValues {
  name: string;
  department: (typeof DEPARTMENTS)[number];
  purpose: string;
  scopes: (typeof CLIENT_SCOPES)[number][];
  fields: (typeof INSTITUTION_EXCHANGE_FIELDS)[number][];
  ratePerMinute: number;
  expiresOn: Dayjs;
}

export default function ClientsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const rules = useRulesFrom(createClientBody);
  // The field allow-list is what institutions.read returns: a client without that scope has none.
  const reads = (Form.useWatch('scopes', form) ?? []).includes('institutions.read');
  const [page, setPage] = useState(1);
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const [hookOf, setHookOf] = useState<string | null>(null);
  const query = { page, pageSize: 20 };
  const list = useQuery({
    queryKey: keys.exchange.clients(query),
    queryFn: ({ signal }) => exchangeApi.clients(query, signal),
  });
  const create = useMutation({
    mutationFn: (v: FormValues) =>
      exchangeApi.create({
        name: v.name,
        department: v.department,
        purpose: v.purpose,
        scopes: v.scopes,
        fields: v.scopes.includes('institutions.read') ? (v.fields ?? []) : [],
        ratePerMinute: v.ratePerMinute,
        expiresOn: v.expiresOn?.format('YYYY-MM-DD') ?? '',
      }),
    onSuccess: (c) => {
      setCreated(c);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: keys.exchange.all });
    },
    onError: (err) => showError(err, form),
  });
  const disable = useMutation({
    mutationFn: (c: ApiClientRow) => exchangeApi.disable(c.id, c.version),
    onSuccess: () => {
      message.success(t('exchange.disabled'));
      void qc.invalidateQueries({ queryKey: keys.exchange.all });
    },
    onError: (err) => showError(err),
  });
  const manage = can(me, 'exchange.clients.manage');
  const dept = (d: ApiClientRow['department']) => DEPARTMENT_LABELS[d][lang === 'en' ? 'en' : 'zh'];
  const fieldLabel = (f: string) => t(`exchange.field.${f}` as Parameters<typeof t>[0]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('exchange.title')}</h1>}>
        <Alert type="info" showIcon title={t('exchange.intro')} style={{ marginBottom: 16 }} />
        <Table<ApiClientRow>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
          }}
          columns={[
            { title: t('exchange.name'), dataIndex: 'name', key: 'name' },
            { title: t('exchange.department'), key: 'department', render: (_, c) => dept(c.department) },
            {
              title: t('exchange.clientId'),
              key: 'clientId',
              render: (_, c) => <Typography.Text code>{c.clientId}</Typography.Text>,
            },
            {
              title: t('exchange.fields'),
              key: 'fields',
              render: (_, c) => (c.fields.length ? c.fields.map(fieldLabel).join('、') : '—'),
            },
            { title: t('exchange.rate'), dataIndex: 'ratePerMinute', key: 'rate' },
            { title: t('exchange.expiresOn'), dataIndex: 'expiresOn', key: 'expiresOn' },
            {
              title: t('exchange.lastUsed'),
              key: 'lastUsed',
              render: (_, c) => (c.lastUsedAt ? new Date(c.lastUsedAt).toLocaleString(lang) : '—'),
            },
            {
              title: t('exchange.status'),
              key: 'status',
              render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{t(`exchange.status.${c.status}`)}</Tag>,
            },
            {
              title: t('exchange.webhook.column'),
              key: 'webhook',
              render: (_, c) =>
                c.webhook ? (
                  // A client that is not active sends nothing, whatever its webhook's own state says.
                  <Tag color={c.status === 'active' ? WEBHOOK_COLOR[c.webhook.state] : 'default'}>
                    {t(`exchange.webhook.state.${c.status === 'active' ? c.webhook.state : 'disabled'}`)} · #
                    {c.webhook.cursorSeq}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: t('exchange.actions'),
              key: 'actions',
              render: (_, c) => (
                <Space size={4} wrap>
                  {(c.webhook || (manage && c.status === 'active')) && (
                    <Button size="small" onClick={() => setHookOf(c.id)}>
                      {t('exchange.webhook.manage')}
                    </Button>
                  )}
                  {manage && c.status !== 'disabled' && (
                    <Popconfirm title={t('exchange.disableConfirm')} onConfirm={() => disable.mutate(c)}>
                      <Button size="small" danger>
                        {t('exchange.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {manage && (
        <Card title={t('exchange.register')}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            style={{ maxWidth: 720 }}
            initialValues={{
              scopes: ['institutions.read'],
              ratePerMinute: 60,
              fields: ['name', 'creditCode', 'status'],
            }}
            onFinish={(v) => create.mutate(v)}
          >
            <Form.Item name="name" label={t('exchange.name')} rules={rules('name', t('exchange.name'))}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="department"
              label={t('exchange.department')}
              rules={rules('department', t('exchange.department'))}
            >
              <Select
                options={DEPARTMENTS.map((d) => ({
                  value: d,
                  label: DEPARTMENT_LABELS[d][lang === 'en' ? 'en' : 'zh'],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="purpose"
              label={t('exchange.purpose')}
              extra={t('exchange.purposeHint')}
              rules={rules('purpose', t('exchange.purpose'))}
            >
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
            <Form.Item
              name="scopes"
              label={t('exchange.scopes')}
              rules={rules('scopes', t('exchange.scopes'))}
            >
              <Checkbox.Group
                options={CLIENT_SCOPES.map((s) => ({ value: s, label: t(`exchange.scope.${s}`) }))}
              />
            </Form.Item>
            {reads ? (
              <Form.Item
                name="fields"
                label={t('exchange.fields')}
                extra={t('exchange.fieldsHint')}
                rules={rules('fields', t('exchange.fields'))}
              >
                <Checkbox.Group
                  options={INSTITUTION_EXCHANGE_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) }))}
                />
              </Form.Item>
            ) : (
              <Form.Item label={t('exchange.fields')}>
                <Typography.Text type="secondary">{t('exchange.noFields')}</Typography.Text>
              </Form.Item>
            )}
            <Space wrap size={24}>
              <Form.Item
                name="ratePerMinute"
                label={t('exchange.rate')}
                rules={rules('ratePerMinute', t('exchange.rate'))}
              >
                <InputNumber min={1} max={6000} />
              </Form.Item>
              <Form.Item
                name="expiresOn"
                label={t('exchange.expiresOn')}
                extra={t('exchange.expiresHint')}
                rules={[{ required: true, message: t('exchange.expiresRequired') }]}
              >
                <DatePicker />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('exchange.registerButton')}
            </Button>
          </Form>
        </Card>
      )}
      {hookOf && list.data?.items.find((c) => c.id === hookOf) && (
        <WebhookDialog
          client={list.data.items.find((c) => c.id === hookOf)!}
          manage={can(me, 'exchange.webhooks.manage')}
          onClose={() => setHookOf(null)}
        />
      )}
      <Modal
        open={!!created}
        title={t('exchange.secretTitle')}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('exchange.secretSaved')}
      >
        {created && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('exchange.secretOnce')} />
            <div>
              {t('exchange.clientId')}:{' '}
              <Typography.Text code copyable data-testid="client-id">
                {created.clientId}
              </Typography.Text>
            </div>
            <div>
              {t('exchange.clientSecret')}:{' '}
              <Typography.Text code copyable data-testid="client-secret">
                {created.clientSecret}
              </Typography.Text>
            </div>
            <Typography.Paragraph type="secondary">{t('exchange.tokenHow')}</Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
