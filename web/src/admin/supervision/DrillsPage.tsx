/**
 * /admin/supervision/drills — 应急演练 (issue 10): an institution's admin records the drills it ran
 * (kind, date, staff and children taking part) and sees its own; the district, towns and inspectors see
 * the drills in scope and the institutions in service that have not drilled in the last half year.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DRILL_KINDS, drillBody } from '../../../../domain/contracts/supervision-drills.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { useCurrentMe } from '../session.ts';
import { type Drill, drills } from './api.ts';

const KEY = [...keys.supervision.all, 'drills'] as const;

export default function DrillsPage() {
  const t = useT();
  const me = useCurrentMe();
  const institutionId = me.scope?.kind === 'institution' ? me.scope.institutionId : null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
        {t('supervision.drills.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('supervision.drills.intro')}
      </Typography.Paragraph>
      {institutionId ? <RecordForm institutionId={institutionId} /> : <Overdue />}
      <DrillList showInstitution={!institutionId} />
    </Space>
  );
}

function RecordForm({ institutionId }: { institutionId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useRulesFrom(drillBody);
  const [form] = Form.useForm<{
    kind: Drill['kind'];
    drillDate: Dayjs;
    staff: number;
    children: number;
    note?: string;
  }>();
  const save = useMutation({
    mutationFn: (v: {
      kind: Drill['kind'];
      drillDate: Dayjs;
      staff: number;
      children: number;
      note?: string;
    }) =>
      drills.record({
        institutionId,
        kind: v.kind,
        drillDate: v.drillDate.format('YYYY-MM-DD'),
        staff: v.staff,
        children: v.children,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: () => {
      message.success(t('supervision.drills.saved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('supervision.drills.record')}</h2>}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ kind: 'fire', drillDate: dayjs(), children: 0 }}
        onFinish={(v) => save.mutate(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="kind"
          label={t('supervision.drills.kind')}
          rules={rules('kind', t('supervision.drills.kind'))}
        >
          <Select
            style={{ width: 150 }}
            options={DRILL_KINDS.map((k) => ({ value: k, label: t(`supervision.drills.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="drillDate"
          label={t('supervision.drills.date')}
          rules={[{ required: true, message: t('supervision.pub.complain.required') }]}
        >
          <DatePicker
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(1, 'year'), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="staff"
          label={t('supervision.drills.staff')}
          rules={rules('staff', t('supervision.drills.staff'))}
        >
          <InputNumber min={1} max={500} precision={0} />
        </Form.Item>
        <Form.Item
          name="children"
          label={t('supervision.drills.children')}
          rules={rules('children', t('supervision.drills.children'))}
        >
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('supervision.drills.note')}
          rules={rules('note', t('supervision.drills.note'))}
        >
          <Input style={{ width: 260 }} maxLength={500} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('supervision.drills.record')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function Overdue() {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({ queryKey: [...KEY, 'overdue'], queryFn: ({ signal }) => drills.overdue(signal) });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  if (!q.data) return <PageLoading />;
  const a = q.data;
  return (
    <Card
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>
          {t('supervision.drills.overdue', { since: a.since, n: a.items.length, total: a.total })}
        </h2>
      }
    >
      {a.items.length === 0 ? (
        <Typography.Text>{t('supervision.drills.noneOverdue')}</Typography.Text>
      ) : (
        <Table
          rowKey="institutionId"
          size="small"
          dataSource={a.items}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('supervision.drills.institution'), dataIndex: 'name' },
            { title: t('supervision.complaints.town'), render: (_, r) => townName(lang, r.townCode) },
            {
              title: t('supervision.drills.lastDrill'),
              render: (_, r) => r.lastDrill ?? t('supervision.drills.never'),
            },
          ]}
        />
      )}
    </Card>
  );
}

function DrillList({ showInstitution }: { showInstitution: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({ queryKey: [...KEY, 'list'], queryFn: ({ signal }) => drills.list(signal) });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('supervision.drills.list')}</h2>}>
      <Table<Drill>
        rowKey="id"
        size="small"
        loading={!q.data}
        dataSource={q.data?.items ?? []}
        // a drill's `children` is a head count, not nested rows
        expandable={{ childrenColumnName: 'nestedRows' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('supervision.drills.date'), dataIndex: 'drillDate', width: 120 },
          ...(showInstitution
            ? [
                { title: t('supervision.drills.institution'), dataIndex: 'institutionName' },
                {
                  title: t('supervision.complaints.town'),
                  render: (_: unknown, r: Drill) => townName(lang, r.townCode),
                },
              ]
            : []),
          { title: t('supervision.drills.kind'), render: (_, r) => t(`supervision.drills.kinds.${r.kind}`) },
          { title: t('supervision.drills.staff'), dataIndex: 'staff', align: 'right' },
          { title: t('supervision.drills.children'), dataIndex: 'children', align: 'right' },
          { title: t('supervision.drills.note'), render: (_, r) => r.note ?? '' },
        ]}
      />
    </Card>
  );
}
