/**
 * Portal home: what the portal offers, every card a link to a page that works — finding institutions
 * (list and map), the plan's yearly targets, the double-random draws with their public verification,
 * the district's announcements and policy documents, and the parents' area.
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
          <li>
            <h3>
              <Link to="/news">{t('portal.newsTitle')}</Link>
            </h3>
            <p>{t('portal.newsText')}</p>
          </li>
          <li>
            <h3>
              <Link to="/plan">{t('portal.planTitle')}</Link>
            </h3>
            <p>{t('portal.planText')}</p>
          </li>
          <li>
            <h3>
              <Link to="/supervision/draws">{t('portal.drawsTitle')}</Link>
            </h3>
            <p>{t('portal.drawsText')}</p>
          </li>
          <li>
            <h3>
              <Link to="/complaints">{t('supervision.pub.complain.title')}</Link>
            </h3>
            <p>{t('supervision.pub.complain.card')}</p>
          </li>
          <li>
            <h3>
              <Link to="/family">{t('portal.familyTitle')}</Link>
            </h3>
            <p>{t('portal.familyText')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}
