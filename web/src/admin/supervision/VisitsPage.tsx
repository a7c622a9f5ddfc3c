/**
 * /admin/supervision/visits — 年度走访覆盖 (issue 10): this year's coverage of the annual on-site visit in
 * scope, the institutions not yet visited as a list and on the map, and the server's schedule suggestion
 * by town for the months left (domain/supervision/visits.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { MapView } from '../../components/MapView.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { townName } from '../institutions/shared.ts';
import { useCurrentMe } from '../session.ts';
import { type VisitCoverage, visits } from './api.ts';

export default function VisitsPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const q = useQuery({
    queryKey: [...keys.supervision.all, 'visits'],
    queryFn: ({ signal }) => visits.coverage({}, signal),
  });
  if (q.isError)
    return <Alert type="error" showIcon message={problemText(q.error, lang, t('common.unknownError'))} />;
  if (!q.data) return <PageLoading />;
  const a = q.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
        {t('supervision.visits.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('supervision.visits.intro')}
      </Typography.Paragraph>
      <Card size="small">
        <Typography.Text strong>
          {t('supervision.visits.progress', { year: a.year, visited: a.visited, total: a.total })}
        </Typography.Text>
        <Progress
          aria-label={t('supervision.visits.progress', { year: a.year, visited: a.visited, total: a.total })}
          percent={a.total ? Math.round((a.visited / a.total) * 100) : 100}
        />
      </Card>
      {a.unvisited.length === 0 ? (
        <Alert type="success" showIcon message={t('supervision.visits.allDone')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('supervision.visits.schedule')}</h2>}
            >
              <Table<VisitCoverage['schedule'][number]>
                rowKey="month"
                size="small"
                pagination={false}
                dataSource={a.schedule}
                columns={[
                  { title: t('supervision.visits.month'), dataIndex: 'month', width: 100 },
                  {
                    title: t('supervision.visits.towns'),
                    render: (_, m) => (
                      <Space size={4} wrap>
                        {m.towns.map((x) => (
                          <Tag key={x.townCode}>
                            {townName(lang, x.townCode)} · {x.count}
                          </Tag>
                        ))}
                      </Space>
                    ),
                  },
                  { title: t('supervision.visits.count'), dataIndex: 'total', align: 'right', width: 80 },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('supervision.visits.map')}</h2>}
            >
              <MapView
                districtCode={me.districtCode}
                label={t('supervision.visits.map')}
                offlineNote={t('supervision.visits.mapOffline')}
                points={a.unvisited.map((u) => ({
                  id: u.institutionId,
                  lat: u.lat,
                  lng: u.lng,
                  label: u.name,
                  details: [townName(lang, u.townCode)],
                  color: '#d4380d',
                }))}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={
                <h2 style={{ fontSize: 15, margin: 0 }}>
                  {t('supervision.visits.unvisited', { n: a.unvisited.length })}
                </h2>
              }
            >
              <Table<VisitCoverage['unvisited'][number]>
                rowKey="institutionId"
                size="small"
                dataSource={a.unvisited}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: t('supervision.drills.institution'), dataIndex: 'name' },
                  { title: t('supervision.complaints.town'), render: (_, u) => townName(lang, u.townCode) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
