/**
 * Community 宝宝屋 (issue 17): a site is a facility of kind 'baobaowu' (facilities.ts: capacity, opening
 * hours, hourly price under the pack cap, operator). Here:
 * - slots of a site, published by the district or town officer who keeps the register (whole hours), and
 *   booked by parents through the hourly booking (hourly.ts: the same capacity, waitlist and deadline);
 * - the hours of a booking per the rule (domain/baobaowu/rules.ts): free hours while the child has some
 *   left in the booking's calendar year, the rest charged at the site's price; a cancellation gives the
 *   free hours back (only bookings not cancelled count). The child's row is locked while quoting, so two
 *   bookings of one child cannot both take the same free hours;
 * - coverage by town (the plan target `baobaowu_coverage`): sites open per town, towns with a site, children
 *   served and free hours used in the year. No target number is set (the seed gives none).
 */
import { and, asc, count, countDistinct, eq, ne, type SQL, sql, sum } from 'drizzle-orm';
import type { z } from 'zod';
import { quoteBooking, yearOf } from '../../../domain/baobaowu/rules.ts';
import type { Booking, createSiteSlotBody, Slot } from '../../../domain/contracts/families.ts';
import { townsOf } from '../../../domain/divisions.ts';
import { ageInMonths } from '../../../domain/rules/age.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { divisionInScope, scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { maskPersonal } from '../../platform/personal-data.ts';
import type { TargetQuery, TargetSource } from '../../platform/targets.ts';
import { policyOn } from '../institutions/policy.ts';
import './errors.ts';
import { facilityScope } from './facilities.ts';
import { slotDeadline, toSlot } from './hourly.ts';
import type { BookingRow, SlotRow } from './repository.ts';
import { familyBookings, familyChildren, familyFacilities, familySlots } from './tables.ts';

/** A booking's slot (district and id). */
const slotOfBooking = and(
  eq(familySlots.districtCode, familyBookings.districtCode),
  eq(familySlots.id, familyBookings.slotId),
);

/** Whole hours of a slot (a site's slots start and end on the hour). */
export const slotHours = (s: { startTime: string; endTime: string }) =>
  Number(s.endTime.slice(0, 2)) - Number(s.startTime.slice(0, 2));

function packValues(districtCode: string, at: Date) {
  const v = policyOn(districtCode, at).baobaowu;
  if (!v) throw new DomainError('families.baobaowu_no_pack');
  return v;
}

/** The child's 宝宝屋 bookings of a year that hold free hours (not cancelled), but for `except`. */
async function freeHoursUsedIn(
  tx: Db,
  districtCode: string,
  childId: string,
  year: number,
  except?: string,
): Promise<number> {
  const [r] = await tx
    .select({ n: sum(familyBookings.freeHours) })
    .from(familyBookings)
    .innerJoin(familySlots, slotOfBooking)
    .where(
      and(
        eq(familyBookings.districtCode, districtCode),
        eq(familyBookings.childId, childId),
        sql`${familyBookings.facilityId} is not null`,
        ne(familyBookings.status, 'cancelled'),
        except ? ne(familyBookings.id, except) : undefined,
        sql`${familySlots.date} >= ${`${year}-01-01`} and ${familySlots.date} <= ${`${year}-12-31`}`,
      ),
    );
  return Number(r?.n ?? 0);
}

/**
 * The hours of a booking of a site's slot, per the rule (the child's row locked first): a new booking, or
 * (`bookingId`) a waitlisted one promoted after a cancellation, quoted again without its own old hours —
 * the child's free hours may have changed since it joined the waitlist.
 */
export async function quoteSiteBooking(
  tx: Db,
  ctx: RequestContext,
  slot: SlotRow,
  childId: string,
  bookingId?: string,
) {
  const v = packValues(slot.districtCode, ctx.now);
  await tx
    .select({ id: familyChildren.id })
    .from(familyChildren)
    .where(and(eq(familyChildren.districtCode, slot.districtCode), eq(familyChildren.id, childId)))
    .for('update');
  const [site] = await tx
    .select({ price: familyFacilities.hourlyPriceFen })
    .from(familyFacilities)
    .where(
      and(eq(familyFacilities.districtCode, slot.districtCode), eq(familyFacilities.id, slot.facilityId!)),
    );
  const usedHours = await freeHoursUsedIn(tx, slot.districtCode, childId, yearOf(slot.date), bookingId);
  const q = quoteBooking({ usedHours, hours: slotHours(slot), priceFen: site?.price ?? -1 }, v);
  // A price over the cap can only come from a lowered cap after the site was registered: refuse.
  if (!q.ok)
    throw fieldError(
      'hourlyPriceFen',
      q.reason,
      '宝宝屋收费不符合现行规则',
      "The site's price breaks the rule in force",
    );
  return { freeHours: q.freeHours, chargedHours: q.chargedHours, chargeFen: q.chargeFen };
}

