/** /family — 我的家庭: the children (masked IDs), guardians, consents (withdraw), home-visit history. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Me } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { queryClient } from '../../queryClient.ts';
import { type MyFamily as Family, familyApi, portalKeys } from './api.ts';
import { SubsidyCard } from './SubsidyCard.tsx';
import { chinaDateOf, FamilyTabs, ParentOnly, useErrorTexts } from './shared.tsx';

export default function MyFamilyPage() {
  return <ParentOnly>{(me) => <MyFamily me={me} />}</ParentOnly>;
}

function MyFamily({ me }: { me: Me }) {
  const t = useT();
  const q = useQuery({ queryKey: portalKeys.mine, queryFn: ({ signal }) => familyApi.mine(signal) });
  const f = q.data;
  return (
    <div className="fp-page">
      <FamilyTabs me={me} />
      <h1 className="fp-title">{t('familiesPortal.family.title')}</h1>
      {q.isLoading ? <p>{t('common.loading')}</p> : null}
      {q.isError ? <p role="alert">{t('common.unknownError')}</p> : null}
      {f ? (
        <>
          <p className="fp-muted">
            {f.communityName} · {f.address}
          </p>
          <section aria-labelledby="fp-children" className="fp-card">
            <h2 id="fp-children">{t('familiesPortal.family.children')}</h2>
            <ul className="fp-list">
              {f.children.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong> · {t(`familiesPortal.sex.${c.sex}`)} ·{' '}
                  {t('familiesPortal.family.age', { months: c.ageMonths })}
                  <br />
                  <span className="fp-muted">
                    {t('familiesPortal.family.idNumber')} {c.idNumber} ·{' '}
                    {t('familiesPortal.family.birthDate')} {c.birthDate}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="fp-guardians" className="fp-card">
            <h2 id="fp-guardians">{t('familiesPortal.family.guardians')}</h2>
            <ul className="fp-list">
              {f.guardians.map((g) => (
                <li key={g.id}>
                  <strong>{g.name}</strong> · {t(`familiesPortal.relation.${g.relation}`)}
                  <br />
                  <span className="fp-muted">
                    {t('familiesPortal.family.mobile')} {g.mobile}
                    {g.idNumber ? ` · ${t('familiesPortal.family.idNumber')} ${g.idNumber}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <SubsidyCard />
          <Consents family={f} />
          <section aria-labelledby="fp-visits" className="fp-card">
            <h2 id="fp-visits">{t('familiesPortal.family.visits')}</h2>
            {f.visits.length === 0 ? <p>{t('familiesPortal.family.noVisits')}</p> : null}
            <ul className="fp-list">
              {f.visits.map((v) => (
                <li key={v.id}>
                  <strong>{v.visitedOn ?? v.scheduledFor}</strong> ·{' '}
                  {t(`familiesPortal.visitStatus.${v.status}`)}
                  {v.status === 'done' ? (
                    <dl className="fp-dl">
                      <dt>{t('familiesPortal.visit.feeding')}</dt>
                      <dd>{v.feeding}</dd>
                      <dt>{t('familiesPortal.visit.growth')}</dt>
                      <dd>{v.growth}</dd>
                      <dt>{t('familiesPortal.visit.safety')}</dt>
                      <dd>{v.safety}</dd>
                      <dt>{t('familiesPortal.visit.diseasePrevention')}</dt>
                      <dd>{v.diseasePrevention}</dd>
                    </dl>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}

function Consents({ family }: { family: Family }) {
  const t = useT();
  const [done, setDone] = useState<string | null>(null);
  const withdraw = useMutation({
    mutationFn: (c: { guardianId: string; purpose: Family['consents'][number]['purpose'] }) =>
      familyApi.withdrawConsent(family.id, c),
    onMutate: () => setDone(null),
    onSuccess: (f) => {
      queryClient.setQueryData(portalKeys.mine, f);
      setDone(t('familiesPortal.consent.withdrawn'));
    },
  });
  const give = useMutation({
    mutationFn: (c: Family['consents'][number]) =>
      familyApi.giveConsent(family.id, {
        guardianId: c.guardianId,
        purpose: c.purpose,
        noticeVersion: c.noticeVersion,
        channel: 'online',
      }),
    onMutate: () => setDone(null),
    onSuccess: (f) => {
      queryClient.setQueryData(portalKeys.mine, f);
      setDone(t('familiesPortal.consent.given'));
    },
  });
  const errors = useErrorTexts(withdraw.error ?? give.error);
  const nameOf = new Map(family.guardians.map((g) => [g.id, g.name]));
  return (
    <section aria-labelledby="fp-consents" className="fp-card">
      <h2 id="fp-consents">{t('familiesPortal.family.consents')}</h2>
      <p className="fp-muted">{t('familiesPortal.consent.help')}</p>
      {errors.general ? (
        <p className="fp-error" role="alert">
          {errors.general}
        </p>
      ) : null}
      {done ? (
        <p className="fp-ok" role="status">
          {done}
        </p>
      ) : null}
      {family.consents.length === 0 ? <p>{t('familiesPortal.consent.none')}</p> : null}
      <ul className="fp-list">
        {family.consents.map((c) => (
          <li key={`${c.guardianId}-${c.purpose}`} className="fp-row">
            <span>
              <strong>{t(`familiesPortal.purpose.${c.purpose}`)}</strong> · {nameOf.get(c.guardianId) ?? ''}
              <br />
              <span className="fp-muted">
                {c.status === 'given'
                  ? t('familiesPortal.consent.givenOn', { date: chinaDateOf(c.givenAt) })
                  : t('familiesPortal.consent.withdrawnOn', {
                      date: c.withdrawnAt ? chinaDateOf(c.withdrawnAt) : '',
                    })}
              </span>
            </span>
            {c.status === 'given' ? (
              <button
                type="button"
                className="fp-secondary"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate({ guardianId: c.guardianId, purpose: c.purpose })}
                aria-label={`${t('familiesPortal.consent.withdraw')} ${t(`familiesPortal.purpose.${c.purpose}`)}`}
              >
                {t('familiesPortal.consent.withdraw')}
              </button>
            ) : (
              <button
                type="button"
                className="fp-secondary"
                disabled={give.isPending}
                onClick={() => give.mutate(c)}
                aria-label={`${t('familiesPortal.consent.give')} ${t(`familiesPortal.purpose.${c.purpose}`)}`}
              >
                {t('familiesPortal.consent.give')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
