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
  total: number;
}

/** The search statement (also used verbatim by the benchmark's bare route). */
export function publicSearchSql(districtCode: string, q: PublicSearchQuery): SQL {
  const { limit, offset } = pageWindow(q);
  const conds: SQL[] = [
    sql`i.district_code = ${districtCode}`,
    sql`i.status in ${PUBLIC_STATUSES}`,
    HAS_SEATS,
  ];
  if (q.q) {
    const p = containsPattern(q.q);
    conds.push(sql`(i.name ilike ${p} or i.address ilike ${p})`);
  }
  if (q.town) conds.push(sql`i.town_code = ${q.town}`);
  if (q.kind) conds.push(sql`i.kind = ${q.kind}`);
  if (q.serviceForm) conds.push(sql`${q.serviceForm}::text = any(i.service_forms)`);
  if (q.inclusiveOnly === 'true') conds.push(sql`i.inclusive`);
  if (q.ageMonths !== undefined)
    conds.push(
      sql`exists (select 1 from institution_classes c where c.district_code = i.district_code and c.institution_id = i.id and c.min_age_months <= ${q.ageMonths}::int and c.max_age_months > ${q.ageMonths}::int)`,
    );
  const point = q.lat !== undefined && q.lng !== undefined;
  const distance = point
    ? sql`sqrt(power((i.lat - ${q.lat}::float8) * ${KM_PER_DEGREE}::float8, 2) + power((i.lng - ${q.lng}::float8) * ${KM_PER_DEGREE * Math.cos((q.lat! * Math.PI) / 180)}::float8, 2))`
    : sql`null::float8`;
  const byDistance = point && (q.sort ?? 'distance') === 'distance';
  // By name = by the pinyin key (白鹤 before 朱家角; domain/rules/pinyin.ts), then the name, then the id.
  const byName = sql`i.name_pinyin, i.name, i.id`;
  const order = byDistance ? sql`distance_km, ${byName}` : byName;
  return sql`select ${PUBLIC_COLUMNS}, ${distance} as distance_km, (count(*) over ())::int as total
    from institutions i where ${sql.join(conds, sql` and `)}
    order by ${order} limit ${limit}::int offset ${offset}::int`;
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

export function createPublicService({ db }: { db: Db }) {
  return {
    async search(districtCode: string, q: PublicSearchQuery) {
      const rows = rowsOf<PublicRow>(await db.execute(publicSearchSql(districtCode, q)));
      let total = rows[0]?.total ?? 0;
      if (rows.length === 0 && q.page > 1) {
        const all = rowsOf<PublicRow>(
          await db.execute(publicSearchSql(districtCode, { ...q, page: 1, pageSize: 1 })),
        );
        total = all[0]?.total ?? 0;
      }
      return { items: rows.map(toPublicSummary), total, page: q.page, pageSize: q.pageSize };
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
          null::float8 as distance_km, 1 as total from institutions i
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
