/**
 * Public search at scale (issue 15): the nearest-first search over the GiST point index returns exactly
 * the page a full sort would, whatever the point, page and filters; the keyset cursor `after` continues
 * a page where it ended; other districts' rows never appear. Data: the demo registry plus seeded copies
 * squeezed into a small area (many near-ties) and copies in another district at the same place.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { Rng } from '../../demo/rng.ts';
import { seedDemo } from '../../demo/seed.ts';
import { institutionClasses, institutions } from './tables.ts';

let t: TestApp;
const OTHER = '310117';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedDemo(db, {
    district: DISTRICT,
    password: 'Demo-Scale-2026!',
    dataDir: '.tmp/demo-test',
    now: t.clock.now(),
  });
  const template = await db.select().from(institutions).where(eq(institutions.districtCode, DISTRICT));
  const classes = await db.select().from(institutionClasses);
  const rng = new Rng(15);
  for (const [copy, district] of [
    [1, DISTRICT],
    [2, DISTRICT],
    [3, OTHER],
  ] as const) {
    const rows = template.map((r, k) => ({
      ...r,
      districtCode: district,
      id: rng.uuid(Date.parse('2026-01-01') + copy * 1000 + k),
      creditCode: `91${district}${String(copy * 1000 + k).padStart(10, '0')}`,
      name: `${r.name}${copy}`,
      namePinyin: `${r.namePinyin}${copy}`,
      // A tight cluster round 31.15, 121.12: many rows at nearly the same distance.
      lat: 31.15 + (rng.next() - 0.5) * 0.02,
      lng: 121.12 + (rng.next() - 0.5) * 0.02,
      directorIdNumber: null,
      directorIdNumberBidx: null,
      directorMobile: null,
    }));
    await db.insert(institutions).values(rows);
    const ids = new Map(template.map((r, k) => [r.id, rows[k]!.id]));
    await db.insert(institutionClasses).values(
      classes.map((c, k) => ({
        ...c,
        districtCode: district,
        id: rng.uuid(Date.parse('2026-01-02') + copy * 10_000 + k),
        institutionId: ids.get(c.institutionId)!,
      })),
    );
  }
});
afterAll(() => t.close());

interface Item {
  id: string;
  name: string;
  lat: number;
  lng: number;
  distanceKm: number | null;
}
interface Page {
  items: Item[];
  total: number;
}

async function search(qs: string): Promise<Page> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/institutions?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

/** Every listed institution of the district, in the reference order (full sort in JS). */
async function reference(lat: number, lng: number, filter: (r: typeof institutions.$inferSelect) => boolean) {
  const all = (await t.database.db.select().from(institutions).where(eq(institutions.districtCode, DISTRICT)))
    .filter((r) => ['filed', 'operating'].includes(r.status) && r.seats > 0 && filter(r))
    .map((r) => {
      const cos0 = Math.cos((lat * Math.PI) / 180);
      const d = Math.sqrt(((r.lat - lat) * 111.195) ** 2 + ((r.lng - lng) * 111.195 * cos0) ** 2);
      return { ...r, d };
    });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return all.sort(
    (a, b) => a.d - b.d || cmp(a.namePinyin, b.namePinyin) || cmp(a.name, b.name) || cmp(a.id, b.id),
  );
}

describe('public search at scale', () => {
  it('by distance: every page equals a full sort, from inside, beside and far outside the cluster', async () => {
    for (const [lat, lng] of [
      [31.15, 121.12],
      [31.16, 121.13],
      [31.05, 121.0],
      [30.0, 120.0],
    ] as const) {
      const ref = await reference(lat, lng, () => true);
      expect(ref.length).toBeGreaterThan(200);
      for (const page of [1, 2, 7]) {
        const got = await search(`lat=${lat}&lng=${lng}&pageSize=20&page=${page}`);
        expect(got.total).toBe(ref.length);
        expect(got.items.map((i) => i.id)).toEqual(ref.slice((page - 1) * 20, page * 20).map((r) => r.id));
      }
    }
  });

  it('by distance with a filter, and by name: equal to a full sort; no other district', async () => {
    const ref = await reference(31.15, 121.12, (r) => r.serviceForms.includes('full_day') && r.inclusive);
    const got = await search(
      'lat=31.15&lng=121.12&serviceForm=full_day&inclusiveOnly=true&pageSize=50&page=2',
    );
    expect(got.total).toBe(ref.length);
    expect(got.items.map((i) => i.id)).toEqual(ref.slice(50, 100).map((r) => r.id));
    const others = new Set(
      (await t.database.db.select().from(institutions).where(eq(institutions.districtCode, OTHER))).map(
        (r) => r.id,
      ),
    );
    const all = await search('lat=31.15&lng=121.12&pageSize=100');
    expect(all.items.some((i) => others.has(i.id))).toBe(false);
  });

  it("every row's class_ages are the months its classes take (as migration 0054 computes them)", async () => {
    const res = await t.database.db.execute(sql`select count(*)::int as n from institutions i
      where i.class_ages is distinct from coalesce((select array_agg(distinct m order by m)::smallint[]
        from institution_classes c, generate_series(greatest(c.min_age_months, 0), least(c.max_age_months, 73) - 1) m
        where c.district_code = i.district_code and c.institution_id = i.id), '{}'::smallint[])`);
    expect((res as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const withClasses = await t.database.db.execute(
      sql`select count(*)::int as n from institutions where cardinality(class_ages) > 0`,
    );
    expect((withClasses as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(100);
  });

  it('keyset: after=<last id> continues exactly where the page ended, by distance and by name', async () => {
    for (const qs of [
      'lat=31.15&lng=121.12&pageSize=25',
      'sort=name&pageSize=25',
      'ageMonths=20&pageSize=25',
    ]) {
      const p1 = await search(`${qs}&page=1`);
      const p2 = await search(`${qs}&page=2`);
      const k2 = await search(`${qs}&after=${p1.items[p1.items.length - 1]!.id}`);
      expect(k2.items.map((i) => i.id)).toEqual(p2.items.map((i) => i.id));
      expect(k2.items).toHaveLength(25);
      expect(k2.total).toBe(p1.total);
    }
    // An id that is not listed (or another district's) gives an empty page, never rows of elsewhere.
    const none = await search(`lat=31.15&lng=121.12&after=00000000-0000-7000-8000-000000000000`);
    expect(none.items).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/public/institutions?after=zzz' });
    expect(bad.statusCode).toBe(400);
  });
});
