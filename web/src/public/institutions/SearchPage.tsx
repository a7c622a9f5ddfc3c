/**
 * /institutions — the public search of filed and operating institutions: filters, sort by distance
 * from a town centre or the browser's location, list ("load more") or map (Leaflet, lazy-loaded).
 */

import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { PublicInstitution } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { errorText } from './labels.ts';
import { ResultCard } from './ResultCard.tsx';
import { SearchBar } from './SearchBar.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { activeFilterCount, toQuery, useSearchState } from './searchState.ts';
import './institutions.css';

const MapView = lazy(() => import('../map/InstitutionMap.tsx'));
const PAGE_SIZE = 10;
const NONE: PublicInstitution[] = [];

export default function SearchPage() {
  const t = useT();
  const [lang] = useLang();
  const [state, update] = useSearchState();
  const query = toQuery(state);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();
  const list = useInfiniteQuery({
    queryKey: keys.publicInstitutions.search(query),
    queryFn: ({ pageParam, signal }) =>
      api.publicInstitutions.search({ ...query, page: pageParam, pageSize: PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
    enabled: state.view === 'list',
  });
  const mapData = useQuery({
    queryKey: keys.publicInstitutions.map(query),
    queryFn: ({ signal }) => api.publicInstitutions.search({ ...query, page: 1, pageSize: 100 }, signal),
    placeholderData: keepPreviousData,
    enabled: state.view === 'map',
  });
  const point = useMemo<[number, number] | undefined>(
    () => (state.lat !== undefined && state.lng !== undefined ? [state.lat, state.lng] : undefined),
    [state.lat, state.lng],
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = state.view === 'map' ? mapData.data?.total : list.data?.pages[0]?.total;
  const error = state.view === 'map' ? mapData.error : list.error;
  const loading = state.view === 'map' ? mapData.isPending : list.isPending;

  return (
    <div className="pub-search">
      <h1 className="pub-title">{t('pub.searchTitle')}</h1>
      <p className="pub-intro">{t('pub.searchIntro')}</p>
      <SearchBar
        q={state.q}
        update={update}
        active={activeFilterCount(state)}
        open={filtersOpen}
        onToggle={() => setFiltersOpen((o) => !o)}
        panelId={panelId}
      />
      <SearchFilters state={state} update={update} open={filtersOpen} id={panelId} />
      <div className="pub-toolbar">
        <p className="pub-count" aria-live="polite">
          {total === undefined ? t('common.loading') : t('pub.count', { total })}
        </p>
        <fieldset className="pub-views">
          <legend className="sr-only">{t('pub.view')}</legend>
          <button
            type="button"
            aria-pressed={state.view === 'list'}
            onClick={() => update({ view: undefined })}
          >
            {t('pub.viewList')}
          </button>
          <button type="button" aria-pressed={state.view === 'map'} onClick={() => update({ view: 'map' })}>
            {t('pub.viewMap')}
          </button>
        </fieldset>
      </div>
      {error && (
        <p role="alert" className="pub-error">
          {errorText(error, lang, t('common.unknownError'))}
        </p>
      )}
      {state.view === 'map' ? (
        <Suspense fallback={<div className="pub-map-placeholder">{t('common.loading')}</div>}>
          <MapView items={mapData.data?.items ?? NONE} point={point} town={state.town} />
          {mapData.data && mapData.data.total > mapData.data.items.length && (
            <p className="pub-note">{t('pub.mapLimited', { shown: mapData.data.items.length })}</p>
          )}
        </Suspense>
      ) : (
        <>
          {!loading && items.length === 0 && !error && <p className="pub-empty">{t('pub.noResults')}</p>}
          <ul className="pub-results">
            {items.map((item) => (
              <ResultCard key={item.id} item={item} />
            ))}
          </ul>
          {list.hasNextPage && (
            <button
              type="button"
              className="pub-button pub-more"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {list.isFetchingNextPage ? t('common.loading') : t('pub.loadMore')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
