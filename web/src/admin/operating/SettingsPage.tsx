/**
 * /admin/operating/settings — the district's operating-subsidy settings: the amount per child per month
 * in force (未设定 while none is), every amount entered with its effective date and citation, and the
 * minimum attended days for a child-month (the platform's default 10 is a local choice, said on the page).
 * District officers add amounts and change the minimum; everyone who builds or reviews claims reads it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { problemText } from '../../api/errors.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type OperatingRate, operatingApi, operatingKey } from './api.ts';

const yuanOf = (fen: number) => (fen / 100).toFixed(2);

export default function SettingsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const manage = can(me, 'operating.settings');
  const settings = useQuery({
    queryKey: [...operatingKey, 'settings'],
    queryFn: ({ signal }) => operatingApi.settings(signal),
  });
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(null);
  const [amountYuan, setAmountYuan] = useState<number | null>(null);
  const [citation, setCitation] = useState('');
  const [minDays, setMinDays] = useState<number | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: operatingKey });
  const fail = (e: unknown) => message.error(problemText(e, lang, t('operating.loadFailed')));
  const addRate = useMutation({
    mutationFn: () =>
      operatingApi.addRate({
        effectiveFrom: effectiveFrom ?? '',
        amountFen: Math.round((amountYuan ?? 0) * 100),
        citation,
      }),
    onSuccess: () => {
      message.success(t('operating.saved'));
      setAmountYuan(null);
      setCitation('');
      refresh();
    },
    onError: fail,
  });
  const putMin = useMutation({
    mutationFn: (v: { minAttendedDays: number; version: number | null }) => operatingApi.putSettings(v),
    onSuccess: () => {
      message.success(t('operating.saved'));
      refresh();
    },
    onError: fail,
  });
  if (settings.isError)
    return (
      <Alert type="error" showIcon message={problemText(settings.error, lang, t('operating.loadFailed'))} />
    );
  if (!settings.data) return <PageLoading />;
  const s = settings.data;
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('operating.settings.title')}</h1>}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('operating.settings.help')} />
      <Descriptions bordered column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('operating.settings.current')}>
          {s.current ? (
            <Space wrap>
              <strong>{t('operating.yuanPerChildMonth', { amount: yuanOf(s.current.amountFen) })}</strong>
              <span>{t('operating.settings.since', { date: s.current.effectiveFrom })}</span>
              <span>{t('operating.settings.citation', { citation: s.current.citation })}</span>
            </Space>
          ) : (
            <Tag color="orange">{t('operating.notSet')}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('operating.settings.minDays')}>
          <Space wrap>
            <strong>{t('operating.settings.days', { n: s.minAttendedDays })}</strong>
            {s.minAttendedDaysIsDefault && <Tag>{t('operating.settings.localDefault')}</Tag>}
            {manage && (
              <>
                <InputNumber
                  aria-label={t('operating.settings.minDays')}
                  min={1}
                  max={23}
                  value={minDays ?? s.minAttendedDays}
                  onChange={(v) => setMinDays(v)}
                />
                <Button
                  loading={putMin.isPending}
                  onClick={() =>
                    putMin.mutate({ minAttendedDays: minDays ?? s.minAttendedDays, version: s.version })
                  }
                >
                  {t('operating.save')}
                </Button>
                <Typography.Text type="secondary">{t('operating.settings.minDaysFrom')}</Typography.Text>
              </>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {manage && (
        <Card size="small" title={t('operating.settings.addRate')} style={{ marginBottom: 16 }}>
          <Space wrap>
            <DatePicker
              aria-label={t('operating.settings.effectiveFrom')}
              placeholder={t('operating.settings.effectiveFrom')}
              onChange={(d) => setEffectiveFrom(d ? d.format('YYYY-MM-DD') : null)}
            />
            <InputNumber
              aria-label={t('operating.settings.amountYuan')}
              placeholder={t('operating.settings.amountYuan')}
              min={0.01}
              precision={2}
              value={amountYuan}
              onChange={(v) => setAmountYuan(v)}
              style={{ width: 180 }}
            />
            <Input
              aria-label={t('operating.settings.citationLabel')}
              placeholder={t('operating.settings.citationLabel')}
              value={citation}
              onChange={(e) => setCitation(e.target.value)}
              style={{ width: 320 }}
            />
            <Button type="primary" loading={addRate.isPending} onClick={() => addRate.mutate()}>
              {t('operating.settings.add')}
            </Button>
          </Space>
        </Card>
      )}
      <Table<OperatingRate>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={s.rates}
        locale={{ emptyText: t('operating.settings.noRates') }}
        columns={[
          { title: t('operating.settings.effectiveFrom'), dataIndex: 'effectiveFrom' },
          {
            title: t('operating.settings.amountYuan'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => yuanOf(v),
          },
          { title: t('operating.settings.citationLabel'), dataIndex: 'citation' },
          { title: t('operating.settings.recordedBy'), dataIndex: 'recordedBy' },
        ]}
      />
    </Card>
  );
}
