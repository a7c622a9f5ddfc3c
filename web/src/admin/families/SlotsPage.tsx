/**
 * /admin/families/slots — hourly care (计时制): the slots in scope with places booked and the waitlist;
 * an institution publishes a slot; its bookings and waitlist below.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  TimePicker,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { createSlotBody, slotListQuery } from '../../../../domain/contracts/families.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { familiesApi, type Slot } from './api.ts';
import { useTowns } from './labels.ts';

export default function SlotsPage() {
  const t = useT();
  const me = useCurrentMe();
  const { townName } = useTowns();
  const [publishing, setPublishing] = useState(false);
  const columns: TableColumnsType<Slot> = [
    { title: t('families.date'), dataIndex: 'date', key: 'date' },
    { title: t('families.time'), key: 'time', render: (_, s) => `${s.startTime}–${s.endTime}` },
    { title: t('families.institution'), dataIndex: 'institutionName', key: 'inst' },
    { title: t('families.town'), key: 'town', render: (_, s) => townName(s.townCode) },
    {
      title: t('families.booked'),
      key: 'booked',
      render: (_, s) => (
        <Space size={4}>
          {`${s.booked} / ${s.capacity}`}
          {s.booked >= s.capacity && <Tag color="red">{t('families.full')}</Tag>}
        </Space>
      ),
    },
    { title: t('families.waitlisted'), dataIndex: 'waitlisted', key: 'waitlisted' },
    {
      title: t('families.cancelDeadline'),
      key: 'deadline',
      render: (_, s) => new Date(s.cancelDeadline).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('families.slotsTitle')}</h1>}
        extra={
          can(me, 'families.slots_manage') && (
            <Button type="primary" onClick={() => setPublishing(true)}>
              {t('families.publishSlot')}
            </Button>
          )
        }
      >
        <PagedTable
          schema={slotListQuery}
          queryKey={keys.families.slots}
          fetchPage={(q, signal) => familiesApi.slots(q, signal)}
          rowKey="id"
          label={t('families.slotsTitle')}
          columns={columns}
        />
      </Card>
      {me.scope?.kind === 'institution' && <BookingsCard />}
      <Modal
        open={publishing}
        title={t('families.publishSlot')}
        onCancel={() => setPublishing(false)}
        footer={null}
        destroyOnHidden
      >
        <PublishForm onDone={() => setPublishing(false)} />
      </Modal>
    </Space>
  );
}

function BookingsCard() {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({
    queryKey: keys.families.bookings,
    queryFn: ({ signal }) => familiesApi.bookings(signal),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('families.loadFailed'))} />;
  return (
    <Card title={t('families.bookingsTitle')}>
      <Table
        size="small"
        rowKey="id"
        loading={!q.data}
        scroll={{ x: 'max-content' }}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('families.date'), dataIndex: 'date' },
          { title: t('families.startTime'), dataIndex: 'startTime' },
          {
            title: t('families.status'),
            render: (_, b) => (
              <Tag color={b.status === 'booked' ? 'green' : b.status === 'waitlisted' ? 'orange' : 'default'}>
                {t(`families.bookingStatus.${b.status}`)}
              </Tag>
            ),
          },
          { title: t('families.position'), render: (_, b) => b.waitlistPosition ?? '—' },
        ]}
      />
    </Card>
  );
}

interface SlotValues {
  date: Dayjs;
  time: [Dayjs, Dayjs];
  capacity: number;
  cancelHoursBefore: number;
}

function PublishForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const rules = useRulesFrom(createSlotBody);
  const save = useMutation({
    mutationFn: (v: SlotValues) =>
      familiesApi.createSlot({
        date: v.date.format('YYYY-MM-DD'),
        startTime: v.time[0].format('HH:mm'),
        endTime: v.time[1].format('HH:mm'),
        capacity: v.capacity,
        cancelHoursBefore: v.cancelHoursBefore,
      }),
    onSuccess: () => {
      message.success(t('families.saved'));
      void qc.invalidateQueries({ queryKey: keys.families.all });
      onDone();
    },
  });
  return (
    <Form<SlotValues>
      layout="vertical"
      initialValues={{ capacity: 6, cancelHoursBefore: 2 }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="date" label={t('families.date')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="time"
        label={`${t('families.startTime')} – ${t('families.endTime')}`}
        rules={[{ required: true }]}
      >
        <TimePicker.RangePicker format="HH:mm" minuteStep={15} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="capacity"
        label={t('families.capacity')}
        rules={rules('capacity', t('families.capacity'))}
      >
        <InputNumber min={1} max={100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="cancelHoursBefore"
        label={t('families.cancelHoursBefore')}
        rules={rules('cancelHoursBefore', t('families.cancelHoursBefore'))}
      >
        <InputNumber min={0} max={72} style={{ width: '100%' }} />
      </Form.Item>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={problemText(save.error, lang, t('families.loadFailed'))}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {t('families.submit')}
      </Button>
    </Form>
  );
}
