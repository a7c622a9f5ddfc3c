/**
 * /admin/institutions/national-sync — 备案同步 (docs/filing-sync.md): each institution's sync with the
 * national childcare filing system (synced / differs with the fields side by side / failed with the
 * national side's message / pending), a filter by state, resend (district officers), the export of the
 * national records as a file, and a plain banner when NATIONAL_FILING_URL is unset (sync off).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Segmented, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { apiUrl, http, type ResponseOf, unwrap } from '../../api/client.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { type MessageKey, useLang, useT } from '../../i18n/index.tsx';
import { bi, dateTime } from './shared.ts';

type SyncList = ResponseOf<'/api/v1/institutions/national-sync', 'get'>;
type SyncItem = SyncList['items'][number];
type State = SyncItem['state'];

const STATES: readonly State[] = ['synced', 'differs', 'failed', 'queued'];
const COLORS: Record<State, string> = { synced: 'green', differs: 'gold', failed: 'red', queued: 'blue' };
const key = ['institutions', 'national-sync'] as const;

export default function NationalSyncPage() {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<State | 'all'>('all');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(364, 'day'), dayjs()]);
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(http.GET('/api/v1/institutions/national-sync', { signal })),
  });
  const resend = useMutation({
    mutationFn: (id: string) =>
      unwrap(http.POST('/api/v1/institutions/{id}/national-sync/resend', { params: { path: { id } } })),
    onSuccess: () => {
      message.success(t('natsync.resent'));
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => showError(e),
  });
  const items = list.data?.items ?? [];
  const enabled = list.data?.enabled ?? true;
  const counts = useMemo(() => {
    const c: Record<State, number> = { synced: 0, differs: 0, failed: 0, queued: 0 };
    for (const i of items) c[i.state] += 1;
    return c;
  }, [items]);
  const shown = filter === 'all' ? items : items.filter((i) => i.state === filter);
  const stateLabel = (s: State) => t(`natsync.state.${s}` as MessageKey);
  const exportUrl = apiUrl('/institutions/national-filings/export', {
    format: 'xlsx',
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  });

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('natsync.title')}</h1>}>
      {list.data && !enabled && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('natsync.offTitle')}
          description={t('natsync.offBody')}
        />
      )}
      <p style={{ marginTop: 0 }}>{t('natsync.help')}</p>
      <p style={{ color: 'rgba(0,0,0,0.65)' }}>{t('natsync.unverified')}</p>
      <Space wrap style={{ marginBottom: 16 }} align="center">
        <span>{t('natsync.exportRange')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          aria-label={t('natsync.exportRange')}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Button icon={<DownloadOutlined />} href={exportUrl} download>
          {t('natsync.export')}
        </Button>
      </Space>
      <p style={{ color: 'rgba(0,0,0,0.65)', marginTop: 0 }}>{t('natsync.exportHelp')}</p>
      {list.isError ? (
        <Alert type="error" showIcon message={problemText(list.error, lang, t('natsync.loadFailed'))} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }} align="center">
            <span id="natsync-filter">{t('natsync.filter')}</span>
            <Segmented<State | 'all'>
              aria-labelledby="natsync-filter"
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: `${t('natsync.all')} (${items.length})` },
                ...STATES.map((s) => ({ value: s, label: `${stateLabel(s)} (${counts[s]})` })),
              ]}
            />
          </Space>
          <p>
            {t('natsync.summary', {
              n: items.length,
              synced: counts.synced,
              differs: counts.differs,
              failed: counts.failed,
              queued: counts.queued,
            })}
          </p>
          <Table<SyncItem>
            rowKey="institutionId"
            size="small"
            loading={list.isLoading}
            dataSource={shown}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('natsync.empty') }}
            columns={[
              {
                title: t('natsync.institution'),
                dataIndex: 'institutionName',
                render: (name: string, r) => (
                  <Link to={`/admin/institutions/${r.institutionId}`}>{name}</Link>
                ),
              },
              {
                title: t('natsync.stateCol'),
                dataIndex: 'state',
                render: (s: State) => <Tag color={COLORS[s]}>{stateLabel(s)}</Tag>,
              },
              {
                title: t('natsync.detail'),
                key: 'detail',
                render: (_: unknown, r) => detail(r),
              },
              { title: t('natsync.lastAttempt'), dataIndex: 'lastAttemptAt', render: dateTime },
              { title: t('natsync.attempts'), dataIndex: 'attempts', align: 'right' },
              {
                title: t('natsync.actions'),
                key: 'actions',
                render: (_: unknown, r) => (
                  <Button
                    size="small"
                    disabled={!enabled}
                    loading={resend.isPending && resend.variables === r.institutionId}
                    onClick={() => resend.mutate(r.institutionId)}
                  >
                    {t('natsync.resend')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );

  function detail(item: SyncItem) {
    if (item.differences.length)
      return (
        <div>
          {item.message && <div>{item.message}</div>}
          <table className="natsync-diff" style={{ borderCollapse: 'collapse' }}>
            <caption style={{ textAlign: 'left' }}>
              {t('natsync.diffCount', { n: item.differences.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  {t('natsync.field')}
                </th>
                <th scope="col" style={cell}>
                  {t('natsync.ours')}
                </th>
                <th scope="col" style={cell}>
                  {t('natsync.national')}
                </th>
              </tr>
            </thead>
            <tbody>
              {item.differences.map((d) => (
                <tr key={d.field}>
                  <td style={cell}>{bi(lang, d)}</td>
                  <td style={cell}>{d.registry || '—'}</td>
                  <td style={cell}>{d.national || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    if (item.message) return <span>{item.message}</span>;
    return item.state === 'synced' ? <span>{t('natsync.noDiff')}</span> : <span>—</span>;
  }
}

const cell = { border: '1px solid #d9d9d9', padding: '2px 8px', textAlign: 'left' as const };
