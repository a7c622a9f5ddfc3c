/**
 * The published fee list (收费公示, issue 17) on the portal's institution page: the list in force (item,
 * amount, unit, optional; the effective date, the published date and the price basis above it), or, for an
 * inclusive institution without one, a plain notice (未公示收费清单). Plain HTML, readable on a phone.
 */
import { useQuery } from '@tanstack/react-query';
import { fenToYuan } from '../../../../domain/contracts/institution-enums.ts';
import { http, unwrap } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { formLabel } from './labels.ts';

export function FeeListSection({ institutionId }: { institutionId: string }) {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({
    queryKey: [...keys.publicInstitutions.detail(institutionId), 'fee-list'],
    queryFn: ({ signal }) =>
      unwrap(
        http.GET('/api/v1/public/institutions/{id}/fee-list', {
          params: { path: { id: institutionId } },
          signal,
        }),
      ),
    retry: false,
  });
  const d = q.data;
  if (!d) return null;
  const p = d.published;
  const day = (iso: string) => new Date(iso).toLocaleDateString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB');
  return (
    <section className="pub-section" aria-labelledby="pub-fee-list" data-testid="fee-list">
      <h2 id="pub-fee-list">{t('feeList.title')}</h2>
      {!p ? (
        d.inclusive ? (
          <div className="pub-fee-missing" role="note">
            <strong>{t('feeList.pub.missing')}</strong>
            <p>{t('feeList.pub.missingHelp')}</p>
          </div>
        ) : (
          <p>{t('feeList.pub.none')}</p>
        )
      ) : (
        <>
          <dl className="pub-dl">
            <dt>{t('feeList.effectiveFrom')}</dt>
            <dd>{p.effectiveFrom ?? '—'}</dd>
            <dt>{t('feeList.publishedAt')}</dt>
            <dd>{day(p.publishedAt)}</dd>
            <dt>{t('feeList.basis')}</dt>
            <dd>{p.basis || t('feeList.basisNone')}</dd>
            {p.serviceContent && (
              <>
                <dt>{t('feeList.serviceContent')}</dt>
                <dd>{p.serviceContent}</dd>
              </>
            )}
            {p.refundRule && (
              <>
                <dt>{t('feeList.refundRule')}</dt>
                <dd>{p.refundRule}</dd>
              </>
            )}
          </dl>
          <table className="pub-table pub-fee-table">
            <thead>
              <tr>
                <th scope="col">{t('feeList.item')}</th>
                <th scope="col" className="pub-num">
                  {t('feeList.amount')}
                </th>
                <th scope="col">{t('feeList.unitCol')}</th>
                <th scope="col">{t('feeList.optionalCol')}</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((i) => (
                <tr key={`${i.kind}-${i.name}-${i.serviceForm ?? ''}`}>
                  <td>
                    {i.name}
                    <span className="pub-fee-sub">
                      {t(`feeList.kind.${i.kind}`)}
                      {i.serviceForm ? ` · ${formLabel(lang, i.serviceForm)}` : ''}
                    </span>
                  </td>
                  <td className="pub-num">
                    {t('feeList.yuan', { amount: fenToYuan(i.amountFen).toFixed(2) })}
                  </td>
                  <td>{t(`feeList.unit.${i.unit}`)}</td>
                  <td>{i.optional ? t('feeList.optional') : t('feeList.required')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="pub-note">{t('feeList.pub.note')}</p>
        </>
      )}
    </section>
  );
}
