/**
 * /admin/supervision/special — 联合检查 (issue 10): joint special checks. Officers plan one (themes,
 * departments taking part, days, a team per institution of two or more inspectors from two or more
 * departments); everyone with access follows the checks and opens each team's inspection record.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { CHECKLIST_CATEGORIES } from '../../../../domain/contracts/supervision-inspections.ts';
import { SPECIAL_UNITS, type SpecialUnit } from '../../../../domain/contracts/supervision-special.ts';
import { UNIT_LABELS } from '../../../../domain/plan/tasks.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { townName, useTownOptions } from '../institutions/shared.ts';
import { can, useCurrentMe } from '../session.ts';
import { type SpecialCheck, specialChecks } from './api.ts';

const KEY = [...keys.supervision.all, 'special'] as const;
// Preset colours (the status colours 'success'/'processing' fill the tag and fail contrast here).
const STATUS_COLOR: Record<SpecialCheck['status'], string> = {
  planned: 'default',
  in_progress: 'blue',
  completed: 'green',
  overdue: 'red',
};

interface FormValues {
  title: string;
  divisionCode: string;
  categories: SpecialCheck['categories'];
  units: SpecialUnit[];
  leadUnit: SpecialUnit;
  window: [Dayjs, Dayjs];
  targets: { institutionId?: string; members: { userId?: string; unit?: SpecialUnit }[] }[];
}

export default function SpecialChecksPage() {
  const t = useT();
  const me = useCurrentMe();
  const [creating, setCreating] = useState(false);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
        {t('supervision.nav.special')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>
        {t('supervision.special.intro')}
      </Typography.Paragraph>
      {can(me, 'supervision.special_create') &&
        (creating ? (
          <CreateForm onDone={() => setCreating(false)} />
        ) : (
          <div>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('supervision.special.new')}
            </Button>
          </div>
        ))}
      <CheckList />
    </Space>
  );
}

function unitLabel(lang: 'zh-CN' | 'en', u: SpecialUnit) {
  return pick(lang, UNIT_LABELS[u].zh, UNIT_LABELS[u].en);
}

function CreateForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const towns = useTownOptions();
  const own = me.scope?.kind === 'division' ? me.scope.divisionCode : me.districtCode;
  const divisions =
    own === me.districtCode
      ? [{ value: me.districtCode, label: t('supervision.pub.level.district') }, ...towns]
      : towns.filter((x) => x.value === own);
  const division: string = Form.useWatch('divisionCode', form) ?? own;
  const units: SpecialUnit[] = Form.useWatch('units', form) ?? [];
  const town = division.length === 9 ? division : undefined;
  const inspectors = useQuery({
    queryKey: [...KEY, 'inspectors', division],
    queryFn: ({ signal }) => specialChecks.inspectors(division, signal),
  });
  const institutions = useQuery({
    queryKey: [...KEY, 'institutions', town ?? ''],
    queryFn: ({ signal }) => specialChecks.institutions(town, signal),
  });
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      specialChecks.create({
        title: v.title,
        divisionCode: v.divisionCode,
        categories: v.categories,
        leadUnit: v.leadUnit,
        units: v.units,
        startDate: v.window[0].format('YYYY-MM-DD'),
        endDate: v.window[1].format('YYYY-MM-DD'),
        targets: v.targets.map((x) => ({
          institutionId: x.institutionId ?? '',
          members: x.members.map((m) => ({ userId: m.userId ?? '', unit: m.unit ?? 'edu' })),
        })),
      }),
    onSuccess: () => {
      message.success(t('supervision.special.created'));
      void qc.invalidateQueries({ queryKey: keys.supervision.all });
      onDone();
    },
    onError: (e) => showError(e, form),
  });
  const required = (label: string) => [{ required: true, message: `${label}：${t('common.required')}` }];
  const unitOptions = SPECIAL_UNITS.map((u) => ({ value: u, label: unitLabel(lang, u) }));
  const chosenUnits = unitOptions.filter((o) => units.includes(o.value));
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('supervision.special.new')}</h2>}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 860 }}
        initialValues={{
          divisionCode: own,
          categories: ['fire'],
          units: ['edu', 'fire'],
          leadUnit: 'edu',
          window: [dayjs().add(1, 'day'), dayjs().add(14, 'day')],
          targets: [{ members: [{ unit: 'edu' }, { unit: 'fire' }] }],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="title"
          label={t('supervision.special.titleField')}
          rules={required(t('supervision.special.titleField'))}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="divisionCode" label={t('supervision.special.division')}>
            <Select style={{ width: 200 }} options={divisions} />
          </Form.Item>
          <Form.Item
            name="window"
            label={t('supervision.special.window')}
            rules={required(t('supervision.special.window'))}
          >
            <DatePicker.RangePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <Form.Item
          name="categories"
          label={t('supervision.special.categories')}
          rules={required(t('supervision.special.categories'))}
        >
          <Checkbox.Group
            options={CHECKLIST_CATEGORIES.map((c) => ({ value: c, label: t(`supervision.category.${c}`) }))}
          />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item
            name="units"
            label={t('supervision.special.units')}
            rules={required(t('supervision.special.units'))}
          >
            <Select mode="multiple" style={{ minWidth: 360 }} options={unitOptions} />
          </Form.Item>
          <Form.Item name="leadUnit" label={t('supervision.special.lead')}>
            <Select style={{ width: 220 }} options={chosenUnits} />
          </Form.Item>
        </Space>
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t('supervision.special.teams')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
          {t('supervision.special.teamHint')}
        </Typography.Paragraph>
        <Form.List name="targets">
          {(teams, { add, remove }, { errors: teamErrors }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {teams.map((team, i) => (
                <Card
                  key={team.key}
                  size="small"
                  title={`${t('supervision.special.teams')} ${i + 1}`}
                  extra={
                    teams.length > 1 ? (
                      <Button type="link" danger onClick={() => remove(team.name)}>
                        {t('supervision.special.remove')}
                      </Button>
                    ) : null
                  }
                >
                  <Form.Item
                    name={[team.name, 'institutionId']}
                    label={t('supervision.special.institution')}
                    rules={required(t('supervision.special.institution'))}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      loading={institutions.isLoading}
                      options={(institutions.data?.items ?? []).map((x) => ({
                        value: x.id,
                        label: `${x.name}（${townName(lang, x.townCode)}）`,
                      }))}
                    />
                  </Form.Item>
                  <Form.List name={[team.name, 'members']}>
                    {(members, ops, { errors: memberErrors }) => (
                      <>
                        {members.map((mem) => (
                          <Space key={mem.key} align="baseline" wrap>
                            <Form.Item
                              name={[mem.name, 'userId']}
                              label={`${t('supervision.special.member')} ${mem.name + 1}`}
                              rules={required(t('supervision.special.member'))}
                            >
                              <Select
                                style={{ width: 220 }}
                                showSearch
                                optionFilterProp="label"
                                loading={inspectors.isLoading}
                                options={(inspectors.data?.items ?? []).map((x) => ({
                                  value: x.id,
                                  label: x.name,
                                }))}
                              />
                            </Form.Item>
                            <Form.Item
                              name={[mem.name, 'unit']}
                              label={`${t('supervision.special.memberUnit')} ${mem.name + 1}`}
                              rules={required(t('supervision.special.memberUnit'))}
                            >
                              <Select style={{ width: 220 }} options={chosenUnits} />
                            </Form.Item>
                            {members.length > 2 ? (
                              <Button
                                type="text"
                                aria-label={t('supervision.special.remove')}
                                icon={<MinusCircleOutlined />}
                                onClick={() => ops.remove(mem.name)}
                              />
                            ) : null}
                          </Space>
                        ))}
                        {/* a rule about the whole team (two departments) lands on the list itself */}
                        <Form.Item style={{ marginBottom: 0 }}>
                          <Button type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({})}>
                            {t('supervision.special.addMember')}
                          </Button>
                          <Form.ErrorList errors={memberErrors} />
                        </Form.Item>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Form.Item style={{ marginBottom: 0 }}>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ members: [{ unit: units[0] }, { unit: units[1] }] })}
                >
                  {t('supervision.special.addTeam')}
                </Button>
                <Form.ErrorList errors={teamErrors} />
              </Form.Item>
            </Space>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('supervision.special.create')}
          </Button>
          <Button onClick={onDone}>{t('supervision.special.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function CheckList() {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({ queryKey: [...KEY, 'list'], queryFn: ({ signal }) => specialChecks.list(signal) });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('supervision.special.list')}</h2>}>
      <Table<SpecialCheck>
        rowKey="id"
        size="small"
        loading={!q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('supervision.special.empty') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        expandable={{ expandedRowRender: (r) => <Teams id={r.id} /> }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('supervision.special.titleField'), dataIndex: 'title' },
          {
            title: t('supervision.special.division'),
            render: (_, r) =>
              r.level === 'district' ? t('supervision.pub.level.district') : townName(lang, r.divisionCode),
          },
          {
            title: t('supervision.special.categories'),
            render: (_, r) => r.categories.map((c) => <Tag key={c}>{t(`supervision.category.${c}`)}</Tag>),
          },
          {
            title: t('supervision.special.units'),
            render: (_, r) =>
              r.units.map((u) => (
                <Tag key={u} color={u === r.leadUnit ? 'blue' : undefined}>
                  {unitLabel(lang, u)}
                  {u === r.leadUnit ? `（${t('supervision.special.lead')}）` : ''}
                </Tag>
              )),
          },
          { title: t('supervision.special.window'), render: (_, r) => `${r.startDate} — ${r.endDate}` },
          {
            title: t('supervision.special.status'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOR[r.status]}>{t(`supervision.special.statuses.${r.status}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('supervision.special.progress', { signed: r.signed, targets: r.targets })}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('supervision.special.findings'), dataIndex: 'findings', align: 'right' },
        ]}
      />
    </Card>
  );
}

function Teams({ id }: { id: string }) {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: ({ signal }) => specialChecks.get(id, signal),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  if (!q.data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {q.data.teams.map((team, i) => (
        <Descriptions
          key={team.institutionId}
          size="small"
          bordered
          column={1}
          title={`${t('supervision.special.teams')} ${i + 1}：${team.inspection?.institutionName ?? ''}`}
          items={[
            {
              key: 'members',
              label: t('supervision.special.member'),
              children: team.members.map((m) => `${m.name}（${unitLabel(lang, m.unit)}）`).join('、'),
            },
            {
              key: 'record',
              label: t('supervision.nav.inspections'),
              children: team.inspection ? (
                <Space wrap>
                  <Tag color={team.inspection.status === 'signed' ? 'green' : 'blue'}>
                    {t(`supervision.insp.status.${team.inspection.status}`)}
                  </Tag>
                  {team.inspection.score != null ? <span>{team.inspection.score}</span> : null}
                  <span>
                    {t('supervision.special.findings')} {team.inspection.findings}
                  </span>
                  <Link to={`/admin/supervision/inspections/${team.inspection.id}`}>
                    {t('supervision.special.openRecord')}
                  </Link>
                </Space>
              ) : (
                t('supervision.special.notVisible')
              ),
            },
          ]}
        />
      ))}
    </Space>
  );
}
