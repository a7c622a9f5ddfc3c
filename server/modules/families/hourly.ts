/**
 * Hourly care (计时制, issue 11): an operating institution publishes slots with a number of places;
 * a parent books a place for their child before the deadline, or joins the waitlist; a cancellation
 * before the deadline promotes the first waitlisted booking (notified through the kit's Notifier) or
 * frees the place.
 *
 * No overbooking: a place is taken by ONE conditional statement,
 *   UPDATE family_slots SET booked = booked + 1 WHERE … AND booked < capacity RETURNING booked,
 * never read-then-write. Under PostgreSQL's READ COMMITTED a second transaction waiting on the row
 * re-checks `booked < capacity` against the committed row, so 100 parallel bookings for 10 places
 * give exactly 10 (test on PGlite and PostgreSQL); a CHECK (booked <= capacity) backs it up.
 */
import { and, asc, count, eq, gte, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Booking,
  bookSlotBody,
  createSlotBody,
  Slot,
  slotListQuery,
} from '../../../domain/contracts/families.ts';
import { cancelDeadline } from '../../../domain/families/rules.ts';
import type { Db } from '../../db/client.ts';
import { auditEntryParams, auditEntryTemplate, recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { institutions } from '../institutions/tables.ts';
import './errors.ts';
import { baobaowuAnswer, quoteSiteBooking } from './baobaowu.ts';
import * as repo from './repository.ts';
import { familyBookings, familyChildren, familyFacilities, familySlots } from './tables.ts';

type Q<T extends z.ZodType> = z.infer<T>;

/** A slot belongs to an institution or to a 宝宝屋 site (issue 17): both are left-joined for its name. */
const INSTITUTION_JOIN = and(
  eq(institutions.districtCode, familySlots.districtCode),
  eq(institutions.id, familySlots.institutionId),
);
const FACILITY_JOIN = and(
  eq(familyFacilities.districtCode, familySlots.districtCode),
  eq(familyFacilities.id, familySlots.facilityId),
);
const SLOT_COLUMNS = {
  slot: familySlots,
  name: sql<string>`coalesce(${institutions.name}, ${familyFacilities.name})`,
  priceFen: familyFacilities.hourlyPriceFen,
};

async function waitlistCounts(db: Db, districtCode: string, slotIds: string[]) {
  if (slotIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ slotId: familyBookings.slotId, n: count() })
    .from(familyBookings)
    .where(
      and(
        eq(familyBookings.districtCode, districtCode),
        sql`${familyBookings.slotId} = any(${sql.param(slotIds)}::uuid[])`,
        eq(familyBookings.status, 'waitlisted'),
      ),
    )
    .groupBy(familyBookings.slotId);
  return new Map(rows.map((r) => [r.slotId, r.n]));
}

export function toSlot(
  r: repo.SlotRow,
  name: string,
  waitlisted: number,
  priceFen: number | null = null,
): Slot {
  return {
    id: r.id,
    institutionId: r.institutionId,
    facilityId: r.facilityId,
    institutionName: name,
    hourlyPriceFen: r.facilityId ? priceFen : null,
    townCode: r.townCode,
    date: r.date,
    startTime: r.startTime,
    endTime: r.endTime,
    capacity: r.capacity,
    booked: r.booked,
    waitlisted,
    cancelDeadline: r.cancelDeadline.toISOString(),
  };
}

/**
 * A new slot's times: the end after the start, the booking deadline (cancelHoursBefore the start) not
 * passed; the deadline, or a 400 naming the field. Institution and 宝宝屋 slots alike.
 */
export function slotDeadline(
  body: { date: string; startTime: string; endTime: string; cancelHoursBefore: number },
  now: Date,
): Date {
  if (body.endTime <= body.startTime)
    throw fieldError('endTime', 'after_start', '结束时间须晚于开始时间', 'The end must come after the start');
  const deadline = cancelDeadline(body.date, body.startTime, body.cancelHoursBefore);
  if (deadline <= now)
    throw fieldError(
      'date',
      'past',
      '时段的预约截止时间已过',
      "The slot's booking deadline has passed already",
    );
  return deadline;
}

