/** The portal search's state lives in the URL (shareable, survives back navigation). */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { InstitutionKind, ServiceForm } from '../../../../domain/contracts/institution-enums.ts';
import { findDivision } from '../../../../domain/divisions.ts';
import type { PublicSearchQuery } from '../../api/client.ts';

export interface SearchState {
  /** Keyword: the name or the address contains it. */
  q?: string;
  town?: string;
  kind?: InstitutionKind;
  form?: ServiceForm;
  age?: number;
  inclusive: boolean;
  /** 'here' (browser location in lat/lng) or a town code whose centre is the point. */
  from?: string;
  lat?: number;
  lng?: number;
  sort: 'distance' | 'name';
  view: 'list' | 'map';
}

const num = (v: string | null) => (v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));

/** The search state a URL's query describes (unknown or broken values are ignored). */
export function parseSearchState(params: URLSearchParams): SearchState {
  const from = params.get('from') || undefined;
  const centre = from && from !== 'here' ? findDivision(from) : undefined;
  const lat = from === 'here' ? num(params.get('lat')) : centre?.lat;
  const lng = from === 'here' ? num(params.get('lng')) : centre?.lng;
  const hasPoint = lat !== undefined && lng !== undefined;
  return {
    q: params.get('q')?.trim().slice(0, 50) || undefined,
    town: params.get('town') || undefined,
    kind: (params.get('kind') || undefined) as InstitutionKind | undefined,
    form: (params.get('form') || undefined) as ServiceForm | undefined,
    age: num(params.get('age')),
    inclusive: params.get('inclusive') === '1',
    from: hasPoint ? from : undefined,
    lat,
    lng,
    sort: hasPoint && params.get('sort') !== 'name' ? 'distance' : 'name',
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
}

export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchState(params), [params]);

  const update = useCallback(
    (patch: Record<string, string | number | undefined>) => {
      // A function of the current params: a late (debounced) keyword never undoes a newer filter.
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [state, update] as const;
}

/** The API query for a state (without paging). */
export function toQuery(s: SearchState): PublicSearchQuery {
  return {
    q: s.q,
    town: s.town,
    kind: s.kind,
    serviceForm: s.form,
    ageMonths: s.age,
    inclusiveOnly: s.inclusive ? 'true' : undefined,
    lat: s.lat,
    lng: s.lng,
    sort: s.sort,
  };
}

/** How many filters behind the 筛选 button are set (the keyword and the sort are not filters). */
export function activeFilterCount(s: SearchState): number {
  return [s.town, s.kind, s.form, s.age, s.inclusive || undefined, s.from].filter((v) => v !== undefined)
    .length;
}
