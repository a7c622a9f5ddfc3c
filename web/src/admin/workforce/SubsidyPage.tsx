/** /admin/workforce/subsidy — training-fee subsidy eligibility of a year (passed assessments on the rule pack's list), town filter, XLSX export. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { GRADE_LABELS, SKILL_ASSESSMENT_LABELS } from '../../../../domain/contracts/workforce.ts';
import { findDivision, townsOf } from '../../../../domain/divisions.ts';
import { apiUrl } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';
import { workforceApi } from './api.ts';

export default function SubsidyPage() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const me = useCurrentMe();
  const [year, setYear] = useState(new Date().getFullYear());
  const [townCode, setTown] = useState<string | undefined>();
  const query = townCode ? { year, townCode } : { year };
  const q = useQuery({
    queryKey: [...keys.workforce.all, 'subsidy', query],
    queryFn: ({ signal }) => workforceApi.subsidy(query, signal),
  });
  const townName = (code: string | null) => {
    if (!code) return '—';
    const d = findDivision(code);
    return d ? (l === 'zh' ? d.nameZh : d.nameEn) : code;
  };
  const towns = townsOf(me?.districtCode ?? '310118');
  const exportUrl = apiUrl(
    `/workforce/subsidy/export?format=xlsx&year=${year}${townCode ? `&townCode=${townCode}` : ''}`,
  );
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('workforce.loadFailed'))} />;
  if (!q.data) return <PageLoading />;
  const s = q.data;
  const list = s.assessments.map((a) => SKILL_ASSESSMENT_LABELS[a][l]).join(l === 'zh' ? '、' : ', ');
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('workforce.subsidyTitle')}</h1>}
      extra={
        <Space>
          <InputNumber
            aria-label={t('workforce.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          <Select
            allowClear
            aria-label={t('workforce.town')}
            placeholder={t('workforce.town')}
            style={{ width: 180 }}
            value={townCode}
            onChange={setTown}
            options={towns.map((d) => ({ value: d.code, label: l === 'zh' ? d.nameZh : d.nameEn }))}
          />
          <Button href={exportUrl}>{t('workforce.exportXlsx')}</Button>
        </Space>
      }
    >
      <p>
        {t('workforce.subsidyNote', { list: list || '—' })}{' '}
        {s.citation
          ? `${t('workforce.citeCertified')} ${s.citation.docNumber} ${s.citation.article}`
          : t('workforce.noCitation')}
      </p>
      <Table
        rowKey="recordId"
        size="small"
        dataSource={s.items}
        columns={[
          { title: t('workforce.town'), render: (_, r) => townName(r.townCode) },
          { title: t('workforce.institution'), render: (_, r) => r.institutionName ?? '—' },
          { title: t('workforce.name'), dataIndex: 'staffName' },
          { title: t('workforce.skill'), render: (_, r) => SKILL_ASSESSMENT_LABELS[r.skill][l] },
          { title: t('workforce.date'), dataIndex: 'date' },
          { title: t('workforce.grade'), render: (_, r) => GRADE_LABELS[r.grade][l] },
        ]}
      />
    </Card>
  );
}
