/**
 * A Leaflet map of points in a district (lazy-load the module that uses it: Leaflet is its own chunk).
 * The tile URL comes from GET /api/v1/config; when it is empty (offline deployments) there is no tile
 * layer: the district's approximate outline and town areas (generated from the project's own division
 * data, domain/rules/town-areas.ts; approximate, not legal boundaries) and the town names are drawn
 * instead, so the points still make sense. `cluster` groups nearby points (leaflet.markercluster 1.5.3,
 * MIT; its icons are DOM built here, no inline script or style attribute, so the strict CSP holds).
 * No antd here: the portal uses it too.
 */
import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster'; // extends the L that leaflet 1.9 puts on window
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { type ReactNode, useEffect, useRef } from 'react';
import { type BBox, DISTRICT_BBOX, townsOf } from '../../../domain/divisions.ts';
import { approximateTownAreas } from '../../../domain/rules/town-areas.ts';
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
  /** More popup lines under the label (type, seats, distance…). */
  details?: readonly string[];
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
  /** Group nearby points into numbered clusters (click or zoom to split them). */
  cluster?: boolean;
  /** Accessible name of a cluster of n points, e.g. n => `${n} 家机构`. */
  clusterLabel?: (n: number) => string;
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

/** The town names' pane: above the points pane (500), under tooltips (650) and popups (700). */
export const TOWN_LABEL_Z = '600';
export const POINTS_Z = '500';
/** The name's box (120×18) hangs 26 px under the town's point: below a cluster of up to 46 px. */
export const TOWN_LABEL_ANCHOR: [number, number] = [60, -26];

function drawOfflineBackground(
  map: L.Map,
  districtCode: string,
  lang: 'zh-CN' | 'en',
  highlightTown?: string,
) {
  const { outline, towns: areas } = approximateTownAreas(districtCode);
  if (outline.length === 0) return;
  // Town names ABOVE the points and clusters ('points', 500) so a cluster never hides one, below
  // tooltips (650) and popups (700); they take no clicks, so the cluster under a name still opens.
  const pane = map.createPane('towns');
  pane.style.zIndex = TOWN_LABEL_Z;
  pane.style.pointerEvents = 'none';
  L.polygon(outline, {
    color: '#7f97b0',
    weight: 2,
    fillColor: '#eef3f8',
    fillOpacity: 1,
    interactive: false,
  }).addTo(map);
  for (const a of areas) {
    const on = a.code === highlightTown;
    L.polygon(a.polygon, {
      color: on ? '#1a6fb5' : '#a9bccf',
      weight: on ? 2 : 1,
      dashArray: on ? undefined : '4 4',
      fillColor: on ? '#cfe3f5' : '#f7f9fb',
      fillOpacity: on ? 0.8 : 0.5,
      interactive: false,
    }).addTo(map);
  }
  for (const town of townsOf(districtCode)) {
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
        // Drawn below the town's centre, clear of the largest cluster disc (46 px) centred there.
        iconAnchor: TOWN_LABEL_ANCHOR,
      }),
    }).addTo(map);
  }
}

/** The popup: the label (a link when the point has one) and its detail lines. */
function popupOf(p: MapPoint, onOpen?: (point: MapPoint) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'map-popup';
  const title = document.createElement(p.href ? 'a' : 'strong');
  title.textContent = p.label;
  if (p.href && title instanceof HTMLAnchorElement) {
    title.href = p.href;
    title.addEventListener('click', (e) => {
      if (!onOpen) return;
      e.preventDefault();
      onOpen(p);
    });
  }
  box.append(title);
  for (const d of p.details ?? []) {
    const line = document.createElement('span');
    line.textContent = d;
    box.append(line);
  }
  return box;
}

function clusterIcon(n: number, label?: (n: number) => string): L.DivIcon {
  const el = document.createElement('span');
  el.textContent = String(n);
  if (label) el.setAttribute('aria-label', label(n));
  const size = n < 10 ? 34 : n < 50 ? 40 : 46;
  return L.divIcon({
    className: `map-cluster ${n < 10 ? 'map-cluster-s' : n < 50 ? 'map-cluster-m' : 'map-cluster-l'}`,
    html: el,
    iconSize: [size, size],
  });
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
  const { districtCode, points, highlightTown, here, onOpen, cluster, clusterLabel } = props;

  useEffect(() => {
    if (!box.current || tileUrl === undefined) return;
    // maxZoom on the map itself: clustering needs one even when there is no tile layer to give it.
    const map = L.map(box.current, { zoomSnap: 0.25, maxZoom: 18, attributionControl: !!tileUrl });
    map.createPane('points').style.zIndex = POINTS_Z;
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
    else drawOfflineBackground(map, districtCode, lang, highlightTown);

    const group: L.LayerGroup = cluster
      ? L.markerClusterGroup({
          clusterPane: 'points',
          showCoverageOnHover: false,
          maxClusterRadius: 50,
          iconCreateFunction: (c) => clusterIcon(c.getChildCount(), clusterLabel),
        })
      : L.layerGroup();
    group.addTo(map);
    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lng], {
        pane: 'points',
        radius: 8,
        color: '#ffffff',
        weight: 2,
        fillColor: p.color,
        fillOpacity: 0.95,
      }).addTo(group);
      if (p.href || p.details) marker.bindPopup(popupOf(p, onOpen));
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
  }, [tileUrl, districtCode, points, highlightTown, here, onOpen, lang, cluster, clusterLabel]);

  return (
    <div className="map-wrap">
      <section ref={box} className="map-box" aria-label={props.label} data-testid="map" />
      {props.legend}
      {tileUrl === '' && props.offlineNote && <p className="map-note">{props.offlineNote}</p>}
    </div>
  );
}
