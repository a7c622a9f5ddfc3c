/**
 * 收费公示清单 on the institution's detail page (issue 17): the list in force (or the draft), the flag the
 * district sees (domain/institutions/fee-list.ts), and for the institution's admin or a district officer an
 * editor: items, effective date, basis; save a draft, then publish. The publication rules run live here with
 * the same function the server uses.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  FEE_ITEM_KINDS,
  FEE_UNITS,
  type FeeItemInput,
  type FeeListDetail,
  type SaveFeeListBody,
} from '../../../../domain/contracts/fee-list.ts';
import { fenToYuan, SERVICE_FORMS, yuanToFen } from '../../../../domain/contracts/institution-enums.ts';
import { validateFeeListForPublish } from '../../../../domain/institutions/fee-list.ts';
import { http, unwrap } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { dateTime, formLabel } from './shared.ts';

type FormItem = Omit<FeeItemInput, 'amountFen'> & { amountYuan: number };
interface FormValues {
  items: FormItem[];
  effectiveFrom: string;
  basis: string;
  serviceContent: string;
  refundRule: string;
}

const feeKey = (id: string) => [...keys.institutions.all, 'fee-list', id] as const;

function bodyOf(v: FormValues): SaveFeeListBody {
  return {
    items: (v.items ?? []).map(({ amountYuan, ...i }) => ({
      ...i,
      name: i.name ?? '',
      serviceForm: i.serviceForm ?? null,
      optional: i.optional ?? false,
      amountFen: yuanToFen(amountYuan ?? 0),
    })),
    effectiveFrom: v.effectiveFrom || null,
    basis: v.basis ?? '',
    serviceContent: v.serviceContent ?? '',
    refundRule: v.refundRule ?? '',
  };
}

function ItemsTable({ items }: { items: FeeItemInput[] }) {
  const t = useT();
  const [lang] = useLang();
  const columns: TableColumnsType<FeeItemInput & { key: number }> = [
    { title: t('feeList.item'), dataIndex: 'name' },
    { title: t('feeList.card.kind'), render: (_, i) => t(`feeList.kind.${i.kind}`) },
    {
      title: t('feeList.card.serviceForm'),
      render: (_, i) => (i.serviceForm ? formLabel(lang, i.serviceForm) : t('feeList.form.all')),
    },
    {
      title: t('feeList.amount'),
      align: 'right',
      render: (_, i) => t('feeList.yuan', { amount: fenToYuan(i.amountFen).toFixed(2) }),
    },
    { title: t('feeList.unitCol'), render: (_, i) => t(`feeList.unit.${i.unit}`) },
    {
      title: t('feeList.optionalCol'),
      render: (_, i) => (i.optional ? t('feeList.optional') : t('feeList.required')),
    },
  ];
  return (
    <Table
      size="small"
      pagination={false}
      columns={columns}
      dataSource={items.map((i, key) => ({ ...i, key }))}
      scroll={{ x: true }}
    />
  );
}

function Editor({ d, onClose }: { d: FeeListDetail; onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const start = d.draft ?? d.published;
  const initial: FormValues = {
    items: (start?.items ?? []).map(({ amountFen, ...i }) => ({ ...i, amountYuan: fenToYuan(amountFen) })),
    effectiveFrom: start?.effectiveFrom ?? '',
    basis: start?.basis ?? '',
    serviceContent: start?.serviceContent ?? '',
    refundRule: start?.refundRule ?? '',
  };
  const watched = Form.useWatch([], form) as FormValues | undefined;
  const issues = validateFeeListForPublish(bodyOf(watched ?? initial), { inclusive: d.inclusive });
  const done = (next: FeeListDetail) => {
    queryClient.setQueryData(feeKey(d.institutionId), next);
    void queryClient.invalidateQueries({ queryKey: keys.institutions.all });
  };
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      unwrap(
        http.PUT('/api/v1/institutions/{id}/fee-list', {
          params: { path: { id: d.institutionId } },
          body: bodyOf(v),
        }),
      ),
  });
  const publish = useMutation({
    mutationFn: () =>
      unwrap(
        http.POST('/api/v1/institutions/{id}/fee-list/publish', {
          params: { path: { id: d.institutionId } },
        }),
      ),
  });
  const onSave = async () => {
    const v = await form.validateFields();
    save.mutate(v, {
      onSuccess: (next) => {
        message.success(t('feeList.card.saved'));
        done(next);
      },
      onError: (err) => showError(err, form),
    });
  };
  const onPublish = async () => {
    const v = await form.validateFields();
    modal.confirm({
      title: t('feeList.card.publish'),
      content: t('feeList.card.publishConfirm'),
      onOk: async () => {
        try {
          done(await save.mutateAsync(v));
          done(await publish.mutateAsync());
          message.success(t('feeList.card.published'));
          onClose();
        } catch (err) {
          showError(err, form);
        }
      },
    });
  };
  const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid="fee-list-editor">
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Flex key={f.key} wrap gap={8} align="end" className="fee-item-row">
                <Form.Item
                  name={[f.name, 'kind']}
                  label={t('feeList.card.kind')}
                  rules={[{ required: true }]}
                >
                  <Select
                    style={{ width: 150 }}
                    options={options(FEE_ITEM_KINDS, (k) => t(`feeList.kind.${k}`))}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  label={t('feeList.card.name')}
                  rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 50 }]}
                >
                  <Input style={{ width: 180 }} maxLength={50} />
                </Form.Item>
                <Form.Item name={[f.name, 'serviceForm']} label={t('feeList.card.serviceForm')}>
                  <Select
                    allowClear
                    placeholder={t('feeList.form.all')}
                    style={{ width: 130 }}
                    options={options(SERVICE_FORMS, (s) => formLabel(lang, s))}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'amountYuan']}
                  label={t('feeList.card.amountYuan')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <InputNumber min={0} max={100000} precision={2} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'unit']} label={t('feeList.unitCol')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 110 }}
                    options={options(FEE_UNITS, (u) => t(`feeList.unit.${u}`))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'optional']} label={t('feeList.optional')} valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('feeList.card.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Form.Item>
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              style={{ alignSelf: 'start' }}
              onClick={() =>
                add({
                  kind: 'care',
                  name: '',
                  serviceForm: null,
                  amountYuan: 0,
                  unit: 'month',
                  optional: false,
                })
              }
            >
              {t('feeList.card.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex wrap gap={12} style={{ marginTop: 12 }}>
        <Form.Item name="effectiveFrom" label={t('feeList.effectiveFrom')}>
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="basis" label={t('feeList.basis')} style={{ flex: 1, minWidth: 260 }}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('feeList.card.basisPlaceholder')} />
        </Form.Item>
      </Flex>
      <Flex wrap gap={12}>
        <Form.Item
          name="serviceContent"
          label={t('feeList.serviceContent')}
          style={{ flex: 1, minWidth: 260 }}
        >
          <Input.TextArea
            rows={2}
            maxLength={1000}
            placeholder={t('feeList.card.serviceContentPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="refundRule" label={t('feeList.refundRule')} style={{ flex: 1, minWidth: 260 }}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('feeList.card.refundRulePlaceholder')} />
        </Form.Item>
      </Flex>
      {issues.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={issues.map((e) => pick(lang, e.message_zh, e.message_en)).join('；')}
        />
      )}
      <Flex gap={8}>
        <Button onClick={onSave} loading={save.isPending}>
          {t('feeList.card.saveDraft')}
        </Button>
        <Button type="primary" onClick={onPublish} disabled={issues.length > 0} loading={publish.isPending}>
          {t('feeList.card.publish')}
        </Button>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

export function FeeListCard({ institutionId }: { institutionId: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: feeKey(institutionId),
    queryFn: ({ signal }) =>
      unwrap(
        http.GET('/api/v1/institutions/{id}/fee-list', { params: { path: { id: institutionId } }, signal }),
      ),
  });
  const d = q.data;
  if (!d) return null;
  const shown = d.published ?? d.draft;
  return (
    <Card
      size="small"
      title={t('feeList.card.title')}
      data-testid="fee-list-card"
      extra={
        d.canEdit &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('feeList.card.edit')}
          </Button>
        )
      }
    >
      {d.flag && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t(`feeList.flag.${d.flag}`)} />
      )}
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        {d.published ? (
          <Tag color="green">{t('feeList.card.inForce', { date: dateTime(d.published.publishedAt) })}</Tag>
        ) : (
          <Tag>{t('feeList.card.noneYet')}</Tag>
        )}
        {d.draft && <Tag color="orange">{t('feeList.card.draft')}</Tag>}
        {d.earlierVersions > 0 && <Tag>{t('feeList.card.earlier', { n: d.earlierVersions })}</Tag>}
      </Flex>
      {editing ? (
        <Editor d={d} onClose={() => setEditing(false)} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('feeList.card.help')}</Typography.Paragraph>
          {shown && (
            <>
              <Typography.Paragraph>
                {t('feeList.effectiveFrom')}：{shown.effectiveFrom ?? '—'} · {t('feeList.basis')}：
                {shown.basis || t('feeList.basisNone')}
              </Typography.Paragraph>
              {shown.serviceContent && (
                <Typography.Paragraph>
                  {t('feeList.serviceContent')}：{shown.serviceContent}
                </Typography.Paragraph>
              )}
              {shown.refundRule && (
                <Typography.Paragraph>
                  {t('feeList.refundRule')}：{shown.refundRule}
                </Typography.Paragraph>
              )}
              <ItemsTable items={shown.items} />
            </>
          )}
        </>
      )}
    </Card>
  );
}
