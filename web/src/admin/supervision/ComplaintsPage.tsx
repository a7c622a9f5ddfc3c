/**
 * /admin/supervision/complaints — 投诉处理 (issue 10): the public's complaints about institutions in scope
 * (a town officer's town), newest first, filtered by status with counts; accept, then close with the
 * reply the complainant reads by receipt code and whether it was substantiated (actions from the server).
 * Contact phones arrive masked.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { complaintTransitionBody } from '../../../../domain/contracts/supervision-complaints.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { fmtDate } from '../quality/shared.tsx';
import { type Complaint, complaints } from './api.ts';

const STATUS_COLOR = { received: 'blue', handling: 'gold', closed: 'green' } as const;
type Status = Complaint['status'];

export default function ComplaintsPage() {
  const t = useT();
  const [lang] = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useRulesFrom(complaintTransitionBody);
  const [status, setStatus] = useState<Status | 'all'>('received');
  const [closing, setClosing] = useState<Complaint | null>(null);
  const [form] = Form.useForm<{ reply: string; substantiated: boolean }>();
  const query = status === 'all' ? {} : { status };
  const list = useQuery({
    queryKey: [...keys.supervision.all, 'complaints', query],
    queryFn: ({ signal }) => complaints.list(query, signal),
  });
  const step = useMutation({
    mutationFn: (v: { c: Complaint; action: 'accept' | 'close'; reply?: string; substantiated?: boolean }) =>
      complaints.step(v.c.id, {
        version: v.c.version,
        action: v.action,
        ...(v.action === 'close' ? { reply: v.reply ?? '', substantiated: v.substantiated ?? false } : {}),
      }),
    onSuccess: () => {
      message.success(t('supervision.complaints.done'));
      setClosing(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: [...keys.supervision.all, 'complaints'] });
    },
    onError: (e) => showError(e),
  });
  if (list.isError)
    return <Alert type="error" showIcon message={problemText(list.error, lang, t('common.unknownError'))} />;
  if (!list.data) return <PageLoading />;
  const { items, counts } = list.data;
  const statusLabel = (s: Status) => t(`supervision.complaints.statuses.${s}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
        {t('supervision.complaints.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('supervision.complaints.intro')}
      </Typography.Paragraph>
      <Segmented
        aria-label={t('supervision.complaints.status')}
        value={status}
        onChange={(v) => setStatus(v as Status | 'all')}
        options={[
          ...(['received', 'handling', 'closed'] as const).map((s) => ({
            value: s,
            label: t('supervision.complaints.count', { status: statusLabel(s), n: counts[s] }),
          })),
          { value: 'all', label: t('supervision.complaints.all') },
        ]}
      />
      <Table<Complaint>
        rowKey="id"
        size="small"
        dataSource={items}
        locale={{ emptyText: t('supervision.complaints.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('supervision.complaints.submittedAt'),
            width: 150,
            render: (_, c) => fmtDate(c.submittedAt, lang),
          },
          { title: t('supervision.complaints.institution'), dataIndex: 'institutionName', width: 180 },
          {
            title: t('supervision.complaints.town'),
            width: 90,
            render: (_, c) => townName(lang, c.townCode),
          },
          {
            title: t('supervision.complaints.category'),
            width: 110,
            render: (_, c) => t(`supervision.complaintCategory.${c.category}`),
          },
          {
            title: t('supervision.complaints.content'),
            render: (_, c) => (
              <>
                <div>{c.content}</div>
                {c.reply && (
                  <Typography.Text type="secondary">
                    {t('supervision.pub.complain.reply')}: {c.reply}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('supervision.complaints.contact'),
            width: 120,
            render: (_, c) => c.contactPhone ?? t('supervision.complaints.noContact'),
          },
          {
            title: t('supervision.complaints.status'),
            width: 140,
            render: (_, c) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLOR[c.status]}>{statusLabel(c.status)}</Tag>
                {c.substantiated !== null && (
                  <Tag color={c.substantiated ? 'red' : 'default'}>
                    {t(
                      c.substantiated
                        ? 'supervision.complaints.substantiated'
                        : 'supervision.complaints.notSubstantiated',
                    )}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 150,
            render: (_, c) => (
              <Space size={4}>
                {c.permittedActions.includes('accept') && (
                  <Button size="small" onClick={() => step.mutate({ c, action: 'accept' })}>
                    {t('supervision.complaints.accept')}
                  </Button>
                )}
                {c.permittedActions.includes('close') && (
                  <Button size="small" type="primary" onClick={() => setClosing(c)}>
                    {t('supervision.complaints.close')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!closing}
        title={t('supervision.complaints.closeTitle')}
        okText={t('supervision.complaints.close')}
        confirmLoading={step.isPending}
        onCancel={() => setClosing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {closing && <Typography.Paragraph>{closing.content}</Typography.Paragraph>}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => closing && step.mutate({ c: closing, action: 'close', ...v })}
        >
          <Form.Item
            name="substantiated"
            label={t('supervision.complaints.isTrue')}
            rules={[{ required: true, message: t('supervision.complaints.isTrueRequired') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('supervision.complaints.substantiated') },
                { value: false, label: t('supervision.complaints.notSubstantiated') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reply"
            label={t('supervision.complaints.reply')}
            rules={[
              { required: true, message: t('supervision.complaints.replyRequired') },
              ...rules('reply', t('supervision.complaints.reply')),
            ]}
          >
            <Input.TextArea rows={4} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
