/** One search result: what is disclosed, a link to the detail page and a tap-to-call phone. */
import { Link } from 'react-router';
import type { PublicInstitution } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { feeLines, kindLabel, ownershipLabel, statusLabel, townName } from './labels.ts';

export function ResultCard({ item }: { item: PublicInstitution }) {
  const t = useT();
  const [lang] = useLang();
  const fees = feeLines(lang, item.serviceForms, item.fees, {
    month: t('pub.perMonth'),
    hour: t('pub.perHour'),
  });
  return (
    <li className="pub-card">
      <div className="pub-card-head">
        <h2>
          <Link to={`/institutions/${item.id}`}>{item.name}</Link>
        </h2>
        {item.distanceKm !== null && (
          <span className="pub-distance">{t('pub.km', { km: item.distanceKm.toFixed(1) })}</span>
        )}
      </div>
      <p className="pub-tags">
        <span className="pub-tag">{kindLabel(lang, item.kind)}</span>
        <span className="pub-tag">{ownershipLabel(lang, item.ownership)}</span>
        {item.inclusive && <span className="pub-tag pub-tag-blue">{t('pub.inclusive')}</span>}
        <span className={`pub-tag pub-status-${item.status}`}>{statusLabel(lang, item.status)}</span>
      </p>
      <p className="pub-line">
        {townName(lang, item.townCode)} · {item.address}
      </p>
      <p className="pub-line">
        {t('pub.seats', { seats: item.seats })}
        {fees.length > 0 && ' · '}
        {fees.map((f) => (f.fee ? `${f.label} ${f.fee}` : f.label)).join(' · ')}
      </p>
      <p className="pub-line">
        <a href={`tel:${item.publicPhone.replace(/[^\d+]/g, '')}`}>{item.publicPhone}</a>
      </p>
    </li>
  );
}
