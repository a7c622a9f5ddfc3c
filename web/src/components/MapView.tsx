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
/** The name's box (120×18) is centred on the town's point; `placeTownLabels` moves it off the points. */
export const TOWN_LABEL_ANCHOR: [number, number] = [60, 9];

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** Clearance from the town's point to the name's edge: more than the largest cluster's radius (23 px). */
const CLEAR = 25;

/**
 * Where a name (its box centred on its point) goes: the first place, in order of preference (below,
 * above, right, left, then further and diagonal), where it covers no obstacle (a cluster, a point, a
 * name already placed); when every place does, the one covering least.
 */
export function pickLabelOffset(box: Box, obstacles: readonly Box[]): [number, number] {
  const y = (box.bottom - box.top) / 2 + CLEAR;
  const x = (box.right - box.left) / 2 + CLEAR;
  const offsets: [number, number][] = [
    [0, y],
    [0, -y],
    [x, 0],
    [-x, 0],
    [0, y + 22],
    [0, -y - 22],
    [x, y],
    [-x, y],
    [x, -y],
    [-x, -y],
  ];
  let best = offsets[0] as [number, number];
  let bestArea = Number.POSITIVE_INFINITY;
  for (const [dx, dy] of offsets) {
    const moved = { left: box.left + dx, right: box.right + dx, top: box.top + dy, bottom: box.bottom + dy };
    const area = obstacles.reduce((sum, o) => sum + overlap(moved, o), 0);
    if (area === 0) return [dx, dy];
    if (area < bestArea) {
      bestArea = area;
      best = [dx, dy];
    }
  }
  return best;
}

/** Move each town name (inner span) next to its point where no cluster, point or other name is drawn. */
function placeTownLabels(container: HTMLElement) {
  const names = [...container.querySelectorAll<HTMLElement>('.map-town-label > span')];
  for (const n of names) n.style.transform = '';
  const rect = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left - 2, top: r.top - 2, right: r.right + 2, bottom: r.bottom + 2 };
  };
  const obstacles = [
    ...container.querySelectorAll('.leaflet-points-pane .map-cluster, .leaflet-points-pane path'),
  ].map(rect);
  for (const n of names) {
    const box = rect(n);
    if (box.right - box.left <= 4) continue; // not laid out (hidden map)
    const [dx, dy] = pickLabelOffset(box, obstacles);
    n.style.transform = `translate(${dx}px, ${dy}px)`;
    obstacles.push({
      left: box.left + dx,
      right: box.right + dx,
      top: box.top + dy,
      bottom: box.bottom + dy,
    });
  }
}

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
    // Without tiles the town names are the map: keep each clear of the clusters and points, again
    // whenever the clusters change (zoom, pan, a cluster split open).
    let frame = 0;
    const relabel = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => box.current && placeTownLabels(box.current));
    };
    if (!tileUrl) {
      map.on('zoomend moveend resize', relabel);
      group.on('animationend spiderfied unspiderfied', relabel);
      relabel();
    }
    return () => {
      cancelAnimationFrame(frame);
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
