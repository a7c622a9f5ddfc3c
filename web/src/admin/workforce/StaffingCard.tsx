/** On an institution's page: its classes' staffing against the rule (with the citation) and its 持证上岗率, from the workforce compliance read. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { Link } from 'react-router';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { workforceApi } from './api.ts';
import { classStaffingColumns } from './classColumns.tsx';

/** Shown to those who may read staffing compliance; institutions not in service are not measured. */
export function StaffingCard({ institutionId }: { institutionId: string }) {
  const me = useCurrentMe();
  if (!can(me, 'workforce.compliance')) return null;
  return <StaffingTable institutionId={institutionId} />;
}

function StaffingTable({ institutionId }: { institutionId: string }) {
  const t = useT();
  const [lang] = useLang();
  const query = { institutionId };
  const q = useQuery({
    queryKey: keys.workforce.compliance(query),
    queryFn: ({ signal }) => workforceApi.compliance(query, signal),
  });
  const rate = q.data?.byInstitution.find((r) => r.institutionId === institutionId);
  return (
    <Card
      size="small"
      title={t('workforce.instCard.title')}
      extra={<Link to="/admin/workforce/compliance">{t('workforce.instCard.more')}</Link>}
    >
      {q.isError && <Alert type="error" title={problemText(q.error, lang, t('workforce.loadFailed'))} />}
      {q.data && q.data.classes.length === 0 && !rate ? (
        <p style={{ margin: 0 }}>{t('workforce.instCard.none')}</p>
      ) : (
        <>
          {rate && (
            <p style={{ marginTop: 0 }}>
              {t('workforce.instCard.rate', {
                certified: rate.certified,
                staff: rate.staff,
                pct: rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%`,
              })}
            </p>
          )}
          <Table
            rowKey="classId"
            size="small"
            loading={q.isPending}
            dataSource={q.data?.classes ?? []}
            pagination={false}
            columns={[
              { title: t('workforce.class'), dataIndex: 'className' },
              { title: t('workforce.enrolled'), dataIndex: 'enrolled' },
              ...classStaffingColumns(t),
            ]}
          />
        </>
      )}
    </Card>
  );
}