/** The 宝宝屋 part of a booking answer: its hours and the child's free hours left in the year. */
export async function baobaowuAnswer(tx: Db, b: BookingRow, date: string): Promise<Booking['baobaowu']> {
  const year = yearOf(date);
  const v = policyOn(b.districtCode, b.createdAt).baobaowu;
  const used = await freeHoursUsedIn(tx, b.districtCode, b.childId, year);
  return {
    facilityId: b.facilityId!,
    freeHours: b.freeHours ?? 0,
    chargedHours: b.chargedHours ?? 0,
    chargeFen: b.chargeFen ?? 0,
    year,
    freeHoursLeft: v ? Math.max(0, v.freeHoursPerChildPerYear - used) : 0,
  };
}

export function createBaobaowuService({ db }: { db: Db }) {
  async function siteInScope(tx: Db, actor: Actor, id: string) {
    const [site] = await tx
      .select()
      .from(familyFacilities)
      .where(and(scopeWhere(actor, facilityScope), eq(familyFacilities.id, id)));
    if (!site) throw new DomainError('not_found');
    return site;
  }

  return {
    /**
     * The parent's children and their free hours left in `year` (the pack in force today), so a parent
     * sees what a booking will cost before making it. Family scope only.
     */
    async mine(actor: Actor, now: Date, year: number) {
      if (actor.scope?.kind !== 'family') throw new DomainError('auth.forbidden');
      const familyId = actor.scope.familyId;
      const rule = policyOn(actor.districtCode, now).baobaowu;
      const kids = await db
        .select({ id: familyChildren.id })
        .from(familyChildren)
        .where(
          and(eq(familyChildren.districtCode, actor.districtCode), eq(familyChildren.familyId, familyId)),
        )
        .orderBy(asc(familyChildren.id));
      const children = [];
      for (const k of kids) {
        const used = await freeHoursUsedIn(db, actor.districtCode, k.id, year);
        children.push({
          childId: k.id,
          freeHoursUsed: used,
          freeHoursLeft: rule ? Math.max(0, rule.freeHoursPerChildPerYear - used) : 0,
        });
      }
      return { year, freeHoursPerChildPerYear: rule?.freeHoursPerChildPerYear ?? null, children };
    },

    /** A slot of a 宝宝屋 site, by the officer who keeps the site (whole hours, a deadline not passed). */
    async createSlot(
      ctx: RequestContext,
      actor: Actor,
      siteId: string,
      body: z.infer<typeof createSiteSlotBody>,
    ): Promise<Slot> {
      const deadline = slotDeadline(body, ctx.now);
      return db.transaction(async (tx) => {
        const site = await siteInScope(tx, actor, siteId);
        const year = Number(body.date.slice(0, 4));
        if (site.kind !== 'baobaowu' || (site.closedYear !== null && site.closedYear < year))
          throw new DomainError('families.site_not_open');
        packValues(actor.districtCode, ctx.now);
        if (site.capacity !== null && body.capacity > site.capacity)
          throw fieldError(
            'capacity',
            'baobaowu.over_site_capacity',
            `名额不能超过宝宝屋的同时照护人数 ${site.capacity}`,
            `Places cannot exceed the site's capacity of ${site.capacity}`,
          );
        const [s] = await tx
          .insert(familySlots)
          .values({
            districtCode: site.districtCode,
            id: uuidv7(ctx.now.getTime()),
            institutionId: null,
            facilityId: site.id,
            townCode: site.townCode,
            date: body.date,
            startTime: body.startTime,
            endTime: body.endTime,
            capacity: body.capacity,
            cancelDeadline: deadline,
            createdAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.site_slot_create',
          objectType: 'family_slot',
          objectId: s!.id,
          changes: { ...body, facilityId: site.id },
        });
        return toSlot(s!, site.name, 0, site.hourlyPriceFen);
      });
    },

    /** A site's slots from a date on, with their bookings counted (booked, waitlisted, free hours used). */
    async siteSlots(ctx: RequestContext, actor: Actor, siteId: string, from?: string) {
      const site = await siteInScope(db, actor, siteId);
      const rows = await db
        .select({
          slot: familySlots,
          waitlisted: sql<number>`(select count(*)::int from family_bookings b where b.district_code = ${site.districtCode}
            and b.district_code = family_slots.district_code and b.slot_id = family_slots.id and b.status = 'waitlisted')`,
          freeHours: sql<number>`(select coalesce(sum(b.free_hours), 0)::int from family_bookings b where b.district_code = ${site.districtCode}
            and b.district_code = family_slots.district_code and b.slot_id = family_slots.id and b.status <> 'cancelled')`,
          chargeFen: sql<number>`(select coalesce(sum(b.charge_fen), 0)::int from family_bookings b where b.district_code = ${site.districtCode}
            and b.district_code = family_slots.district_code and b.slot_id = family_slots.id and b.status <> 'cancelled')`,
        })
        .from(familySlots)
        .where(
          and(
            eq(familySlots.districtCode, site.districtCode),
            eq(familySlots.facilityId, site.id),
            sql`${familySlots.date} >= ${from ?? `${localDate(ctx.now).slice(0, 4)}-01-01`}`,
          ),
        )
        .orderBy(asc(familySlots.date), asc(familySlots.startTime), asc(familySlots.id))
        .limit(200);
      return {
        items: rows.map((r) => ({
          ...toSlot(r.slot, site.name, Number(r.waitlisted), site.hourlyPriceFen),
          freeHours: Number(r.freeHours),
          chargeFen: Number(r.chargeFen),
        })),
      };
    },

    /**
     * A site's bookings with their children, for the officers who see the site (a town officer their own
     * town's sites; another town's site is not found): per slot, the child's name masked, the age in
     * months on the slot's date, the hours and charge, the status and the place on the waitlist.
     */
    async siteBookings(
      ctx: RequestContext,
      actor: Actor,
      siteId: string,
      q: { slot?: string; from?: string },
    ) {
      const site = await siteInScope(db, actor, siteId);
      const rows = await db
        .select({
          b: familyBookings,
          date: familySlots.date,
          startTime: familySlots.startTime,
          endTime: familySlots.endTime,
          childName: familyChildren.childName,
          birthDate: familyChildren.birthDate,
        })
        .from(familyBookings)
        .innerJoin(familySlots, slotOfBooking)
        .innerJoin(
          familyChildren,
          and(
            eq(familyChildren.districtCode, familyBookings.districtCode),
            eq(familyChildren.id, familyBookings.childId),
          ),
        )
        .where(
          and(
            eq(familyBookings.districtCode, site.districtCode),
            eq(familyBookings.facilityId, site.id),
            eq(familySlots.facilityId, site.id),
            q.slot ? eq(familyBookings.slotId, q.slot) : undefined,
            q.slot
              ? undefined
              : sql`${familySlots.date} >= ${q.from ?? `${localDate(ctx.now).slice(0, 4)}-01-01`}`,
          ),
        )
        .orderBy(
          asc(familySlots.date),
          asc(familySlots.startTime),
          asc(familySlots.id),
          sql`case ${familyBookings.status} when 'booked' then 0 when 'waitlisted' then 1 else 2 end`,
          asc(familyBookings.createdAt),
          asc(familyBookings.id),
        )
        .limit(1000);
      // The waitlist order is the booking order (createdAt, id), as in the parent's answer (hourly.ts).
      const waiting = new Map<string, number>();
      return {
        items: rows.map((r) => {
          let position: number | null = null;
          if (r.b.status === 'waitlisted') {
            position = (waiting.get(r.b.slotId) ?? 0) + 1;
            waiting.set(r.b.slotId, position);
          }
          const age = ageInMonths(r.birthDate, r.date);
          return {
            id: r.b.id,
            slotId: r.b.slotId,
            date: r.date,
            startTime: r.startTime,
            endTime: r.endTime,
            childName: maskPersonal('name', r.childName),
            ageMonths: age.ok ? age.months : 0,
            status: r.b.status,
            waitlistPosition: position,
            freeHours: r.b.freeHours ?? 0,
            chargedHours: r.b.chargedHours ?? 0,
            chargeFen: r.b.chargeFen ?? 0,
          };
        }),
      };
    },

    /** Coverage by town for the caller's scope and a year. */
    coverage: (actor: Actor, year: number) => coverageOf(db, actor, year),
  };
}

