/**
 * The operating subsidy's district settings (普惠托育运营补贴, issue 17): the amount per child per month,
 * appended with its effective date and citation, and the minimum attended days for a child-month
 * (default OPERATING_DEFAULT_MIN_DAYS, a local choice: docs/adr/0024). Read by every role that builds or
 * reviews claims; changed by a district-wide officer only, in one audited transaction each. No amount in
 * force → `current: null` (未设定), never a guessed number.
 */
import { and, desc, eq, lte } from 'drizzle-orm';
import {
  OPERATING_DEFAULT_MIN_DAYS,
  type OperatingRate,
  type OperatingRateBody,
  type OperatingSettings,
  type OperatingSettingsBody,
} from '../../../domain/contracts/operating.ts';
import { rateForMonth, rateOnDay } from '../../../domain/operating/rules.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import './errors.ts';
import { operatingMinDays, operatingRates, operatingSettings } from './tables.ts';

type RateRow = typeof operatingRates.$inferSelect;

function toRate(r: RateRow): OperatingRate {
  return {
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    amountFen: r.amountFen,
    citation: r.citation,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
  };
}

export function createOperatingSettingsService({ db }: { db: Db }) {
  function districtWide(actor: Actor): void {
    const s = actor.scope;
    if (s?.kind !== 'division' || s.divisionCode !== actor.districtCode)
      throw new DomainError('operating.district_scope');
  }

  async function rates(districtCode: string, tx: Db = db): Promise<OperatingRate[]> {
    const rows = await tx
      .select()
      .from(operatingRates)
      .where(eq(operatingRates.districtCode, districtCode))
      .orderBy(desc(operatingRates.effectiveFrom));
    return rows.map(toRate);
  }

  /** The settings, every amount entered and the one in force on `now`'s Shanghai date. */
  async function get(districtCode: string, now: Date, tx: Db = db): Promise<OperatingSettings> {
    const [row] = await tx
      .select()
      .from(operatingSettings)
      .where(eq(operatingSettings.districtCode, districtCode));
    const all = await rates(districtCode, tx);
    return {
      minAttendedDays: row?.minAttendedDays ?? OPERATING_DEFAULT_MIN_DAYS,
      minAttendedDaysIsDefault: !row,
      version: row?.version ?? null,
      rates: all,
      current: rateOnDay(all, localDate(now)),
    };
  }

  /** The amount for a claim month ('YYYY-MM'): the one in force on its first day, or null (未设定). */
  async function amountForMonth(
    districtCode: string,
    month: string,
    tx: Db = db,
  ): Promise<OperatingRate | null> {
    return rateForMonth(await rates(districtCode, tx), month);
  }

  /**
   * The minimum attended days in force in a claim month ('YYYY-MM'): the last change made in that month
   * or before it (a change takes effect from the month it is made in), else the platform default — so a
   * claim built late for an earlier month counts by the rule of that month (docs/adr/0024).
   */
  async function minDaysForMonth(districtCode: string, month: string, tx: Db = db): Promise<number> {
    const [row] = await tx
      .select({ n: operatingMinDays.minAttendedDays })
      .from(operatingMinDays)
      .where(
        and(
          eq(operatingMinDays.districtCode, districtCode),
          lte(operatingMinDays.effectiveMonth, `${month}-01`),
        ),
      )
      .orderBy(desc(operatingMinDays.effectiveMonth))
      .limit(1);
    return row?.n ?? OPERATING_DEFAULT_MIN_DAYS;
  }

  /** Set the minimum attended days (district-wide officer; audited; stale version 409). */
  async function putSettings(
    ctx: RequestContext,
    actor: Actor,
    body: OperatingSettingsBody,
  ): Promise<OperatingSettings> {
    districtWide(actor);
    return db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(operatingSettings)
        .where(eq(operatingSettings.districtCode, actor.districtCode))
        .for('update');
      if ((current?.version ?? null) !== body.version) throw new DomainError('conflict.stale_version');
      const values = { minAttendedDays: body.minAttendedDays, updatedBy: actor.username, updatedAt: ctx.now };
      if (current)
        await tx
          .update(operatingSettings)
          .set({ ...values, version: current.version + 1 })
          .where(eq(operatingSettings.districtCode, actor.districtCode));
      else
        await tx
          .insert(operatingSettings)
          .values({ districtCode: actor.districtCode, ...values, version: 1 });
      // In force from this month on (China time); a second change in the same month replaces the first.
      const history = {
        minAttendedDays: body.minAttendedDays,
        recordedBy: actor.username,
        recordedAt: ctx.now,
      };
      await tx
        .insert(operatingMinDays)
        .values({
          districtCode: actor.districtCode,
          effectiveMonth: `${localDate(ctx.now).slice(0, 7)}-01`,
          ...history,
        })
        .onConflictDoUpdate({
          target: [operatingMinDays.districtCode, operatingMinDays.effectiveMonth],
          set: history,
        });
      await recordAudit(tx, ctx, {
        action: 'operating.settings',
        objectType: 'operating_settings',
        objectId: actor.districtCode,
        changes: {
          minAttendedDays: {
            from: current?.minAttendedDays ?? OPERATING_DEFAULT_MIN_DAYS,
            to: body.minAttendedDays,
          },
        },
      });
      return get(actor.districtCode, ctx.now, tx);
    });
  }

  /** Append an amount with its effective date and citation (district-wide officer; audited; same date 409). */
  async function addRate(ctx: RequestContext, actor: Actor, body: OperatingRateBody): Promise<OperatingRate> {
    districtWide(actor);
    return db.transaction(async (tx) => {
      const existing = (await rates(actor.districtCode, tx)).find(
        (r) => r.effectiveFrom === body.effectiveFrom,
      );
      if (existing) throw new DomainError('operating.rate_exists');
      const [row] = (await tx
        .insert(operatingRates)
        .values({
          districtCode: actor.districtCode,
          id: uuidv7(ctx.now.getTime()),
          effectiveFrom: body.effectiveFrom,
          amountFen: body.amountFen,
          citation: body.citation,
          recordedBy: actor.username,
          recordedAt: ctx.now,
        })
        .returning()) as [RateRow];
      await recordAudit(tx, ctx, {
        action: 'operating.rate',
        objectType: 'operating_rate',
        objectId: row.id,
        changes: { effectiveFrom: body.effectiveFrom, amountFen: body.amountFen, citation: body.citation },
      });
      return toRate(row);
    });
  }

  return { get, amountForMonth, minDaysForMonth, putSettings, addRate };
}
export type OperatingSettingsService = ReturnType<typeof createOperatingSettingsService>;
