/** One person: masked numbers, employments in the caller's scope, certificates (valid or not), training pace. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  CERTIFICATE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  GRADE_LABELS,
  POST_LABELS,
  RECORD_KIND_LABELS,
  SKILL_ASSESSMENT_LABELS,
  TRAINING_CATEGORY_LABELS,
} from '../../../../domain/contracts/workforce.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { RevealScope, RevealValue } from '../institutions/RevealValue.tsx';
import { can, useCurrentMe } from '../session.ts';
import { type StaffDetail, workforceApi } from './api.ts';
import {
  AssignClassesModal,
  AttendanceModal,
  CertificateModal,
  EndEmploymentModal,
  RecordModal,
} from './forms.tsx';
import { RecordChecksCard } from './RecordChecks.tsx';
import { RegistrationCard } from './RegistrationCard.tsx';
import { ScanCell } from './ScanCell.tsx';

type Employment = StaffDetail['employments'][number];

export default function StaffDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const [lang] = useLang();
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const me = useCurrentMe();
  const manage = can(me, 'workforce.manage');
  const training = can(me, 'workforce.training');
  const [attending, setAttending] = useState(false);
  const [addingCert, setAddingCert] = useState(false);
  const [assigning, setAssigning] = useState<Employment | null>(null);
  const [ending, setEnding] = useState<Employment | null>(null);
  const [addingRecord, setAddingRecord] = useState(false);
  const records = useQuery({
    queryKey: [...keys.workforce.all, 'records', id],
    queryFn: ({ signal }) => workforceApi.records(id, signal),
  });
  const q = useQuery({
    queryKey: keys.workforce.detail(id),
    queryFn: ({ signal }) => workforceApi.detail(id, signal),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('workforce.loadFailed'))} />;
  if (!q.data) return <PageLoading />;
  const d = q.data;
  return (
    <RevealScope key={id}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {training && <AttendanceModal staffId={d.id} open={attending} onClose={() => setAttending(false)} />}
        {manage && (
          <>
            <CertificateModal staffId={d.id} open={addingCert} onClose={() => setAddingCert(false)} />
            <AssignClassesModal staffId={d.id} employment={assigning} onClose={() => setAssigning(null)} />
            <EndEmploymentModal staffId={d.id} employment={ending} onClose={() => setEnding(null)} />
            <RecordModal staffId={d.id} open={addingRecord} onClose={() => setAddingRecord(false)} />
          </>
        )}
        {d.banned && <Alert type="error" showIcon message={t('workforce.bannedAlert')} />}
        <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{d.name}</h1>}>
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('workforce.idNumber')}>
              <RevealValue
                subject={id}
                field="idNumber"
                label={t('workforce.idNumber')}
                masked={d.idNumber}
                reveal={(purpose) => workforceApi.reveal(id, { field: 'idNumber', purpose })}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('workforce.mobile')}>
              <RevealValue
                subject={id}
                field="mobile"
                label={t('workforce.mobile')}
                masked={d.mobile}
                reveal={(purpose) => workforceApi.reveal(id, { field: 'mobile', purpose })}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('workforce.birthDate')}>{d.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('workforce.post')}>
              {d.post ? POST_LABELS[d.post][l] : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('workforce.certified')}>
              {d.banned ? (
                <Tag color="red">{t('workforce.banned')}</Tag>
              ) : d.certified ? (
                <Tag color="green">{t('workforce.certifiedYes')}</Tag>
              ) : (
                <Tag color="orange">
                  {t('workforce.missing')}:{' '}
                  {d.missingCertificates.map((c) => CERTIFICATE_LABELS[c][l]).join('、')}
                </Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('workforce.employments')}>
          <Table
            rowKey="id"
            pagination={false}
            dataSource={d.employments}
            columns={[
              { title: t('workforce.institution'), dataIndex: 'institutionName' },
              { title: t('workforce.post'), render: (_, e) => POST_LABELS[e.post][l] },
              { title: t('workforce.start'), dataIndex: 'startDate' },
              { title: t('workforce.end'), dataIndex: 'endDate' },
              { title: t('workforce.classes'), render: (_, e) => e.classes.map((c) => c.name).join('、') },
              {
                title: t('workforce.status'),
                render: (_, e) => (
                  <Tag color={e.status === 'active' ? 'green' : e.status === 'blocked' ? 'red' : 'default'}>
                    {EMPLOYMENT_STATUS_LABELS[e.status][l]}
                  </Tag>
                ),
              },
              ...(manage
                ? [
                    {
                      title: t('workforce.form.actions'),
                      key: 'actions',
                      render: (_: unknown, e: Employment) =>
                        e.status === 'active' && (
                          <Space>
                            <Button size="small" onClick={() => setAssigning(e)}>
                              {t('workforce.form.assignClasses')}
                            </Button>
                            <Button size="small" danger onClick={() => setEnding(e)}>
                              {t('workforce.form.endEmployment')}
                            </Button>
                          </Space>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <RecordChecksCard person={d} canRecord={manage} />
        <RegistrationCard person={d} canEdit={manage} />
        <Card
          title={t('workforce.certificates')}
          extra={
            manage && (
              <Button onClick={() => setAddingCert(true)}>{t('workforce.form.addCertificate')}</Button>
            )
          }
        >
          <Table
            rowKey="id"
            pagination={false}
            dataSource={d.certificates}
            columns={[
              { title: t('workforce.certType'), render: (_, c) => CERTIFICATE_LABELS[c.type][l] },
              { title: t('workforce.certNumber'), dataIndex: 'number' },
              { title: t('workforce.issuer'), dataIndex: 'issuer' },
              { title: t('workforce.issuedOn'), dataIndex: 'issuedOn' },
              { title: t('workforce.expiresOn'), render: (_, c) => c.expiresOn ?? t('workforce.noExpiry') },
              {
                title: t('workforce.status'),
                render: (_, c) => (
                  <Tag color={c.valid ? 'green' : 'red'}>
                    {c.valid ? t('workforce.valid') : t('workforce.expired')}
                  </Tag>
                ),
              },
              {
                title: t('workforce.scan'),
                render: (_, c) => <ScanCell staffId={d.id} certificate={c} canUpload={manage} />,
              },
            ]}
          />
        </Card>
        <Card
          title={t('workforce.training', { year: d.training.year })}
          extra={
            training && (
              <Button onClick={() => setAttending(true)}>{t('workforce.form.recordTraining')}</Button>
            )
          }
        >
          <Descriptions column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('workforce.skillsHours')}>
              {d.training.skillsHours} / {d.training.skillsTarget}（{t('workforce.expected')}{' '}
              {d.training.skillsExpected}）
            </Descriptions.Item>
            <Descriptions.Item label={t('workforce.ethicsHours')}>
              {d.training.ethicsHours} / {d.training.ethicsTarget}（{t('workforce.expected')}{' '}
              {d.training.ethicsExpected}）
            </Descriptions.Item>
            <Descriptions.Item label={t('workforce.pace')}>
              <Tag color={d.training.pace === 'behind' ? 'orange' : 'green'}>
                {t(`workforce.pace.${d.training.pace}`)}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="eventId"
            size="small"
            pagination={false}
            dataSource={d.attendance}
            columns={[
              { title: t('workforce.date'), dataIndex: 'startDate' },
              { title: t('workforce.trainingTitle'), dataIndex: 'title' },
              { title: t('workforce.category'), render: (_, a) => TRAINING_CATEGORY_LABELS[a.category][l] },
              { title: t('workforce.hours'), dataIndex: 'hours' },
            ]}
          />
        </Card>
        <Card
          title={t('workforce.records')}
          extra={
            manage && <Button onClick={() => setAddingRecord(true)}>{t('workforce.form.addRecord')}</Button>
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            loading={records.isLoading}
            dataSource={records.data?.items ?? []}
            columns={[
              { title: t('workforce.date'), dataIndex: 'date' },
              { title: t('workforce.recordKind'), render: (_, r) => RECORD_KIND_LABELS[r.kind][l] },
              {
                title: t('workforce.skill'),
                render: (_, r) => (r.skill ? SKILL_ASSESSMENT_LABELS[r.skill][l] : '—'),
              },
              {
                title: t('workforce.grade'),
                render: (_, r) =>
                  r.grade ? (
                    <Tag color={r.grade === 'failed' ? 'red' : 'green'}>{GRADE_LABELS[r.grade][l]}</Tag>
                  ) : (
                    '—'
                  ),
              },
              { title: t('workforce.description'), dataIndex: 'description' },
              { title: t('workforce.form.decisionRef'), render: (_, r) => r.decisionRef ?? '—' },
            ]}
          />
        </Card>
      </Space>
    </RevealScope>
  );
}
