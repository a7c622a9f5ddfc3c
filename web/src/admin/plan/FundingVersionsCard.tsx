/**
 * The funding page's 经费标准版本 card (issue 13, ADR 0028): the district's funding-value versions (history,
 * the one in force), and for the district officer a form that starts as a copy of the values in force
 * (multiplier, pupil floor, 两教一保 staffing, the training-subsidy list with amounts), a preview of what the
 * proposed values change (kindergartens, staffing quotas, town totals) before saving, and the save.
 * National and Shanghai packs are not edited here: they stay read-only rule packs.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
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
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { SKILL_ASSESSMENT_LABELS, SKILL_ASSESSMENTS } from '../../../../domain/contracts/workforce.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { type FundingPreview, type FundingVersion, type FundingVersionBody, planApi } from './api.ts';
import { yuan } from './money.ts';

type Occupation = (typeof SKILL_ASSESSMENTS)[number];
interface FormValues {
  effectiveFrom?: string;
  citation: { issuer?: string; docNumber?: string; title?: string; date?: string };
  /** The multiplier as a decimal (1.5); sent as numerator / 100, reduced. */
  multiplier: number | null;
  pupilFloor: number | null;
  teachersPerClass: number | null;
  caregiversPerClass: number | null;
  /** `amountFen` holds yuan in the form (named like the API field so its errors land on it). */
  trainingSubsidies: { occupation?: Occupation; amountFen?: number | null }[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
function fraction(x: number | null): { numerator: number; denominator: number } {
  const n = Math.round((x ?? 0) * 100);
  const g = n > 0 ? gcd(n, 100) : 1;
  return { numerator: n / g, denominator: 100 / g };
}
const decimal = (m: { numerator: number; denominator: number }) =>
  Math.round((m.numerator / m.denominator) * 10000) / 10000;

function bodyOf(v: FormValues, basedOn: number | null): FundingVersionBody {
  return {
    effectiveFrom: v.effectiveFrom?.trim() ?? '',
    citation: {
      issuer: v.citation?.issuer ?? '',
      docNumber: v.citation?.docNumber ?? '',
      title: v.citation?.title ?? '',
      date: v.citation?.date?.trim() ?? '',
    },
    multiplier: fraction(v.multiplier),
    pupilFloor: v.pupilFloor ?? 0,
    teachersPerClass: v.teachersPerClass ?? 0,
    caregiversPerClass: v.caregiversPerClass ?? 0,
    trainingSubsidies: (v.trainingSubsidies ?? []).map((s) => ({
      occupation: s.occupation ?? 'other',
      amountFen: Math.round((s.amountFen ?? 0) * 100),
    })),
    basedOn,
  };
}

export function FundingVersionsCard({ manage }: { manage: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState(false);
  const [preview, setPreview] = useState<{ body: string; result: FundingPreview } | null>(null);
  const q = useQuery({
    queryKey: keys.plan.fundingVersions,
    queryFn: ({ signal }) => planApi.fundingVersions(signal),
  });
  const list = q.data;
  const occupationLabel = (o: Occupation) => SKILL_ASSESSMENT_LABELS[o][l];

  const start = () => {
    if (!list) return;
    const tpl = list.template;
    form.resetFields();
    form.setFieldsValue({
      citation: {},
      multiplier: decimal(tpl.multiplier),
      pupilFloor: tpl.pupilFloor,
      teachersPerClass: tpl.teachersPerClass,
      caregiversPerClass: tpl.caregiversPerClass,
      trainingSubsidies: tpl.trainingSubsidies.map((s) => ({
        occupation: s.occupation,
        amountFen: s.amountFen / 100,
      })),
    });
    setPreview(null);
    setEditing(true);
  };
  const currentBody = () => bodyOf(form.getFieldsValue(true) as FormValues, list?.latest?.versionNo ?? null);

  const runPreview = useMutation({
    mutationFn: (body: FundingVersionBody) => planApi.previewFundingVersion(body),
    onSuccess: (result, body) => setPreview({ body: JSON.stringify(body), result }),
    onError: (err) => {
      setPreview(null);
      showError(err, form);
    },
  });
  const save = useMutation({
    mutationFn: (body: FundingVersionBody) => planApi.createFundingVersion(body),
    onSuccess: (v) => {
      message.success(t('plan.fv.saved', { n: v.versionNo }));
      setEditing(false);
      setPreview(null);
      void qc.invalidateQueries({ queryKey: ['plan', 'funding'] });
    },
    onError: (err) => showError(err, form),
  });
  // The save is offered only for the values previewed (a change after the preview asks for a new one).
  const [, setFormVersion] = useState(0);
  const previewIsCurrent = preview !== null && preview.body === JSON.stringify(currentBody());

  const historyColumns: TableColumnsType<FundingVersion> = [
    {
      title: t('plan.fv.no'),
      key: 'no',
      width: 110,
      render: (_, v) => (
        <Space size={4}>
          <span>{t('plan.fv.versionN', { n: v.versionNo })}</span>
          {list?.inForce === v.versionNo && <Tag color="green">{t('plan.fv.inForce')}</Tag>}
        </Space>
      ),
    },
    { title: t('plan.fv.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'from', width: 110 },
    {
      title: t('plan.fv.citation'),
      key: 'citation',
      render: (_, v) =>
        `${v.citation.issuer} ${v.citation.docNumber}《${v.citation.title}》（${v.citation.date}）`,
    },
    {
      title: t('plan.fv.values'),
      key: 'values',
      render: (_, v) =>
        t('plan.fv.valuesText', {
          m: decimal(v.multiplier),
          floor: v.pupilFloor,
          te: v.teachersPerClass,
          ca: v.caregiversPerClass,
        }),
    },
    {
      title: t('plan.fv.subsidies'),
      key: 'subsidies',
      render: (_, v) =>
        v.trainingSubsidies.map((s) => `${occupationLabel(s.occupation)} ${yuan(s.amountFen)}`).join('、') ||
        '—',
    },
    {
      title: t('plan.fv.created'),
      key: 'created',
      width: 170,
      render: (_, v) => `${v.createdBy} ${v.createdAt.slice(0, 10)}`,
    },
  ];

  const signed = (fen: number) => (fen > 0 ? `+${yuan(fen)}` : fen < 0 ? `−${yuan(-fen)}` : yuan(0));
  const signedN = (n: number) => (n > 0 ? `+${n}` : String(n));
  type PreviewRow = FundingPreview['rows'][number];
  const previewColumns: TableColumnsType<PreviewRow> = [
    {
      title: t('plan.f.kindergarten'),
      key: 'name',
      render: (_, r) => `${r.name}（${townName(lang, r.townCode)}）`,
    },
    {
      title: t('plan.fv.allotmentChange'),
      key: 'allotment',
      align: 'right',
      render: (_, r) =>
        r.allotmentBeforeFen === null
          ? t('plan.f.missing')
          : `${yuan(r.allotmentBeforeFen)} → ${yuan(r.allotmentAfterFen)}（${signed(r.allotmentDeltaFen)}）`,
    },
    {
      title: t('plan.fv.quotaChange'),
      key: 'quota',
      align: 'right',
      render: (_, r) => `${r.quotaBefore} → ${r.quotaAfter}（${signedN(r.quotaDelta)}）`,
    },
    {
      title: t('plan.fv.subsidyChange'),
      key: 'subsidy',
      align: 'right',
      render: (_, r) => signed(r.trainingSubsidyDeltaFen),
    },
  ];
  type PreviewTown = FundingPreview['towns'][number];
  const townColumns: TableColumnsType<PreviewTown> = [
    { title: t('plan.f.town'), key: 'town', render: (_, x) => townName(lang, x.townCode) },
    {
      title: t('plan.fv.allotmentDelta'),
      key: 'a',
      align: 'right',
      render: (_, x) => signed(x.allotmentDeltaFen),
    },
    { title: t('plan.fv.quotaDelta'), key: 'q', align: 'right', render: (_, x) => signedN(x.quotaDelta) },
    {
      title: t('plan.fv.subsidyChange'),
      key: 's',
      align: 'right',
      render: (_, x) => signed(x.trainingSubsidyDeltaFen),
    },
  ];

  type StaffingRow = FundingPreview['staffing']['classes'][number];
  const state = (ok: boolean) => (
    <Tag color={ok ? 'green' : 'red'}>{ok ? t('plan.fv.staffingMet') : t('plan.fv.staffingShort')}</Tag>
  );
  const staffingColumns: TableColumnsType<StaffingRow> = [
    {
      title: t('plan.fv.staffingClass'),
      key: 'class',
      render: (_, c) => `${c.institutionName} · ${c.className}（${townName(lang, c.townCode)}）`,
    },
    {
      title: t('plan.fv.staffingNow'),
      key: 'now',
      render: (_, c) =>
        t('workforce.twoOne', { teachers: c.certifiedTeachers, carers: c.certifiedCaregivers }),
    },
    {
      title: t('plan.fv.staffingRequired'),
      key: 'required',
      align: 'right',
      render: (_, c) => `${c.requiredBefore} → ${c.requiredAfter}`,
    },
    {
      title: t('plan.fv.staffingState'),
      key: 'state',
      render: (_, c) => (
        <>
          {state(c.compliantBefore)} → {state(c.compliantAfter)}
        </>
      ),
    },
  ];

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('plan.fv.title')}</h2>}
      extra={
        manage &&
        !editing && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!list} onClick={start}>
            {t('plan.fv.new')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={16}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('plan.fv.intro')}
        </Typography.Paragraph>
        {editing && list && (
          <Card type="inner" title={t('plan.fv.formTitle', { n: (list.latest?.versionNo ?? 0) + 1 })}>
            <Form<FormValues>
              form={form}
              layout="vertical"
              onValuesChange={() => setFormVersion((n) => n + 1)}
              aria-label={t('plan.fv.formTitle', { n: (list.latest?.versionNo ?? 0) + 1 })}
            >
              <Typography.Paragraph type="secondary">
                {list.inForce ? t('plan.fv.copiedFrom', { n: list.inForce }) : t('plan.fv.copiedFromPack')}
                {list.latest ? ` ${t('plan.fv.afterLatest', { date: list.latest.effectiveFrom })}` : ''}
              </Typography.Paragraph>
              <Space wrap align="start">
                <Form.Item name="effectiveFrom" label={t('plan.fv.effectiveFrom')} required>
                  <Input
                    aria-label={t('plan.fv.effectiveFrom')}
                    placeholder="YYYY-MM-DD"
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Form.Item name={['citation', 'issuer']} label={t('plan.fv.issuer')} required>
                  <Input aria-label={t('plan.fv.issuer')} style={{ width: 200 }} maxLength={100} />
                </Form.Item>
                <Form.Item name={['citation', 'docNumber']} label={t('plan.fv.docNumber')} required>
                  <Input aria-label={t('plan.fv.docNumber')} style={{ width: 200 }} maxLength={100} />
                </Form.Item>
                <Form.Item name={['citation', 'title']} label={t('plan.fv.docTitle')} required>
                  <Input aria-label={t('plan.fv.docTitle')} style={{ width: 320 }} maxLength={200} />
                </Form.Item>
                <Form.Item name={['citation', 'date']} label={t('plan.fv.docDate')} required>
                  <Input aria-label={t('plan.fv.docDate')} placeholder="YYYY-MM-DD" style={{ width: 140 }} />
                </Form.Item>
              </Space>
              <Space wrap align="start">
                <Form.Item name="multiplier" label={t('plan.fv.multiplier')} required>
                  <InputNumber<number> aria-label={t('plan.fv.multiplier')} step={0.1} precision={2} />
                </Form.Item>
                <Form.Item name="pupilFloor" label={t('plan.fv.floor')} required>
                  <InputNumber<number> aria-label={t('plan.fv.floor')} precision={0} />
                </Form.Item>
                <Form.Item name="teachersPerClass" label={t('plan.fv.teachers')} required>
                  <InputNumber<number> aria-label={t('plan.fv.teachers')} precision={0} />
                </Form.Item>
                <Form.Item name="caregiversPerClass" label={t('plan.fv.caregivers')} required>
                  <InputNumber<number> aria-label={t('plan.fv.caregivers')} precision={0} />
                </Form.Item>
              </Space>
              <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                {t('plan.fv.subsidies')}
              </Typography.Paragraph>
              <Form.List name="trainingSubsidies">
                {(fields, { add, remove }) => (
                  <div>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                        <Form.Item name={[f.name, 'occupation']} label={t('plan.fv.occupation')}>
                          <Select<Occupation>
                            aria-label={`${t('plan.fv.occupation')} ${i + 1}`}
                            style={{ width: 180 }}
                            options={SKILL_ASSESSMENTS.map((o) => ({ value: o, label: occupationLabel(o) }))}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'amountFen']} label={t('plan.fv.amountYuan')}>
                          <InputNumber<number>
                            aria-label={`${t('plan.fv.amountYuan')} ${i + 1}`}
                            precision={2}
                            prefix="¥"
                            style={{ width: 160 }}
                          />
                        </Form.Item>
                        <Form.Item label=" ">
                          <Button
                            icon={<DeleteOutlined />}
                            aria-label={t('plan.fv.remove', { n: i + 1 })}
                            onClick={() => remove(f.name)}
                          />
                        </Form.Item>
                      </Space>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ amountFen: 0 })}>
                      {t('plan.fv.addOccupation')}
                    </Button>
                  </div>
                )}
              </Form.List>
              <Space style={{ marginTop: 16 }} wrap>
                <Button loading={runPreview.isPending} onClick={() => runPreview.mutate(currentBody())}>
                  {t('plan.fv.preview')}
                </Button>
                <Button
                  type="primary"
                  disabled={!previewIsCurrent}
                  loading={save.isPending}
                  onClick={() => save.mutate(currentBody())}
                >
                  {t('plan.fv.save')}
                </Button>
                <Button onClick={() => setEditing(false)}>{t('plan.fv.cancel')}</Button>
                {!previewIsCurrent && (
                  <Typography.Text type="secondary">{t('plan.fv.previewFirst')}</Typography.Text>
                )}
              </Space>
            </Form>
            {preview && (
              <Space
                orientation="vertical"
                style={{ width: '100%', marginTop: 16 }}
                data-testid="funding-preview"
              >
                <Alert
                  type={previewIsCurrent ? 'info' : 'warning'}
                  showIcon
                  title={t('plan.fv.previewTitle', {
                    year: preview.result.year,
                    n: preview.result.rows.length,
                    delta: signed(preview.result.total.allotmentDeltaFen),
                    before: yuan(preview.result.total.allotmentBeforeFen),
                    after: yuan(preview.result.total.allotmentAfterFen),
                    quota: `${preview.result.total.quotaBefore} → ${preview.result.total.quotaAfter}`,
                  })}
                  description={previewIsCurrent ? undefined : t('plan.fv.previewStale')}
                />
                <Table<PreviewRow>
                  rowKey="institutionId"
                  size="small"
                  columns={previewColumns}
                  dataSource={preview.result.rows}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  scroll={{ x: 800 }}
                />
                <Table<PreviewTown>
                  rowKey="townCode"
                  size="small"
                  pagination={false}
                  columns={townColumns}
                  dataSource={preview.result.towns}
                />
                {preview.result.staffing.classes.length === 0 ? (
                  <Typography.Text type="secondary" data-testid="funding-preview-staffing">
                    {t('plan.fv.staffingNone', { date: preview.result.staffing.asOf })}
                  </Typography.Text>
                ) : (
                  <div data-testid="funding-preview-staffing">
                    <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                      {t('plan.fv.staffingTitle', { date: preview.result.staffing.asOf })}
                    </Typography.Paragraph>
                    <Table<StaffingRow>
                      rowKey="classId"
                      size="small"
                      columns={staffingColumns}
                      dataSource={preview.result.staffing.classes}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      scroll={{ x: 800 }}
                    />
                  </div>
                )}
              </Space>
            )}
          </Card>
        )}
        <Table<FundingVersion>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          columns={historyColumns}
          dataSource={list?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('plan.fv.none') }}
          scroll={{ x: 1000 }}
        />
      </Space>
    </Card>
  );
}
