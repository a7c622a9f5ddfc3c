/** Portal home: what the portal offers. No data yet — the registry module brings /institutions. */
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';

export default function HomePage() {
  const t = useT();
  return (
    <>
      <section className="portal-hero" aria-labelledby="portal-title">
        <h1 id="portal-title">{t('app.title')}</h1>
        <p className="portal-tagline">{t('portal.tagline')}</p>
        <p>{t('portal.intro')}</p>
        <Link to="/institutions" className="portal-cta">
          {t('portal.findLink')}
        </Link>
      </section>
      <section className="portal-offers" aria-labelledby="portal-offers-title">
        <h2 id="portal-offers-title">{t('portal.offerTitle')}</h2>
        <ul>
          <li>
            <h3>
              <Link to="/institutions">{t('portal.findTitle')}</Link>
            </h3>
            <p>{t('portal.findText')}</p>
          </li>
          <li>
            <h3>{t('portal.disclosureTitle')}</h3>
            <p>{t('portal.disclosureText')}</p>
          </li>
          <li>
            <h3>{t('portal.guidanceTitle')}</h3>
            <p>{t('portal.guidanceText')}</p>
          </li>
        </ul>
        <p className="portal-note">{t('portal.comingSoon')}</p>
      </section>
    </>
  );
}
