/**
 * Pre-hire record checks (入职查询, issue 17) in the console: the rule with its documents (from the rule
 * pack, resolved in the browser like the 规则包 page), the two checks' fields on the hire form, and the
 * staff page's card (the person's checks; record one). The server decides with the same pure rule.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  RECORD_CHECK_KIND_LABELS,
  RECORD_CHECK_KINDS,
  RECORD_CHECK_RESULT_LABELS,
  RECORD_CHECK_RESULTS,
  type RecordCheckKind,
} from '../../../../domain/contracts/workforce.ts';
import { workforcePolicy } from '../../../../domain/workforce/policy.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';
import { type StaffDetail, workforceApi } from './api.ts';
import { useSaveAndClose } from './forms.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function useL(): 'zh' | 'en' {
  const [lang] = useLang();
  return lang === 'zh-CN' ? 'zh' : 'en';
}

/** The rule sentence, each check's document, and whether a validity window applies. */
export function RecordCheckRule() {
  const t = useT();
  const l = useL();
  const me = useCurrentMe();
  const required = me ? workforcePolicy(me.districtCode, today()).recordChecks : [];
  if (!required.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('workforce.checks.rule')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="record-check-rule">
          {required.map((r) => (
            <li key={r.kind}>
              {RECORD_CHECK_KIND_LABELS[r.kind][l]}：{r.issuer}《{r.title}》（{r.docNumber}，{r.issued}）{' '}
              <Tag>{t('workforce.checks.unverified')}</Tag>
              {r.validityDays === null
                ? t('workforce.checks.noWindow')
                : t('workforce.checks.window', { days: r.validityDays })}
              {r.related ? <Typography.Text type="secondary"> {r.related}</Typography.Text> : null}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * The two checks on the hire form: fields `employment.checks.<i>.*`, i in RECORD_CHECK_KINDS order. A
 * group is optional (a registered person's checks on record are used; the server says when none
 * qualify); a group once started needs all three fields.
 */
export function CheckFields() {
  const t = useT();
  const l = useL();
  const PARTS = ['result', 'checkedOn', 'referenceNumber'] as const;
  const rule =
    (i: number) =>
    ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
      validator: async (_: unknown, value: unknown) => {
        const g = getFieldValue(['employment', 'checks', i]) as Record<string, unknown> | undefined;
        const started = PARTS.some((p) => Boolean(g?.[p]));
        if (started && !value) throw new Error(t('workforce.form.required'));
      },
    });
  const deps = (i: number, self: string) =>
    PARTS.filter((p) => p !== self).map((p) => ['employment', 'checks', i, p]);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: 8 }}>{t('workforce.checks.title')}</legend>
      <RecordCheckRule />
      {RECORD_CHECK_KINDS.map((kind, i) => (
        <div key={kind} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item name={['employment', 'checks', i, 'kind']} initialValue={kind} hidden>
            <Input />
          </Form.Item>
          <Form.Item
            name={['employment', 'checks', i, 'result']}
            label={`${RECORD_CHECK_KIND_LABELS[kind][l]} · ${t('workforce.checks.result')}`}
            rules={[rule(i)]}
            dependencies={deps(i, 'result')}
            style={{ minWidth: 150 }}
          >
            <Select
              allowClear
              options={RECORD_CHECK_RESULTS.map((r) => ({
                value: r,
                label: RECORD_CHECK_RESULT_LABELS[r][l],
              }))}
            />
          </Form.Item>
          <Form.Item
            name={['employment', 'checks', i, 'checkedOn']}
            label={`${RECORD_CHECK_KIND_LABELS[kind][l]} · ${t('workforce.checks.checkedOn')}`}
            rules={[rule(i)]}
            dependencies={deps(i, 'checkedOn')}
          >
            <Input type="date" max={today()} />
          </Form.Item>
          <Form.Item
            name={['employment', 'checks', i, 'referenceNumber']}
            label={`${RECORD_CHECK_KIND_LABELS[kind][l]} · ${t('workforce.checks.reference')}`}
            rules={[rule(i), { max: 50 }]}
            dependencies={deps(i, 'referenceNumber')}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </div>
      ))}
    </fieldset>
  );
}

