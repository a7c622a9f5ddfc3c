/**
 * /admin/supervision/risk — 风险预警 (issue 10): the institutions in scope by risk, highest first, with
 * the signals behind each score, its level and its weight in the double-random draw; filter by town and
 * level. Public complaints count among the signals. The rule (points, caps, thresholds) is the platform's, stated on the page.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { townsOf } from '../../../../domain/divisions.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { useCurrentMe } from '../session.ts';
import { type RiskItem, risk } from './api.ts';

const LEVEL_COLORS = { high: 'red', elevated: 'orange', low: 'default' } as const;
const SIGNALS = [
  'seriousFindings',
  'overdueRectifications',
  'uncertifiedStaff',
  'expiringCertificates',
  'ratioBreaches',
  'complaints',
] as const;

export default function RiskPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const [townCode, setTown] = useState<string | undefined>();
  const [level, setLevel] = useState<'high' | 'elevated' | 'low' | undefined>();
  const query = { ...(townCode ? { townCode } : {}), ...(level ? { level } : {}) };
  const q = useQuery({
    queryKey: [...keys.supervision.all, 'risk', query],
    queryFn: ({ signal }) => risk.list(query, signal),
  });
  const district = me?.scope?.kind === 'division' && me.scope.divisionCode === me.districtCode;
  const towns = townsOf(me?.districtCode ?? '310118');
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  if (!q.data) return <PageLoading />;
  const a = q.data;
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('supervision.risk.title')}</h1>}
      extra={
        <Space wrap>
          <Tag color="red">{t('supervision.risk.high', { n: a.counts.high })}</Tag>
          <Tag color="orange">{t('supervision.risk.elevated', { n: a.counts.elevated })}</Tag>
          {district && (
            <Select
              allowClear
              aria-label={t('supervision.risk.town')}
              placeholder={t('supervision.risk.town')}
              style={{ width: 170 }}
              value={townCode}
              onChange={setTown}
              options={towns.map((d) => ({ value: d.code, label: lang === 'zh-CN' ? d.nameZh : d.nameEn }))}
            />
          )}
          <Select
            allowClear
            aria-label={t('supervision.risk.level')}
            placeholder={t('supervision.risk.level')}
            style={{ width: 120 }}
            value={level}
            onChange={setLevel}
            options={(['high', 'elevated', 'low'] as const).map((v) => ({
              value: v,
              label: t(`supervision.risk.levels.${v}`),
            }))}
          />
        </Space>
      }
    >
      <Typography.Paragraph>{t('supervision.risk.intro')}</Typography.Paragraph>
      <Table<RiskItem>
        rowKey="institutionId"
        size="small"
        dataSource={a.items}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('supervision.risk.institution'), dataIndex: 'name' },
          { title: t('supervision.risk.town'), render: (_, r) => townName(lang, r.townCode) },
          { title: t('supervision.risk.score'), dataIndex: 'score', align: 'right' },
          {
            title: t('supervision.risk.level'),
            render: (_, r) => (
              <Tag color={LEVEL_COLORS[r.level]}>{t(`supervision.risk.levels.${r.level}`)}</Tag>
            ),
          },
          ...SIGNALS.map((s) => ({
            title: t(`supervision.risk.s.${s}`),
            align: 'right' as const,
            render: (_: unknown, r: RiskItem) => r.signals[s] || '—',
          })),
          { title: t('supervision.risk.weight'), dataIndex: 'drawWeight', align: 'right' },
        ]}
      />
    </Card>
  );
}
