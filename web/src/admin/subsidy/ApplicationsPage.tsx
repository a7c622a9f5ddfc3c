/**
 * /admin/subsidy/applications — the childcare-subsidy applications in scope (the district, or the
 * officer's town), those awaiting review first by their 30-working-day deadline with an overdue flag.
 * The buttons are the answer's `permittedActions` (approve; reject or stop with a reason) and the
 * account correction; the rule and its source (unverified) are stated above the table.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ACCOUNT_KINDS,
  END_REASONS,
  SUBSIDY_STATUSES,
  subsidyListQuery,
} from '../../../../domain/contracts/subsidy.ts';
import { townsOf } from '../../../../domain/divisions.ts';
import { problemText } from '../../api/errors.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { divisionName } from '../format.ts';
import { can, useCurrentMe } from '../session.ts';
import { type AccountBody, type SubsidyApp, subsidyApi, subsidyKey } from './api.ts';
import { subsidyRulesToday } from './rules.ts';

const COLORS = { submitted: 'processing', approved: 'green', rejected: 'default', stopped: 'gold' } as const;

type Dialog = { kind: 'reject' | 'stop' | 'account'; app: SubsidyApp } | null;

export default function ApplicationsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const rules = subsidyRulesToday(me.districtCode);
  const done = () => {
    message.success(t('subsidy.saved'));
    setDialog(null);
    form.resetFields();
    void qc.invalidateQueries({ queryKey: subsidyKey });
  };
  const fail = (e: unknown) => message.error(problemText(e, lang, t('subsidy.loadFailed')));
  const decide = useMutation({
    mutationFn: (v: {
      app: SubsidyApp;
      action: 'approve' | 'reject' | 'stop';
      extra?: Record<string, string>;
    }) => subsidyApi.decide(v.app.id, { action: v.action, version: v.app.version, ...v.extra }),
    onSuccess: done,
    onError: fail,
  });
  const account = useMutation({
    mutationFn: (v: { app: SubsidyApp; body: Omit<AccountBody, 'version'> }) =>
      subsidyApi.correctAccount(v.app.id, { ...v.body, version: v.app.version }),
    onSuccess: done,
    onError: fail,
  });
  const townName = (code: string) => divisionName(code, lang);
  const columns: TableColumnsType<SubsidyApp> = [
    { title: t('subsidy.applicationNo'), dataIndex: 'applicationNo', key: 'no' },
    {
      title: t('subsidy.child'),
      key: 'child',
      render: (_, a) => (
        <span>
          {a.childName}
          <br />
          <small>
            {a.childIdNumber} · {a.childBirthDate}
          </small>
        </span>
      ),
    },
    { title: t('subsidy.town'), key: 'town', render: (_, a) => townName(a.townCode) },
    {
      title: t('subsidy.applicant'),
      key: 'applicant',
      render: (_, a) => `${a.applicantName}（${t(`subsidy.relation.${a.applicantRelation}`)}）`,
    },
    { title: t('subsidy.appliedOn'), dataIndex: 'appliedOn', key: 'applied' },
    {
      title: t('subsidy.dueOn'),
      key: 'due',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.dueOn ?? <Tag color="gold">{t('subsidy.calendarMissing')}</Tag>}
          {a.overdue ? <Tag color="red">{t('subsidy.overdue')}</Tag> : null}
          {a.reviewedInTime === false ? <Tag color="gold">{t('subsidy.late')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('subsidy.status'),
      key: 'status',
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Tag color={COLORS[a.status]}>{t(`subsidy.status.${a.status}`)}</Tag>
          {a.reason ? <small>{a.reason}</small> : null}
          {a.endReason ? (
            <small>
              {t(`subsidy.endReason.${a.endReason}`)} {a.endsOn}
            </small>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('subsidy.months'),
      key: 'months',
      render: (_, a) =>
        a.dueFrom && a.dueTo
          ? t('subsidy.monthsText', { from: a.dueFrom, to: a.dueTo, n: a.monthsDue })
          : '—',
    },
    {
      title: t('subsidy.paid'),
      key: 'paid',
      render: (_, a) => t('subsidy.paidText', { n: a.monthsPaid, amount: a.amountPaid.toLocaleString() }),
    },
    {
      title: t('subsidy.account'),
      key: 'account',
      render: (_, a) => `${a.bankName} ${a.bankAccount}`,
    },
    {
      title: t('subsidy.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space wrap>
          {a.permittedActions.map((action) => (
            <Button
              key={action}
              size="small"
              type={action === 'approve' ? 'primary' : 'default'}
              danger={action === 'stop'}
              loading={
                decide.isPending && decide.variables?.app.id === a.id && decide.variables.action === action
              }
              onClick={() =>
                action === 'approve' ? decide.mutate({ app: a, action }) : setDialog({ kind: action, app: a })
              }
            >
              {t(`subsidy.action.${action}`)}
            </Button>
          ))}
          {a.status !== 'rejected' && can(me, 'subsidy.review') && a.permittedActions.length > 0 ? (
            <Button size="small" onClick={() => setDialog({ kind: 'account', app: a })}>
              {t('subsidy.action.account')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    if (dialog.kind === 'account')
      return account.mutate({
        app: dialog.app,
        body: {
          bankName: v.bankName,
          accountKind: v.accountKind,
          bankAccount: v.bankAccount,
          reason: v.reason,
        },
      });
    decide.mutate({
      app: dialog.app,
      action: dialog.kind,
      extra:
        dialog.kind === 'stop'
          ? { reason: v.reason, endReason: v.endReason, endsOn: v.endsOn?.format('YYYY-MM-DD') }
          : { reason: v.reason },
    });
  };
  const towns = townsOf(me.districtCode);
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('subsidy.title')}</h1>}
      extra={
        can(me, 'subsidy.import') ? (
          <Link to="/admin/subsidy/import">
            <Button>{t('subsidy.import')}</Button>
          </Link>
        ) : null
      }
    >
      {rules ? (
        <p>
          {t('subsidy.help', {
            days: rules.reviewWorkingDays,
            perMonth: rules.perMonth,
            first: rules.firstMonth.slice(0, 7),
          })}{' '}
          {t('subsidy.source', { source: rules.source })}
          {rules.unverified ? (
            <Tag color="gold" style={{ marginLeft: 8 }}>
              {t('subsidy.unverified')}
            </Tag>
          ) : null}
        </p>
      ) : (
        <Alert type="warning" showIcon message={t('subsidy.noRules')} style={{ marginBottom: 12 }} />
      )}
      <PagedTable
        schema={subsidyListQuery}
        queryKey={(q) => [...subsidyKey, 'applications', q]}
        fetchPage={(q, signal) => subsidyApi.list(q, signal)}
        rowKey="id"
        label={t('subsidy.title')}
        columns={columns}
        toolbar={({ query, setFilter }) => (
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              aria-label={t('subsidy.search')}
              placeholder={t('subsidy.search')}
              style={{ width: 220 }}
              defaultValue={query.q}
              onSearch={(v) => setFilter('q', v || undefined)}
            />
            <Select
              allowClear
              aria-label={t('subsidy.status')}
              placeholder={t('subsidy.status')}
              style={{ width: 140 }}
              value={query.status}
              onChange={(v) => setFilter('status', v)}
              options={SUBSIDY_STATUSES.map((s) => ({ value: s, label: t(`subsidy.status.${s}`) }))}
            />
            {me.scope?.kind === 'division' && me.scope.divisionCode === me.districtCode ? (
              <Select
                allowClear
                aria-label={t('subsidy.town')}
                placeholder={t('subsidy.town')}
                style={{ width: 160 }}
                value={query.townCode}
                onChange={(v) => setFilter('townCode', v)}
                options={towns.map((d) => ({ value: d.code, label: pick(lang, d.nameZh, d.nameEn) }))}
              />
            ) : null}
            <Select
              allowClear
              aria-label={t('subsidy.overdue')}
              placeholder={t('subsidy.overdue')}
              style={{ width: 130 }}
              value={query.overdue}
              onChange={(v) => setFilter('overdue', v)}
              options={[{ value: 'true', label: t('subsidy.overdueOnly') }]}
            />
          </Space>
        )}
      />
      <Modal
        open={dialog !== null}
        title={
          dialog?.kind === 'reject'
            ? t('subsidy.rejectTitle')
            : dialog?.kind === 'stop'
              ? t('subsidy.stopTitle')
              : t('subsidy.accountTitle')
        }
        okText={
          dialog
            ? t(dialog.kind === 'account' ? 'subsidy.action.account' : `subsidy.action.${dialog.kind}`)
            : ''
        }
        okButtonProps={{ loading: decide.isPending || account.isPending, danger: dialog?.kind !== 'account' }}
        onOk={() => void submit()}
        onCancel={() => {
          setDialog(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        {dialog ? (
          <p>
            {dialog.app.applicationNo} · {dialog.app.childName}
          </p>
        ) : null}
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'stop' ? (
            <>
              <Form.Item name="endReason" label={t('subsidy.endReason')} rules={[{ required: true }]}>
                <Select
                  options={END_REASONS.map((r) => ({ value: r, label: t(`subsidy.endReason.${r}`) }))}
                />
              </Form.Item>
              <Form.Item name="endsOn" label={t('subsidy.endsOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === 'account' ? (
            <>
              <Form.Item
                name="bankName"
                label={t('subsidy.bankName')}
                rules={[{ required: true, min: 2, max: 50 }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="accountKind"
                label={t('subsidy.accountKind')}
                initialValue="card"
                rules={[{ required: true }]}
              >
                <Select
                  options={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`subsidy.accountKind.${k}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="bankAccount"
                label={t('subsidy.bankAccount')}
                rules={[{ required: true, max: 40 }]}
              >
                <Input inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="reason" label={t('subsidy.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
