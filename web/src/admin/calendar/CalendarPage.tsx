/**
 * /admin/calendar — the policy page of the working-day calendar (issue 18, ADR 0011): the years it
 * covers (shipped with their notice, or entered locally with who entered and who confirmed), its end
 * date, differences between a shipped and a locally confirmed year, the drafts a second district
 * officer confirms, and the form to enter a year. The "calendar ends on …" alert links here.
 */

import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { api, type CalendarOverview } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';
import { DraftList } from './DraftList.tsx';
import { YearForm } from './YearForm.tsx';

type Covered = CalendarOverview['years'][number];

export default function CalendarPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const overview = useQuery({
    queryKey: keys.calendar,
    queryFn: ({ signal }) => api.calendar.overview(signal),
  });
  const data = overview.data;
  const list = (days: string[]) => (days.length ? days.join(lang === 'zh-CN' ? '、' : ', ') : t('cal.none'));

  const columns: TableColumnsType<Covered> = [
    { title: t('cal.year'), dataIndex: 'year', key: 'year' },
    {
      title: t('cal.source'),
      key: 'source',
      render: (_, y) => (
        <Space size={4} wrap>
          <Tag color={y.source === 'local' ? 'blue' : 'default'}>
            {y.source === 'local' ? t('cal.local') : t('cal.shipped')}
          </Tag>
          {y.differs && <Tag color="orange">{t('cal.differs')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('cal.notice'),
      key: 'notice',
      render: (_, y) => (
        <span>
          {y.notice} · {y.issued}
          {!y.verified && <Tag style={{ marginInlineStart: 8 }}>{t('cal.unverified')}</Tag>}
        </span>
      ),
    },
    { title: t('cal.enteredBy'), key: 'enteredBy', render: (_, y) => y.enteredBy ?? '—' },
    { title: t('cal.confirmedBy'), key: 'confirmedBy', render: (_, y) => y.confirmedBy ?? '—' },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('cal.title')}</h1>}>
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Alert type="info" title={t('cal.intro')} />
          {overview.error && (
            <Alert type="error" title={problemText(overview.error, lang, t('common.unknownError'))} />
          )}
          {data && (
            <Alert
              type="warning"
              showIcon
              data-testid="calendar-end"
              title={data.end ? t('cal.end', { date: data.end }) : t('cal.noEnd')}
            />
          )}
          {data && data.differences.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t('cal.differences')}
              description={
                <>
                  <p>{t('cal.differencesHint')}</p>
                  <ul>
                    {data.differences.map((d) => (
                      <li key={d.localId}>
                        {t('cal.diffLine', {
                          year: d.year,
                          hs: list(d.holidaysOnlyShipped),
                          hl: list(d.holidaysOnlyLocal),
                          ws: list(d.workdaysOnlyShipped),
                          wl: list(d.workdaysOnlyLocal),
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              }
            />
          )}
          <h2 style={{ fontSize: 16, margin: 0 }}>{t('cal.years')}</h2>
          <Table<Covered>
            rowKey="year"
            size="small"
            columns={columns}
            dataSource={data?.years}
            loading={overview.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Space>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cal.drafts')}</h2>}>
        <DraftList
          entries={data?.drafts ?? []}
          me={me}
          canConfirm={can(me, 'calendar.confirm')}
          empty={t('cal.noDrafts')}
        />
      </Card>
      {can(me, 'calendar.enter') && <YearForm />}
      {data && data.history.length > 0 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cal.history')}</h2>}>
          <DraftList entries={data.history} me={me} canConfirm={false} empty="" />
        </Card>
      )}
    </Space>
  );
}
