/**
 * /admin/subsidy/renewals — the yearly renewal (年度复核, ADR 0027): a year picker, the district officer's
 * button opening the year (idempotent), counts per state, and the renewals in scope (child masked) with
 * the town officer's actions from `permittedActions` (confirm; stop with a reason). The page says the
 * procedure is a local choice: no public text gives it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import {
  RENEWAL_STATES,
  RENEWAL_STOP_REASONS,
  renewalListQuery,
} from '../../../../domain/contracts/subsidy-renewal.ts';
import { townsOf } from '../../../../domain/divisions.ts';
import { problemText } from '../../api/errors.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useUrlQuery } from '../../components/urlQuery.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { divisionName } from '../format.ts';
import { can, useCurrentMe } from '../session.ts';
import { type Renewal, subsidyApi, subsidyKey } from './api.ts';

const COLORS = { open: 'processing', confirmed: 'green', stopped: 'gold' } as const;

function thisYear(): number {
  return Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
}

export default function RenewalsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const url = useUrlQuery(renewalListQuery);
  const year = url.query.year ?? thisYear();
  const [stopping, setStopping] = useState<Renewal | null>(null);
  const [form] = Form.useForm();
  const wholeDistrict = me.scope?.kind === 'division' && me.scope.divisionCode === me.districtCode;
  const counts = useQuery({
    queryKey: [...subsidyKey, 'renewal-counts', year, url.query.townCode],
    queryFn: ({ signal }) => subsidyApi.renewalCounts({ year, townCode: url.query.townCode }, signal),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: subsidyKey });
  const fail = (e: unknown) => message.error(problemText(e, lang, t('subsidy.loadFailed')));
  const open = useMutation({
    mutationFn: () => subsidyApi.openRenewals(year),
    onSuccess: (r) => {
      message.success(t('subsidy.renewals.opened', { opened: r.opened, existing: r.existing }));
      refresh();
    },
    onError: fail,
  });
  const decide = useMutation({
    mutationFn: (v: { r: Renewal; action: 'confirm' | 'stop'; stopReason?: string; note?: string }) =>
      subsidyApi.decideRenewal(v.r.id, {
        action: v.action,
        version: v.r.version,
        ...(v.stopReason ? { stopReason: v.stopReason as (typeof RENEWAL_STOP_REASONS)[number] } : {}),
        ...(v.note ? { note: v.note } : {}),
      }),
    onSuccess: () => {
      message.success(t('subsidy.saved'));
      setStopping(null);
      form.resetFields();
      refresh();
    },
    onError: fail,
  });
  const townName = (code: string) => divisionName(code, lang);
  const columns: TableColumnsType<Renewal> = [
    { title: t('subsidy.applicationNo'), dataIndex: 'applicationNo', key: 'no' },
    {
      title: t('subsidy.child'),
      key: 'child',
      render: (_, r) => (
        <span>
          {r.childName}
          <br />
          <small>{r.childIdNumber}</small>
        </span>
      ),
    },
    { title: t('subsidy.town'), key: 'town', render: (_, r) => townName(r.townCode) },
    {
      title: t('subsidy.renewals.state'),
      key: 'state',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={COLORS[r.state]}>{t(`subsidy.renewals.state.${r.state}`)}</Tag>
          {r.stopReason ? <small>{t(`subsidy.endReason.${r.stopReason}`)}</small> : null}
          {r.note ? <small>{r.note}</small> : null}
        </Space>
      ),
    },
    {
      title: t('subsidy.renewals.decidedAt'),
      key: 'decided',
      render: (_, r) =>
        r.decidedAt ? new Date(r.decidedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : '—',
    },
    {
      title: t('subsidy.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space wrap>
          {r.permittedActions.map((action) => (
            <Button
              key={action}
              size="small"
              type={action === 'confirm' ? 'primary' : 'default'}
              danger={action === 'stop'}
              loading={decide.isPending && decide.variables?.r.id === r.id}
              onClick={() => (action === 'confirm' ? decide.mutate({ r, action }) : setStopping(r))}
            >
              {t(`subsidy.renewals.action.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  const submitStop = async () => {
    if (!stopping) return;
    const v = await form.validateFields();
    decide.mutate({ r: stopping, action: 'stop', stopReason: v.stopReason, note: v.note?.trim() });
  };
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('subsidy.renewals.title')}</h1>}
      extra={
        can(me, 'subsidy.renewal_open') && wholeDistrict ? (
          <Button type="primary" loading={open.isPending} onClick={() => open.mutate()}>
            {t('subsidy.renewals.open')} · {year}
          </Button>
        ) : null
      }
    >
      <p>{t('subsidy.renewals.help')}</p>
      <Alert type="info" showIcon message={t('subsidy.renewals.localChoice')} style={{ marginBottom: 12 }} />
      <Space
        wrap
        style={{ display: 'flex', marginBottom: 12 }}
        data-testid="renewal-counts"
        aria-live="polite"
      >
        {counts.isError ? (
          <span>{problemText(counts.error, lang, t('subsidy.loadFailed'))}</span>
        ) : (
          RENEWAL_STATES.map((s) => (
            <Tag key={s} color={COLORS[s]}>
              {t('subsidy.renewals.count', {
                label: t(`subsidy.renewals.state.${s}`),
                n: counts.data ? counts.data[s] : '…',
              })}
            </Tag>
          ))
        )}
      </Space>
      <PagedTable
        schema={renewalListQuery}
        queryKey={(q) => [...subsidyKey, 'renewals', { ...q, year }]}
        fetchPage={(q, signal) => subsidyApi.renewals({ ...q, year }, signal)}
        rowKey="id"
        label={t('subsidy.renewals.title')}
        emptyText={t('subsidy.renewals.empty')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Space wrap style={{ marginBottom: 12 }}>
            <label htmlFor="sr-year">{t('subsidy.renewals.year')}</label>
            <InputNumber
              id="sr-year"
              min={2026}
              max={thisYear() + 1}
              value={year}
              onChange={(v) => v && setFilter('year', String(v))}
            />
            <Select
              allowClear
              aria-label={t('subsidy.renewals.state')}
              placeholder={t('subsidy.renewals.state')}
              style={{ width: 150 }}
              value={query.state}
              onChange={(v) => setFilter('state', v)}
              options={RENEWAL_STATES.map((s) => ({ value: s, label: t(`subsidy.renewals.state.${s}`) }))}
            />
            {wholeDistrict ? (
              <Select
                allowClear
                aria-label={t('subsidy.town')}
                placeholder={t('subsidy.town')}
                style={{ width: 160 }}
                value={query.townCode}
                onChange={(v) => setFilter('townCode', v)}
                options={townsOf(me.districtCode).map((d) => ({
                  value: d.code,
                  label: pick(lang, d.nameZh, d.nameEn),
                }))}
              />
            ) : null}
          </Space>
        )}
      />
      <Modal
        open={stopping !== null}
        title={t('subsidy.renewals.stopTitle')}
        okText={t('subsidy.renewals.action.stop')}
        okButtonProps={{ danger: true, loading: decide.isPending }}
        onOk={() => void submitStop()}
        onCancel={() => {
          setStopping(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        {stopping ? (
          <p>
            {stopping.applicationNo} · {stopping.childName} · {townName(stopping.townCode)}
          </p>
        ) : null}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="stopReason" label={t('subsidy.renewals.stopReason')} rules={[{ required: true }]}>
            <Select
              options={RENEWAL_STOP_REASONS.map((r) => ({ value: r, label: t(`subsidy.endReason.${r}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('subsidy.renewals.note')}
            dependencies={['stopReason']}
            rules={[
              ({ getFieldValue }) => ({
                required: getFieldValue('stopReason') === 'other',
                max: 500,
              }),
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