/**
 * A booking's checks and writes as ONE statement, built once with placeholders (district, slotId,
 * familyId, childId, bookingId, now, waitlist and the audit entry's `audit_*`): the slot in a parent's
 * view (a family sees its district's slots: `repo.slotWhere` for a family scope), the deadline, the
 * child of the caller's family, no live booking of the child in the slot, then the conditional UPDATE
 * that takes a place (see the header) and, for an institution's slot, the booking row. The writes
 * happen only when every check holds; the SELECT answers which check failed, so the errors are raised
 * with nothing written.
 *
 * `oneStatement` (ADR 0032): an institution's slot only, and the audit entry is a CTE too, written only
 * with the booking row — a booking is then one autocommit statement, no begin and commit round trips,
 * and the statement is built once per service (building it was ≈ 1 ms of Node's time a booking). A 宝宝屋
 * slot is left untouched by it; its booking is made inside a transaction with `oneStatement` false
 * (the place taken, the booking row written after its hours are quoted, the entry by `recordAudit`).
 */
function bookStatement(q: Db, oneStatement: boolean) {
  const p = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;
  const slotHere = and(
    eq(familySlots.districtCode, p('district', 'varchar')),
    eq(familySlots.id, p('slotId', 'uuid')),
  );
  const childOfFamily = sql`exists (select 1 from ${familyChildren} where ${and(
    eq(familyChildren.districtCode, p('district', 'varchar')),
    eq(familyChildren.familyId, p('familyId', 'uuid')),
    eq(familyChildren.id, p('childId', 'uuid')),
  )})`;
  const liveBooking = sql`exists (select 1 from ${familyBookings} where ${and(
    eq(familyBookings.districtCode, p('district', 'varchar')),
    eq(familyBookings.slotId, p('slotId', 'uuid')),
    eq(familyBookings.childId, p('childId', 'uuid')),
    sql`${familyBookings.status} <> 'cancelled'`,
  )})`;
  const open = and(
    slotHere,
    sql`${familySlots.cancelDeadline} > ${p('now', 'timestamptz')}`,
    childOfFamily,
    sql`not ${liveBooking}`,
  );
  const taken = q.$with('taken', {}).as(
    sql`update ${familySlots} set ${sql.identifier(familySlots.booked.name)} = ${familySlots.booked} + 1
        where ${and(
          open,
          sql`${familySlots.booked} < ${familySlots.capacity}`,
          oneStatement ? isNull(familySlots.facilityId) : undefined,
        )}
        returning ${familySlots.booked}`,
  );
  // A 宝宝屋 slot's booking row is written by the caller, after its hours are quoted.
  const inserted = q.$with('inserted', {}).as(
    sql`insert into ${familyBookings} (district_code, id, slot_id, institution_id, facility_id, family_id,
          child_id, status, created_at)
        select ${familySlots.districtCode}, ${p('bookingId', 'uuid')}, ${familySlots.id}, ${familySlots.institutionId},
          null, ${p('familyId', 'uuid')}, ${p('childId', 'uuid')},
          case when exists (select 1 from taken) then 'booked' else 'waitlisted' end, ${p('now', 'timestamptz')}
        from ${familySlots}
        where ${and(
          open,
          isNull(familySlots.facilityId),
          sql`(exists (select 1 from taken) or ${p('waitlist', 'boolean')})`,
        )}
        returning ${familyBookings.status}`,
  );
  const audited = q.$with('audited', {}).as(
    auditEntryTemplate({
      when: sql`exists (select 1 from inserted)`,
      computed: { status: sql`(select status from inserted)` },
    }),
  );
  return (
    q
      .with(...(oneStatement ? [taken, inserted, audited] : [taken, inserted]))
      .select({
        ...SLOT_COLUMNS,
        childOk: sql<boolean>`${childOfFamily}`,
        duplicate: sql<boolean>`${liveBooking}`,
        booked: sql<number | null>`(select booked from taken)`,
      })
      .from(familySlots)
      .leftJoin(institutions, INSTITUTION_JOIN)
      .leftJoin(familyFacilities, FACILITY_JOIN)
      .where(slotHere)
      // Named: the text is the same for every parent, so each connection parses and plans it once.
      .prepare(oneStatement ? 'families_book' : 'families_book_site')
  );
}
type BookRow = Awaited<ReturnType<ReturnType<typeof bookStatement>['execute']>>[number];

