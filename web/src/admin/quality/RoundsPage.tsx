/** /admin/quality — the evaluation rounds in the caller's scope; the district opens a round here. */
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
  Modal,
  Select,
  Space,
  Switch,
  Table,
} from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createRoundBody } from '../../../../domain/contracts/quality.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { qualityApi, type RoundSummary } from './api.ts';
import { fmtDate, RoundStatusTag } from './shared.tsx';

export default function RoundsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const [opening, setOpening] = useState(false);
  const rounds = useQuery({
    queryKey: keys.quality.rounds,
    queryFn: ({ signal }) => qualityApi.rounds(signal),
  });
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('quality.rounds.title')}</h1>}
      extra={
        can(me, 'quality.manage') && (
          <Button type="primary" onClick={() => setOpening(true)}>
            {t('quality.rounds.open')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <Alert type="info" title={t('quality.rounds.intro')} />
        <Table<RoundSummary>
          rowKey="id"
          loading={rounds.isLoading}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('quality.rounds.empty') }}
          columns={[
            { title: t('quality.rounds.year'), dataIndex: 'year', key: 'year' },
            {
              title: t('quality.rounds.name'),
              key: 'name',
              render: (_, r) => <Link to={`/admin/quality/rounds/${r.id}`}>{r.name}</Link>,
            },
            {
              title: t('quality.rounds.status'),
              key: 'status',
              render: (_, r) => <RoundStatusTag status={r.status} t={t} />,
            },
            { title: t('quality.rounds.framework'), dataIndex: 'frameworkName', key: 'fw' },
            { title: t('quality.rounds.participants'), dataIndex: 'participants', key: 'n' },
            {
              title: t('quality.rounds.weights'),
              key: 'w',
              render: (_, r) => `${r.weights.self} / ${r.weights.peer} / ${r.weights.commissioned}`,
            },
            {
              title: t('quality.rounds.selfDeadline'),
              key: 'sd',
              render: (_, r) => fmtDate(r.selfDeadline, lang),
            },
          ]}
        />
      </Space>
      {opening && <OpenRoundDialog onClose={() => setOpening(false)} />}
    </Card>
  );
}

interface FormValues {
  year: number;
  name: string;
  frameworkId: string;
  institutionIds: string[];
  self: number;
  peer: number;
  commissioned: number;
  reviewersPerInstitution: number;
  deadlines: [dayjs.Dayjs, dayjs.Dayjs];
  blind: boolean;
  publication: 'none' | 'grade' | 'grade_and_dimensions';
}

function OpenRoundDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const frameworks = useQuery({
    queryKey: keys.quality.frameworks,
    queryFn: ({ signal }) => qualityApi.frameworks(signal),
  });
  const insts = useQuery({
    queryKey: ['quality', 'operating-institutions'],
    queryFn: ({ signal }) => qualityApi.institutions(signal),
  });
  const rules = useRulesFrom(createRoundBody);
  const create = useMutation({
    mutationFn: (v: FormValues) =>
      qualityApi.createRound({
        year: v.year,
        name: v.name,
        frameworkId: v.frameworkId,
        institutionIds: v.institutionIds,
        weights: { self: v.self, peer: v.peer, commissioned: v.commissioned },
        reviewersPerInstitution: v.reviewersPerInstitution,
        selfDeadline: v.deadlines[0].toISOString(),
        reviewDeadline: v.deadlines[1].toISOString(),
        blind: v.blind,
        publication: v.publication,
        operators: {},
      }),
    onSuccess: (r) => {
      message.success(t('quality.rounds.created'));
      qc.invalidateQueries({ queryKey: keys.quality.all });
      navigate(`/admin/quality/rounds/${r.id}`);
    },
    onError: (e) => showError(e, form),
  });
  const year = new Date().getFullYear();
  return (
    <Modal
      open
      title={t('quality.rounds.open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={720}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          year,
          name: `${year} 年度托育机构质量评估`,
          self: 20,
          peer: 30,
          commissioned: 50,
          reviewersPerInstitution: 2,
          blind: true,
          publication: 'grade',
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Space wrap>
          <Form.Item
            name="year"
            label={t('quality.rounds.year')}
            rules={rules('year', t('quality.rounds.year'))}
          >
            <InputNumber min={2020} max={2100} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('quality.rounds.name')}
            rules={rules('name', t('quality.rounds.name'))}
            style={{ minWidth: 360 }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="frameworkId" label={t('quality.rounds.framework')} rules={[{ required: true }]}>
          <Select
            options={(frameworks.data?.items ?? []).map((f) => ({
              value: f.id,
              label: `${f.name}（v${f.revision}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="institutionIds"
          label={t('quality.rounds.institutions')}
          extra={t('quality.rounds.institutionsHint')}
          rules={[{ required: true }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(insts.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
            maxTagCount={8}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="self" label={t('quality.rounds.weightSelf')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="peer" label={t('quality.rounds.weightPeer')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="commissioned" label={t('quality.rounds.weightCommissioned')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="reviewersPerInstitution" label={t('quality.rounds.reviewers')}>
            <InputNumber min={2} max={5} />
          </Form.Item>
        </Space>
        <Form.Item
          name="deadlines"
          label={`${t('quality.rounds.selfDeadline')} / ${t('quality.rounds.reviewDeadline')}`}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker showTime />
        </Form.Item>
        <Space wrap size={32}>
          <Form.Item name="blind" label={t('quality.rounds.blind')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="publication" label={t('quality.rounds.publication')}>
            <Select
              style={{ minWidth: 220 }}
              options={(['none', 'grade', 'grade_and_dimensions'] as const).map((p) => ({
                value: p,
                label: t(`quality.pub.${p}`),
              }))}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
