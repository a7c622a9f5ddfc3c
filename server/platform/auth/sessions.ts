/** Database sessions: 30 minutes idle, 12 hours absolute; ended by logout, disabling or a password change. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Role, Scope } from '../../../domain/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { loginAttempts, sessions, users } from '../tables.ts';

export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
const TOUCH_MS = 60_000;

/** SHA-256 (hex) of a random bearer secret: session tokens here, API client secrets and tokens (exchange). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for a user; returns the cookie value `<district>.<token>` (the database keeps only a hash). */
export async function createSession(
  tx: Db,
  districtCode: string,
  userId: string,
  now: Date,
  ip: string | null,
) {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    districtCode,
    id: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
    ip,
  });
  return `${districtCode}.${token}`;
}

/** Parse a cookie value into its district and token hash. */
export function parseSessionCookie(value: string | undefined): { districtCode: string; id: string } | null {
  if (!value) return null;
  const m = /^(\d{6})\.([A-Za-z0-9_-]{43})$/.exec(value);
  return m ? { districtCode: m[1]!, id: hashToken(m[2]!) } : null;
}

/** The user of a live session (and touch it), or null when it is unknown, ended, idle or expired. */
export async function resolveSession(db: Db, cookie: string | undefined, now: Date): Promise<Actor | null> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return null;
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.districtCode, sessions.districtCode), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.districtCode, parsed.districtCode), eq(sessions.id, parsed.id)));
  if (!row || row.s.endedAt) return null;
  const { s, u } = row;
  const reason =
    now.getTime() >= s.expiresAt.getTime()
      ? 'absolute'
      : now.getTime() - s.lastSeenAt.getTime() >= IDLE_MS
        ? 'idle'
        : u.disabled
          ? 'disabled'
          : null;
  const where = and(eq(sessions.districtCode, s.districtCode), eq(sessions.id, s.id));
  if (reason) {
    await db.update(sessions).set({ endedAt: now, endedReason: reason }).where(where);
    return null;
  }
  // Touch at most once a minute: idle time is then exact to a minute, and reads stay reads.
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_MS)
    await db.update(sessions).set({ lastSeenAt: now }).where(where);
  return {
    userId: u.id,
    username: u.username,
    districtCode: u.districtCode,
    role: u.role as Role | null,
    scope: scopeOfUser(u),
    sessionId: s.id,
    mustChangePassword: u.mustChangePassword,
  };
}

/** End one session. */
export async function endSession(db: Db, districtCode: string, id: string, now: Date, reason: string) {
  await db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.districtCode, districtCode), eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** End every live session of a user (disabled, password changed, role changed). */
export async function endUserSessions(
  db: Db,
  districtCode: string,
  userId: string,
  now: Date,
  reason: string,
) {
  await db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(
      and(eq(sessions.districtCode, districtCode), eq(sessions.userId, userId), isNull(sessions.endedAt)),
    );
}

/** A user row's scope as the contract type. */
export function scopeOfUser(u: typeof users.$inferSelect): Scope | null {
  if (u.scopeKind === 'division' && u.scopeDivisionCode)
    return { kind: 'division', divisionCode: u.scopeDivisionCode };
  if (u.scopeKind === 'institution' && u.scopeInstitutionId)
    return { kind: 'institution', institutionId: u.scopeInstitutionId };
  if (u.scopeKind === 'family' && u.scopeFamilyId) return { kind: 'family', familyId: u.scopeFamilyId };
  return null;
}

/** The scope columns of a user row for a scope. */
export function scopeColumns(scope: Scope | null) {
  return {
    scopeKind: scope?.kind ?? null,
    scopeDivisionCode: scope?.kind === 'division' ? scope.divisionCode : null,
    scopeInstitutionId: scope?.kind === 'institution' ? scope.institutionId : null,
    scopeFamilyId: scope?.kind === 'family' ? scope.familyId : null,
  };
}

/**
 * Set a user's new password hash: bump the version, clear the failed-login count, end every live
 * session. The caller holds the row (`u`, read for update) and writes the audit entry.
 */
export async function setPassword(
  tx: Db,
  u: typeof users.$inferSelect,
  o: { passwordHash: string; mustChange: boolean; now: Date; reason: 'password_changed' | 'password_reset' },
) {
  await tx
    .update(users)
    .set({
      passwordHash: o.passwordHash,
      mustChangePassword: o.mustChange,
      passwordChangedAt: o.now,
      updatedAt: o.now,
      version: u.version + 1,
    })
    .where(and(eq(users.districtCode, u.districtCode), eq(users.id, u.id)));
  await tx
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.districtCode, u.districtCode), eq(loginAttempts.username, u.username)));
  await endUserSessions(tx, u.districtCode, u.id, o.now, o.reason);
}
