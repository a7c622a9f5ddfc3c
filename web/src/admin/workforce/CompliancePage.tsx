/** /admin/workforce/compliance — 持证上岗率 by town, classes against the staffing rule (with its citation), expiring certificates; XLSX export. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CERTIFICATE_LABELS, EDUCATION_LABELS } from '../../../../domain/contracts/workforce.ts';
import { findDivision, townsOf } from '../../../../domain/divisions.ts';
import { apiUrl } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';
import { workforceApi } from './api.ts';
import { classStaffingColumns } from './classColumns.tsx';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export default function CompliancePage() {
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const me = useCurrentMe();
  const [townCode, setTown] = useState<string | undefined>();
  const query = townCode ? { townCode } : {};
  const q = useQuery({
    queryKey: keys.workforce.compliance(query),
    queryFn: ({ signal }) => workforceApi.compliance(query, signal),
  });
  const townName = (code: string) => {
    const d = findDivision(code);
    return d ? (l === 'zh' ? d.nameZh : d.nameEn) : code;
  };
  const towns = townsOf(me?.districtCode ?? '310118');
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('workforce.loadFailed'))} />;
  if (!q.data) return <PageLoading />;
  const c = q.data;
  const under = c.classes.filter((x) => !x.compliant);
  const exportUrl = apiUrl(
    `/workforce/compliance/export?format=xlsx${townCode ? `&townCode=${townCode}` : ''}`,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('workforce.complianceTitle')}</h1>}
        extra={
          <Space>
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
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('workforce.certifiedRate')} value={pct(c.district.rate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('workforce.classesUnder')}
              value={under.length}
              suffix={`/ ${c.classes.length}`}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('workforce.expiring')} value={c.expiringSoon.length} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('workforce.districtTrainings')}
              value={c.districtTrainings.count}
              suffix={`/ ${c.districtTrainings.target ?? '—'}`}
            />
          </Col>
        </Row>
        <p style={{ marginTop: 12 }}>
          {t('workforce.citeCertified')}: {c.citations.certifiedPct?.docNumber}{' '}
          {c.citations.certifiedPct?.article}
        </p>
      </Card>
      <ChartCard
        title={t('workforce.rateByTown')}
        titleText={t('workforce.rateByTown')}
        kind="bar"
        valueLabel="%"
        data={c.byTown.map((x) => ({
          key: x.townCode,
          label: townName(x.townCode),
          value: Math.round((x.rate ?? 0) * 1000) / 10,
        }))}
        onSelect={(d) => setTown(d.key)}
      />
      <Card title={t('workforce.classesTitle')}>
        <Table
          rowKey="classId"
          size="small"
          dataSource={[...under, ...c.classes.filter((x) => x.compliant)]}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('workforce.town'), render: (_, x) => townName(x.townCode) },
            { title: t('workforce.institution'), dataIndex: 'institutionName' },
            { title: t('workforce.class'), dataIndex: 'className' },
            { title: t('workforce.enrolled'), dataIndex: 'enrolled' },
            ...classStaffingColumns(t),
          ]}
        />
      </Card>
      <Card title={t('workforce.rateByInstitution')}>
        <Table
          rowKey="institutionId"
          size="small"
          dataSource={[...c.byInstitution].sort(
            (a, b) => (a.rate ?? 1) - (b.rate ?? 1) || a.institutionName.localeCompare(b.institutionName),
          )}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('workforce.town'), render: (_, x) => townName(x.townCode) },
            { title: t('workforce.institution'), dataIndex: 'institutionName' },
            { title: t('workforce.certifiedOfStaff'), render: (_, x) => `${x.certified} / ${x.staff}` },
            {
              title: t('workforce.certifiedRate'),
              render: (_, x) => (
                <Tag color={x.rate === null ? 'default' : x.rate < 1 ? 'red' : 'green'}>{pct(x.rate)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('workforce.directorsTitle', {
          short: c.directorsShort.length,
          total: c.directorsTotal,
        })}
      >
        {c.citations.director && (
          <p>
            {t('workforce.directorsRule')}（{c.citations.director.docNumber} {c.citations.director.article}）
          </p>
        )}
        <Table
          rowKey="staffId"
          size="small"
          dataSource={c.directorsShort}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('workforce.town'), render: (_, x) => townName(x.townCode) },
            { title: t('workforce.institution'), dataIndex: 'institutionName' },
            { title: t('workforce.name'), dataIndex: 'name' },
            { title: t('workforce.form.education'), render: (_, x) => EDUCATION_LABELS[x.education][l] },
            { title: t('workforce.managementYears'), render: (_, x) => x.managementYears ?? '—' },
            {
              title: t('workforce.directorShort'),
              render: (_, x) =>
                x.shortfalls.map((f) => (
                  <Tag key={f} color="red">
                    {t(`workforce.directorShort.${f}`)}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
      <Card title={t('workforce.expiringTitle')}>
        <Table
          rowKey="certificateId"
          size="small"
          dataSource={c.expiringSoon}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('workforce.name'), dataIndex: 'staffName' },
            { title: t('workforce.institution'), dataIndex: 'institutionName' },
            { title: t('workforce.certType'), render: (_, x) => CERTIFICATE_LABELS[x.type][l] },
            { title: t('workforce.expiresOn'), dataIndex: 'expiresOn' },
          ]}
        />
      </Card>
      <Card title={t('workforce.behindTitle', { year: c.asOf.slice(0, 4), n: c.behindPace.length })}>
        {c.trainingTargets.skills !== null && c.trainingTargets.ethics !== null && (
          <p>
            {t('workforce.behindRule', {
              skills: c.trainingTargets.skills,
              ethics: c.trainingTargets.ethics,
            })}
          </p>
        )}
        <Table
          rowKey="staffId"
          size="small"
          dataSource={c.behindPace}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('workforce.town'), render: (_, x) => townName(x.townCode) },
            { title: t('workforce.institution'), dataIndex: 'institutionName' },
            {
              title: t('workforce.name'),
              render: (_, x) => <Link to={`/admin/workforce/staff/${x.staffId}`}>{x.name}</Link>,
            },
            {
              title: t('workforce.skillsSoFar'),
              render: (_, x) => (
                <span style={x.skillsHours < x.skillsExpected ? { color: '#a8071a' } : undefined}>
                  {x.skillsHours} / {x.skillsExpected}
                </span>
              ),
            },
            {
              title: t('workforce.ethicsSoFar'),
              render: (_, x) => (
                <span style={x.ethicsHours < x.ethicsExpected ? { color: '#a8071a' } : undefined}>
                  {x.ethicsHours} / {x.ethicsExpected}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
