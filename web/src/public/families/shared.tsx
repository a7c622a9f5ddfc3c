/** The parent portal's session guard, section tabs and error texts (shared by the family pages). */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, NavLink, useLocation, useNavigate } from 'react-router';
import { ApiError, api, type Me } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { queryClient } from '../../queryClient.ts';
import './families.css';

/** The live session (null when logged out), as the console reads it. */
export function usePortalMe() {
  return useQuery<Me | null>({
    queryKey: keys.me,
    queryFn: async ({ signal }) => (await api.auth.session(signal)).me,
    staleTime: 60_000,
  });
}

/** Renders the page only for a logged-in parent; others go to /login (staff are told where to go). */
export function ParentOnly({ children }: { children: (me: Me) => ReactNode }) {
  const t = useT();
  const location = useLocation();
  const me = usePortalMe();
  if (me.isLoading) return <p>{t('common.loading')}</p>;
  if (me.isError) return <p role="alert">{t('common.unknownError')}</p>;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.data.role !== 'parent')
    return (
      <div className="fp-page">
        <p role="alert">{t('familiesPortal.notParent')}</p>
        <NavLinkPlain to="/admin">{t('portal.staffLogin')}</NavLinkPlain>
      </div>
    );
  return <>{children(me.data)}</>;
}

function NavLinkPlain({ to, children }: { to: string; children: ReactNode }) {
  return <NavLink to={to}>{children}</NavLink>;
}

/** The four sections of the parent's area, and logging out. */
export function FamilyTabs({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api.auth.logout(),
    onSettled: () => {
      queryClient.removeQueries({ queryKey: keys.families.all });
      queryClient.setQueryData(keys.me, null);
      navigate('/login', { replace: true });
    },
  });
  return (
    <div className="fp-top">
      <div className="fp-who">
        <span>{me.displayName}</span>
        <button type="button" className="fp-link-button" onClick={() => logout.mutate()}>
          {t('familiesPortal.logout')}
        </button>
      </div>
      <nav aria-label={t('familiesPortal.sections')} className="fp-tabs">
        <NavLink to="/family" end>
          {t('familiesPortal.nav.family')}
        </NavLink>
        <NavLink to="/family/apply">{t('familiesPortal.nav.apply')}</NavLink>
        <NavLink to="/family/hourly">{t('familiesPortal.nav.hourly')}</NavLink>
        <NavLink to="/family/guidance">{t('familiesPortal.nav.guidance')}</NavLink>
        <NavLink to="/family/online">{t('families.portal.online')}</NavLink>
        <NavLink to="/family/rights">{t('familiesPortal.nav.rights')}</NavLink>
      </nav>
    </div>
  );
}

/** Field → localized message of a 400 problem's `errors[]`, and the text of the whole error. */
export function useErrorTexts(err: unknown): { fields: Record<string, string>; general: string | null } {
  const [lang] = useLang();
  const t = useT();
  if (!err) return { fields: {}, general: null };
  if (!(err instanceof ApiError)) return { fields: {}, general: t('common.unknownError') };
  const fields: Record<string, string> = {};
  for (const e of err.problem.errors ?? []) {
    const key = e.field.replace(/^\/?(body[./])?/, '').split(/[./]/)[0] ?? e.field;
    const text = pick(lang, e.message_zh, e.message_en);
    fields[key] = fields[key] ? `${fields[key]}；${text}` : text;
  }
  return { fields, general: pick(lang, err.problem.detail_zh, err.problem.detail_en) };
}

/** An error message next to a field (referenced by the field's aria-describedby). */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="fp-field-error" role="alert">
      {text}
    </p>
  );
}

/** Today in China time (YYYY-MM-DD), as the server counts dates. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The China-time date (YYYY-MM-DD) of an instant the API answers in ISO form. */
export function chinaDateOf(iso: string): string {
  return todayInChina(new Date(iso));
}
