/**
 * The public portal's search: filed and operating institutions of the deployment's district, nothing
 * personal (no director, no enrolment). One SQL statement per page: the total comes from a window
 * count. Distance is a planar (equirectangular) approximation computed in SQL: Δlat·111.195 km and
 * Δlng·111.195·cos(lat₀) km, then √(x²+y²); within a district (< 50 km) it differs from haversine by
 * well under 1 %, and it needs no PostGIS or trigonometry per row. The bench (bench/public-search.ts)
 * runs this exact statement on a bare pg route for comparison. The keyword matches the name or the
 * address (ILIKE, wildcards escaped); 按名称 orders by the stored pinyin key (name_pinyin).
 */
import { type SQL, sql } from 'drizzle-orm';
import type {
  InstitutionKind,
  PublicSearchQuery,
  ServiceForm,
} from '../../../domain/contracts/institution.ts';
import type { ClassType } from '../../../domain/policy/types.ts';
import type { Db } from '../../db/client.ts';
import { createAnswerCache } from '../../platform/answer-cache.ts';
import { DomainError } from '../../platform/errors.ts';
import { containsPattern } from '../../platform/like.ts';
import { pageWindow } from '../../platform/paging.ts';

const PUBLIC_STATUSES = sql`('filed', 'operating')`;
/** Only places that take children under 3: a kindergarten without toddler classes has no seats. */
const HAS_SEATS = sql`i.seats > 0`;
const KM_PER_DEGREE = 111.195;
/** The only columns the portal reads: never the director or enrolment. */
const PUBLIC_COLUMNS = sql.raw(
  'i.id, i.name, i.kind, i.ownership, i.inclusive, i.town_code, i.address, i.public_phone, i.service_forms, ' +
    'i.fee_full_day_fen, i.fee_half_day_fen, i.fee_hourly_fen, i.lat, i.lng, i.seats, i.status',
);

export interface PublicRow {
  id: string;
  name: string;
  kind: string;
  ownership: string;
  inclusive: boolean;
  town_code: string;
  address: string;
  public_phone: string;
  service_forms: string[];
  fee_full_day_fen: number | null;
  fee_half_day_fen: number | null;
  fee_hourly_fen: number | null;
  lat: number;
  lng: number;
  seats: number;
  status: 'filed' | 'operating';
  distance_km: number | null;
}

/** Runs one statement and returns its rows (drizzle in the app; a bare pg pool in the benchmark). */
export type RowsOf = <T>(query: SQL) => Promise<T[]>;

/**
 * The filters of a search: all the count statement reads, and so the key of its total: two searches
 * with the same filters have the same total.
 * The page statement adds the point, the order and the window.
 */
interface SearchFilters {
  q: string | null;
  town: string | null;
  kind: string | null;
  serviceForm: string | null;
  inclusive: boolean;
  ageMonths: number | null;
}

function filtersOf(q: PublicSearchQuery): SearchFilters {
  return {
    q: q.q ? q.q : null,
    town: q.town ?? null,
    kind: q.kind ?? null,
    serviceForm: q.serviceForm ?? null,
    inclusive: q.inclusiveOnly === 'true',
    ageMonths: q.ageMonths ?? null,
  };
}

/** The filters as conditions, shared by the page and the count statements (they match the partial indexes). */
function searchConds(districtCode: string, f: SearchFilters): SQL[] {
  const conds: SQL[] = [
    sql`i.district_code = ${districtCode}`,
    sql`i.status in ${PUBLIC_STATUSES}`,
    HAS_SEATS,
  ];
  if (f.q !== null) {
    const p = containsPattern(f.q);
    conds.push(sql`(i.name ilike ${p} or i.address ilike ${p})`);
  }
  if (f.town !== null) conds.push(sql`i.town_code = ${f.town}`);
  if (f.kind !== null) conds.push(sql`i.kind = ${f.kind}`);
  if (f.serviceForm !== null) conds.push(sql`${f.serviceForm}::text = any(i.service_forms)`);
  if (f.inclusive) conds.push(sql`i.inclusive`);
  // The months the classes take are kept on the row (domain/institutions/class-ages.ts): a filter on the
  // row and on the count's index, not a semi-join over the district's classes.
  if (f.ageMonths !== null) conds.push(sql`i.class_ages @> array[${f.ageMonths}::smallint]`);
  return conds;
}

