/**
 * /family/guidance — 指导活动: the upcoming sessions of the family's town station and the district's
 * activities (育儿加油站), sign up or cancel before the start, and this year's history with the count
 * attended against the plan's 6. Phone first.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Me } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { queryClient } from '../../queryClient.ts';
import { familyApi, type GuidanceSession, portalKeys } from './api.ts';
import { FamilyTabs, ParentOnly, useErrorTexts } from './shared.tsx';

export default function GuidancePage() {
  return <ParentOnly>{(me) => <Guidance me={me} />}</ParentOnly>;
}

/** An instant in China time, e.g. 2026-06-20 09:30. */
function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

function Guidance({ me }: { me: Me }) {
  const t = useT();
  const family = useQuery({ queryKey: portalKeys.mine, queryFn: ({ signal }) => familyApi.mine(signal) });
  const sessions = useQuery({
    queryKey: portalKeys.sessions,
    queryFn: ({ signal }) => familyApi.sessions(signal),
  });
  const history = useQuery({
    queryKey: portalKeys.history,
    queryFn: ({ signal }) => familyApi.history(signal),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: portalKeys.sessions }),
      queryClient.invalidateQueries({ queryKey: portalKeys.history }),
    ]);
  const signUp = useMutation({
    mutationFn: (s: GuidanceSession) => familyApi.signUp(s.id),
    onMutate: () => setNotice(null),
    onSuccess: () => setNotice(t('families.g.signedUpTag')),
    onSettled: refresh,
  });
  const cancel = useMutation({
    mutationFn: (signupId: string) => familyApi.cancelSignup(signupId),
    onMutate: () => setNotice(null),
    onSuccess: () => setNotice(t('families.g.status.cancelled')),
    onSettled: refresh,
  });
  const errors = useErrorTexts(signUp.error ?? cancel.error);
  const consented = family.data?.consents.some(
    (c) => c.purpose === 'guidance_signup' && c.status === 'given',
  );
  const upcoming = sessions.data?.items ?? [];
  const h = history.data;

  return (
    <div className="fp-page">
      <FamilyTabs me={me} />
      <h1 className="fp-title">{t('families.g.portalTitle')}</h1>
      {h ? (
        <p className="fp-ok" role="status" data-testid="guidance-count">
          {t('families.g.yearCount')}（{h.year}）：<strong>{`${h.attended} / ${h.required}`}</strong>
        </p>
      ) : null}
      {family.data && !consented ? <p className="fp-muted">{t('families.g.needConsent')}</p> : null}
      {notice ? (
        <p className="fp-muted" role="status">
          {notice}
        </p>
      ) : null}
      {errors.general ? (
        <p className="fp-error" role="alert">
          {Object.values(errors.fields)[0] ?? errors.general}
        </p>
      ) : null}
      <section aria-labelledby="fp-g-upcoming" className="fp-card">
        <h2 id="fp-g-upcoming">{t('families.g.upcoming')}</h2>
        {sessions.isLoading ? <p>{t('common.loading')}</p> : null}
        {!sessions.isLoading && upcoming.length === 0 ? <p>{t('families.g.noUpcoming')}</p> : null}
        <ul className="fp-list">
          {upcoming.map((s) => {
            const left = Math.max(0, s.capacity - s.signedUp);
            return (
              <li key={s.id} className="fp-row" data-testid="guidance-session">
                <span>
                  <strong>{s.title}</strong>
                  <br />
                  {chinaTime(s.startsAt)} · {s.place}
                  <br />
                  <span className="fp-muted">
                    {s.stationName ?? t('families.g.districtLevel')} ·{' '}
                    {t('familiesPortal.hourly.left', { n: left, capacity: s.capacity })}
                  </span>
                </span>
                {s.mySignupId ? (
                  <button
                    type="button"
                    className="fp-secondary"
                    disabled={cancel.isPending}
                    onClick={() => s.mySignupId && cancel.mutate(s.mySignupId)}
                    aria-label={`${t('families.g.cancelSignup')} ${s.title}`}
                  >
                    {t('families.g.cancelSignup')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="fp-primary"
                    disabled={signUp.isPending || left === 0 || !consented}
                    onClick={() => signUp.mutate(s)}
                    aria-label={`${left === 0 ? t('families.full') : t('families.g.signUp')} ${s.title}`}
                  >
                    {left === 0 ? t('families.full') : t('families.g.signUp')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="fp-g-history" className="fp-card">
        <h2 id="fp-g-history">{t('families.g.history')}</h2>
        {h && h.items.length === 0 ? <p>{t('families.g.noHistory')}</p> : null}
        <ul className="fp-list">
          {(h?.items ?? []).map((i) => (
            <li key={i.signupId} data-testid="guidance-history">
              <strong>{i.title}</strong>
              <br />
              {chinaTime(i.startsAt)} ·{' '}
              <span className="fp-muted">
                {i.cancelledAt
                  ? t('families.g.status.cancelled')
                  : i.sessionStatus === 'cancelled'
                    ? t('families.g.status.cancelled')
                    : i.attended === true
                      ? t('families.g.attended')
                      : i.attended === false
                        ? t('families.g.absent')
                        : t('families.g.pending')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
