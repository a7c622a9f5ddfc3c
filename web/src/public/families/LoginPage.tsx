/** /login — a parent logs in on the portal with the console's /api/v1/auth endpoints (same-origin writes). */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import { clearSessionLost, queryClient } from '../../queryClient.ts';
import { FieldError, useErrorTexts, usePortalMe } from './shared.tsx';

/** Only the parent's own pages are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && /^\/family(\/[a-z-]*)?$/.test(next) ? next : '/family';
}

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = usePortalMe();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [staff, setStaff] = useState(false);
  const login = useMutation({
    mutationFn: () => api.auth.login({ username, password }),
    onMutate: () => setStaff(false),
    onSuccess: async (result) => {
      if (result.role !== 'parent') {
        // Staff use the console; end this session and say so.
        await api.auth.logout().catch(() => undefined);
        queryClient.setQueryData(keys.me, null);
        setStaff(true);
        return;
      }
      clearSessionLost();
      queryClient.setQueryData(keys.me, result);
      navigate(next, { replace: true });
    },
  });
  const errors = useErrorTexts(login.error);

  if (me.data?.role === 'parent' && !login.isPending) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <div className="fp-page fp-narrow">
      <h1 className="fp-title">{t('familiesPortal.login.title')}</h1>
      <p className="fp-muted">{t('familiesPortal.login.intro')}</p>
      <form className="fp-form" onSubmit={submit} noValidate>
        {errors.general ? (
          <p className="fp-error" role="alert">
            {errors.general}
          </p>
        ) : null}
        {staff ? (
          <p className="fp-error" role="alert">
            {t('familiesPortal.login.staff')} <a href="/admin/login">{t('portal.staffLogin')}</a>
          </p>
        ) : null}
        <label htmlFor="fp-username">{t('familiesPortal.login.username')}</label>
        <input
          id="fp-username"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-describedby={errors.fields.username ? 'fp-username-error' : undefined}
          required
        />
        <FieldError id="fp-username-error" text={errors.fields.username} />
        <label htmlFor="fp-password">{t('familiesPortal.login.password')}</label>
        <input
          id="fp-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={errors.fields.password ? 'fp-password-error' : undefined}
          required
        />
        <FieldError id="fp-password-error" text={errors.fields.password} />
        <button type="submit" className="fp-primary" disabled={login.isPending}>
          {login.isPending ? t('familiesPortal.login.pending') : t('familiesPortal.login.submit')}
        </button>
      </form>
    </div>
  );
}
