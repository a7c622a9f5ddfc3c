/**
 * Demo 宝宝屋 slots and bookings (issue 17; synthetic, deterministic with their own seeded Rng): every
 * demo site (facilities-demo.ts) offers a 3-hour morning slot on two weekdays a week from 1 January to two
 * weeks ahead; children of the site's town book them, a few of them often enough to pass the 12 free
 * hours, so coverage, free hours and charges all show. The hours of each booking follow the rule
 * (domain/baobaowu/rules.ts) in date order. The demo parent's older child has bookings at a 朱家角 site.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { quoteBooking } from '../../../domain/baobaowu/rules.ts';
import { formatDayNumber, parseDate } from '../../../domain/rules/dates.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { policyOn } from '../institutions/policy.ts';
import { byText, demoFamilyRank, inDemoOrder } from './demo-order.ts';
import { families, familyBookings, familyChildren, familyFacilities, familySlots } from './tables.ts';

const SEED = 20_261_217;

const addDays = (day: string, n: number) => {
  const p = parseDate(day);
  return p.ok ? formatDayNumber(p.dayNumber + n) : day;
};

export async function seedBaobaowuDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const { district, now } = ctx;
  const v = policyOn(district, now).baobaowu;
  if (!v) return;
  const rng = new Rng(districtSeed(SEED, district));
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const sites = await db
    .select()
    .from(familyFacilities)
    .where(
      and(
        eq(familyFacilities.districtCode, district),
        eq(familyFacilities.kind, 'baobaowu'),
        isNull(familyFacilities.closedYear),
      ),
    )
    .orderBy(asc(familyFacilities.townCode), asc(familyFacilities.id));
  if (sites.length === 0) return;
  const kids = await db
    .select({
      familyId: families.id,
      townCode: families.townCode,
      childId: familyChildren.id,
      birthDate: familyChildren.birthDate,
      childName: familyChildren.childName,
    })
    .from(familyChildren)
    .innerJoin(
      families,
      and(eq(families.districtCode, familyChildren.districtCode), eq(families.id, familyChildren.familyId)),
    )
    .where(and(eq(familyChildren.districtCode, district), isNull(families.anonymisedAt)));
  inDemoOrder(kids, await demoFamilyRank(db, district), (a, b) =>
    byText(`${a.birthDate} ${a.childName}`, `${b.birthDate} ${b.childName}`),
  );
  const demoKid = kids.find((k) => k.familyId === ctx.demoFamilyId);
  const used = new Map<string, number>();
  const slotRows: (typeof familySlots.$inferInsert)[] = [];
  const bookingRows: (typeof familyBookings.$inferInsert)[] = [];
  // Slot dates: Tuesdays and Thursdays from 1 January to two weeks ahead, in date order across sites.
  const dates: string[] = [];
  for (let d = `${year}-01-01`; d <= addDays(today, 14) && d.startsWith(String(year)); d = addDays(d, 1)) {
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wd === 2 || wd === 4) dates.push(d);
  }
  // The demo parent's children are booked only as scripted below (the elder, about half the Tuesdays and
  // Thursdays at the first site of its town), never drawn at random: the younger keeps its free hours, so
  // the parent always has a child to book for (the ids of the other children come from the clock, and a
  // draw over them differs from run to run — drawn in, the younger sometimes had none left by December).
  const others = kids.filter((k) => k.familyId !== ctx.demoFamilyId);
  const regulars = new Map<string, typeof kids>();
  for (const s of sites) {
    const pool = others.filter((k) => k.townCode === s.townCode);
    // a handful of regulars per site (they pass the free hours), plus occasional visitors
    regulars.set(
      s.id,
      pool.slice(0, 0).concat(Array.from({ length: Math.min(4, pool.length) }, () => rng.pick(pool))),
    );
  }
  for (const date of dates)
    for (const s of sites) {
      const pool = others.filter((k) => k.townCode === s.townCode);
      if (pool.length === 0) continue;
      const start = new Date(`${date}T09:00:00+08:00`);
      const slotId = rng.uuid(start.getTime() - 7 * 86_400_000);
      const capacity = s.capacity ?? 8;
      const who = new Map<string, (typeof kids)[number]>();
      for (const k of regulars.get(s.id) ?? []) if (rng.chance(0.6)) who.set(k.childId, k);
      const visitors = rng.int(0, Math.max(0, capacity - who.size - 1));
      for (let i = 0; i < visitors; i++) {
        const k = rng.pick(pool);
        who.set(k.childId, k);
      }
      if (
        demoKid &&
        s.townCode === demoKid.townCode &&
        s.id === sites.find((x) => x.townCode === demoKid.townCode)?.id &&
        rng.chance(0.5)
      )
        who.set(demoKid.childId, demoKid);
      const list = [...who.values()].slice(0, capacity);
      slotRows.push({
        districtCode: district,
        id: slotId,
        institutionId: null,
        facilityId: s.id,
        townCode: s.townCode,
        date,
        startTime: '09:00',
        endTime: '12:00',
        capacity,
        booked: list.length,
        cancelDeadline: new Date(start.getTime() - 2 * 3_600_000),
        createdAt: new Date(start.getTime() - 7 * 86_400_000),
      });
      list.forEach((k, i) => {
        const q = quoteBooking(
          { usedHours: used.get(k.childId) ?? 0, hours: 3, priceFen: s.hourlyPriceFen ?? 0 },
          v,
        );
        if (!q.ok) return;
        const at = new Date(start.getTime() - (5 * 86_400_000 - i * 3_600_000));
        const cancelled = rng.chance(0.05) && at < now;
        if (!cancelled) used.set(k.childId, (used.get(k.childId) ?? 0) + q.freeHours);
        bookingRows.push({
          districtCode: district,
          id: rng.uuid(at.getTime()),
          slotId,
          institutionId: null,
          facilityId: s.id,
          familyId: k.familyId,
          childId: k.childId,
          status: cancelled ? 'cancelled' : 'booked',
          freeHours: q.freeHours,
          chargedHours: q.chargedHours,
          chargeFen: q.chargeFen,
          createdAt: at,
          cancelledAt: cancelled ? new Date(at.getTime() + 86_400_000) : null,
        });
        if (cancelled) slotRows.at(-1)!.booked = (slotRows.at(-1)!.booked ?? 1) - 1;
      });
    }
  for (let i = 0; i < slotRows.length; i += 1000)
    await db.insert(familySlots).values(slotRows.slice(i, i + 1000));
  for (let i = 0; i < bookingRows.length; i += 1000)
    await db.insert(familyBookings).values(bookingRows.slice(i, i + 1000));
}