function RecordCheckModal(props: {
  staffId: string;
  institutions: { id: string; name: string }[];
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const l = useL();
  const [form] = Form.useForm();
  const m = useSaveAndClose(
    form,
    (v: Record<string, string>) =>
      workforceApi.recordCheck(props.staffId, {
        institutionId: v.institutionId ?? '',
        kind: v.kind as RecordCheckKind,
        result: v.result as 'clear' | 'found',
        checkedOn: v.checkedOn ?? '',
        referenceNumber: v.referenceNumber ?? '',
      }),
    props.onClose,
  );
  const required = { required: true, message: t('workforce.form.required') };
  return (
    <Modal
      open={props.open}
      title={t('workforce.checks.add')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <RecordCheckRule />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ institutionId: props.institutions[0]?.id, result: 'clear', checkedOn: today() }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="institutionId" label={t('workforce.institution')} rules={[required]}>
          <Select options={props.institutions.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('workforce.checks.kind')} rules={[required]}>
          <Select
            options={RECORD_CHECK_KINDS.map((k) => ({ value: k, label: RECORD_CHECK_KIND_LABELS[k][l] }))}
          />
        </Form.Item>
        <Form.Item name="result" label={t('workforce.checks.result')} rules={[required]}>
          <Select
            options={RECORD_CHECK_RESULTS.map((r) => ({ value: r, label: RECORD_CHECK_RESULT_LABELS[r][l] }))}
          />
        </Form.Item>
        <Form.Item name="checkedOn" label={t('workforce.checks.checkedOn')} rules={[required]}>
          <Input type="date" max={today()} />
        </Form.Item>
        <Form.Item
          name="referenceNumber"
          label={t('workforce.checks.reference')}
          rules={[required, { max: 50 }]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The staff page's card: the person's checks, and (for whoever may hire) a form to record one. */
export function RecordChecksCard(props: { person: StaffDetail; canRecord: boolean }) {
  const t = useT();
  const l = useL();
  const [adding, setAdding] = useState(false);
  const id = props.person.id;
  const q = useQuery({
    queryKey: [...keys.workforce.all, 'checks', id],
    queryFn: ({ signal }) => workforceApi.checks(id, signal),
  });
  const insts = [
    ...new Map(props.person.employments.map((e) => [e.institutionId, e.institutionName])).entries(),
  ].map(([iid, name]) => ({ id: iid, name }));
  return (
    <Card
      title={t('workforce.checks.title')}
      extra={
        props.canRecord &&
        insts.length > 0 && <Button onClick={() => setAdding(true)}>{t('workforce.checks.add')}</Button>
      }
    >
      {props.canRecord && (
        <RecordCheckModal staffId={id} institutions={insts} open={adding} onClose={() => setAdding(false)} />
      )}
      <RecordCheckRule />
      <Table
        rowKey="id"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('workforce.checks.kind'), render: (_, c) => RECORD_CHECK_KIND_LABELS[c.kind][l] },
          {
            title: t('workforce.checks.result'),
            render: (_, c) => (
              <Tag color={c.result === 'clear' ? 'green' : 'red'}>
                {RECORD_CHECK_RESULT_LABELS[c.result][l]}
              </Tag>
            ),
          },
          { title: t('workforce.checks.checkedOn'), dataIndex: 'checkedOn' },
          { title: t('workforce.checks.reference'), dataIndex: 'referenceNumber' },
          { title: t('workforce.institution'), dataIndex: 'institutionName' },
          {
            title: t('workforce.scan'),
            render: (_, c) =>
              c.fileId ? (
                <a href={workforceApi.checkScanUrl(id, c.id)}>{t('workforce.checks.download')}</a>
              ) : (
                t('workforce.checks.noScan')
              ),
          },
        ]}
      />
    </Card>
  );
}
