/**
 * /family/online — 线上资源: the published online resources for the children's ages (links to 育之有道,
 * 青浦早教 …), the platforms the family is registered on, and "我已注册育之有道" to record a registration
 * (needs the online-resources consent; the server answers 409 otherwise). Phone first.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OnlinePlatform } from '../../../../domain/contracts/families-online.ts';
import { onlineApi, onlineKeys } from '../../admin/families/online-api.ts';
import type { Me } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { queryClient } from '../../queryClient.ts';
import { FamilyTabs, ParentOnly, useErrorTexts } from './shared.tsx';

export default function OnlinePage() {
  return <ParentOnly>{(me) => <Online me={me} />}</ParentOnly>;
}

function Online({ me }: { me: Me }) {
  const t = useT();
  const q = useQuery({ queryKey: onlineKeys.mine, queryFn: ({ signal }) => onlineApi.mine(signal) });
  const [notice, setNotice] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: (platform: OnlinePlatform) => onlineApi.register({ platform }),
    onMutate: () => setNotice(null),
    onSuccess: () => setNotice(t('families.portal.online.done')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: onlineKeys.mine }),
  });
  const errors = useErrorTexts(register.error);
  const d = q.data;
  const has = (p: OnlinePlatform) => (d?.registrations ?? []).some((r) => r.platform === p);
  return (
    <div className="fp-page">
      <FamilyTabs me={me} />
      <h1 className="fp-title">{t('families.portal.online')}</h1>
      <p className="fp-muted">{t('families.portal.online.intro')}</p>
      {q.isLoading ? <p>{t('common.loading')}</p> : null}
      {d && !d.consent ? <p className="fp-muted">{t('families.portal.online.noConsent')}</p> : null}
      {notice ? (
        <p className="fp-ok" role="status">
          {notice}
        </p>
      ) : null}
      {errors.general ? (
        <p className="fp-error" role="alert">
          {Object.values(errors.fields)[0] ?? errors.general}
        </p>
      ) : null}
      {d ? (
        <section aria-labelledby="fp-o-reg" className="fp-card">
          <h2 id="fp-o-reg">{t('families.portal.online.registered')}</h2>
          {d.registrations.length === 0 ? <p>{t('families.portal.online.notRegistered')}</p> : null}
          <ul className="fp-list">
            {d.registrations.map((r) => (
              <li key={r.id} data-testid="online-registration">
                <strong>{t(`families.online.platform.${r.platform}`)}</strong> · {r.registeredOn}
              </li>
            ))}
          </ul>
          {(['yuzhiyoudao', 'qingpu_zaojiao'] as const)
            .filter((p) => !has(p))
            .map((p) => (
              <button
                key={p}
                type="button"
                className={p === 'yuzhiyoudao' ? 'fp-primary' : 'fp-secondary'}
                disabled={register.isPending || !d.consent}
                onClick={() => register.mutate(p)}
                style={{ marginRight: 8, marginTop: 8 }}
              >
                {t(
                  p === 'yuzhiyoudao'
                    ? 'families.portal.online.iRegistered'
                    : 'families.portal.online.iRegisteredQp',
                )}
              </button>
            ))}
        </section>
      ) : null}
      {d ? (
        <section aria-labelledby="fp-o-res" className="fp-card">
          <h2 id="fp-o-res">{t('families.online.library')}</h2>
          <p className="fp-muted">
            {t('families.portal.online.children')}：
            {d.children.map((c) => `${c.ageMonths} ${t('families.online.months')}`).join('、')}
          </p>
          {d.resources.length === 0 ? <p>{t('families.portal.online.none')}</p> : null}
          <ul className="fp-list">
            {d.resources.map((r) => (
              <li key={r.id} className="fp-row" data-testid="online-resource">
                <span>
                  <a href={r.url} target="_blank" rel="noopener noreferrer">
                    <strong>{r.title}</strong>
                  </a>
                  <br />
                  <span className="fp-muted">
                    {t(`families.online.platform.${r.platform}`)} · {t(`families.online.kind.${r.kind}`)} ·{' '}
                    {t(`families.g.topic.${r.topic}`)} · {r.ageFromMonths}–{r.ageToMonths}{' '}
                    {t('families.online.months')}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
