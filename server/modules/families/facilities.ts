/**
 * The register of facilities beyond institutions (issue 11): 儿童服务中心, 儿童之家, 游戏观察室 /
 * 亲子指导室, 儿童友好社区示范点, 儿童早期发展基地 — kept by the district and town officers (a town
 * officer within their town), read by the services in scope, counted by the plan:
 * - child_friendly_sites: child-friendly community sites opened in the plan year (≥ 3 a year);
 * - development_base: early development bases open in the plan year (≥ 1).
 * Every read goes through the guard by town; every write is one transaction with its audit entry.
 */
import { and, asc, count, eq, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateFacilityBody,
  Facility,
  FacilityKind,
  facilityListQuery,
  UpdateFacilityBody,
} from '../../../domain/contracts/families-facilities.ts';
import { checkFacility } from '../../../domain/families/facilities.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { containsAny } from '../../platform/like.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import type { TargetQuery, TargetSource } from '../../platform/targets.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { policyOn } from '../institutions/policy.ts';
import { communityTowns } from './records.ts';
import { townInScope } from './service.ts';
import { familyCommunities, familyFacilities } from './tables.ts';

type FacilityRow = typeof familyFacilities.$inferSelect;

export const facilityScope = { district: familyFacilities.districtCode, division: familyFacilities.townCode };

/** Open in `year`: opened by its end, not closed in an earlier year (domain/families/facilities.ts openIn). */
function openInYear(year: number): SQL {
  return and(
    lte(familyFacilities.openedYear, year),
    or(isNull(familyFacilities.closedYear), sql`${familyFacilities.closedYear} >= ${year}`),
  )!;
}

async function withCommunityNames(db: Db, districtCode: string, rows: FacilityRow[]): Promise<Facility[]> {
  const codes = [...new Set(rows.flatMap((r) => (r.communityCode ? [r.communityCode] : [])))];
  const names = new Map<string, string>();
  if (codes.length) {
    const found = await db
      .select({ code: familyCommunities.code, name: familyCommunities.name })
      .from(familyCommunities)
      .where(
        and(eq(familyCommunities.districtCode, districtCode), sql`${familyCommunities.code} in ${codes}`),
      );
    for (const c of found) names.set(c.code, c.name);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as FacilityKind,
    name: r.name,
    townCode: r.townCode,
    communityCode: r.communityCode,
    communityName: r.communityCode ? (names.get(r.communityCode) ?? null) : null,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    host: r.host,
    openedYear: r.openedYear,
    closedYear: r.closedYear,
    capacity: r.capacity,
    openingHours: r.openingHours,
    hourlyPriceFen: r.hourlyPriceFen,
    operator: r.operator,
    version: r.version,
  }));
}

/** The 宝宝屋 values in force (the Shanghai pack), as a context field when a pack sets them. */
export function baobaowuValues(districtCode: string, at: Date) {
  const v = policyOn(districtCode, at).baobaowu;
  return v ? { baobaowu: v } : {};
}

