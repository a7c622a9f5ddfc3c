/**
 * The portal's map (Leaflet, its own lazy chunk). The tile URL comes from GET /api/v1/config; when it
 * is empty (offline deployments) there is no tile layer: the district's box, a coordinate grid and the
 * towns (centre, ~2 km circle, name) are drawn instead, so the markers still make sense.
 */

import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { keys } from '../../api/keys.ts';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { DISTRICT_BBOX, townsOf } from '../../../../domain/divisions.ts';
import { api, type PublicInstitution } from '../../api/client.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { DISTRICT } from '../institutions/labels.ts';
import './map.css';

function drawOfflineBackground(map: L.Map, lang: 'zh-CN' | 'en', highlightTown?: string) {
  const b = DISTRICT_BBOX[DISTRICT];
  if (!b) return;
  // Town names above the background (overlay pane, 400), below the institutions ('points', 500).
  const pane = map.createPane('towns');
  pane.style.zIndex = '450';
  pane.style.pointerEvents = 'none';
  L.rectangle(
    [
      [b.minLat, b.minLng],
      [b.maxLat, b.maxLng],
    ],
    { color: '#9fb3c8', weight: 1, fillColor: '#eef3f8', fillOpacity: 1, interactive: false },
  ).addTo(map);
  const step = 0.05;
  for (let lat = Math.ceil(b.minLat / step) * step; lat <= b.maxLat; lat += step)
    L.polyline(
      [
        [lat, b.minLng],
        [lat, b.maxLng],
      ],
      { color: '#d5dee8', weight: 1, interactive: false },
    ).addTo(map);
  for (let lng = Math.ceil(b.minLng / step) * step; lng <= b.maxLng; lng += step)
    L.polyline(
      [
        [b.minLat, lng],
        [b.maxLat, lng],
      ],
      { color: '#d5dee8', weight: 1, interactive: false },
    ).addTo(map);
  for (const town of townsOf(DISTRICT)) {
    const on = town.code === highlightTown;
    L.circle([town.lat, town.lng], {
      radius: 2000,
      color: on ? '#1a6fb5' : '#8aa1b8',
      weight: on ? 2 : 1,
      dashArray: '4 4',
      fillColor: on ? '#cfe3f5' : '#ffffff',
      fillOpacity: 0.6,
      interactive: false,
    }).addTo(map);
    // Names sit in a pane below the markers, so a marker is never hidden by a label.
    const label = document.createElement('span');
    label.textContent = pick(lang, town.nameZh, town.nameEn);
    L.marker([town.lat, town.lng], {
      pane: 'towns',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({
        className: 'map-town-label',
        html: label,
        iconSize: [120, 18],
        iconAnchor: [60, -18],
      }),
    }).addTo(map);
  }
}

export default function InstitutionMap(props: {
  items: PublicInstitution[];
  point?: [number, number];
  town?: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const box = useRef<HTMLElement>(null);
  const config = useQuery({
    queryKey: keys.config,
    queryFn: ({ signal }) => api.config.get(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const tileUrl = config.data?.tileUrl;

  useEffect(() => {
    if (!box.current || tileUrl === undefined) return;
    const map = L.map(box.current, { zoomSnap: 0.25, attributionControl: !!tileUrl });
    map.createPane('points').style.zIndex = '500';
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
    else drawOfflineBackground(map, lang, props.town);

    const bounds = L.latLngBounds([]);
    for (const item of props.items) {
      const marker = L.circleMarker([item.lat, item.lng], {
        pane: 'points',
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: item.inclusive ? '#1a6fb5' : '#2f9e62',
        fillOpacity: 0.95,
      }).addTo(map);
      const link = document.createElement('a');
      link.href = `/institutions/${item.id}`;
      link.textContent = item.name;
      link.addEventListener('click', (e) => {
        e.preventDefault();
        navigate(`/institutions/${item.id}`);
      });
      marker.bindPopup(link);
      marker.bindTooltip(item.name);
      bounds.extend([item.lat, item.lng]);
    }
    if (props.point) {
      L.circleMarker(props.point, {
        radius: 7,
        color: '#d4380d',
        weight: 3,
        fillColor: '#fff',
        fillOpacity: 1,
      })
        .bindTooltip(t('pub.mapPoint'))
        .addTo(map);
      bounds.extend(props.point);
    }
    const b = DISTRICT_BBOX[DISTRICT];
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.15), { maxZoom: 14 });
    else if (b)
      map.fitBounds([
        [b.minLat, b.minLng],
        [b.maxLat, b.maxLng],
      ]);
    return () => {
      map.remove();
    };
  }, [tileUrl, props.items, props.point, props.town, lang, navigate, t]);

  return (
    <div className="map-wrap">
      <section ref={box} className="map-box" aria-label={t('pub.mapLabel')} />
      <p className="map-legend">
        <span className="map-dot map-dot-blue" /> {t('pub.inclusive')}
        <span className="map-dot map-dot-green" /> {t('pub.notInclusive')}
        {props.point && (
          <>
            <span className="map-dot map-dot-point" /> {t('pub.mapPoint')}
          </>
        )}
      </p>
      {tileUrl === '' && <p className="map-note">{t('pub.mapOffline')}</p>}
    </div>
  );
}
