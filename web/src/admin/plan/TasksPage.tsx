/**
 * /admin/plan/tasks — 任务分工 (the plan's annex, issue 13): the 9 projects' 21 tasks with their lead and
 * cooperating units and every unit's quarterly report state (overdue in red). A liaison (role
 * department) sees its unit's tasks marked and reports on them; a district officer sees every unit,
 * assigns liaison accounts to units and records the joint meeting's review of the year.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { REPORT_STATUSES, UNIT_LABELS, UNITS, type Unit } from '../../../../domain/plan/tasks.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { planApi, type TaskRow, type TasksAnswer } from './api.ts';

type QuarterCell = TaskRow['quarters'][number];
type UnitCell = QuarterCell['units'][number];

const STATE_COLORS: Record<UnitCell['state'], string> = {
  reported: 'green',
  overdue: 'red',
  due: 'gold',
  future: 'default',
};

export default function TasksPage() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const me = useCurrentMe();
  const manage = can(me, 'plan.tasks_manage');
  const reporter = can(me, 'plan.tasks_report');
  const [year, setYear] = useState(new Date().getFullYear());
  const [reporting, setReporting] = useState<{ task: TaskRow; quarter: number } | null>(null);
  const q = useQuery({
    queryKey: [...keys.plan.all, 'tasks', year],
    queryFn: ({ signal }) => planApi.tasks(year, signal),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  if (!q.data) return <PageLoading />;
  const a = q.data;
  const unitName = (u: Unit) => UNIT_LABELS[u][l];
  const units = (list: readonly Unit[]) => list.map(unitName).join(l === 'zh' ? '、' : ', ') || '—';
  const shown = (cell: QuarterCell) => (a.unit ? cell.units.filter((u) => u.unit === a.unit) : cell.units);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('plan.tasks.title')}</h1>}
        extra={
          <Space>
            <Tag color={a.overdue ? 'red' : 'green'}>{t('plan.tasks.overdue', { n: a.overdue })}</Tag>
            <InputNumber
              aria-label={t('plan.tasks.year')}
              min={2021}
              max={new Date().getFullYear()}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
          </Space>
        }
      >
        <Typography.Paragraph>
          {t('plan.tasks.intro', { doc: a.citation.docNumber, article: a.citation.article })}
        </Typography.Paragraph>
        {a.statement && <Alert type="info" showIcon message={a.statement[l]} style={{ marginBottom: 12 }} />}
        {reporter &&
          (a.unit ? (
            <Alert
              type="success"
              message={t('plan.tasks.yourUnit', { unit: unitName(a.unit) })}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert type="warning" showIcon message={t('plan.tasks.noUnit')} style={{ marginBottom: 12 }} />
          ))}
        <Table<TaskRow>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={reporter && a.unit ? a.tasks.filter((x) => x.mine) : a.tasks}
          expandable={{
            childrenColumnName: 'subRows',
            expandedRowRender: (task) => <TaskDetail task={task} unitName={unitName} />,
          }}
          columns={[
            {
              title: t('plan.tasks.project'),
              width: 160,
              render: (_, task) => {
                const p = a.projects.find((x) => x.code === task.project);
                return p ? p[l] : task.project;
              },
              onCell: (task, i) => {
                const list = reporter && a.unit ? a.tasks.filter((x) => x.mine) : a.tasks;
                const first = list.findIndex((x) => x.project === task.project);
                const span = list.filter((x) => x.project === task.project).length;
                return { rowSpan: i === first ? span : 0 };
              },
            },
            {
              title: t('plan.tasks.task'),
              render: (_, task) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: task.zh }} style={{ margin: 0 }}>
                  <b>{task.code}</b> {task.zh}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('plan.tasks.lead'),
              width: 150,
              render: (_, task) => units(task.lead),
            },
            {
              title: t('plan.tasks.cooperating'),
              width: 90,
              render: (_, task) => (
                <Tooltip title={units(task.cooperating)}>
                  <span>{t('plan.tasks.units', { n: task.cooperating.length })}</span>
                </Tooltip>
              ),
            },
            ...[1, 2, 3, 4].map((quarter) => ({
              title: `Q${quarter}`,
              width: reporter ? 120 : 96,
              render: (_: unknown, task: TaskRow) => {
                const cell = task.quarters.find((c) => c.quarter === quarter)!;
                const list = shown(cell);
                const done = list.filter((u) => u.state === 'reported').length;
                const late = list.filter((u) => u.state === 'overdue').length;
                const state: UnitCell['state'] =
                  late > 0
                    ? 'overdue'
                    : done === list.length
                      ? 'reported'
                      : list[0]?.state === 'future'
                        ? 'future'
                        : 'due';
                const own = a.unit ? list[0] : undefined;
                return (
                  <Space size={4} direction="vertical">
                    <Tag color={STATE_COLORS[state]}>
                      {a.unit ? t(`plan.tasks.state.${state}`) : `${done}/${list.length}`}
                    </Tag>
                    {reporter && own && own.state !== 'future' && (
                      <Button size="small" onClick={() => setReporting({ task, quarter })}>
                        {own.report ? t('plan.tasks.edit') : t('plan.tasks.report')}
                      </Button>
                    )}
                  </Space>
                );
              },
            })),
          ]}
        />
        <Typography.Text type="secondary">{t('plan.tasks.legend')}</Typography.Text>
      </Card>
      {manage && <MeetingCard answer={a} />}
      {manage && <UnitsCard />}
      {reporting && a.unit && (
        <ReportModal
          answer={a}
          task={reporting.task}
          quarter={reporting.quarter}
          onClose={() => setReporting(null)}
        />
      )}
    </Space>
  );
}

function TaskDetail(props: { task: TaskRow; unitName: (u: Unit) => string }) {
  const t = useT();
  const { task } = props;
  const all = [...task.lead, ...task.cooperating];
  return (
    <Table
      rowKey="unit"
      size="small"
      pagination={false}
      dataSource={all.map((unit) => ({ unit }))}
      columns={[
        {
          title: t('plan.tasks.unit'),
          render: (_, r) => (
            <span>
              {props.unitName(r.unit)}
              {task.lead.includes(r.unit) && <Tag style={{ marginLeft: 6 }}>{t('plan.tasks.leadTag')}</Tag>}
            </span>
          ),
        },
        ...task.quarters.map((cell) => ({
          title: `Q${cell.quarter}（${t('plan.tasks.dueOn', { date: cell.dueOn })}）`,
          render: (_: unknown, r: { unit: Unit }) => {
            const u = cell.units.find((x) => x.unit === r.unit)!;
            return (
              <Tooltip
                title={
                  u.report
                    ? `${u.report.progress}${u.report.evidence ? `（${u.report.evidence}）` : ''}${
                        u.report.files.length
                          ? ` · ${t('plan.tasks.fileCount', { n: u.report.files.length })}`
                          : ''
                      }`
                    : undefined
                }
              >
                <Tag color={u.report?.status === 'delayed' ? 'orange' : STATE_COLORS[u.state]}>
                  {u.report ? t(`plan.tasks.status.${u.report.status}`) : t(`plan.tasks.state.${u.state}`)}
                </Tag>
              </Tooltip>
            );
          },
        })),
      ]}
    />
  );
}

function ReportModal(props: { answer: TasksAnswer; task: TaskRow; quarter: number; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const { answer, quarter } = props;
  // The task as in the latest answer (a file upload refreshes it while the dialog is open).
  const task = answer.tasks.find((x) => x.code === props.task.code) ?? props.task;
  const own = task.quarters.find((c) => c.quarter === quarter)!.units.find((u) => u.unit === answer.unit)!;
  const m = useMutation({
    mutationFn: (v: { status: (typeof REPORT_STATUSES)[number]; progress: string; evidence?: string }) =>
      planApi.reportTask(task.code, {
        year: answer.year,
        quarter,
        status: v.status,
        progress: v.progress,
        ...(v.evidence ? { evidence: v.evidence } : {}),
        version: own.report?.version ?? null,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.plan.all });
      props.onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open
      title={t('plan.tasks.reportTitle', { code: task.code, year: answer.year, quarter })}
      okText={t('plan.tasks.submit')}
      cancelText={t('plan.tasks.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{task.zh}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          status: own.report?.status ?? 'on_track',
          progress: own.report?.progress ?? '',
          evidence: own.report?.evidence ?? '',
        }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="status" label={t('plan.tasks.statusLabel')} rules={[{ required: true }]}>
          <Radio.Group
            options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`plan.tasks.status.${s}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="progress"
          label={t('plan.tasks.progress')}
          rules={[{ required: true, min: 2, max: 2000, message: t('plan.tasks.progressRule') }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="evidence" label={t('plan.tasks.evidence')} extra={t('plan.tasks.evidenceHint')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      <ReportFiles report={own.report} />
    </Modal>
  );
}

/** The report's evidence files: the unit uploads (PDF, photos, spreadsheets) and deletes its own. */
function ReportFiles({ report }: { report: UnitCell['report'] }) {
  const t = useT();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const showError = useShowError();
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.plan.all });
  const add = useMutation({
    mutationFn: (file: File) => planApi.uploadReportFile(report!.id, file),
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => planApi.deleteReportFile(report!.id, fileId),
    onSuccess: refresh,
    onError: (e) => showError(e),
  });
  return (
    <div>
      <Typography.Text strong>{t('plan.tasks.files')}</Typography.Text>
      {!report ? (
        <Typography.Paragraph type="secondary">{t('plan.tasks.filesAfterReport')}</Typography.Paragraph>
      ) : (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          {report.files.map((f) => (
            <Space key={f.id}>
              <a href={planApi.reportFileUrl(report.id, f.id)} target="_blank" rel="noreferrer">
                {f.fileName}
              </a>
              {f.uploadedBy === me.id && (
                <Button size="small" type="link" danger onClick={() => remove.mutate(f.id)}>
                  {t('plan.tasks.deleteFile')}
                </Button>
              )}
            </Space>
          ))}
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              add.mutate(file);
              return false;
            }}
          >
            <Button loading={add.isPending}>{t('plan.tasks.addFile')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('plan.tasks.filesHint')}</Typography.Text>
        </Space>
      )}
    </div>
  );
}