export function createFacilitiesService({ db }: { db: Db }) {
  async function check(tx: Db, ctx: RequestContext, actor: Actor, body: CreateFacilityBody) {
    const communities = await communityTowns(tx, actor.districtCode);
    throwIfErrors(
      checkFacility(body, {
        districtCode: actor.districtCode,
        thisYear: Number(localDate(ctx.now).slice(0, 4)),
        townInScope: (t) => townInScope(actor, t),
        communityTown: (c) => communities.get(c),
        ...baobaowuValues(actor.districtCode, ctx.now),
      }),
    );
  }

  async function rowInScope(tx: Db, actor: Actor, id: string, lock = false) {
    const q = tx
      .select()
      .from(familyFacilities)
      .where(and(scopeWhere(actor, facilityScope), eq(familyFacilities.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new DomainError('not_found');
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof facilityListQuery>) {
      const where = and(
        scopeWhere(actor, facilityScope),
        q.kind ? eq(familyFacilities.kind, q.kind) : undefined,
        q.town ? eq(familyFacilities.townCode, q.town) : undefined,
        q.year ? openInYear(q.year) : undefined,
        containsAny([familyFacilities.name, familyFacilities.address, familyFacilities.host], q.q),
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(familyFacilities)
            .where(where)
            .orderBy(
              asc(familyFacilities.townCode),
              asc(familyFacilities.kind),
              asc(familyFacilities.name),
              asc(familyFacilities.id),
            )
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familyFacilities, where),
      });
      return { ...page, items: await withCommunityNames(db, actor.districtCode, page.items) };
    },

    async get(actor: Actor, id: string): Promise<Facility> {
      const row = await rowInScope(db, actor, id);
      return (await withCommunityNames(db, actor.districtCode, [row]))[0]!;
    },

    async create(ctx: RequestContext, actor: Actor, body: CreateFacilityBody): Promise<Facility> {
      const row = await db.transaction(async (tx) => {
        await check(tx, ctx, actor, body);
        const [r] = await tx
          .insert(familyFacilities)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            kind: body.kind,
            name: body.name,
            townCode: body.townCode,
            communityCode: body.communityCode ?? null,
            address: body.address,
            lat: body.lat,
            lng: body.lng,
            host: body.host ?? null,
            openedYear: body.openedYear,
            closedYear: body.closedYear ?? null,
            capacity: body.capacity ?? null,
            openingHours: body.openingHours ?? null,
            hourlyPriceFen: body.hourlyPriceFen ?? null,
            operator: body.operator ?? null,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.facility_create',
          objectType: 'family_facility',
          objectId: r!.id,
          changes: { ...body },
        });
        return r!;
      });
      return (await withCommunityNames(db, actor.districtCode, [row]))[0]!;
    },

    /** A change of any field (the whole facility is checked again); 409 when the version is stale. */
    async update(ctx: RequestContext, actor: Actor, id: string, body: UpdateFacilityBody): Promise<Facility> {
      const row = await db.transaction(async (tx) => {
        const current = await rowInScope(tx, actor, id, true);
        const { version, ...change } = body;
        const next: CreateFacilityBody = {
          kind: current.kind as FacilityKind,
          name: current.name,
          townCode: current.townCode,
          communityCode: current.communityCode,
          address: current.address,
          lat: current.lat,
          lng: current.lng,
          host: current.host,
          openedYear: current.openedYear,
          closedYear: current.closedYear,
          capacity: current.capacity,
          openingHours: current.openingHours,
          hourlyPriceFen: current.hourlyPriceFen,
          operator: current.operator,
          ...change,
        };
        await check(tx, ctx, actor, next);
        const updated = await updateVersioned(
          tx,
          familyFacilities,
          current,
          version,
          {
            ...next,
            communityCode: next.communityCode ?? null,
            host: next.host ?? null,
            closedYear: next.closedYear ?? null,
            capacity: next.capacity ?? null,
            openingHours: next.openingHours ?? null,
            hourlyPriceFen: next.hourlyPriceFen ?? null,
            operator: next.operator ?? null,
          },
          ctx.now,
        );
        const changes: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(change))
          if (v !== (current as Record<string, unknown>)[k])
            changes[k] = { from: (current as Record<string, unknown>)[k], to: v };
        await recordAudit(tx, ctx, {
          action: 'families.facility_update',
          objectType: 'family_facility',
          objectId: id,
          changes,
        });
        return updated;
      });
      return (await withCommunityNames(db, actor.districtCode, [row]))[0]!;
    },
  };
}

/** A plan target counting facilities of one kind, by town, with the facilities as its drill-down. */
function facilityCount(
  key: TargetSource['key'],
  kind: FacilityKind,
  inYear: (year: number) => SQL,
  note: (r: FacilityRow) => string,
): TargetSource {
  const where = (q: TargetQuery) =>
    and(
      scopeWhere(q.actor, facilityScope),
      eq(familyFacilities.kind, kind),
      inYear(q.year),
      q.townCode ? eq(familyFacilities.townCode, q.townCode) : undefined,
    );
  return {
    key,
    module: 'families',
    async measure(db, q) {
      const rows = await db
        .select({ town: familyFacilities.townCode, n: count() })
        .from(familyFacilities)
        .where(where(q))
        .groupBy(familyFacilities.townCode);
      const byTown = Object.fromEntries(rows.map((r) => [r.town, Number(r.n)]));
      return { value: rows.reduce((s, r) => s + Number(r.n), 0), unit: 'count', byTown };
    },
    async drillDown(db, q, page) {
      const w = where(q);
      const [rows, total] = await Promise.all([
        db
          .select()
          .from(familyFacilities)
          .where(w)
          .orderBy(asc(familyFacilities.townCode), asc(familyFacilities.name), asc(familyFacilities.id))
          .offset(page.offset)
          .limit(page.limit),
        countWhere(db, familyFacilities, w),
      ]);
      return {
        rows: rows.map((r) => ({
          id: r.id,
          kind: 'site' as const,
          label: r.name,
          townCode: r.townCode,
          counts: true,
          note: note(r),
        })),
        total,
      };
    },
  };
}

export const facilityTargets: TargetSource[] = [
  facilityCount(
    'child_friendly_sites',
    'child_friendly_site',
    (year) => eq(familyFacilities.openedYear, year),
    (r) => `${r.openedYear}`,
  ),
  facilityCount('development_base', 'early_development_base', openInYear, (r) =>
    r.closedYear ? `${r.openedYear}–${r.closedYear}` : `${r.openedYear}–`,
  ),
];
