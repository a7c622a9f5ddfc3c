/**
 * A client's webhook (ADR 0020) on the 部门接口 page: the URL, its state, the last delivered seq and
 * the last answer; the security admin sets the URL (the signing secret is shown once), rotates the
 * secret, disables it and sends a signed test event.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { type ApiClientRow, type WebhookState, webhookApi } from './api.ts';

export const WEBHOOK_COLOR = { active: 'green', failing: 'red', disabled: 'default' } as const;

export function WebhookDialog({
  client,
  manage,
  onClose,
}: {
  client: ApiClientRow;
  manage: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ url: string }>();
  const [hook, setHook] = useState<WebhookState | null>(client.webhook);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.exchange.all });
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang) : '—');

  const set = useMutation({
    mutationFn: (url: string) => webhookApi.set(client.id, url, hook?.version),
    onSuccess: (w) => {
      const { signingSecret, ...rest } = w;
      setHook(rest);
      if (signingSecret) setSecret(signingSecret);
      message.success(t('exchange.webhook.saved'));
      refresh();
    },
    onError: (err) => showError(err, form),
  });
  const rotate = useMutation({
    mutationFn: (version: number) => webhookApi.rotate(client.id, version),
    onSuccess: (w) => {
      const { signingSecret, ...rest } = w;
      setHook(rest);
      setSecret(signingSecret ?? null);
      refresh();
    },
    onError: (err) => showError(err),
  });
  const disable = useMutation({
    mutationFn: (version: number) => webhookApi.disable(client.id, version),
    onSuccess: (w) => {
      setHook(w);
      message.success(t('exchange.webhook.disabledDone'));
      refresh();
    },
    onError: (err) => showError(err),
  });
  const test = useMutation({
    mutationFn: () => webhookApi.test(client.id),
    onSuccess: (r) => {
      const text = t('exchange.webhook.testResult', {
        outcome: t(`exchange.webhook.outcome.${r.outcome}`),
        status: r.status ?? '—',
        ms: r.durationMs,
      });
      if (r.outcome === 'delivered') message.success(text);
      else message.warning(text);
    },
    onError: (err) => showError(err),
  });

  return (
    <Modal
      open
      width={720}
      title={t('exchange.webhook.title', { name: client.name })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('exchange.webhook.close')}</Button>}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('exchange.webhook.intro')}
        </Typography.Paragraph>
        {secret && (
          <Alert
            type="warning"
            showIcon
            title={t('exchange.webhook.secretOnce')}
            description={
              <Typography.Text code copyable data-testid="webhook-secret">
                {secret}
              </Typography.Text>
            }
          />
        )}
        {hook ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('exchange.webhook.url')}>
              <Typography.Text code>{hook.url}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.webhook.state')}>
              <Tag color={WEBHOOK_COLOR[hook.state]}>{t(`exchange.webhook.state.${hook.state}`)}</Tag>
              {hook.failures > 0 && t('exchange.webhook.failures', { n: hook.failures })}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.webhook.cursor')}>
              <span data-testid="webhook-cursor">{hook.cursorSeq}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.webhook.lastDelivered')}>
              {when(hook.lastDeliveredAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.webhook.lastAttempt')}>
              {when(hook.lastAttemptAt)}
              {hook.lastOutcome &&
                ` · ${t(`exchange.webhook.outcome.${hook.lastOutcome}`)}${hook.lastStatus ? ` (HTTP ${hook.lastStatus})` : ''}`}
            </Descriptions.Item>
            {hook.nextAttemptAt && (
              <Descriptions.Item label={t('exchange.webhook.nextAttempt')}>
                {when(hook.nextAttemptAt)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('exchange.webhook.secretRotated')}>
              {when(hook.secretRotatedAt)}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Alert type="info" showIcon title={t('exchange.webhook.none')} />
        )}
        {manage && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ url: hook?.url ?? '' }}
            onFinish={(v) => set.mutate(v.url.trim())}
          >
            <Form.Item
              name="url"
              label={t('exchange.webhook.url')}
              extra={t('exchange.webhook.urlHint')}
              rules={[{ required: true, message: t('exchange.webhook.urlRequired') }]}
            >
              <Input placeholder="https://" maxLength={500} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={set.isPending}>
                {hook
                  ? hook.state === 'disabled'
                    ? t('exchange.webhook.enable')
                    : t('exchange.webhook.save')
                  : t('exchange.webhook.create')}
              </Button>
              {hook && hook.state !== 'disabled' && (
                <Button loading={test.isPending} onClick={() => test.mutate()}>
                  {t('exchange.webhook.test')}
                </Button>
              )}
              {hook && (
                <Popconfirm
                  title={t('exchange.webhook.rotateConfirm')}
                  onConfirm={() => rotate.mutate(hook.version)}
                >
                  <Button loading={rotate.isPending}>{t('exchange.webhook.rotate')}</Button>
                </Popconfirm>
              )}
              {hook && hook.state !== 'disabled' && (
                <Popconfirm
                  title={t('exchange.webhook.disableConfirm')}
                  onConfirm={() => disable.mutate(hook.version)}
                >
                  <Button danger loading={disable.isPending}>
                    {t('exchange.webhook.disable')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Form>
        )}
      </Space>
    </Modal>
  );
}
