/**
 * The portal's map of institutions (its own lazy chunk): MapView with clusters, popups that give the
 * type, places, inclusive tag, distance and a link to the detail, and the inclusive/other legend.
 */
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { PublicInstitution } from '../../api/client.ts';
import { type MapPoint, MapView } from '../../components/MapView.tsx';
import { useLang, useT } from '../../i18n/index.tsx';
import { DISTRICT, kindLabel } from '../institutions/labels.ts';
import './map.css';

export default function InstitutionMap(props: {
  items: PublicInstitution[];
  point?: [number, number];
  town?: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const { items, point } = props;
  const points = useMemo<MapPoint[]>(
    () =>
      items.map((i) => ({
        id: i.id,
        lat: i.lat,
        lng: i.lng,
        label: i.name,
        details: [
          [kindLabel(lang, i.kind), i.inclusive ? t('pub.inclusive') : t('pub.notInclusive')].join(' · '),
          t('pub.seats', { seats: i.seats }),
          ...(i.distanceKm === null ? [] : [t('pub.mapDistance', { km: i.distanceKm.toFixed(1) })]),
          t('pub.mapDetails'),
        ],
        color: i.inclusive ? '#1a6fb5' : '#2f9e62',
        href: `/institutions/${i.id}`,
      })),
    [items, lang, t],
  );
  const clusterLabel = useCallback((n: number) => t('pub.mapCluster', { n }), [t]);
  const here = useMemo(
    () => (point ? { lat: point[0], lng: point[1], label: t('pub.mapPoint') } : undefined),
    [point, t],
  );
  const open = useCallback((p: MapPoint) => p.href && navigate(p.href), [navigate]);

  return (
    <MapView
      districtCode={DISTRICT}
      points={points}
      here={here}
      highlightTown={props.town}
      label={t('pub.mapLabel')}
      offlineNote={t('pub.mapOffline')}
      onOpen={open}
      cluster
      clusterLabel={clusterLabel}
      legend={
        <p className="map-legend">
          <span className="map-dot map-dot-blue" /> {t('pub.inclusive')}
          <span className="map-dot map-dot-green" /> {t('pub.notInclusive')}
          {point && (
            <>
              <span className="map-dot map-dot-point" /> {t('pub.mapPoint')}
            </>
          )}
        </p>
      }
    />
  );
}