function openSiteWhere(actor: Actor, year: number, townCode?: string): SQL {
  return and(
    scopeWhere(actor, facilityScope),
    eq(familyFacilities.kind, 'baobaowu'),
    sql`${familyFacilities.openedYear} <= ${year}`,
    sql`(${familyFacilities.closedYear} is null or ${familyFacilities.closedYear} >= ${year})`,
    townCode ? eq(familyFacilities.townCode, townCode) : undefined,
  )!;
}

export interface TownCoverage {
  townCode: string;
  sites: number;
  capacity: number;
  children: number;
  freeHours: number;
  chargedHours: number;
}

/** Sites open per town, children served (a booking not cancelled) and free hours used in `year`. */
export async function coverageOf(db: Db, actor: Actor, year: number, townCode?: string) {
  const sites = await db
    .select({ town: familyFacilities.townCode, n: count(), capacity: sum(familyFacilities.capacity) })
    .from(familyFacilities)
    .where(openSiteWhere(actor, year, townCode))
    .groupBy(familyFacilities.townCode);
  // Bookings at a site not cancelled, on a slot of the year (in scope, in the town asked).
  const servedWhere = and(
    scopeWhere(actor, { district: familySlots.districtCode, division: familySlots.townCode }),
    sql`${familyBookings.facilityId} is not null`,
    ne(familyBookings.status, 'cancelled'),
    sql`${familySlots.date} >= ${`${year}-01-01`} and ${familySlots.date} <= ${`${year}-12-31`}`,
    townCode ? eq(familySlots.townCode, townCode) : undefined,
  );
  const served = await db
    .select({
      town: familySlots.townCode,
      children: countDistinct(familyBookings.childId),
      freeHours: sum(familyBookings.freeHours),
      chargedHours: sum(familyBookings.chargedHours),
    })
    .from(familyBookings)
    .innerJoin(familySlots, slotOfBooking)
    .where(servedWhere)
    .groupBy(familySlots.townCode);
  const [all] = await db
    .select({ children: countDistinct(familyBookings.childId) })
    .from(familyBookings)
    .innerJoin(familySlots, slotOfBooking)
    .where(servedWhere);
  const inScope = townsOf(actor.districtCode)
    .map((t) => t.code)
    .filter((c) => (townCode ? c === townCode : divisionInScope(actor, c)));
  const towns: TownCoverage[] = inScope.map((code) => {
    const s = sites.find((r) => r.town === code);
    const b = served.find((r) => r.town === code);
    return {
      townCode: code,
      sites: Number(s?.n ?? 0),
      capacity: Number(s?.capacity ?? 0),
      children: Number(b?.children ?? 0),
      freeHours: Number(b?.freeHours ?? 0),
      chargedHours: Number(b?.chargedHours ?? 0),
    };
  });
  return {
    year,
    towns,
    townsWithSite: towns.filter((t) => t.sites > 0).length,
    townCount: towns.length,
    sites: towns.reduce((n, t) => n + t.sites, 0),
    /** Distinct children across the scope (a child served in two towns counts once). */
    children: Number(all?.children ?? 0),
    freeHours: towns.reduce((n, t) => n + t.freeHours, 0),
    chargedHours: towns.reduce((n, t) => n + t.chargedHours, 0),
  };
}

