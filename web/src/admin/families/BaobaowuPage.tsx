/**
 * /admin/families/baobaowu — community 宝宝屋 (issue 17): coverage by town for a year (sites, capacity,
 * children served, free and charged hours), the rule in force (free hours a year, price cap; unverified),
 * the sites of the register and, for a chosen site, its slots with bookings, free hours and charges; a slot
 * expands to the children booked (names masked, age in months, hours, status and waitlist place).
 * Sites are added and changed in the facilities register (kind 宝宝屋).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { problemText } from '../../api/errors.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import {
  type BaobaowuCoverage,
  baobaowuApi,
  facilitiesApi,
  type SiteBooking,
  type SiteSlot,
} from './facilities-api.ts';
import { todayIso, useTowns } from './labels.ts';

type TownRow = BaobaowuCoverage['towns'][number];
const yuan = (fen: number) => (fen / 100).toFixed(2);

export default function BaobaowuPage() {
  const t = useT();
  const [lang] = useLang();
  const { townName } = useTowns();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [site, setSite] = useState<string | undefined>();
  const [slotPage, setSlotPage] = useState<number | undefined>();
  const coverage = useQuery({
    queryKey: ['families', 'baobaowu', 'coverage', year],
    queryFn: ({ signal }) => baobaowuApi.coverage(year, signal),
  });
  const sites = useQuery({
    queryKey: ['families', 'baobaowu', 'sites'],
    queryFn: ({ signal }) => facilitiesApi.list({ kind: 'baobaowu', page: 1, pageSize: 100 }, signal),
  });
  const slots = useQuery({
    queryKey: ['families', 'baobaowu', 'slots', site],
    queryFn: ({ signal }) => baobaowuApi.slots(site!, signal),
    enabled: !!site,
  });
  const c = coverage.data;
  // The slots run from 1 January: the table opens on the page of the first slot from today on.
  const slotItems = slots.data?.items ?? [];
  const today = todayIso();
  const upcoming = slotItems.findIndex((s) => s.date >= today);
  const firstPage =
    upcoming < 0 ? Math.max(1, Math.ceil(slotItems.length / 10)) : Math.floor(upcoming / 10) + 1;
  const townColumns: TableColumnsType<TownRow> = [
    { title: t('families.facilities.town'), key: 'town', render: (_, r) => townName(r.townCode) },
    { title: t('families.baobaowu.sites'), dataIndex: 'sites', key: 'sites' },
    { title: t('families.facilities.capacity'), dataIndex: 'capacity', key: 'capacity' },
    { title: t('families.baobaowu.children'), dataIndex: 'children', key: 'children' },
    { title: t('families.baobaowu.freeHours'), dataIndex: 'freeHours', key: 'free' },
    { title: t('families.baobaowu.chargedHours'), dataIndex: 'chargedHours', key: 'charged' },
  ];
  const slotColumns: TableColumnsType<SiteSlot> = [
    {
      title: t('families.baobaowu.date'),
      key: 'date',
      render: (_, s) => `${s.date} ${s.startTime}–${s.endTime}`,
    },
    { title: t('families.baobaowu.places'), key: 'places', render: (_, s) => `${s.booked}/${s.capacity}` },
    { title: t('families.baobaowu.waitlisted'), dataIndex: 'waitlisted', key: 'wait' },
    { title: t('families.baobaowu.freeHours'), dataIndex: 'freeHours', key: 'free' },
    { title: t('families.baobaowu.charge'), key: 'charge', render: (_, s) => yuan(s.chargeFen) },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('families.baobaowu.title')}</h1>
      <Alert
        type="info"
        showIcon
        message={
          c?.rule
            ? t('families.baobaowu.rule', {
                free: c.rule.freeHoursPerChildPerYear,
                cap: c.rule.maxYuanPerHour,
              })
            : t('families.baobaowu.noRule')
        }
        description={t('families.baobaowu.noTarget')}
      />
      {coverage.isError && (
        <Alert
          type="error"
          showIcon
          message={problemText(coverage.error, lang, t('families.baobaowu.loadFailed'))}
        />
      )}
      <Card
        title={t('families.baobaowu.coverage')}
        extra={
          <Select
            aria-label={t('families.facilities.year')}
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={Array.from({ length: thisYear - 2022 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: String(y),
            }))}
          />
        }
      >
        {c && (
          <Space size="large" wrap style={{ marginBottom: 16 }}>
            <Statistic
              title={t('families.baobaowu.townsWithSite')}
              value={`${c.townsWithSite} / ${c.townCount}`}
            />
            <Statistic title={t('families.baobaowu.sites')} value={c.sites} />
            <Statistic title={t('families.baobaowu.children')} value={c.children} />
            <Statistic title={t('families.baobaowu.freeHours')} value={c.freeHours} />
            <Statistic title={t('families.baobaowu.chargedHours')} value={c.chargedHours} />
          </Space>
        )}
        <Table<TownRow>
          rowKey="townCode"
          size="small"
          loading={coverage.isLoading}
          columns={townColumns}
          dataSource={c?.towns ?? []}
          pagination={false}
          // A town row's `children` is a count, not tree data.
          expandable={{ childrenColumnName: 'subRows' }}
        />
      </Card>
      <Card
        title={t('families.baobaowu.siteSlots')}
        extra={
          <Select
            allowClear
            aria-label={t('families.baobaowu.site')}
            placeholder={t('families.baobaowu.site')}
            style={{ width: 260 }}
            value={site}
            onChange={(v) => {
              setSite(v);
              setSlotPage(undefined);
            }}
            options={(sites.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${townName(s.townCode)}）`,
            }))}
          />
        }
      >
        {site ? (
          <>
            <p style={{ marginTop: 0 }}>{t('families.baobaowu.expandHint')}</p>
            <Table<SiteSlot>
              rowKey="id"
              size="small"
              loading={slots.isLoading}
              columns={slotColumns}
              dataSource={slotItems}
              pagination={{
                pageSize: 10,
                showSizeChanger: false,
                current: slotPage ?? firstPage,
                onChange: (p) => setSlotPage(p),
              }}
              expandable={{
                expandedRowRender: (s) => <SlotBookings siteId={site} slot={s} />,
                rowExpandable: (s) => s.booked + s.waitlisted > 0,
              }}
            />
          </>
        ) : (
          <p>{t('families.baobaowu.pickSite')}</p>
        )}
      </Card>
    </Space>
  );
}

const STATUS_COLOR: Record<SiteBooking['status'], string> = {
  booked: 'green',
  waitlisted: 'gold',
  cancelled: 'default',
};

/** The children booked for one slot of a site (fetched when the slot is expanded). */
function SlotBookings({ siteId, slot }: { siteId: string; slot: SiteSlot }) {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({
    queryKey: ['families', 'baobaowu', 'bookings', siteId, slot.id],
    queryFn: ({ signal }) => baobaowuApi.bookings(siteId, slot.id, signal),
  });
  const label = `${slot.date} ${slot.startTime}–${slot.endTime}`;
  const columns: TableColumnsType<SiteBooking> = [
    { title: t('families.baobaowu.child'), dataIndex: 'childName', key: 'child' },
    {
      title: t('families.baobaowu.age'),
      key: 'age',
      render: (_, b) => t('families.baobaowu.ageMonths', { n: b.ageMonths }),
    },
    {
      title: t('families.baobaowu.status'),
      key: 'status',
      render: (_, b) => (
        <Tag color={STATUS_COLOR[b.status]}>
          {b.status === 'waitlisted' && b.waitlistPosition !== null
            ? t('families.baobaowu.position', { n: b.waitlistPosition })
            : t(`families.bookingStatus.${b.status}`)}
        </Tag>
      ),
    },
    { title: t('families.baobaowu.freeHours'), dataIndex: 'freeHours', key: 'free' },
    { title: t('families.baobaowu.chargedHours'), dataIndex: 'chargedHours', key: 'charged' },
    { title: t('families.baobaowu.charge'), key: 'charge', render: (_, b) => yuan(b.chargeFen) },
  ];
  if (q.isError)
    return (
      <Alert
        type="error"
        showIcon
        message={problemText(q.error, lang, t('families.baobaowu.bookingsFailed'))}
      />
    );
  return (
    <Table<SiteBooking>
      aria-label={t('families.baobaowu.bookingsOf', { slot: label })}
      title={() => t('families.baobaowu.bookingsOf', { slot: label })}
      rowKey="id"
      size="small"
      loading={q.isLoading}
      columns={columns}
      dataSource={q.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('families.baobaowu.noBookings') }}
    />
  );
}
