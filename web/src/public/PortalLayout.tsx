/** The public portal shell (mobile-first): header with title and language switch, content, footer. */
import { Link, Outlet } from 'react-router';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { useT } from '../i18n/index.tsx';
import './portal.css';

export default function PortalLayout() {
  const t = useT();
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('app.title')}
      </a>
      <header className="portal-header">
        <Link to="/" className="portal-brand">
          <span className="portal-logo" aria-hidden>
            托
          </span>
          <span>{t('app.title')}</span>
        </Link>
        <LangSwitch />
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <p className="portal-footer-line">
          <strong>{t('portal.footer')}</strong>
        </p>
        <p className="portal-footer-line">{t('portal.footerNote')}</p>
        <p className="portal-footer-line">
          <Link to="/family">{t('familiesPortal.parentArea')}</Link> ·{' '}
          <Link to="/admin">{t('portal.staffLogin')}</Link>
        </p>
      </footer>
    </div>
  );
}
