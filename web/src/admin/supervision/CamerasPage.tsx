/**
 * /admin/supervision/cameras — 视频监控接入 (issue 10): the cameras in scope with the hourly probe's answer,
 * when each was last seen, offline after 24 hours, and retention against the rule pack; an institution's
 * admin registers its own cameras (RTSP or HLS address without credentials, or a GB/T 28181 device id).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { cameraBody, STREAM_KINDS } from '../../../../domain/contracts/supervision-cameras.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { fmtDate } from '../quality/shared.tsx';
import { useCurrentMe } from '../session.ts';
import { type Camera, type CameraBody, cameras } from './api.ts';

const KEY = [...keys.supervision.all, 'cameras'] as const;
const KIND_LABEL = { rtsp: 'RTSP', hls: 'HLS', gb28181: 'GB/T 28181' } as const;

export default function CamerasPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const institutionId = me.scope?.kind === 'institution' ? me.scope.institutionId : null;
  const [offline, setOffline] = useState(false);
  const q = useQuery({
    queryKey: [...KEY, offline],
    queryFn: ({ signal }) => cameras.list(offline ? { offline: 'true' } : {}, signal),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
        {t('supervision.cameras.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('supervision.cameras.intro')}
      </Typography.Paragraph>
      {institutionId && <RegisterForm institutionId={institutionId} />}
      {q.isError && (
        <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />
      )}
      <Card
        title={
          <h2 style={{ fontSize: 16, margin: 0 }}>
            {q.data ? t('supervision.cameras.counts', q.data.counts) : t('supervision.cameras.title')}
          </h2>
        }
        extra={
          <Space>
            <Switch
              checked={offline}
              onChange={setOffline}
              aria-label={t('supervision.cameras.onlyOffline')}
            />
            <span>{t('supervision.cameras.onlyOffline')}</span>
          </Space>
        }
      >
        <Table<Camera>
          rowKey="id"
          size="small"
          loading={!q.data && !q.isError}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t('supervision.cameras.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 900 }}
          columns={[
            ...(institutionId
              ? []
              : [
                  { title: t('supervision.cameras.institution'), dataIndex: 'institutionName' },
                  {
                    title: t('supervision.complaints.town'),
                    render: (_: unknown, c: Camera) => townName(lang, c.townCode),
                  },
                ]),
            { title: t('supervision.cameras.room'), dataIndex: 'room' },
            { title: t('supervision.cameras.kind'), render: (_, c) => KIND_LABEL[c.streamKind] },
            {
              title: t('supervision.cameras.address'),
              render: (_, c) => <Typography.Text code>{c.streamUrl ?? c.deviceId}</Typography.Text>,
            },
            {
              title: t('supervision.cameras.retention'),
              render: (_, c) =>
                c.retentionCompliant ? (
                  c.retentionDays
                ) : (
                  <Tag color="red">
                    {c.retentionDays} · {t('supervision.cameras.required', { n: c.retentionRequired })}
                  </Tag>
                ),
            },
            {
              title: t('supervision.cameras.lastSeen'),
              render: (_, c) =>
                c.streamKind === 'gb28181'
                  ? '—'
                  : c.lastSeenAt
                    ? fmtDate(c.lastSeenAt, lang)
                    : t('supervision.cameras.never'),
            },
            {
              title: t('supervision.cameras.state'),
              render: (_, c) =>
                c.offline === null ? (
                  <Tag>{t('supervision.cameras.notProbed')}</Tag>
                ) : c.offline ? (
                  <Tag color="red">{t('supervision.cameras.offline')}</Tag>
                ) : (
                  <Tag color="green">{t('supervision.cameras.online')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function RegisterForm({ institutionId }: { institutionId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useRulesFrom(cameraBody);
  const [form] = Form.useForm<Omit<CameraBody, 'institutionId'>>();
  const kind = Form.useWatch('streamKind', form) ?? 'rtsp';
  const save = useMutation({
    mutationFn: (v: Omit<CameraBody, 'institutionId'>) =>
      cameras.register({
        institutionId,
        room: v.room,
        streamKind: v.streamKind,
        retentionDays: v.retentionDays,
        ...(v.streamKind === 'gb28181' ? { deviceId: v.deviceId } : { streamUrl: v.streamUrl }),
      }),
    onSuccess: () => {
      message.success(t('supervision.cameras.saved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('supervision.cameras.register')}</h2>}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ streamKind: 'rtsp', retentionDays: 90 }}
        onFinish={(v) => save.mutate(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="room"
          label={t('supervision.cameras.room')}
          rules={rules('room', t('supervision.cameras.room'))}
        >
          <Input style={{ width: 160 }} maxLength={50} />
        </Form.Item>
        <Form.Item name="streamKind" label={t('supervision.cameras.kind')}>
          <Select
            style={{ width: 140 }}
            options={STREAM_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          />
        </Form.Item>
        {kind === 'gb28181' ? (
          <Form.Item
            name="deviceId"
            label={t('supervision.cameras.deviceId')}
            rules={[{ required: true, pattern: /^\d{20}$/, message: t('supervision.cameras.deviceId') }]}
          >
            <Input style={{ width: 220 }} maxLength={20} />
          </Form.Item>
        ) : (
          <Form.Item
            name="streamUrl"
            label={t('supervision.cameras.streamUrl')}
            rules={[{ required: true, message: t('supervision.pub.complain.required') }]}
          >
            <Input
              style={{ width: 300 }}
              maxLength={300}
              placeholder={kind === 'rtsp' ? 'rtsp://…' : 'https://….m3u8'}
            />
          </Form.Item>
        )}
        <Form.Item
          name="retentionDays"
          label={t('supervision.cameras.retention')}
          rules={rules('retentionDays', t('supervision.cameras.retention'))}
        >
          <InputNumber min={1} max={3650} precision={0} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('supervision.cameras.register')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
