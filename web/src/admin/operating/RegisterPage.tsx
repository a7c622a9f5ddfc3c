/**
 * /admin/operating/register — 考勤登记, the attendance register of the operating subsidy (issue 17). The
 * institution picks a class and a month, then a working day (days after today and non-working days are
 * not offered), ticks who was present and saves (the day's marks are replaced). The month's grid shows
 * each child's days (names masked), days entered, children-days and who reaches the district's minimum.
 * Town and district officers read the same page without the editing controls (the server decides).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { importApi } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { operatingApi, operatingKey, type RegisterMonth } from './api.ts';

type Child = RegisterMonth['children'][number];
/** Whether the child is in the class on `day` (a child who left is not on that day's tick list). */
const inClassOn = (c: Child, day: string | null) => c.leftOn === null || (day !== null && c.leftOn > day);
// The kit's import under /operating (server/modules/operating/register-import.ts).
const registerImport = importApi('/operating/attendance/imports');
const dayNo = (d: string) => String(Number(d.slice(8)));

export default function RegisterPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const keeps = can(me, 'operating.register');
  const [classId, setClassId] = useState<string | null>(null);
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const [day, setDay] = useState<string | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [form] = Form.useForm<{ name: string; birthMonth: dayjs.Dayjs }>();
  const [importing, setImporting] = useState(false);
  const [leaving, setLeaving] = useState<Child | null>(null);
  const [leftOn, setLeftOn] = useState<dayjs.Dayjs | null>(null);

  const classes = useQuery({
    queryKey: [...operatingKey, 'classes'],
    queryFn: ({ signal }) => operatingApi.classes(signal),
  });
  const current = classId ?? classes.data?.[0]?.id ?? null;
  const reg = useQuery({
    queryKey: [...operatingKey, 'register', current, month],
    queryFn: ({ signal }) => operatingApi.registerMonth(current ?? '', month, signal),
    enabled: current !== null,
  });
  const data = reg.data;
  const openDays = useMemo(() => (data ? data.workingDays.filter((d) => d <= data.today) : []), [data]);
  const selected = day && openDays.includes(day) ? day : (openDays[openDays.length - 1] ?? null);
  const saved = useMemo(
    () =>
      data && selected ? data.children.filter((c) => c.attended.includes(selected)).map((c) => c.id) : [],
    [data, selected],
  );
  // Reset the ticks when the saved marks change (another day, a save), not on every refetch.
  const savedKey = `${selected}:${saved.join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the saved marks' content
  useEffect(() => setTicked(saved), [savedKey]);
  const dirty = ticked.length !== saved.length || ticked.some((id) => !saved.includes(id));
  const savedDays = new Map((data?.days ?? []).map((d) => [d.day, d.presentCount]));

  const fail = (e: unknown) => message.error(problemText(e, lang, t('operating.loadFailed')));
  const save = useMutation({
    mutationFn: () => operatingApi.putAttendance(current ?? '', selected ?? '', ticked),
    onSuccess: (r) => {
      message.success(t('operating.register.savedDay', { day: r.day, n: r.presentCount }));
      void qc.invalidateQueries({ queryKey: [...operatingKey, 'register'] });
    },
    onError: fail,
  });
  const add = useMutation({
    mutationFn: (v: { name: string; birthMonth: dayjs.Dayjs }) =>
      operatingApi.addChild(current ?? '', { name: v.name, birthMonth: v.birthMonth.format('YYYY-MM') }),
    onSuccess: () => {
      message.success(t('operating.saved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: [...operatingKey, 'register'] });
    },
    onError: fail,
  });

  const leave = useMutation({
    mutationFn: (v: { child: Child; leftOn: string | null }) =>
      operatingApi.setLeft(current ?? '', v.child.id, v.leftOn),
    onSuccess: () => {
      message.success(t('operating.saved'));
      setLeaving(null);
      void qc.invalidateQueries({ queryKey: [...operatingKey, 'register'] });
    },
    onError: fail,
  });

  const multiInstitution = new Set((classes.data ?? []).map((c) => c.institutionId)).size > 1;
  const counted = data?.children.filter((c) => c.counted).length ?? 0;
  const columns = [
    {
      title: t('operating.register.child'),
      key: 'name',
      fixed: 'left' as const,
      width: 110,
      render: (_: unknown, c: Child) => (
        <Typography.Text
          copyable={
            keeps
              ? { text: c.id, tooltips: [t('operating.register.copyId'), t('operating.register.copied')] }
              : false
          }
        >
          {c.name}
          {c.leftOn && (
            <Tag style={{ marginLeft: 4 }}>{t('operating.register.leftTag', { day: c.leftOn })}</Tag>
          )}
        </Typography.Text>
      ),
    },
    ...(data?.workingDays ?? []).map((d) => ({
      title: dayNo(d),
      key: d,
      width: 34,
      align: 'center' as const,
      onHeaderCell: () => ({ 'aria-label': d }),
      render: (_: unknown, c: Child) =>
        c.attended.includes(d) ? (
          <span role="img" aria-label={t('operating.register.present')}>
            ✓
          </span>
        ) : null,
    })),
    {
      title: t('operating.register.daysAttended'),
      key: 'n',
      fixed: 'right' as const,
      width: 110,
      render: (_: unknown, c: Child) => (
        <Space size={4}>
          {c.attended.length}
          {c.counted && <Tag color="green">{t('operating.register.counted')}</Tag>}
        </Space>
      ),
    },
    ...(keeps
      ? [
          {
            title: t('operating.register.leave'),
            key: 'leave',
            fixed: 'right' as const,
            width: 100,
            render: (_: unknown, c: Child) =>
              c.leftOn ? (
                <Button
                  size="small"
                  type="link"
                  loading={leave.isPending && leave.variables?.child.id === c.id}
                  onClick={() => leave.mutate({ child: c, leftOn: null })}
                >
                  {t('operating.register.undoLeave')}
                </Button>
              ) : (
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    setLeftOn(dayjs());
                    setLeaving(c);
                  }}
                >
                  {t('operating.register.leave')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  const dayChildren = data ? data.children.filter((c) => inClassOn(c, selected)) : [];

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('operating.register.title')}</h1>}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={keeps ? t('operating.register.help') : t('operating.register.helpRead')}
      />
      <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
        <Select
          aria-label={t('operating.register.class')}
          placeholder={t('operating.register.class')}
          style={{ minWidth: 260 }}
          showSearch
          optionFilterProp="label"
          loading={classes.isLoading}
          value={current ?? undefined}
          onChange={(v: string) => setClassId(v)}
          options={(classes.data ?? []).map((c) => ({
            value: c.id,
            label: multiInstitution ? `${c.institutionName} · ${c.name}` : c.name,
          }))}
        />
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('operating.register.month')}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        {keeps && (
          <Button onClick={() => setImporting((v) => !v)} aria-expanded={importing}>
            {t('operating.register.import')}
          </Button>
        )}
      </Space>
      {keeps && importing && (
        <div style={{ marginBottom: 16 }}>
          <ImportPanel
            api={registerImport}
            title={t('operating.register.importTitle')}
            intro={t('operating.register.importIntro')}
            committedText={(run) =>
              t('operating.register.imported', {
                n: run.insertedRows,
                skipped: run.totalRows - run.insertedRows,
              })
            }
            invalidates={[[...operatingKey, 'register']]}
          />
        </div>
      )}
      {classes.isError || reg.isError ? (
        <Alert
          type="error"
          showIcon
          message={problemText(classes.error ?? reg.error, lang, t('operating.loadFailed'))}
        />
      ) : classes.data?.length === 0 ? (
        <Empty description={t('operating.register.noClasses')} />
      ) : data ? (
        <>
          <Space size="large" wrap style={{ display: 'flex', marginBottom: 16 }}>
            <Statistic
              title={t('operating.register.daysSaved')}
              value={data.days.length}
              suffix={`/ ${data.workingDays.length}`}
            />
            <Statistic title={t('operating.register.childDays')} value={data.childDays} />
            <Statistic
              title={t('operating.register.countedChildren', { n: data.minAttendedDays })}
              value={counted}
              suffix={`/ ${data.children.length}`}
            />
          </Space>
          {!data.calendarCovered && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('operating.register.noCalendar', { year: month.slice(0, 4) })}
            />
          )}
          <Card size="small" title={t('operating.register.dayCard')} style={{ marginBottom: 16 }}>
            {openDays.length === 0 ? (
              <Empty description={t('operating.register.noOpenDays')} />
            ) : (
              <>
                <Space
                  wrap
                  size={4}
                  style={{ marginBottom: 12 }}
                  aria-label={t('operating.register.pickDay')}
                >
                  {openDays.map((d) => {
                    // The visible text starts the accessible name (axe label-content-name-mismatch).
                    const label = savedDays.has(d) ? `${dayNo(d)} ✓${savedDays.get(d)}` : dayNo(d);
                    return (
                      <Button
                        key={d}
                        size="small"
                        type={d === selected ? 'primary' : savedDays.has(d) ? 'default' : 'dashed'}
                        aria-pressed={d === selected}
                        aria-label={
                          savedDays.has(d)
                            ? t('operating.register.dayButtonSaved', {
                                label,
                                day: d,
                                n: savedDays.get(d) ?? 0,
                              })
                            : t('operating.register.dayButton', { label, day: d })
                        }
                        onClick={() => setDay(d)}
                      >
                        {label}
                      </Button>
                    );
                  })}
                </Space>
                <h2 style={{ fontSize: 15, margin: '4px 0 8px' }}>
                  {t('operating.register.dayHeading', {
                    day: selected ?? '',
                    n: ticked.length,
                    total: dayChildren.length,
                  })}
                  {dirty && (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      {t('operating.register.unsaved')}
                    </Tag>
                  )}
                </h2>
                {dayChildren.length === 0 ? (
                  <Empty description={t('operating.register.noChildren')} />
                ) : (
                  <Checkbox.Group
                    value={ticked}
                    disabled={!keeps}
                    onChange={(v) => setTicked(v as string[])}
                    style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
                    options={dayChildren.map((c) => ({
                      value: c.id,
                      label: t('operating.register.childLabel', { name: c.name, birth: c.birthMonth }),
                    }))}
                  />
                )}
                {keeps && dayChildren.length > 0 && (
                  <Space wrap style={{ marginTop: 12 }}>
                    <Button onClick={() => setTicked(dayChildren.map((c) => c.id))}>
                      {t('operating.register.allPresent')}
                    </Button>
                    <Button onClick={() => setTicked([])}>{t('operating.register.nonePresent')}</Button>
                    <Button
                      type="primary"
                      loading={save.isPending}
                      disabled={!selected}
                      onClick={() => save.mutate()}
                    >
                      {t('operating.register.saveDay')}
                    </Button>
                  </Space>
                )}
              </>
            )}
          </Card>
          <Card size="small" title={t('operating.register.grid')} style={{ marginBottom: 16 }}>
            <Table<Child>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.children}
              columns={columns}
              locale={{ emptyText: t('operating.register.noChildren') }}
            />
          </Card>
          {keeps && (
            <Card size="small" title={t('operating.register.addChild')}>
              <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)}>
                <Form.Item
                  name="name"
                  label={t('operating.register.childName')}
                  rules={[{ required: true, whitespace: true, max: 40 }]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name="birthMonth"
                  label={t('operating.register.birthMonth')}
                  rules={[{ required: true }]}
                >
                  <DatePicker picker="month" disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
                </Form.Item>
                <Button htmlType="submit" loading={add.isPending}>
                  {t('operating.register.add')}
                </Button>
              </Form>
              <p style={{ margin: '8px 0 0', color: 'rgba(0,0,0,0.65)' }}>
                {t('operating.register.addHelp')}
              </p>
            </Card>
          )}
        </>
      ) : (
        <Card loading />
      )}
      <Modal
        open={leaving !== null}
        title={t('operating.register.leaveTitle', { name: leaving?.name ?? '' })}
        okText={t('operating.register.leave')}
        confirmLoading={leave.isPending}
        okButtonProps={{ disabled: !leftOn }}
        onCancel={() => setLeaving(null)}
        onOk={() =>
          leaving && leftOn && leave.mutate({ child: leaving, leftOn: leftOn.format('YYYY-MM-DD') })
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <label htmlFor="operating-left-on">{t('operating.register.leftOn')}</label>
          <DatePicker
            id="operating-left-on"
            value={leftOn}
            onChange={setLeftOn}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
          <Typography.Text type="secondary">{t('operating.register.leaveHelp')}</Typography.Text>
        </Space>
      </Modal>
    </Card>
  );
}
