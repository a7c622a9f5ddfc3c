/** /family/apply — 申请托位: up to three preferred operating institutions, service form, start date; my applications. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Me } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { queryClient } from '../../queryClient.ts';
import { type Application, familyApi, portalKeys } from './api.ts';
import { FamilyTabs, FieldError, ParentOnly, todayInChina, useErrorTexts } from './shared.tsx';

const FORMS = ['full_day', 'half_day', 'hourly'] as const;
type Form = (typeof FORMS)[number];

export default function ApplyPage() {
  return <ParentOnly>{(me) => <Apply me={me} />}</ParentOnly>;
}

function Apply({ me }: { me: Me }) {
  const t = useT();
  const family = useQuery({ queryKey: portalKeys.mine, queryFn: ({ signal }) => familyApi.mine(signal) });
  const [childId, setChildId] = useState('');
  const [serviceForm, setServiceForm] = useState<Form>('full_day');
  const [prefs, setPrefs] = useState(['', '', '']);
  const [startDate, setStartDate] = useState('');
  const [sent, setSent] = useState(false);
  const insts = useQuery({
    queryKey: portalKeys.institutions(serviceForm),
    queryFn: ({ signal }) => familyApi.institutions(serviceForm, signal),
  });
  const apply = useMutation({
    mutationFn: () =>
      familyApi.apply({
        childId: childId || (family.data?.children[0]?.id ?? ''),
        preferences: prefs.filter((p) => p !== ''),
        serviceForm,
        startDate,
      }),
    onMutate: () => setSent(false),
    onSuccess: () => {
      setSent(true);
      setPrefs(['', '', '']);
      void queryClient.invalidateQueries({ queryKey: portalKeys.applications });
    },
  });
  const apiErrors = useErrorTexts(apply.error);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { general: apiErrors.general, fields: { ...apiErrors.fields, ...local } };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The two reasons a parent meets most, said plainly before asking the server (which checks all).
    const missing: Record<string, string> = {};
    if (!prefs.some((p) => p !== '')) missing.preferences = t('familiesPortal.apply.needPreference');
    if (!startDate) missing.startDate = t('familiesPortal.apply.needStartDate');
    setLocal(missing);
    if (Object.keys(missing).length > 0) {
      apply.reset();
      return;
    }
    apply.mutate();
  };
  const children = family.data?.children ?? [];
  const options = insts.data ?? [];
  const describedBy = (field: string) => (errors.fields[field] ? `fp-${field}-error` : undefined);

  return (
    <div className="fp-page">
      <FamilyTabs me={me} />
      <h1 className="fp-title">{t('familiesPortal.apply.title')}</h1>
      <p className="fp-muted">{t('familiesPortal.apply.intro')}</p>
      <form className="fp-form fp-card" onSubmit={submit} noValidate>
        {errors.general ? (
          <p className="fp-error" role="alert">
            {errors.general}
          </p>
        ) : null}
        {sent ? (
          <p className="fp-ok" role="status">
            {t('familiesPortal.apply.sent')}
          </p>
        ) : null}
        <label htmlFor="fp-child">{t('familiesPortal.field.child')}</label>
        <select
          id="fp-child"
          value={childId || (children[0]?.id ?? '')}
          onChange={(e) => setChildId(e.target.value)}
          aria-describedby={describedBy('childId')}
        >
          {children.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}（{t('familiesPortal.family.age', { months: c.ageMonths })}）
            </option>
          ))}
        </select>
        <FieldError id="fp-childId-error" text={errors.fields.childId} />
        <fieldset aria-describedby={describedBy('serviceForm')}>
          <legend>{t('familiesPortal.field.serviceForm')}</legend>
          <div className="fp-radios">
            {FORMS.map((f) => (
              <label key={f} className="fp-radio">
                <input
                  type="radio"
                  name="serviceForm"
                  value={f}
                  checked={serviceForm === f}
                  onChange={() => {
                    setServiceForm(f);
                    setPrefs(['', '', '']);
                  }}
                />
                {t(`familiesPortal.form.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <FieldError id="fp-serviceForm-error" text={errors.fields.serviceForm} />
        {prefs.map((value, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the three preference slots are fixed positions
          <div key={i} className="fp-field">
            <label htmlFor={`fp-pref-${i}`}>{t('familiesPortal.field.preference', { n: i + 1 })}</label>
            <select
              id={`fp-pref-${i}`}
              value={value}
              onChange={(e) => setPrefs(prefs.map((p, j) => (j === i ? e.target.value : p)))}
              aria-describedby={describedBy('preferences')}
            >
              <option value="">
                {i === 0 ? t('familiesPortal.apply.choose') : t('familiesPortal.apply.none')}
              </option>
              {options
                .filter((o) => o.id === value || !prefs.includes(o.id))
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </select>
          </div>
        ))}
        <FieldError id="fp-preferences-error" text={errors.fields.preferences} />
        <label htmlFor="fp-start">{t('familiesPortal.field.startDate')}</label>
        <input
          id="fp-start"
          type="date"
          min={todayInChina()}
          value={startDate}
          onChange={(e) => setStartDate(e.target.value)}
          aria-describedby={describedBy('startDate')}
        />
        <FieldError id="fp-startDate-error" text={errors.fields.startDate} />
        <button type="submit" className="fp-primary" disabled={apply.isPending}>
          {t('familiesPortal.apply.submit')}
        </button>
      </form>
      <MyApplications />
    </div>
  );
}

function MyApplications() {
  const t = useT();
  const q = useQuery({
    queryKey: portalKeys.applications,
    queryFn: ({ signal }) => familyApi.applications(signal),
  });
  const decide = useMutation({
    mutationFn: (v: { app: Application; action: 'accept' | 'decline' }) =>
      familyApi.decide(v.app.id, v.action, v.app.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.applications }),
  });
  const errors = useErrorTexts(decide.error);
  const items = q.data?.items ?? [];
  return (
    <section aria-labelledby="fp-apps" className="fp-card">
      <h2 id="fp-apps">{t('familiesPortal.apply.mine')}</h2>
      {errors.general ? (
        <p className="fp-error" role="alert">
          {errors.general}
        </p>
      ) : null}
      {q.isLoading ? <p>{t('common.loading')}</p> : null}
      {!q.isLoading && items.length === 0 ? <p>{t('familiesPortal.apply.noneYet')}</p> : null}
      <ul className="fp-list">
        {items.map((a) => (
          <li key={a.id} data-testid="application">
            <strong>{a.childName}</strong> · {t(`familiesPortal.form.${a.serviceForm}`)} ·{' '}
            {t('familiesPortal.apply.from', { date: a.startDate })}
            <br />
            <span className={`fp-state fp-state-${a.status}`}>
              {t(`familiesPortal.appStatus.${a.status}`)}
            </span>
            {a.waitlistPosition ? ` · ${t('familiesPortal.apply.position', { n: a.waitlistPosition })}` : ''}
            <ol className="fp-prefs">
              {a.preferences.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.id === a.offeredInstitutionId ? ` — ${t('familiesPortal.apply.offered')}` : ''}
                </li>
              ))}
            </ol>
            {a.permittedActions.includes('accept') || a.permittedActions.includes('decline') ? (
              <div className="fp-actions">
                {a.permittedActions.includes('accept') ? (
                  <button
                    type="button"
                    className="fp-primary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ app: a, action: 'accept' })}
                  >
                    {t('familiesPortal.apply.accept')}
                  </button>
                ) : null}
                {a.permittedActions.includes('decline') ? (
                  <button
                    type="button"
                    className="fp-secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ app: a, action: 'decline' })}
                  >
                    {t('familiesPortal.apply.decline')}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