/** Planar distance in km from the query point, for the rows of alias `a` (null without a point). */
function distanceOf(a: 'i' | 'a', q: PublicSearchQuery): SQL {
  if (q.lat === undefined || q.lng === undefined) return sql`null::float8`;
  const col = (c: string) => sql.raw(`${a}.${c}`);
  const cos0 = Math.cos((q.lat * Math.PI) / 180);
  return sql`sqrt(power((${col('lat')} - ${q.lat}::float8) * ${KM_PER_DEGREE}::float8, 2) + power((${col('lng')} - ${q.lng}::float8) * ${KM_PER_DEGREE * cos0}::float8, 2))`;
}

const byDistanceOf = (q: PublicSearchQuery) =>
  q.lat !== undefined && q.lng !== undefined && (q.sort ?? 'distance') === 'distance';

/**
 * Keyset: `after` is the id of the last item of the previous page; the page continues after it in the
 * same order (no offset to skip). An id that is not a listed institution gives an empty page.
 */
function afterCond(districtCode: string, q: PublicSearchQuery): SQL | undefined {
  if (!q.after) return undefined;
  const key = byDistanceOf(q)
    ? sql`(${distanceOf('i', q)}, i.name_pinyin, i.name, i.id) > (select ${distanceOf('a', q)}, a.name_pinyin, a.name, a.id`
    : sql`(i.name_pinyin, i.name, i.id) > (select a.name_pinyin, a.name, a.id`;
  return sql`${key} from institutions a where a.district_code = ${districtCode} and a.id = ${q.after}::uuid and a.status in ${PUBLIC_STATUSES} and a.seats > 0)`;
}

/**
 * How a search gets its total: `count()` runs the count statement; `key` names what the total depends on
 * (the filters, not the point or the page), so a caller may keep totals per key (ADR 0034).
 */
export type TotalOf = (key: string, count: () => Promise<number>) => Promise<number>;

/** The count statement: the same filters, no order, no columns (an index-only scan where it can be). */
export function publicCountSql(districtCode: string, q: PublicSearchQuery): SQL {
  return sql`select count(*)::int as n from institutions i where ${sql.join(searchConds(districtCode, filtersOf(q)), sql` and `)}`;
}

/**
 * The page statement. By name: the (district_code, name_pinyin, id) index in order. By distance: a
 * nearest-first scan of the GiST index on point(lng, lat) (KNN, built into PostgreSQL and PGlite, no
 * extension) that yields `candidates` rows by plain degree distance, re-ranked by the planar km
 * distance; publicSearch() widens `candidates` until the re-ranking is provably exact. Also used
 * verbatim by the benchmark's bare route.
 */
export function publicSearchSql(districtCode: string, q: PublicSearchQuery, candidates?: number): SQL {
  const { limit, offset } = pageWindow(q);
  const skip = q.after ? 0 : offset;
  const conds = searchConds(districtCode, filtersOf(q));
  const after = afterCond(districtCode, q);
  if (after) conds.push(after);
  const where = sql.join(conds, sql` and `);
  // By name = by the pinyin key (白鹤 before 朱家角; domain/rules/pinyin.ts), then the name, then the id.
  if (!byDistanceOf(q))
    return sql`select ${PUBLIC_COLUMNS}, i.name_pinyin, ${distanceOf('i', q)} as distance_km, null::float8 as u_max
      from institutions i where ${where}
      order by i.name_pinyin, i.name, i.id limit ${limit}::int offset ${skip}::int`;
  const knn = sql`point(i.lng, i.lat) <-> point(${q.lng}::float8, ${q.lat}::float8)`;
  const inner = sql`select ${PUBLIC_COLUMNS}, i.name_pinyin, ${distanceOf('i', q)} as distance_km, ${knn} as degrees
      from institutions i where ${where} order by ${knn}${candidates === undefined ? sql`` : sql` limit ${candidates}::int`}`;
  return sql`select *, max(k.degrees) over () as u_max from (${inner}) k order by k.distance_km, k.name_pinyin, k.name, k.id limit ${limit}::int offset ${skip}::int`;
}

type PageRow = PublicRow & { name_pinyin: string; u_max: number | null };

/**
 * One page and its total: a count statement, then a page statement. By distance the page is taken from
 * the nearest `m` candidates by degree distance u = √(Δlng² + Δlat²); the planar distance is
 * d = 111.195·√((cos φ₀·Δlng)² + Δlat²) ≥ 111.195·cos φ₀·u, so every row outside the candidates is at
 * least 111.195·cos φ₀·U away (U = the largest u among them). If the page's last row is nearer than
 * that, nothing outside could rank before it and the page is exact; otherwise `m` grows fourfold, and
 * once `m` reaches the total every matching row is a candidate.
 */
