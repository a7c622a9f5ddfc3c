/** Login, logout, the caller's profile and their own password. */
import { and, eq, sql } from 'drizzle-orm';
import type { Me } from '../../../domain/contracts/auth.ts';
import { actionsOf } from '../../../domain/contracts/permissions.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { Clock } from '../clock.ts';
import type { Actor, RequestContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkPasswordPolicy, DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../passwords.ts';
import { describeScope, type ScopeTargets } from '../scope-targets.ts';
import { loginAttempts, users } from '../tables.ts';
import type { LoginRateLimiter } from './rate-limit.ts';
import {
  createSession,
  endSession,
  endUserSessions,
  resolveSession,
  scopeOfUser,
  setPassword,
} from './sessions.ts';

export const MAX_FAILURES = 5;
export const LOCK_MS = 30 * 60_000;

export interface AuthDeps {
  db: Db;
  clock: Clock;
  limiter: LoginRateLimiter;
  scopeTargets: ScopeTargets;
  /** The districts this deployment serves; a login naming any other is refused before any write. */
  districts: readonly string[];
}

export function createAuthService({ db, limiter, scopeTargets, districts }: AuthDeps) {
  async function failLogin(ctx: RequestContext, district: string, username: string): Promise<never> {
    const locked = await countFailure(ctx, district, username, 'auth.login');
    throw new DomainError(locked ? 'auth.locked' : 'auth.invalid_credentials');
  }

  /** Whether the account is locked now (failed logins or failed password changes). */
  async function lockedNow(district: string, username: string, now: Date): Promise<boolean> {
    const [attempt] = await db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.districtCode, district), eq(loginAttempts.username, username)));
    return !!attempt?.lockedUntil && attempt.lockedUntil.getTime() > now.getTime();
  }

  /**
   * Count one failed password check toward the lockout and audit it; true when this failure locked the
   * account (then its sessions end too).
   */
  async function countFailure(
    ctx: RequestContext,
    district: string,
    username: string,
    action: 'auth.login' | 'auth.password_change',
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(loginAttempts)
        .values({ districtCode: district, username, failures: 1, updatedAt: ctx.now })
        .onConflictDoUpdate({
          target: [loginAttempts.districtCode, loginAttempts.username],
          set: { failures: sql`${loginAttempts.failures} + 1`, updatedAt: ctx.now },
        })
        .returning();
      const failures = row?.failures ?? 1;
      await recordAudit(tx, ctx, {
        action,
        result: 'failure',
        username,
        objectType: 'user',
        changes: { failures },
      });
      if (failures >= MAX_FAILURES) {
        await tx
          .update(loginAttempts)
          .set({ lockedUntil: new Date(ctx.now.getTime() + LOCK_MS), failures: 0 })
          .where(and(eq(loginAttempts.districtCode, district), eq(loginAttempts.username, username)));
        await recordAudit(tx, ctx, {
          action: 'auth.lockout',
          result: 'success',
          username,
          objectType: 'user',
        });
        if (ctx.actor) await endUserSessions(tx, district, ctx.actor.userId, ctx.now, 'locked');
        return true;
      }
      return false;
    });
  }

  return {
    /** Check the password and open a session; the same answer for an unknown name and a wrong password. */
    async login(
      reqCtx: RequestContext,
      body: { username: string; password: string; district?: string | undefined },
    ) {
      const district = body.district ?? reqCtx.districtCode;
      if (!districts.includes(district))
        throw new DomainError('validation.failed', {
          errors: [
            {
              field: 'district',
              rule: 'district.unconfigured',
              message_zh: '该区不在本平台服务范围内',
              message_en: 'This district is not served by this platform',
            },
          ],
        });
      if (!limiter.take(reqCtx.ip ?? 'unknown')) throw new DomainError('auth.rate_limited');
      const ctx = { ...reqCtx, districtCode: district };
      const username = body.username.trim().toLowerCase();
      if (await lockedNow(district, username, ctx.now)) {
        await db.transaction((tx) =>
          recordAudit(tx, ctx, {
            action: 'auth.login',
            result: 'denied',
            username,
            objectType: 'user',
            changes: { reason: 'locked' },
          }),
        );
        throw new DomainError('auth.locked');
      }
      const [user] = await db
        .select()
        .from(users)
        .where(and(eq(users.districtCode, district), eq(users.username, username)));
      const ok = await verifyPassword(body.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok || user.disabled) return failLogin(ctx, district, username);
      return db.transaction(async (tx) => {
        await tx
          .delete(loginAttempts)
          .where(and(eq(loginAttempts.districtCode, district), eq(loginAttempts.username, username)));
        const cookie = await createSession(tx, district, user.id, ctx.now, ctx.ip);
        const actor: Actor = {
          userId: user.id,
          username: user.username,
          districtCode: district,
          role: user.role as Actor['role'],
          scope: scopeOfUser(user),
          sessionId: '',
        };
        await recordAudit(
          tx,
          { ...ctx, actor },
          { action: 'auth.login', objectType: 'user', objectId: user.id },
        );
        return { cookie, actor };
      });
    },

    /** End the session the cookie names, if it is still live (an expired one needs no ending). */
    async logout(ctx: RequestContext, cookie: string | undefined) {
      const actor = await resolveSession(db, cookie, ctx.now);
      if (!actor) return;
      await db.transaction(async (tx) => {
        await endSession(tx, actor.districtCode, actor.sessionId, ctx.now, 'logout');
        await recordAudit(
          tx,
          { ...ctx, actor },
          { action: 'auth.logout', objectType: 'user', objectId: actor.userId },
        );
      });
    },

    /** The profile of the cookie's live session, or null (the login page asks this: no 401 in the console). */
    async session(ctx: RequestContext, cookie: string | undefined): Promise<Me | null> {
      const actor = await resolveSession(db, cookie, ctx.now);
      if (!actor) return null;
      try {
        return await this.me(actor);
      } catch (err) {
        if (err instanceof DomainError) return null;
        throw err;
      }
    },

    /** The caller's profile, scope label and permitted actions. */
    async me(actor: Actor): Promise<Me> {
      const [u] = await db
        .select()
        .from(users)
        .where(and(eq(users.districtCode, actor.districtCode), eq(users.id, actor.userId)));
      if (!u) throw new DomainError('auth.unauthenticated');
      const target = actor.scope
        ? await describeScope(db, scopeTargets, actor.districtCode, actor.scope)
        : undefined;
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        districtCode: u.districtCode,
        role: actor.role,
        scope: actor.scope,
        scopeLabel: target ? { zh: target.labelZh, en: target.labelEn } : null,
        permittedActions: actionsOf(actor.role),
        mustChangePassword: u.mustChangePassword,
      };
    },

    /** Change one's own password; ends every session of the account (the caller logs in again). */
    async changePassword(
      ctx: RequestContext,
      actor: Actor,
      body: { currentPassword: string; newPassword: string },
    ) {
      // The same per-IP limit as login, and the same lockout: a stolen session cannot guess the password.
      if (!limiter.take(ctx.ip ?? 'unknown')) throw new DomainError('auth.rate_limited');
      if (await lockedNow(actor.districtCode, actor.username, ctx.now)) throw new DomainError('auth.locked');
      const [u] = await db
        .select()
        .from(users)
        .where(and(eq(users.districtCode, actor.districtCode), eq(users.id, actor.userId)));
      if (!u) throw new DomainError('auth.unauthenticated');
      if (!(await verifyPassword(body.currentPassword, u.passwordHash))) {
        const locked = await countFailure(ctx, actor.districtCode, actor.username, 'auth.password_change');
        if (locked) throw new DomainError('auth.locked');
        throw new DomainError('validation.failed', {
          errors: [
            {
              field: 'currentPassword',
              rule: 'auth.wrong_password',
              message_zh: '当前密码不正确',
              message_en: 'The current password is wrong',
            },
          ],
        });
      }
      const errors = checkPasswordPolicy(body.newPassword, u.username, 'newPassword');
      if (body.newPassword === body.currentPassword)
        errors.push({
          field: 'newPassword',
          rule: 'password.reuse',
          message_zh: '新密码不能与当前密码相同',
          message_en: 'The new password must differ from the current one',
        });
      if (errors.length) throw new DomainError('validation.failed', { errors });
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await setPassword(tx, u, {
          passwordHash,
          mustChange: false,
          now: ctx.now,
          reason: 'password_changed',
        });
        await recordAudit(tx, ctx, {
          action: 'auth.password_change',
          objectType: 'user',
          objectId: u.id,
          changes: { password: '***' },
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