export function createHourlyService({ db }: { db: Db }) {
  /** The booking's one statement, prepared once (its values are placeholders). */
  let bookOnce: ReturnType<typeof bookStatement> | undefined;
  /** The answer for a booking; `known` is its slot when the caller has read it already. */
  async function bookingAnswer(
    tx: Db,
    b: repo.BookingRow,
    known?: { slot: repo.SlotRow; name: string },
  ): Promise<Booking> {
    const [s] = known
      ? [known]
      : await tx
          .select(SLOT_COLUMNS)
          .from(familySlots)
          .leftJoin(institutions, INSTITUTION_JOIN)
          .leftJoin(familyFacilities, FACILITY_JOIN)
          .where(and(eq(familySlots.districtCode, b.districtCode), eq(familySlots.id, b.slotId)));
    let position: number | null = null;
    if (b.status === 'waitlisted') {
      const [p] = await tx
        .select({ n: count() })
        .from(familyBookings)
        .where(
          and(
            eq(familyBookings.districtCode, b.districtCode),
            eq(familyBookings.slotId, b.slotId),
            eq(familyBookings.status, 'waitlisted'),
            sql`(${familyBookings.createdAt}, ${familyBookings.id}) <= (${b.createdAt}, ${b.id})`,
          ),
        );
      position = p?.n ?? null;
    }
    return {
      id: b.id,
      slotId: b.slotId,
      childId: b.childId,
      familyId: b.familyId,
      status: b.status,
      waitlistPosition: position,
      date: s!.slot.date,
      startTime: s!.slot.startTime,
      institutionName: s!.name,
      baobaowu: b.facilityId ? await baobaowuAnswer(tx, b, s!.slot.date) : null,
    };
  }

  return {
    async createSlot(ctx: RequestContext, actor: Actor, body: Q<typeof createSlotBody>): Promise<Slot> {
      if (actor.scope?.kind !== 'institution') throw new DomainError('auth.forbidden');
      const institutionId = actor.scope.institutionId;
      const deadline = slotDeadline(body, ctx.now);
      return db.transaction(async (tx) => {
        const [inst] = await tx
          .select()
          .from(institutions)
          .where(and(eq(institutions.districtCode, actor.districtCode), eq(institutions.id, institutionId)));
        if (!inst) throw new DomainError('not_found');
        if (inst.status !== 'operating') throw new DomainError('families.institution_not_operating');
        const [s] = await tx
          .insert(familySlots)
          .values({
            districtCode: inst.districtCode,
            id: uuidv7(ctx.now.getTime()),
            institutionId: inst.id,
            townCode: inst.townCode,
            date: body.date,
            startTime: body.startTime,
            endTime: body.endTime,
            capacity: body.capacity,
            cancelDeadline: deadline,
            createdAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.slot_create',
          objectType: 'family_slot',
          objectId: s!.id,
          changes: { ...body },
        });
        return toSlot(s!, inst.name, 0);
      });
    },

    async slots(ctx: RequestContext, actor: Actor, q: Q<typeof slotListQuery>) {
      const where = and(
        repo.slotWhere(actor),
        gte(familySlots.date, q.from ?? localDate(ctx.now)),
        q.institution ? eq(familySlots.institutionId, q.institution) : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select(SLOT_COLUMNS)
            .from(familySlots)
            .leftJoin(institutions, INSTITUTION_JOIN)
            .leftJoin(familyFacilities, FACILITY_JOIN)
            .where(where)
            .orderBy(asc(familySlots.date), asc(familySlots.startTime), asc(familySlots.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familySlots, where),
      });
      const waits = await waitlistCounts(
        db,
        actor.districtCode,
        page.items.map((r) => r.slot.id),
      );
      return {
        ...page,
        items: page.items.map((r) => toSlot(r.slot, r.name, waits.get(r.slot.id) ?? 0, r.priceFen)),
      };
    },

    /** Book a place (or join the waitlist) for a child of the caller's family. */
    async book(
      ctx: RequestContext,
      actor: Actor,
      slotId: string,
      body: Q<typeof bookSlotBody>,
    ): Promise<Booking> {
      if (actor.scope?.kind !== 'family') throw new DomainError('auth.forbidden');
      const familyId = actor.scope.familyId;
      const childId = body.childId;
      const bookingId = uuidv7(ctx.now.getTime());
      const params = {
        district: actor.districtCode,
        slotId,
        familyId,
        childId,
        bookingId,
        now: ctx.now.toISOString(),
        waitlist: body.waitlist === true,
        ...auditEntryParams(ctx, {
          action: 'families.book',
          objectType: 'family_booking',
          objectId: bookingId,
          changes: { slotId, childId },
        }),
      };
      /** The checks' verdict: the booking written (or to write, for a 宝宝屋 slot), or the error. */
      const settle = (row: BookRow | undefined) => {
        if (!row) throw new DomainError('not_found');
        const { slot } = row;
        if (ctx.now >= slot.cancelDeadline) throw new DomainError('families.booking_closed');
        if (!row.childOk)
          throw fieldError(
            'childId',
            'not_your_child',
            '该婴幼儿不属于您的家庭',
            'This child is not of your family',
          );
        if (row.duplicate) throw new DomainError('families.already_booked');
        const isTaken = row.booked !== null;
        if (!isTaken && !body.waitlist) throw new DomainError('families.slot_full');
        const b: repo.BookingRow = {
          districtCode: slot.districtCode,
          id: bookingId,
          slotId: slot.id,
          institutionId: slot.institutionId,
          facilityId: slot.facilityId,
          familyId,
          childId,
          status: isTaken ? 'booked' : 'waitlisted',
          freeHours: null,
          chargedHours: null,
          chargeFen: null,
          createdAt: ctx.now,
          cancelledAt: null,
        };
        return { b, row };
      };
      bookOnce ??= bookStatement(db, true);
      const [first] = await bookOnce.execute(params);
      if (!first) throw new DomainError('not_found');
      if (first.slot.facilityId === null) {
        // Written (slot, booking row and audit entry) or refused with nothing written.
        const { b, row } = settle(first);
        return bookingAnswer(db, b, row);
      }
      // A 宝宝屋 slot (the statement above wrote nothing): the free and charged hours per the rule are
      // quoted in the transaction that takes the place (a waitlisted booking holds its quote too).
      return db.transaction(async (tx) => {
        const [again] = await bookStatement(tx, false).execute(params);
        const { b, row } = settle(again);
        const hours = row.slot.facilityId ? await quoteSiteBooking(tx, ctx, row.slot, childId) : null;
        if (hours) {
          Object.assign(b, hours);
          await tx.insert(familyBookings).values(b);
        }
        const answer = await bookingAnswer(tx, b, row);
        await recordAudit(tx, ctx, {
          action: 'families.book',
          objectType: 'family_booking',
          objectId: b.id,
          changes: { slotId, childId, status: b.status, ...(hours ?? {}) },
        });
        return answer;
      });
    },

    /** Cancel before the deadline; a booked place goes to the first on the waitlist, or is freed. */
    async cancel(ctx: RequestContext, actor: Actor, bookingId: string): Promise<Booking> {
      return db.transaction(async (tx) => {
        const [b] = await tx
          .select()
          .from(familyBookings)
          .where(and(scopeWhere(actor, repo.bookingScope), eq(familyBookings.id, bookingId)))
          .for('update');
        if (!b) throw new DomainError('not_found');
        if (b.status === 'cancelled') throw new DomainError('families.booking_cancelled');
        const [slot] = await tx
          .select()
          .from(familySlots)
          .where(and(eq(familySlots.districtCode, b.districtCode), eq(familySlots.id, b.slotId)))
          .for('update');
        if (ctx.now >= slot!.cancelDeadline) throw new DomainError('families.booking_closed');
        const [c] = await tx
          .update(familyBookings)
          .set({ status: 'cancelled', cancelledAt: ctx.now })
          .where(and(eq(familyBookings.districtCode, b.districtCode), eq(familyBookings.id, b.id)))
          .returning();
        let promoted: string | null = null;
        if (b.status === 'booked') {
          const [next] = await tx
            .select()
            .from(familyBookings)
            .where(
              and(
                eq(familyBookings.districtCode, b.districtCode),
                eq(familyBookings.slotId, b.slotId),
                eq(familyBookings.status, 'waitlisted'),
              ),
            )
            .orderBy(asc(familyBookings.createdAt), asc(familyBookings.id))
            .limit(1)
            .for('update', { skipLocked: true });
          if (next) {
            // A 宝宝屋 booking is quoted again at promotion (child row locked, as when booking): the
            // child's free hours may have been used or given back since it joined the waitlist.
            // Should the rule refuse the quote now (no pack in force, the site's price over a lowered cap),
            // the booking keeps the quote it holds: the cancellation is not refused for it.
            const hours = slot!.facilityId
              ? await quoteSiteBooking(tx, ctx, slot!, next.childId, next.id).catch((e: unknown) => {
                  if (e instanceof DomainError) return null;
                  throw e;
                })
              : null;
            await tx
              .update(familyBookings)
              .set({ status: 'booked', ...(hours ?? {}) })
              .where(and(eq(familyBookings.districtCode, next.districtCode), eq(familyBookings.id, next.id)));
            promoted = next.id;
            if (hours)
              await recordAudit(tx, ctx, {
                action: 'families.booking_promote',
                objectType: 'family_booking',
                objectId: next.id,
                changes: {
                  status: { from: 'waitlisted', to: 'booked' },
                  freeHours: { from: next.freeHours, to: hours.freeHours },
                  chargedHours: { from: next.chargedHours, to: hours.chargedHours },
                  chargeFen: { from: next.chargeFen, to: hours.chargeFen },
                },
              });
            await notifyRole(
              tx,
              {
                districtCode: next.districtCode,
                role: 'parent',
                scope: { kind: 'family', familyId: next.familyId },
              },
              {
                kind: 'families.waitlist_promoted',
                titleZh: '计时托育候补已转为预约',
                titleEn: 'Your hourly-care waitlist place is now booked',
                bodyZh: `${slot!.date} ${slot!.startTime} 的时段有名额空出，您的候补已转为预约。`,
                bodyEn: `A place came free in the slot of ${slot!.date} ${slot!.startTime}: you are booked.`,
                link: '/portal/families',
                dedupeKey: `booking-promoted:${next.id}`,
              },
              { now: ctx.now },
            );
          } else
            await tx
              .update(familySlots)
              .set({ booked: sql`${familySlots.booked} - 1` })
              .where(and(eq(familySlots.districtCode, b.districtCode), eq(familySlots.id, b.slotId)));
        }
        await recordAudit(tx, ctx, {
          action: 'families.booking_cancel',
          objectType: 'family_booking',
          objectId: b.id,
          changes: { status: { from: b.status, to: 'cancelled' }, ...(promoted ? { promoted } : {}) },
        });
        return bookingAnswer(tx, c!);
      });
    },

    async bookings(_ctx: RequestContext, actor: Actor) {
      const rows = await db
        .select()
        .from(familyBookings)
        .where(scopeWhere(actor, repo.bookingScope))
        .orderBy(asc(familyBookings.createdAt))
        .limit(200);
      const items: Booking[] = [];
      for (const r of rows) items.push(await bookingAnswer(db, r));
      return { items };
    },
  };
}
