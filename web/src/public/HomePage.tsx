/**
 * Portal home: what the portal offers. Only what works is offered (every card is a link); disclosure
 * of inspection results and parenting guidance come with their modules.
 */
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
            <h3>
              <Link to="/institutions?view=map">{t('portal.mapTitle')}</Link>
            </h3>
            <p>{t('portal.mapText')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}
