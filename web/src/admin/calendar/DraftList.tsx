/** Entries of the calendar (drafts with Confirm / Reject / Withdraw; decided entries read-only). */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api, type CalendarYearEntry, type Me } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { type MessageKey, pick, useLang, useT } from '../../i18n/index.tsx';
import { festivalLabel } from './shared.ts';

type Verb = 'confirm' | 'reject' | 'withdraw';

export function DraftList(props: {
  entries: CalendarYearEntry[];
  me: Me;
  canConfirm: boolean;
  empty: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<{ entry: CalendarYearEntry; verb: Verb } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useMutation({
    mutationFn: (v: { entry: CalendarYearEntry; verb: Verb; reason?: string }) =>
      api.calendar.decide(v.entry.id, v.verb, {
        version: v.entry.version,
        ...(v.reason ? { reason: v.reason } : {}),
      }),
    onSuccess: (_, v) => {
      if (v.verb === 'confirm') message.success(t('cal.confirmed'));
      setAsking(null);
      void queryClient.invalidateQueries({ queryKey: keys.calendar });
    },
    onError: (err) => showError(err),
  });

  if (props.entries.length === 0) return props.empty ? <Empty description={props.empty} /> : null;
  return (
    <>
      <List
        dataSource={props.entries}
        renderItem={(e) => {
          const own = e.enteredBy === props.me.username;
          const draft = e.status === 'draft';
          return (
            <List.Item key={e.id} data-testid={`calendar-entry-${e.year}`}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <strong>{e.year}</strong>
                  <Tag>{t(`cal.status.${e.status}` as MessageKey)}</Tag>
                  <span>
                    {e.noticeTitle} {e.noticeNumber} · {e.noticeDate}
                  </span>
                </Space>
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('cal.holidays')}>
                    {e.holidays
                      .map((h) => `${festivalLabel(lang, h.festival)} ${h.from}–${h.to}`)
                      .join(lang === 'zh-CN' ? '；' : '; ')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cal.workdays')}>
                    {e.workdays.join(lang === 'zh-CN' ? '、' : ', ') || t('cal.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cal.enteredBy')}>{e.enteredBy}</Descriptions.Item>
                  {e.decidedBy && (
                    <Descriptions.Item label={t('cal.confirmedBy')}>
                      {e.decidedBy}
                      {e.decisionReason ? ` — ${e.decisionReason}` : ''}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                {e.warnings.length > 0 && (
                  <Alert
                    type="warning"
                    title={t('cal.warnings')}
                    description={e.warnings
                      .map((w) => pick(lang, w.message_zh, w.message_en))
                      .join(lang === 'zh-CN' ? '；' : '; ')}
                  />
                )}
                {draft && own && <Alert type="info" title={t('cal.ownDraft')} />}
                {draft && (
                  <Space>
                    {props.canConfirm && !own && (
                      <Popconfirm
                        title={t('cal.confirmAsk', { year: e.year })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => decide.mutate({ entry: e, verb: 'confirm' })}
                      >
                        <Button type="primary" loading={decide.isPending}>
                          {t('cal.confirm')}
                        </Button>
                      </Popconfirm>
                    )}
                    {props.canConfirm && !own && (
                      <Button danger onClick={() => setAsking({ entry: e, verb: 'reject' })}>
                        {t('cal.reject')}
                      </Button>
                    )}
                    {own && (
                      <Button onClick={() => setAsking({ entry: e, verb: 'withdraw' })}>
                        {t('cal.withdraw')}
                      </Button>
                    )}
                  </Space>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      <Modal
        open={asking !== null}
        title={asking ? t(asking.verb === 'reject' ? 'cal.reject' : 'cal.withdraw') : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        afterClose={() => form.resetFields()}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => asking && decide.mutate({ ...asking, reason: v.reason.trim() })}
        >
          <Form.Item
            name="reason"
            label={t('cal.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