function MeetingCard(props: { answer: TasksAnswer }) {
  const t = useT();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const { answer } = props;
  const meeting = answer.meeting;
  const m = useMutation({
    mutationFn: (v: {
      heldOn: Dayjs;
      summary: string;
      conclusions?: { taskCode: string; conclusion: string }[];
    }) =>
      planApi.saveMeeting(answer.year, {
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        summary: v.summary,
        conclusions: (v.conclusions ?? []).filter((c) => c?.taskCode && c.conclusion),
        version: meeting?.version ?? null,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.plan.all }),
    onError: (e) => showError(e, form),
  });
  return (
    <Card
      title={t('plan.tasks.meetingTitle', { year: answer.year })}
      extra={meeting && <Tag color="green">{t('plan.tasks.meetingHeld', { date: meeting.heldOn })}</Tag>}
    >
      <Form
        key={`${answer.year}-${meeting?.version ?? 0}`}
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: meeting ? dayjs(meeting.heldOn) : undefined,
          summary: meeting?.summary ?? '',
          conclusions: meeting?.conclusions ?? [],
        }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          name="heldOn"
          label={t('plan.tasks.heldOn')}
          rules={[{ required: true, message: t('plan.tasks.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('plan.tasks.summary')}
          rules={[{ required: true, min: 2, max: 4000, message: t('plan.tasks.summaryRule') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.List name="conclusions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'taskCode']}
                    rules={[{ required: true, message: t('plan.tasks.required') }]}
                  >
                    <Select
                      aria-label={t('plan.tasks.task')}
                      style={{ width: 110 }}
                      options={answer.tasks.map((x) => ({ value: x.code, label: x.code }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'conclusion']}
                    rules={[{ required: true, message: t('plan.tasks.required') }]}
                    style={{ width: 520 }}
                  >
                    <Input aria-label={t('plan.tasks.conclusion')} maxLength={1000} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('plan.tasks.remove')}</Button>
                </Space>
              ))}
              <Button
                onClick={() => add({ taskCode: undefined, conclusion: '' })}
                disabled={fields.length >= 21}
              >
                {t('plan.tasks.addConclusion')}
              </Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={m.isPending}>
            {t('plan.tasks.saveMeeting')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function UnitsCard() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const qc = useQueryClient();
  const showError = useShowError();
  const q = useQuery({
    queryKey: [...keys.plan.all, 'unit-members'],
    queryFn: ({ signal }) => planApi.unitMembers(signal),
  });
  const m = useMutation({
    mutationFn: (v: { userId: string; unit: Unit }) => planApi.assignUnit(v.userId, { unit: v.unit }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.plan.all }),
    onError: (e) => showError(e),
  });
  return (
    <Card title={t('plan.tasks.unitsTitle')}>
      <Typography.Paragraph type="secondary">{t('plan.tasks.unitsIntro')}</Typography.Paragraph>
      <Table
        rowKey="userId"
        size="small"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('plan.tasks.account'), render: (_, r) => `${r.displayName}（${r.username}）` },
          {
            title: t('plan.tasks.unit'),
            render: (_, r) => (
              <Select
                aria-label={`${t('plan.tasks.unit')} ${r.username}`}
                style={{ width: 260 }}
                placeholder={t('plan.tasks.pickUnit')}
                value={r.unit ?? undefined}
                onChange={(unit: Unit) => m.mutate({ userId: r.userId, unit })}
                options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u][l] }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
