/**
 * /admin/workforce/trainings — the training ledger's events (35号: ≥ 6 district professional trainings a
 * year; content 职业道德, 职业规范, 职业技能, 安全防范, 心理健康): the year's trainings with their
 * attendee counts, recording a training, one training's attendees with "add people", and the attendance
 * import (kit ImportPanel: rows name the training by title and start date, the person by document number).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { TRAINING_CATEGORIES, TRAINING_CATEGORY_LABELS } from '../../../../domain/contracts/workforce.ts';
import { importApi } from '../../api/client.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type TrainingEvent, workforceApi } from './api.ts';
import { useSaveAndClose } from './forms.tsx';

const attendanceImport = importApi('/workforce/attendance/imports');

export default function TrainingsPage() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const me = useCurrentMe();
  const canRecord = can(me, 'workforce.training');
  const isDistrict = me?.scope?.kind === 'division' && me.scope.divisionCode === me.districtCode;
  const [year, setYear] = useState(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<TrainingEvent | null>(null);
  const query = { year, page, pageSize: 20 };
  const q = useQuery({
    queryKey: [...keys.workforce.all, 'trainings', query],
    queryFn: ({ signal }) => workforceApi.trainings(query, signal),
  });
  const district = useQuery({
    queryKey: [...keys.workforce.all, 'trainings', 'district-level', year],
    queryFn: ({ signal }) => workforceApi.trainings({ year, districtLevel: 'true', pageSize: 1 }, signal),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('workforce.loadFailed'))} />;
  if (!q.data) return <PageLoading />;
  const districtCount = district.data?.total ?? '…';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('workforce.trainingsTitle')}</h1>}
        extra={
          <Space>
            <InputNumber
              aria-label={t('workforce.year')}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => {
                if (v) {
                  setYear(v);
                  setPage(1);
                }
              }}
            />
            {canRecord && (
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('workforce.trainingNew')}
              </Button>
            )}
          </Space>
        }
      >
        <p>{t('workforce.trainingsIntro', { year, n: districtCount })}</p>
        <Table<TrainingEvent>
          rowKey="id"
          size="small"
          dataSource={q.data.items}
          pagination={{
            current: page,
            pageSize: 20,
            total: q.data.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('workforce.trainingTitle'),
              render: (_, e) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(e)}>
                  {e.title}
                </Button>
              ),
            },
            { title: t('workforce.category'), render: (_, e) => TRAINING_CATEGORY_LABELS[e.category][l] },
            { title: t('workforce.organiser'), dataIndex: 'organiser' },
            {
              title: t('workforce.dates'),
              render: (_, e) => (e.startDate === e.endDate ? e.startDate : `${e.startDate} – ${e.endDate}`),
            },
            { title: t('workforce.hours'), dataIndex: 'hours', align: 'right' },
            {
              title: t('workforce.level'),
              render: (_, e) =>
                e.districtLevel ? (
                  <Tag color="blue">{t('workforce.districtLevel')}</Tag>
                ) : (
                  t('workforce.otherLevel')
                ),
            },
            { title: t('workforce.attendees'), dataIndex: 'attendees', align: 'right' },
          ]}
        />
      </Card>
      {canRecord && (
        <ImportPanel
          api={attendanceImport}
          title={t('workforce.attendanceImportTitle')}
          intro={t('workforce.attendanceImportIntro')}
          committedText={(run) => t('workforce.attendanceImported', { n: run.insertedRows })}
          invalidates={[keys.workforce.all]}
        />
      )}
      {canRecord && (
        <CreateTrainingModal open={creating} onClose={() => setCreating(false)} district={isDistrict} />
      )}
      <AttendeesDrawer event={open} onClose={() => setOpen(null)} canRecord={canRecord} />
    </Space>
  );
}

function CreateTrainingModal(props: { open: boolean; onClose: () => void; district: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const [form] = Form.useForm();
  const m = useSaveAndClose(
    form,
    (v: {
      title: string;
      organiser: string;
      category: (typeof TRAINING_CATEGORIES)[number];
      dates: [Dayjs, Dayjs];
      hours: number;
      districtLevel?: boolean;
    }) =>
      workforceApi.createTraining({
        title: v.title,
        organiser: v.organiser,
        category: v.category,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        hours: v.hours,
        districtLevel: !!v.districtLevel,
      }),
    props.onClose,
  );
  return (
    <Modal
      open={props.open}
      title={t('workforce.trainingNew')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item
          name="title"
          label={t('workforce.trainingTitle')}
          rules={[{ required: true, message: t('workforce.form.required') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="organiser"
          label={t('workforce.organiser')}
          rules={[{ required: true, message: t('workforce.form.required') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('workforce.category')}
          rules={[{ required: true, message: t('workforce.form.required') }]}
        >
          <Select
            options={TRAINING_CATEGORIES.map((c) => ({ value: c, label: TRAINING_CATEGORY_LABELS[c][l] }))}
          />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('workforce.dates')}
          rules={[{ required: true, message: t('workforce.form.required') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('workforce.hours')}
          extra={t('workforce.hoursRule')}
          rules={[{ required: true, message: t('workforce.form.required') }]}
        >
          <InputNumber min={0.5} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        {props.district && (
          <Form.Item name="districtLevel" valuePropName="checked">
            <Checkbox>{t('workforce.districtLevelCheck')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function AttendeesDrawer(props: { event: TrainingEvent | null; onClose: () => void; canRecord: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const e = props.event;
  const qc = useQueryClient();
  const showError = useShowError();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const list = useQuery({
    queryKey: [...keys.workforce.all, 'attendance', e?.id],
    queryFn: ({ signal }) => workforceApi.attendance(e!.id, signal),
    enabled: !!e,
  });
  const people = useQuery({
    queryKey: [...keys.workforce.all, 'staff-pick', search],
    queryFn: ({ signal }) => workforceApi.staff({ pageSize: 20, ...(search ? { q: search } : {}) }, signal),
    enabled: !!e && props.canRecord,
  });
  const add = useMutation({
    mutationFn: () => workforceApi.addAttendance(e!.id, { staffIds: picked }),
    onSuccess: () => {
      setPicked([]);
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
    },
    onError: (err) => showError(err),
  });
  return (
    <Drawer
      open={!!e}
      onClose={props.onClose}
      width={560}
      title={
        e
          ? `${e.title}（${TRAINING_CATEGORY_LABELS[e.category][l]}，${e.hours} ${t('workforce.hoursUnit')}）`
          : ''
      }
    >
      {props.canRecord && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Select
            mode="multiple"
            aria-label={t('workforce.addAttendees')}
            placeholder={t('workforce.addAttendeesHint')}
            style={{ width: '100%' }}
            value={picked}
            onChange={setPicked}
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={people.isFetching}
            options={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}${p.institutionName ? `（${p.institutionName}）` : ''}`,
            }))}
          />
          <Button
            type="primary"
            disabled={picked.length === 0}
            loading={add.isPending}
            onClick={() => add.mutate()}
          >
            {t('workforce.addAttendees')}
          </Button>
        </Space.Compact>
      )}
      <Table
        rowKey="staffId"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('workforce.name'), dataIndex: 'name' },
          { title: t('workforce.institution'), render: (_, r) => r.institutionName ?? '—' },
          { title: t('workforce.form.attendedHours'), dataIndex: 'hours', align: 'right' },
        ]}
      />
    </Drawer>
  );
}