/** Plan target `baobaowu_coverage`: towns with at least one 宝宝屋 open in the year ÷ the towns in scope. */
export const baobaowuTargetSource: TargetSource = {
  key: 'baobaowu_coverage',
  module: 'families',
  async measure(db: Db, q: TargetQuery) {
    const c = await coverageOf(db, q.actor, q.year, q.townCode);
    return {
      value: c.townCount === 0 ? 0 : c.townsWithSite / c.townCount,
      numerator: c.townsWithSite,
      denominator: c.townCount,
      unit: 'share',
      byTown: Object.fromEntries(c.towns.map((t) => [t.townCode, t.sites > 0 ? 1 : 0])),
    };
  },
  async drillDown(db: Db, q: TargetQuery, page: { offset: number; limit: number }) {
    const c = await coverageOf(db, q.actor, q.year, q.townCode);
    const names = new Map(townsOf(q.actor.districtCode).map((t) => [t.code, t.nameZh]));
    return {
      rows: c.towns.slice(page.offset, page.offset + page.limit).map((t) => ({
        id: t.townCode,
        kind: 'community' as const,
        label: names.get(t.townCode) ?? t.townCode,
        townCode: t.townCode,
        counts: t.sites > 0,
        note: `${t.sites} 个宝宝屋 · ${t.children} 名幼儿 · 免费 ${t.freeHours} 小时（${q.year}）`,
      })),
      total: c.towns.length,
    };
  },
};
