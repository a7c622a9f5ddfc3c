import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DISTRICT_BBOX, townsOf } from '../../../domain/divisions.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { MapView, pickLabelOffset, viewBounds } from './MapView.tsx';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  vi.restoreAllMocks();
});

function serveConfig(tileUrl: string) {
  const fetchMock = vi.fn(async (_req: Request) => Response.json({ tileUrl }));
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

const points = [
  { id: 'a', lat: 31.11, lng: 121.05, label: '甲托育园', color: '#1a6fb5', href: '/institutions/a' },
  { id: 'b', lat: 31.2, lng: 121.25, label: '乙托育园', color: '#2f9e62' },
];

describe('viewBounds', () => {
  it('frames the points with a margin, else the district', () => {
    const [[s, w], [n, e]] = viewBounds(points, undefined)!;
    expect(s).toBeLessThan(31.11);
    expect(n).toBeGreaterThan(31.2);
    expect(w).toBeLessThan(121.05);
    expect(e).toBeGreaterThan(121.25);
    const box = DISTRICT_BBOX['310118']!;
    expect(viewBounds([], box)).toEqual([
      [box.minLat, box.minLng],
      [box.maxLat, box.maxLng],
    ]);
    expect(viewBounds([], undefined)).toBeNull();
  });
});

describe('MapView', () => {
  it('without a tile server draws the district, its towns and says so', async () => {
    const fetchMock = serveConfig('');
    renderWithProviders(
      <MapView districtCode="310118" points={points} label="机构地图" offlineNote="离线底图" />,
    );
    await waitFor(() => expect(screen.getByText('离线底图')).toBeTruthy());
    expect(String(fetchMock.mock.calls[0]?.[0].url)).toMatch(/\/api\/v1\/config$/);
    const map = screen.getByRole('region', { name: '机构地图' });
    const labels = [...map.querySelectorAll('.map-town-label')].map((e) => e.textContent);
    expect(labels).toHaveLength(townsOf('310118').length);
    expect(labels).toContain('朱家角镇');
    expect(map.querySelector('.leaflet-tile-pane img')).toBeNull();
  });

  it('with a tile server there is no offline note and no drawn towns', async () => {
    serveConfig('https://tiles.example.test/{z}/{x}/{y}.png');
    renderWithProviders(
      <MapView districtCode="310118" points={points} label="机构地图" offlineNote="离线底图" />,
    );
    const map = screen.getByRole('region', { name: '机构地图' });
    await waitFor(() => expect(map.querySelector('.leaflet-tile-pane')).not.toBeNull());
    expect(screen.queryByText('离线底图')).toBeNull();
    expect(map.querySelectorAll('.map-town-label')).toHaveLength(0);
  });

  it('draws approximate town areas, clusters near points and names the cluster', async () => {
    serveConfig('');
    // jsdom lays nothing out: give the map a size, or Leaflet sees no visible area to cluster in.
    for (const dim of ['clientWidth', 'clientHeight'] as const)
      vi.spyOn(HTMLElement.prototype, dim, 'get').mockReturnValue(400);
    const near = Array.from({ length: 5 }, (_, i) => ({
      id: `n${i}`,
      lat: 31.11,
      lng: 121.05,
      label: `托育园${i}`,
      color: '#1a6fb5',
    }));
    renderWithProviders(
      <MapView
        districtCode="310118"
        points={near}
        label="机构地图"
        offlineNote="离线底图"
        cluster
        clusterLabel={(n) => `${n} 家机构`}
      />,
    );
    await waitFor(() => expect(screen.getByText('离线底图')).toBeTruthy());
    const map = screen.getByRole('region', { name: '机构地图' });
    // The outline and one area per town are polygons in the overlay pane.
    expect(map.querySelectorAll('.leaflet-overlay-pane path').length).toBe(1 + townsOf('310118').length);
    await waitFor(() => expect(map.querySelector('.map-cluster [aria-label="5 家机构"]')).not.toBeNull());
    expect(map.querySelector('.map-cluster')?.textContent).toBe('5');
  });
});

describe('MapView town names and clusters', () => {
  it('draws the town names above the clusters (never under them), taking no clicks', async () => {
    serveConfig('');
    for (const dim of ['clientWidth', 'clientHeight'] as const)
      vi.spyOn(HTMLElement.prototype, dim, 'get').mockReturnValue(400);
    const town = townsOf('310118').find((t) => t.nameZh === '朱家角镇')!;
    const near = Array.from({ length: 6 }, (_, i) => ({
      id: `z${i}`,
      lat: town.lat,
      lng: town.lng,
      label: `托育园${i}`,
      color: '#1a6fb5',
    }));
    renderWithProviders(
      <MapView districtCode="310118" points={near} label="机构地图" offlineNote="离线底图" cluster />,
    );
    await waitFor(() => expect(screen.getByText('离线底图')).toBeTruthy());
    const map = screen.getByRole('region', { name: '机构地图' });
    await waitFor(() => expect(map.querySelector('.map-cluster')).not.toBeNull());
    const towns = map.querySelector<HTMLElement>('.leaflet-towns-pane')!;
    const pointsPane = map.querySelector<HTMLElement>('.leaflet-points-pane')!;
    expect(towns.contains(map.querySelector('.map-town-label'))).toBe(true);
    expect(pointsPane.contains(map.querySelector('.map-cluster'))).toBe(true);
    expect(Number(towns.style.zIndex)).toBeGreaterThan(Number(pointsPane.style.zIndex));
    // Above the clusters but under tooltips (650) and popups (700).
    expect(Number(towns.style.zIndex)).toBeLessThan(650);
    expect(towns.style.pointerEvents).toBe('none');
  });
});

describe('pickLabelOffset', () => {
  const name = { left: 100, top: 91, right: 150, bottom: 109 }; // centred on the point (125, 100)
  const cluster = { left: 102, top: 77, right: 148, bottom: 123 }; // a 46 px disc on the same point
  it('puts the name below its point, clear of a cluster drawn there', () => {
    expect(pickLabelOffset(name, [cluster])).toEqual([0, 34]);
  });
  it('tries above, then the sides, when below is taken', () => {
    const below = { left: 90, top: 115, right: 160, bottom: 140 };
    expect(pickLabelOffset(name, [cluster, below])).toEqual([0, -34]);
    const above = { left: 90, top: 60, right: 160, bottom: 86 };
    expect(pickLabelOffset(name, [cluster, below, above])).toEqual([50, 0]);
  });
  it('with no free place, takes the one covering least', () => {
    const everywhere = { left: 0, top: 0, right: 400, bottom: 400 };
    const below = { left: 100, top: 115, right: 150, bottom: 140 };
    expect(pickLabelOffset(name, [everywhere, below])).not.toEqual([0, 34]);
  });
});
