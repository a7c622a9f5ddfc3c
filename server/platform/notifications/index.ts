/**
 * Notifications (docs/kit/jobs.md § Notify). A service or a job calls `notifyRole(tx, target, message)`
 * inside its own transaction; the recipients are the enabled accounts of that role (and scope) in the
 * district. Delivery goes through a `Notifier`: the in-app one (rows in `notifications`) is the default.
 * An SMS or WeChat gateway can implement `Notifier` later and be passed in — it must send only the
 * title and a link, never personal data, and must not throw inside the caller's transaction (queue a
 * job for the actual send instead).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Role, Scope } from '../../../domain/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../ids.ts';
import { users } from '../tables.ts';
import { notifications } from './tables.ts';

export interface NotificationMessage {
  /** A stable kind, e.g. `calendar.ends_soon`. */
  kind: string;
  titleZh: string;
  titleEn: string;
  /** No personal data in the body: name the object by its public label or link to it. */
  bodyZh: string;
  bodyEn: string;
  /** A console path (`/admin/...`). */
  link?: string;
  /** Notify each account once per key (e.g. `calendar-end:2026-12-31`); repeats are dropped silently. */
  dedupeKey?: string;
}

export interface Recipient {
  districtCode: string;
  accountId: string;
}

/** A delivery channel. `deliver` runs inside the caller's transaction; returns how many were delivered. */
export interface Notifier {
  deliver(tx: Db, now: Date, recipients: Recipient[], message: NotificationMessage): Promise<number>;
}

/** The default channel: one `notifications` row per recipient, read in the console. */
export const inAppNotifier: Notifier = {
  async deliver(tx, now, recipients, m) {
    if (recipients.length === 0) return 0;
    const rows = await tx
      .insert(notifications)
      .values(
        recipients.map((r) => ({
          districtCode: r.districtCode,
          id: uuidv7(now.getTime()),
          accountId: r.accountId,
          kind: m.kind,
          titleZh: m.titleZh,
          titleEn: m.titleEn,
          bodyZh: m.bodyZh,
          bodyEn: m.bodyEn,
          link: m.link ?? null,
          dedupeKey: m.dedupeKey ?? null,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({
        target: [notifications.districtCode, notifications.accountId, notifications.dedupeKey],
      })
      .returning({ id: notifications.id });
    return rows.length;
  },
};

export interface RoleTarget {
  districtCode: string;
  role: Role;
  /**
   * Only accounts whose jurisdiction covers this scope: for a division, accounts scoped to it or to a
   * division above it (the town's officers and the district's); for an institution or a family, the
   * accounts scoped to exactly it. Without a scope: every account of the role in the district.
   */
  scope?: Scope;
}

/** The enabled accounts a role target names. */
export async function recipientsOf(tx: Db, target: RoleTarget): Promise<Recipient[]> {
  const conds = [
    eq(users.districtCode, target.districtCode),
    eq(users.role, target.role),
    eq(users.disabled, false),
  ];
  const s = target.scope;
  if (s?.kind === 'division') {
    const prefixes = [6, 9, 12]
      .filter((n) => n <= s.divisionCode.length)
      .map((n) => s.divisionCode.slice(0, n));
    conds.push(eq(users.scopeKind, 'division'), inArray(users.scopeDivisionCode, prefixes));
  } else if (s?.kind === 'institution') {
    conds.push(eq(users.scopeKind, 'institution'), eq(users.scopeInstitutionId, s.institutionId));
  } else if (s?.kind === 'family') {
    conds.push(eq(users.scopeKind, 'family'), eq(users.scopeFamilyId, s.familyId));
  }
  const rows = await tx
    .select({ accountId: users.id })
    .from(users)
    .where(and(...conds))
    .orderBy(sql`${users.id}`);
  return rows.map((r) => ({ districtCode: target.districtCode, accountId: r.accountId }));
}

/** Notify every account of a role (and scope) in a district, inside `tx`; returns how many got it. */
export async function notifyRole(
  tx: Db,
  target: RoleTarget,
  message: NotificationMessage,
  opts: { now: Date; notifier?: Notifier },
): Promise<number> {
  const recipients = await recipientsOf(tx, target);
  return (opts.notifier ?? inAppNotifier).deliver(tx, opts.now, recipients, message);
}
