/** /family/hourly — 计时托: open slots with places left, book (or join the waitlist), cancel before the deadline. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Me } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { queryClient } from '../../queryClient.ts';
import { type Booking, familyApi, portalKeys, type Slot } from './api.ts';
import { FamilyTabs, FieldError, ParentOnly, todayInChina, useErrorTexts } from './shared.tsx';

export default function HourlyPage() {
  return <ParentOnly>{(me) => <Hourly me={me} />}</ParentOnly>;
}

/** A deadline in China time, e.g. 2026-06-20 07:00. */
function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

function Hourly({ me }: { me: Me }) {
  const t = useT();
  const today = todayInChina();
  // The list shows 50 slots from this date on (the district's institutions and 宝宝屋 sites): a later
  // date reaches slots further ahead.
  const [fromDate, setFromDate] = useState(today);
  const from = fromDate && fromDate >= today ? fromDate : today;
  const family = useQuery({ queryKey: portalKeys.mine, queryFn: ({ signal }) => familyApi.mine(signal) });
  const slots = useQuery({
    queryKey: portalKeys.slots(from),
    queryFn: ({ signal }) => familyApi.slots(from, signal),
  });
  const bookings = useQuery({
    queryKey: portalKeys.bookings,
    queryFn: ({ signal }) => familyApi.bookings(signal),
  });
  const freeHours = useQuery({
    queryKey: portalKeys.baobaowu,
    queryFn: ({ signal }) => familyApi.baobaowuMine(signal),
  });
  const [childId, setChildId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const children = family.data?.children ?? [];
  const child = childId || (children[0]?.id ?? '');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: portalKeys.bookings }),
      queryClient.invalidateQueries({ queryKey: portalKeys.slots(from) }),
      queryClient.invalidateQueries({ queryKey: portalKeys.baobaowu }),
    ]);
  const book = useMutation({
    mutationFn: (s: Slot) => familyApi.book(s.id, child, s.booked >= s.capacity),
    onMutate: () => setNotice(null),
    onSuccess: (b) =>
      setNotice(
        (b.status === 'booked'
          ? t('familiesPortal.hourly.booked')
          : t('familiesPortal.hourly.waitlisted', { n: b.waitlistPosition ?? 0 })) +
          (b.baobaowu ? ` ${baobaowuText(t, b.baobaowu)}` : ''),
      ),
    onSettled: refresh,
  });
  const cancel = useMutation({
    mutationFn: (b: Booking) => familyApi.cancelBooking(b.id),
    onMutate: () => setNotice(null),
    onSuccess: () => setNotice(t('familiesPortal.hourly.cancelled')),
    onSettled: refresh,
  });
  const bookErrors = useErrorTexts(book.error);
  const cancelErrors = useErrorTexts(cancel.error);
  const open = (slots.data?.items ?? []).filter((s) => new Date(s.cancelDeadline).getTime() > Date.now());
  const mine = (bookings.data?.items ?? []).filter((b) => b.status !== 'cancelled');
  const hasSiteSlots = open.some((s) => s.hourlyPriceFen != null);
  const childFree = freeHours.data?.children.find((c) => c.childId === child);
  const past = (bookings.data?.items ?? []).filter((b) => b.status === 'cancelled');

  return (
    <div className="fp-page">
      <FamilyTabs me={me} />
      <h1 className="fp-title">{t('familiesPortal.hourly.title')}</h1>
      <p className="fp-muted">{t('familiesPortal.hourly.intro')}</p>
      {notice ? (
        <p className="fp-ok" role="status">
          {notice}
        </p>
      ) : null}
      <section aria-labelledby="fp-slots" className="fp-card">
        <h2 id="fp-slots">{t('familiesPortal.hourly.open')}</h2>
        <div className="fp-form">
          <label htmlFor="fp-hourly-child">{t('familiesPortal.field.child')}</label>
          <select
            id="fp-hourly-child"
            value={child}
            onChange={(e) => setChildId(e.target.value)}
            aria-describedby={bookErrors.fields.childId ? 'fp-hourly-child-error' : undefined}
          >
            {children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="fp-hourly-child-error" text={bookErrors.fields.childId} />
          {hasSiteSlots && childFree && freeHours.data?.freeHoursPerChildPerYear != null ? (
            <p className="fp-muted" data-testid="baobaowu-free-left">
              {t('familiesPortal.baobaowu.freeLeft', {
                year: freeHours.data.year,
                left: childFree.freeHoursLeft,
                total: freeHours.data.freeHoursPerChildPerYear,
              })}
            </p>
          ) : null}
          <label htmlFor="fp-hourly-from">{t('familiesPortal.hourly.from')}</label>
          <input
            id="fp-hourly-from"
            type="date"
            min={today}
            value={fromDate}
            onChange={(e) => setFromDate(e.target.value)}
          />
        </div>
        {bookErrors.general ? (
          <p className="fp-error" role="alert">
            {bookErrors.general}
          </p>
        ) : null}
        {slots.isLoading ? <p>{t('common.loading')}</p> : null}
        {!slots.isLoading && open.length === 0 ? <p>{t('familiesPortal.hourly.noSlots')}</p> : null}
        <ul className="fp-list">
          {open.map((s) => {
            const left = Math.max(0, s.capacity - s.booked);
            return (
              <li key={s.id} className="fp-row" data-testid="slot">
                <span>
                  <strong>{s.institutionName}</strong>
                  <br />
                  {s.date} {s.startTime}–{s.endTime}
                  <br />
                  {s.hourlyPriceFen != null ? (
                    <>
                      <span className="fp-muted">
                        {t('familiesPortal.baobaowu.slot', { price: (s.hourlyPriceFen / 100).toFixed(2) })}
                      </span>
                      <br />
                    </>
                  ) : null}
                  <span className="fp-muted">
                    {left > 0
                      ? t('familiesPortal.hourly.left', { n: left, capacity: s.capacity })
                      : t('familiesPortal.hourly.full', { n: s.waitlisted })}{' '}
                    · {t('familiesPortal.hourly.deadline', { time: chinaTime(s.cancelDeadline) })}
                  </span>
                </span>
                <button
                  type="button"
                  className={left > 0 ? 'fp-primary' : 'fp-secondary'}
                  disabled={book.isPending || !child}
                  onClick={() => book.mutate(s)}
                  aria-label={`${left > 0 ? t('familiesPortal.hourly.book') : t('familiesPortal.hourly.joinWaitlist')} ${s.institutionName} ${s.date} ${s.startTime}`}
                >
                  {left > 0 ? t('familiesPortal.hourly.book') : t('familiesPortal.hourly.joinWaitlist')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="fp-bookings" className="fp-card">
        <h2 id="fp-bookings">{t('familiesPortal.hourly.mine')}</h2>
        {cancelErrors.general ? (
          <p className="fp-error" role="alert">
            {cancelErrors.general}
          </p>
        ) : null}
        {!bookings.isLoading && mine.length === 0 ? <p>{t('familiesPortal.hourly.noBookings')}</p> : null}
        <ul className="fp-list">
          {mine.map((b) => (
            <li key={b.id} className="fp-row" data-testid="booking">
              <span>
                <strong>{b.institutionName}</strong>
                <br />
                {/* The family's children share the list: each booking names its child. */}
                {children.find((c) => c.id === b.childId)?.name ?? ''} · {b.date} {b.startTime} ·{' '}
                <span className={`fp-state fp-state-${b.status}`}>
                  {t(`familiesPortal.bookingStatus.${b.status}`)}
                </span>
                {b.waitlistPosition
                  ? ` · ${t('familiesPortal.apply.position', { n: b.waitlistPosition })}`
                  : ''}
                {b.baobaowu ? (
                  <>
                    <br />
                    <span className="fp-muted" data-testid="baobaowu-hours">
                      {baobaowuText(t, b.baobaowu)}
                    </span>
                  </>
                ) : null}
              </span>
              <button
                type="button"
                className="fp-secondary"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate(b)}
                aria-label={`${t('familiesPortal.hourly.cancel')} ${b.institutionName} ${b.date} ${b.startTime}`}
              >
                {t('familiesPortal.hourly.cancel')}
              </button>
            </li>
          ))}
        </ul>
        {past.length > 0 ? (
          <p className="fp-muted">{t('familiesPortal.hourly.cancelledCount', { n: past.length })}</p>
        ) : null}
      </section>
    </div>
  );
}

/** A 宝宝屋 booking's hours: free and charged hours, the charge and the child's free hours left this year. */
function baobaowuText(t: ReturnType<typeof useT>, h: NonNullable<Booking['baobaowu']>): string {
  return t('familiesPortal.baobaowu.hours', {
    free: h.freeHours,
    charged: h.chargedHours,
    charge: (h.chargeFen / 100).toFixed(2),
    left: h.freeHoursLeft,
    year: h.year,
  });
}
