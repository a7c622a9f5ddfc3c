/**
 * A Leaflet map of points in a district (lazy-load the module that uses it: Leaflet is its own chunk).
 * The tile URL comes from GET /api/v1/config; when it is empty (offline deployments) there is no tile
 * layer: the district's box, a coordinate grid and the towns (centre, ~2 km circle, name) are drawn
 * instead, so the points still make sense. No antd here: the portal uses it too.
 */
import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { type ReactNode, useEffect, useRef } from 'react';
import { type BBox, DISTRICT_BBOX, townsOf } from '../../../domain/divisions.ts';
import { api } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { pick, useLang } from '../i18n/index.tsx';
import './MapView.css';

export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  /** Tooltip and popup text. */
  label: string;
  color: string;
  /** Opened (through onOpen) from the popup's link. */
  href?: string;
}

export interface MapViewProps {
  districtCode: string;
  points: readonly MapPoint[];
  /** Accessible name of the map region. */
  label: string;
  /** A town drawn highlighted on the tile-less map. */
  highlightTown?: string;
  /** A reference point (e.g. the user's location), drawn as a ring. */
  here?: { lat: number; lng: number; label: string };
  /** Shown under the map when there are no tiles. */
  offlineNote?: string;
  legend?: ReactNode;
  onOpen?: (point: MapPoint) => void;
}

/** What the map shows first: the points (and `here`) padded, else the district's box; null if neither. */
export function viewBounds(
  points: readonly { lat: number; lng: number }[],
  box: BBox | undefined,
): [[number, number], [number, number]] | null {
  if (points.length > 0) {
    const lats = points.map((p) => p.lat);
    const lngs = points.map((p) => p.lng);
    const [minLat, maxLat, minLng, maxLng] = [
      Math.min(...lats),
      Math.max(...lats),
      Math.min(...lngs),
      Math.max(...lngs),
    ];
    const padLat = Math.max((maxLat - minLat) * 0.15, 0.005);
    const padLng = Math.max((maxLng - minLng) * 0.15, 0.005);
    return [
      [minLat - padLat, minLng - padLng],
      [maxLat + padLat, maxLng + padLng],
    ];
  }
  return box
    ? [
        [box.minLat, box.minLng],
        [box.maxLat, box.maxLng],
      ]
    : null;
}

function line(map: L.Map, a: [number, number], b: [number, number]) {
  L.polyline([a, b], { color: '#d5dee8', weight: 1, interactive: false }).addTo(map);
}

function drawOfflineBackground(
  map: L.Map,
  districtCode: string,
  lang: 'zh-CN' | 'en',
  highlightTown?: string,
) {
  const b = DISTRICT_BBOX[districtCode];
  if (!b) return;
  // Town names above the background (overlay pane, 400), below the points ('points', 500).
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
    line(map, [lat, b.minLng], [lat, b.maxLng]);
  for (let lng = Math.ceil(b.minLng / step) * step; lng <= b.maxLng; lng += step)
    line(map, [b.minLat, lng], [b.maxLat, lng]);
  for (const town of townsOf(districtCode)) {
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
    const name = document.createElement('span');
    name.textContent = pick(lang, town.nameZh, town.nameEn);
    L.marker([town.lat, town.lng], {
      pane: 'towns',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({
        className: 'map-town-label',
        html: name,
        iconSize: [120, 18],
        iconAnchor: [60, -18],
      }),
    }).addTo(map);
  }
}

export function MapView(props: MapViewProps) {
  const [lang] = useLang();
  const box = useRef<HTMLElement>(null);
  const config = useQuery({
    queryKey: keys.config,
    queryFn: ({ signal }) => api.config.get(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const tileUrl = config.data?.tileUrl;
  const { districtCode, points, highlightTown, here, onOpen } = props;

  useEffect(() => {
    if (!box.current || tileUrl === undefined) return;
    const map = L.map(box.current, { zoomSnap: 0.25, attributionControl: !!tileUrl });
    map.createPane('points').style.zIndex = '500';
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
    else drawOfflineBackground(map, districtCode, lang, highlightTown);

    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lng], {
        pane: 'points',
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: p.color,
        fillOpacity: 0.95,
      }).addTo(map);
      if (p.href) {
        const link = document.createElement('a');
        link.href = p.href;
        link.textContent = p.label;
        link.addEventListener('click', (e) => {
          if (!onOpen) return;
          e.preventDefault();
          onOpen(p);
        });
        marker.bindPopup(link);
      }
      marker.bindTooltip(p.label);
    }
    if (here) {
      L.circleMarker([here.lat, here.lng], {
        radius: 7,
        color: '#d4380d',
        weight: 3,
        fillColor: '#fff',
        fillOpacity: 1,
      })
        .bindTooltip(here.label)
        .addTo(map);
    }
    const bounds = viewBounds(here ? [...points, here] : points, DISTRICT_BBOX[districtCode]);
    if (bounds) map.fitBounds(bounds, { maxZoom: 14 });
    return () => {
      map.remove();
    };
  }, [tileUrl, districtCode, points, highlightTown, here, onOpen, lang]);

  return (
    <div className="map-wrap">
      <section ref={box} className="map-box" aria-label={props.label} data-testid="map" />
      {props.legend}
      {tileUrl === '' && props.offlineNote && <p className="map-note">{props.offlineNote}</p>}
    </div>
  );
}
