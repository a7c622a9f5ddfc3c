/** Read-only sections of the detail page: profile, classes, lifecycle history. */

import { Card, Descriptions, Table, type TableColumnsType, Timeline, Typography } from 'antd';
import { SERVICE_FORMS } from '../../../../domain/contracts/institution.ts';
import type { InstitutionDetail } from '../../api/client.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { RevealValue } from './RevealValue.tsx';
import {
  actionLabel,
  classTypeLabel,
  dateTime,
  formLabel,
  kindLabel,
  ownershipLabel,
  townName,
  usePolicy,
  yuan,
} from './shared.ts';

const FEE_OF = {
  full_day: 'fullDayMonthlyFen',
  half_day: 'halfDayMonthlyFen',
  hourly: 'hourlyFen',
} as const;

export function ProfileCard({ inst }: { inst: InstitutionDetail }) {
  const t = useT();
  const [lang] = useLang();
  const yes = (b: boolean) => (b ? t('inst.yes') : t('inst.no'));
  const fees = SERVICE_FORMS.filter((f) => inst.serviceForms.includes(f)).map((f) => (
    <div key={f}>
      {t('inst.feeLine', { form: formLabel(lang, f), fee: yuan(inst.fees[FEE_OF[f]]) })}
      {f === 'hourly' ? t('inst.perHour') : t('inst.perMonth')}
    </div>
  ));
  return (
    <Card title={t('inst.profile')} size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        items={[
          { key: 'creditCode', label: t('inst.creditCode'), children: inst.creditCode },
          { key: 'kind', label: t('inst.kind'), children: kindLabel(lang, inst.kind) },
          {
            key: 'ownership',
            label: t('inst.ownership'),
            children: ownershipLabel(lang, inst.ownership),
          },
          { key: 'inclusive', label: t('inst.inclusive'), children: yes(inst.inclusive) },
          { key: 'town', label: t('inst.town'), children: townName(lang, inst.townCode) },
          { key: 'address', label: t('inst.address'), children: inst.address },
          {
            key: 'coords',
            label: t('inst.coordinates'),
            children: `${inst.lat.toFixed(6)}, ${inst.lng.toFixed(6)}`,
          },
          { key: 'phone', label: t('inst.publicPhone'), children: inst.publicPhone },
          {
            key: 'operator',
            label: t('inst.operatorName'),
            children: inst.operatorName
              ? `${inst.operatorName}${inst.operatorCreditCode ? `（${inst.operatorCreditCode}）` : ''}`
              : (inst.operatorCreditCode ?? t('inst.operatorNone')),
          },
          {
            key: 'licence',
            label: t('inst.licenceNumber'),
            children: inst.licenceNumber
              ? [
                  inst.licenceNumber,
                  inst.licenceIssuer,
                  [inst.licenceIssuedOn, inst.licenceValidUntil].filter(Boolean).join(' — '),
                ]
                  .filter(Boolean)
                  .join('；')
              : t('inst.licenceNone'),
          },
          { key: 'director', label: t('inst.directorName'), children: inst.directorName },
          {
            key: 'directorIdNumber',
            label: t('inst.directorIdNumber'),
            children: (
              <RevealValue
                institutionId={inst.id}
                field="directorIdNumber"
                label={t('inst.directorIdNumber')}
                masked={inst.directorIdNumber}
              />
            ),
          },
          {
            key: 'directorMobile',
            label: t('inst.directorMobile'),
            children: (
              <RevealValue
                institutionId={inst.id}
                field="directorMobile"
                label={t('inst.directorMobile')}
                masked={inst.directorMobile}
              />
            ),
          },
          { key: 'hours', label: t('inst.openingHours'), children: inst.openingHours || '—' },
          { key: 'meals', label: t('inst.mealsProvided'), children: yes(inst.mealsProvided) },
          {
            key: 'seats',
            label: t('inst.seats'),
            children: t('inst.seatsLine', { seats: inst.seats, enrolled: inst.enrolled }),
          },
          {
            key: 'fees',
            label: t('inst.fees'),
            children: fees.length ? <div className="fee-lines">{fees}</div> : t('common.none'),
          },
          { key: 'submittedAt', label: t('inst.submittedAt'), children: dateTime(inst.submittedAt) },
          { key: 'filedAt', label: t('inst.filedAt'), children: dateTime(inst.filedAt) },
          { key: 'createdAt', label: t('inst.createdAt'), children: dateTime(inst.createdAt) },
        ]}
      />
    </Card>
  );
}

type Klass = InstitutionDetail['classes'][number];

export function ClassesCard({ inst }: { inst: InstitutionDetail }) {
  const t = useT();
  const [lang] = useLang();
  const policy = usePolicy();
  const columns: TableColumnsType<Klass> = [
    { title: t('inst.className'), dataIndex: 'name', key: 'name' },
    { title: t('inst.classType'), key: 'type', render: (_, c) => classTypeLabel(lang, c.type) },
    {
      title: t('inst.ageBand'),
      key: 'age',
      render: (_, c) => t('inst.ageBandValue', { min: c.minAgeMonths, max: c.maxAgeMonths }),
    },
    {
      title: t('inst.capacityCap'),
      key: 'capacity',
      align: 'right',
      render: (_, c) => {
        const cap = policy?.values.classCaps[c.type];
        return cap === undefined ? c.capacity : `${c.capacity} / ${cap}`;
      },
    },
    { title: t('inst.enrolled'), dataIndex: 'enrolled', key: 'enrolled', align: 'right' },
  ];
  return (
    <Card title={t('inst.classes')} size="small">
      <Table<Klass>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={inst.classes}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('inst.noClasses') }}
      />
    </Card>
  );
}

export function HistoryCard({ inst }: { inst: InstitutionDetail }) {
  const t = useT();
  const [lang] = useLang();
  const items = [...inst.history]
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .map((h) => ({
      key: h.id,
      color: h.toStatus === 'filed' || h.toStatus === 'operating' ? 'green' : h.reason ? 'red' : 'blue',
      title: dateTime(h.at),
      content: (
        <div>
          <Typography.Text strong>
            {h.action === 'create'
              ? t('inst.created')
              : h.action === 'import'
                ? t('inst.imported')
                : actionLabel(lang, h.action)}
          </Typography.Text>
          <span style={{ marginInlineStart: 8 }}>
            {h.fromStatus && (
              <>
                <StatusTag set="institution" status={h.fromStatus} />→{' '}
              </>
            )}
            <StatusTag set="institution" status={h.toStatus} />
          </span>
          <div style={{ color: 'rgba(0,0,0,0.55)' }}>
            {t('inst.by', { who: h.actorName ?? h.actorUsername ?? t('inst.system') })}
          </div>
          {h.reason && (
            <div>
              {t(h.action === 'approve' || h.action === 'return' ? 'inst.opinionLine' : 'inst.reasonLine', {
                reason: h.reason,
              })}
            </div>
          )}
        </div>
      ),
    }));
  return (
    <Card title={t('inst.history')} size="small">
      <Timeline items={items} />
    </Card>
  );
}
