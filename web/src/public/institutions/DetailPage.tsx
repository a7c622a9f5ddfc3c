/** /institutions/:id — what is disclosed about one institution (nothing personal). */

import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { NotFound } from '../../components/PlainStatus.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { QualityBadge } from '../quality/QualityBadge.tsx';
import { IntegritySection } from '../supervision/IntegritySection.tsx';
import { FeeListSection } from './FeeListSection.tsx';
import {
  classTypeLabel,
  errorText,
  feeLines,
  kindLabel,
  ownershipLabel,
  statusLabel,
  townName,
} from './labels.ts';
import './institutions.css';

export default function DetailPage() {
  const t = useT();
  const [lang] = useLang();
  const id = useParams().id ?? '';
  const query = useQuery({
    queryKey: keys.publicInstitutions.detail(id),
    queryFn: ({ signal }) => api.publicInstitutions.get(id, signal),
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
  const d = query.data;
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFound home="/institutions" />;

  const back = (
    <p className="pub-back">
      <Link to="/institutions">← {t('pub.backToSearch')}</Link>
    </p>
  );
  if (!d)
    return (
      <div className="pub-detail">
        {back}
        {query.error ? (
          <p role="alert" className="pub-error">
            {errorText(query.error, lang, t('common.unknownError'))}
          </p>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </div>
    );

  const fees = feeLines(lang, d.serviceForms, d.fees, { month: t('pub.perMonth'), hour: t('pub.perHour') });
  const yesNo = (b: boolean) => (b ? t('pub.yes') : t('pub.no'));
  const filed = d.filedAt
    ? new Date(d.filedAt).toLocaleDateString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB')
    : '—';
  return (
    <article className="pub-detail">
      {back}
      <h1 className="pub-title">{d.name}</h1>
      <p className="pub-tags">
        <span className="pub-tag">{kindLabel(lang, d.kind)}</span>
        <span className="pub-tag">{ownershipLabel(lang, d.ownership)}</span>
        {d.inclusive && <span className="pub-tag pub-tag-blue">{t('pub.inclusive')}</span>}
        <span className={`pub-tag pub-status-${d.status}`}>{statusLabel(lang, d.status)}</span>
      </p>
      <QualityBadge institutionId={d.id} />
      <section className="pub-section" aria-labelledby="pub-basic">
        <h2 id="pub-basic">{t('pub.basic')}</h2>
        <dl className="pub-dl">
          <dt>{t('pub.address')}</dt>
          <dd>
            {townName(lang, d.townCode)} · {d.address}
          </dd>
          <dt>{t('pub.phone')}</dt>
          <dd>
            <a className="pub-call" href={`tel:${d.publicPhone.replace(/[^\d+]/g, '')}`}>
              {d.publicPhone}
            </a>
          </dd>
          <dt>{t('pub.openingHours')}</dt>
          <dd>{d.openingHours || '—'}</dd>
          <dt>{t('pub.meals')}</dt>
          <dd>{yesNo(d.mealsProvided)}</dd>
          <dt>{t('pub.seatsLabel')}</dt>
          <dd>{d.seats}</dd>
          <dt>{t('pub.filing')}</dt>
          <dd>
            {statusLabel(lang, d.status)} · {t('pub.filedOn', { date: filed })}
          </dd>
          <dt>{t('pub.creditCode')}</dt>
          <dd className="pub-mono">{d.creditCode}</dd>
        </dl>
      </section>
      <section className="pub-section" aria-labelledby="pub-forms">
        <h2 id="pub-forms">{t('pub.formsAndFees')}</h2>
        {fees.length === 0 ? (
          <p>{t('pub.noForms')}</p>
        ) : (
          <ul className="pub-fees">
            {fees.map((f) => (
              <li key={f.form}>
                <span>{f.label}</span>
                <strong>{f.fee ?? t('pub.feeUnpublished')}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FeeListSection institutionId={d.id} />
      <section className="pub-section" aria-labelledby="pub-classes">
        <h2 id="pub-classes">{t('pub.classes')}</h2>
        {d.classes.length === 0 ? (
          <p>{t('pub.noClasses')}</p>
        ) : (
          <table className="pub-table">
            <thead>
              <tr>
                <th scope="col">{t('pub.classType')}</th>
                <th scope="col">{t('pub.ageBand')}</th>
                <th scope="col" className="pub-num">
                  {t('pub.capacity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.classes.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: public classes carry no id; the list is static
                <tr key={`${c.type}-${i}`}>
                  <td>{classTypeLabel(lang, c.type)}</td>
                  <td>{t('pub.months', { min: c.minAgeMonths, max: c.maxAgeMonths })}</td>
                  <td className="pub-num">{c.capacity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <IntegritySection institutionId={d.id} />
      <p className="pub-note">{t('pub.disclosureNote')}</p>
      <p className="pub-note">
        <Link to={`/complaints?institution=${encodeURIComponent(d.id)}`}>
          {t('supervision.pub.complain.link')}
        </Link>
      </p>
    </article>
  );
}
