/**
 * /admin/subsidy/batches — the district's payment batches: build one for a year through a month, see
 * its totals per town, submit it to the finance bureau and mark it paid, export the list (XLSX), open
 * its lines and record a payment the bank returned (its months go into the next batch).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { problemText } from '../../api/errors.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { divisionName } from '../format.ts';
import { type Batch, type BatchLine, subsidyApi, subsidyKey } from './api.ts';

const STATUS_COLORS = { draft: 'default', submitted: 'processing', paid: 'green' } as const;
const LINE_COLORS = { pending: 'processing', paid: 'green', returned: 'red' } as const;

function shanghaiMonth(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
}
function previousMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mm = Number(m.slice(5, 7));
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}

export default function BatchesPage() {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const last = previousMonth(shanghaiMonth());
  const [year, setYear] = useState(Number(last.slice(0, 4)));
  const [through, setThrough] = useState(last);
  const [open, setOpen] = useState<Batch | null>(null);
  const [returning, setReturning] = useState<BatchLine | null>(null);
  const [reason, setReason] = useState('');
  const [page, setPage] = useState(1);
  const batches = useQuery({
    queryKey: [...subsidyKey, 'batches', page],
    queryFn: ({ signal }) => subsidyApi.batches({ page, pageSize: 10 }, signal),
  });
  const lines = useQuery({
    enabled: open !== null,
    queryKey: [...subsidyKey, 'lines', open?.id],
    queryFn: ({ signal }) => subsidyApi.lines(open!.id, { page: 1, pageSize: 100 }, signal),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: subsidyKey });
  const fail = (e: unknown) => message.error(problemText(e, lang, t('subsidy.loadFailed')));
  const create = useMutation({
    mutationFn: () => subsidyApi.createBatch({ year, through }),
    onSuccess: (b) => {
      message.success(
        t('subsidy.batches.created', { children: b.children, amount: b.amount.toLocaleString() }),
      );
      refresh();
    },
    onError: fail,
  });
  const move = useMutation({
    mutationFn: (v: { b: Batch; action: 'submit' | 'mark_paid' }) =>
      subsidyApi.transition(v.b.id, { action: v.action, version: v.b.version }),
    onSuccess: () => {
      message.success(t('subsidy.saved'));
      refresh();
    },
    onError: fail,
  });
  const ret = useMutation({
    mutationFn: (v: { b: Batch; line: BatchLine; why: string }) =>
      subsidyApi.returnLine(v.b.id, v.line.id, v.why),
    onSuccess: (b) => {
      message.success(t('subsidy.saved'));
      setReturning(null);
      setReason('');
      setOpen(b);
      refresh();
    },
    onError: fail,
  });
  const townName = (code: string) => divisionName(code, lang);
  if (batches.isError)
    return (
      <Alert type="error" showIcon message={problemText(batches.error, lang, t('subsidy.loadFailed'))} />
    );
  if (!batches.data) return <PageLoading />;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('subsidy.batches.title')}</h1>}>
      <p>{t('subsidy.batches.help')}</p>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="sb-year">{t('subsidy.batches.year')}</label>
        <InputNumber
          id="sb-year"
          min={2025}
          max={2100}
          value={year}
          onChange={(v) => {
            if (!v) return;
            setYear(v);
            setThrough(`${v}-${through.slice(5, 7)}`);
          }}
        />
        <label htmlFor="sb-through">{t('subsidy.batches.through')}</label>
        <Select
          id="sb-through"
          style={{ width: 130 }}
          value={through}
          onChange={setThrough}
          options={months.map((m) => ({ value: m, label: m }))}
        />
        <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
          {t('subsidy.batches.create')}
        </Button>
      </Space>
      <Table<Batch>
        rowKey="id"
        size="small"
        dataSource={batches.data.items}
        pagination={{ current: page, pageSize: 10, total: batches.data.total, onChange: setPage }}
        expandable={{
          // Rows carry `children` (a count of children paid): not antd's tree-data field.
          childrenColumnName: 'subRows',
          expandedRowRender: (b) => (
            <Table
              rowKey="townCode"
              size="small"
              pagination={false}
              aria-label={t('subsidy.batches.byTown')}
              expandable={{ childrenColumnName: 'subRows' }}
              dataSource={b.towns}
              columns={[
                { title: t('subsidy.town'), render: (_, r) => townName(r.townCode) },
                { title: t('subsidy.batches.children'), dataIndex: 'children' },
                { title: t('subsidy.batches.monthsCol'), dataIndex: 'months' },
                { title: t('subsidy.batches.amount'), render: (_, r) => r.amount.toLocaleString() },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('subsidy.batches.year'), dataIndex: 'year' },
          { title: t('subsidy.batches.through'), dataIndex: 'through' },
          {
            title: t('subsidy.status'),
            render: (_, b) => (
              <Tag color={STATUS_COLORS[b.status]}>{t(`subsidy.batches.status.${b.status}`)}</Tag>
            ),
          },
          { title: t('subsidy.batches.children'), dataIndex: 'children' },
          { title: t('subsidy.batches.monthsCol'), dataIndex: 'months' },
          { title: t('subsidy.batches.amount'), render: (_, b) => b.amount.toLocaleString() },
          {
            title: t('subsidy.batches.returned'),
            render: (_, b) => (b.returned ? <Tag color="red">{b.returned}</Tag> : 0),
          },
          { title: t('subsidy.batches.createdAt'), render: (_, b) => b.createdAt.slice(0, 10) },
          {
            title: t('subsidy.actions'),
            render: (_, b) => (
              <Space wrap>
                {b.permittedActions.map((action) => (
                  <Button
                    key={action}
                    size="small"
                    type="primary"
                    loading={move.isPending && move.variables?.b.id === b.id}
                    onClick={() => move.mutate({ b, action })}
                  >
                    {t(`subsidy.batches.action.${action}`)}
                  </Button>
                ))}
                <Button size="small" onClick={() => setOpen(b)}>
                  {t('subsidy.batches.lines')}
                </Button>
                <Button size="small" href={subsidyApi.exportUrl(b.id)}>
                  {t('subsidy.batches.export')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        width={900}
        title={open ? `${t('subsidy.batches.lines')} · ${open.year} → ${open.through}` : ''}
        onClose={() => setOpen(null)}
      >
        {lines.isError ? (
          <Alert type="error" showIcon message={problemText(lines.error, lang, t('subsidy.loadFailed'))} />
        ) : (
          <Table<BatchLine>
            rowKey="id"
            size="small"
            loading={lines.isLoading}
            dataSource={lines.data?.items ?? []}
            pagination={false}
            footer={() => (lines.data ? `${t('subsidy.batches.total')}: ${lines.data.total}` : null)}
            columns={[
              { title: t('subsidy.town'), render: (_, l) => townName(l.townCode) },
              { title: t('subsidy.applicationNo'), dataIndex: 'applicationNo' },
              { title: t('subsidy.child'), dataIndex: 'childName' },
              {
                title: t('subsidy.months'),
                render: (_, l) => `${l.fromMonth} – ${l.toMonth}（${l.months}）`,
              },
              { title: t('subsidy.batches.amount'), render: (_, l) => l.amount.toLocaleString() },
              { title: t('subsidy.account'), render: (_, l) => `${l.bankName} ${l.bankAccount}` },
              {
                title: t('subsidy.status'),
                render: (_, l) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={LINE_COLORS[l.status]}>{t(`subsidy.batches.line.${l.status}`)}</Tag>
                    {l.returnReason ? <small>{l.returnReason}</small> : null}
                  </Space>
                ),
              },
              {
                title: t('subsidy.actions'),
                render: (_, l) =>
                  open && open.status !== 'draft' && l.status !== 'returned' ? (
                    <Button size="small" danger onClick={() => setReturning(l)}>
                      {t('subsidy.batches.return')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Drawer>
      <Modal
        open={returning !== null}
        title={t('subsidy.batches.returnTitle')}
        okText={t('subsidy.batches.return')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: ret.isPending }}
        onOk={() => open && returning && ret.mutate({ b: open, line: returning, why: reason.trim() })}
        onCancel={() => {
          setReturning(null);
          setReason('');
        }}
      >
        <label htmlFor="sb-reason">{t('subsidy.batches.returnReason')}</label>
        <Input.TextArea
          id="sb-reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
