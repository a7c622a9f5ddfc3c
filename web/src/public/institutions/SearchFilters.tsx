/** The portal's search filters: native controls (light, accessible, good on phones). */
import { type ReactNode, useId, useState } from 'react';
import { INSTITUTION_KINDS, SERVICE_FORMS } from '../../../../domain/contracts/institution-enums.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { formLabel, kindLabel, monthsSince, TOWNS } from './labels.ts';
import type { SearchState } from './searchState.ts';

/** A label above its control, tied by id (the label's text alone is the control's name). */
function Field(props: { label: string; wide?: boolean; children: (id: string) => ReactNode }) {
  const { label, wide, children } = props;
  const id = useId();
  return (
    <div className={wide ? 'pub-field pub-wide' : 'pub-field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

type Update = (patch: Record<string, string | number | undefined>) => void;

/** The filters behind the 筛选 button (always shown on a wide screen, see institutions.css). */
export function SearchFilters(props: { state: SearchState; update: Update; open: boolean; id: string }) {
  const { state, update, open, id: panelId } = props;
  const t = useT();
  const [lang] = useLang();
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const towns = TOWNS.map((d) => ({ code: d.code, name: pick(lang, d.nameZh, d.nameEn) }));

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocError(t('pub.locationUnavailable'));
      return;
    }
    setLocating(true);
    setLocError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        update({
          from: 'here',
          lat: pos.coords.latitude.toFixed(5),
          lng: pos.coords.longitude.toFixed(5),
          sort: undefined,
        });
      },
      () => {
        setLocating(false);
        setLocError(t('pub.locationDenied'));
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <form
      id={panelId}
      className={open ? 'pub-filters is-open' : 'pub-filters'}
      aria-label={t('pub.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label={t('pub.town')}>
        {(id) => (
          <select id={id} value={state.town ?? ''} onChange={(e) => update({ town: e.target.value })}>
            <option value="">{t('pub.allTowns')}</option>
            {towns.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('pub.kind')}>
        {(id) => (
          <select id={id} value={state.kind ?? ''} onChange={(e) => update({ kind: e.target.value })}>
            <option value="">{t('pub.allKinds')}</option>
            {INSTITUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(lang, k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('pub.serviceForm')}>
        {(id) => (
          <select id={id} value={state.form ?? ''} onChange={(e) => update({ form: e.target.value })}>
            <option value="">{t('pub.allForms')}</option>
            {SERVICE_FORMS.map((f) => (
              <option key={f} value={f}>
                {formLabel(lang, f)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('pub.ageMonths')}>
        {(id) => (
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={0}
            max={72}
            placeholder={t('pub.agePlaceholder')}
            value={state.age ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              update({ age: v === '' ? undefined : Math.max(0, Math.min(72, Math.trunc(Number(v)))) });
            }}
          />
        )}
      </Field>
      <Field label={t('pub.birthDate')}>
        {(id) => (
          <input
            id={id}
            type="date"
            onChange={(e) => {
              const m = monthsSince(e.target.value);
              if (m !== null) update({ age: Math.min(72, m) });
            }}
          />
        )}
      </Field>
      <Field label={t('pub.sort')}>
        {(id) => (
          <select
            id={id}
            value={state.sort}
            onChange={(e) => update({ sort: e.target.value === 'name' ? 'name' : undefined })}
          >
            <option value="distance" disabled={state.lat === undefined}>
              {t('pub.sortDistance')}
            </option>
            <option value="name">{t('pub.sortName')}</option>
          </select>
        )}
      </Field>
      <label className="pub-check">
        <input
          type="checkbox"
          checked={state.inclusive}
          onChange={(e) => update({ inclusive: e.target.checked ? '1' : undefined })}
        />
        <span>{t('pub.inclusiveOnly')}</span>
      </label>
      <Field label={t('pub.from')} wide>
        {(id) => (
          <select
            id={id}
            value={state.from === 'here' ? 'here' : (state.from ?? '')}
            onChange={(e) =>
              update({ from: e.target.value, lat: undefined, lng: undefined, sort: undefined })
            }
          >
            <option value="">{t('pub.fromNone')}</option>
            {state.from === 'here' && <option value="here">{t('pub.fromHere')}</option>}
            {towns.map((d) => (
              <option key={d.code} value={d.code}>
                {t('pub.fromTown', { town: d.name })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="pub-locate">
        <button type="button" className="pub-button" onClick={locate} disabled={locating}>
          {locating ? t('pub.locating') : t('pub.useMyLocation')}
        </button>
        {locError && (
          <span role="alert" className="pub-error">
            {locError}
          </span>
        )}
      </div>
    </form>
  );
}
