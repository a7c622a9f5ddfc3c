/**
 * The parent's childcare-subsidy card on 我的家庭 (issue 17): each child's application, its state, months due
 * and paid, this year's renewal (待年度复核 / 已确认续发 / 已停发 with the reason); numbers masked. Until the answer arrives the card says it is loading (not "no application");
 * a failed answer shows the reason and a retry.
 */
import { useQuery } from '@tanstack/react-query';
import { subsidyApi } from '../../admin/subsidy/api.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { errorText } from '../institutions/labels.ts';

export function SubsidyCard() {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({ queryKey: ['portal', 'subsidy'], queryFn: ({ signal }) => subsidyApi.mine(signal) });
  const s = q.data;
  return (
    <section aria-labelledby="fp-subsidy" aria-busy={q.isLoading} className="fp-card">
      <h2 id="fp-subsidy">{t('subsidy.portal.title')}</h2>
      {q.isLoading ? (
        <p className="fp-muted" role="status" data-testid="subsidy-loading">
          {t('familiesPortal.subsidy.loading')}
        </p>
      ) : null}
      {q.isError ? (
        <div role="alert" data-testid="subsidy-error">
          <p className="fp-error">{errorText(q.error, lang, t('familiesPortal.subsidy.loadFailed'))}</p>
          <button
            type="button"
            className="fp-secondary"
            disabled={q.isFetching}
            onClick={() => void q.refetch()}
          >
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {s ? (
        <>
          <p className="fp-muted">
            {t('subsidy.portal.perMonth', { n: s.yuanPerMonth })} ·{' '}
            {t('subsidy.source', { source: s.source })}
            {s.unverified ? ` · ${t('subsidy.unverified')}` : ''}
          </p>
          {s.items.length === 0 ? <p>{t('subsidy.portal.none')}</p> : null}
          <ul className="fp-list">
            {s.items.map((a) => (
              <li key={a.applicationNo}>
                <strong>{a.childName}</strong> · {t(`subsidy.status.${a.status}`)}
                <br />
                <span className="fp-muted">
                  {a.applicationNo} · {t('subsidy.appliedOn')} {a.appliedOn}
                  {a.status === 'submitted' && a.dueOn
                    ? ` · ${t('subsidy.portal.due', { date: a.dueOn })}`
                    : ''}
                </span>
                {a.dueFrom && a.dueTo ? (
                  <>
                    <br />
                    {t('subsidy.portal.months', { from: a.dueFrom, to: a.dueTo, n: a.monthsDue })}
                  </>
                ) : null}
                <br />
                {t('subsidy.portal.paid', { n: a.monthsPaid, amount: a.amountPaid.toLocaleString() })} ·{' '}
                {t('subsidy.portal.account', { account: a.bankAccount })}
                {a.renewal ? (
                  <>
                    <br />
                    <span data-testid="subsidy-renewal">
                      {a.renewal.state === 'stopped'
                        ? t('subsidy.portal.renewalStopped', {
                            year: a.renewal.year,
                            reason: a.renewal.stopReason
                              ? t(`subsidy.endReason.${a.renewal.stopReason}`)
                              : '',
                          })
                        : t('subsidy.portal.renewal', {
                            year: a.renewal.year,
                            state: t(`subsidy.renewals.state.${a.renewal.state}`),
                          })}
                    </span>
                  </>
                ) : null}
                {a.reason ? (
                  <>
                    <br />
                    {t('subsidy.portal.reason', { reason: a.reason })}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
