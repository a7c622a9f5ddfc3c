import { useT } from '../i18n/index.tsx';

/** The fallback while a lazy route module or the session loads (plain CSS: no antd on the portal path). */
export function PageLoading() {
  const t = useT();
  return (
    <div className="page-center" role="status" aria-live="polite">
      <span className="spinner" aria-hidden />
      <span className="page-loading-text">{t('common.loading')}</span>
    </div>
  );
}