export async function publicSearch(
  rowsOf: RowsOf,
  districtCode: string,
  q: PublicSearchQuery,
  totalOf: TotalOf = (_key, count) => count(),
) {
  const { limit, offset } = pageWindow(q);
  const total = await totalOf(JSON.stringify(filtersOf(q)), async () => {
    const [count] = await rowsOf<{ n: number }>(publicCountSql(districtCode, q));
    return count?.n ?? 0;
  });
  const page = async (): Promise<PageRow[]> => {
    if (!q.after && offset >= total) return [];
    if (!byDistanceOf(q)) return rowsOf<PageRow>(publicSearchSql(districtCode, q));
    const cos0 = Math.cos((q.lat! * Math.PI) / 180);
    for (let m = ((q.after ? 0 : offset) + limit) * 2 + 20; ; m *= 4) {
      if (m >= total) return rowsOf<PageRow>(publicSearchSql(districtCode, q));
      const rows = await rowsOf<PageRow>(publicSearchSql(districtCode, q, m));
      const last = rows[rows.length - 1];
      if (rows.length === limit && last && last.distance_km! / KM_PER_DEGREE < cos0 * Number(last.u_max))
        return rows;
    }
  };
  const rows = await page();
  return { items: rows.map(toPublicSummary), total, page: q.page, pageSize: q.pageSize };
}

const rowsOf = <T>(res: unknown): T[] => (res as { rows: T[] }).rows;

export function toPublicSummary(r: PublicRow) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as InstitutionKind,
    ownership: r.ownership as 'public' | 'private',
    inclusive: r.inclusive,
    townCode: r.town_code,
    address: r.address,
    publicPhone: r.public_phone,
    serviceForms: r.service_forms as ServiceForm[],
    fees: {
      fullDayMonthlyFen: r.fee_full_day_fen,
      halfDayMonthlyFen: r.fee_half_day_fen,
      hourlyFen: r.fee_hourly_fen,
    },
    lat: r.lat,
    lng: r.lng,
    seats: r.seats,
    status: r.status,
    distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 100) / 100,
  };
}

/**
 * The portal's pages of other modules (fee list, quality result) are for an institution the portal lists:
 * filed or operating, with seats. Anything else — unknown, a draft, closed, another district's — is a 404,
 * as the institution's own page.
 */
export async function listedOnPortal(
  db: Pick<Db, 'execute'>,
  districtCode: string,
  id: string,
): Promise<{ inclusive: boolean }> {
  const [row] = rowsOf<{ inclusive: boolean }>(
    await db.execute(sql`select i.inclusive from institutions i where i.district_code = ${districtCode}
      and i.id = ${id}::uuid and i.status in ${PUBLIC_STATUSES} and ${HAS_SEATS}`),
  );
  if (!row) throw new DomainError('not_found');
  return row;
}

export function createPublicService({ db }: { db: Db }) {
  // A search's total is kept per filter set until the district writes (ADR 0034): exact, and the count
  // over a city-sized district's institutions is not run again for every page and every parent.
  const totals = createAnswerCache<number>({ maxEntries: 2_000 });
  return {
    search(districtCode: string, q: PublicSearchQuery) {
      return publicSearch(
        async (query) => rowsOf(await db.execute(query)),
        districtCode,
        q,
        (key, count) => totals.get(db, districtCode, key, count),
      );
    },

    async get(districtCode: string, id: string) {
      const [row] = rowsOf<
        PublicRow & {
          credit_code: string;
          opening_hours: string;
          meals_provided: boolean;
          filed_at: Date | string | null;
        }
      >(
        await db.execute(sql`select ${PUBLIC_COLUMNS}, i.credit_code, i.opening_hours, i.meals_provided, i.filed_at,
          null::float8 as distance_km from institutions i
          where i.district_code = ${districtCode} and i.id = ${id}::uuid and i.status in ${PUBLIC_STATUSES} and ${HAS_SEATS}`),
      );
      if (!row) throw new DomainError('not_found');
      const classes = rowsOf<{
        type: string;
        min_age_months: number;
        max_age_months: number;
        capacity: number;
      }>(
        await db.execute(sql`select type, min_age_months, max_age_months, capacity from institution_classes
          where district_code = ${districtCode} and institution_id = ${id}::uuid order by min_age_months, position`),
      );
      const { distanceKm: _d, ...summary } = toPublicSummary(row);
      return {
        ...summary,
        creditCode: row.credit_code,
        openingHours: row.opening_hours,
        mealsProvided: row.meals_provided,
        filedAt: row.filed_at ? new Date(row.filed_at).toISOString() : null,
        classes: classes.map((c) => ({
          type: c.type as ClassType,
          minAgeMonths: c.min_age_months,
          maxAgeMonths: c.max_age_months,
          capacity: c.capacity,
        })),
      };
    },
  };
}

export type PublicService = ReturnType<typeof createPublicService>;
