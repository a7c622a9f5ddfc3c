/**
 * Accounts. system_admin creates, edits, disables and resets; security_admin grants one role with one
 * scope and unlocks; three separated admin roles (三员分立); nobody grants wider than their own.
 */
import { and, desc, eq } from 'drizzle-orm';
import { ROLE_SCOPE_KIND, type Role, type Scope, type User } from '../../../domain/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import { endUserSessions, scopeColumns, scopeOfUser } from '../auth/sessions.ts';
import { type Actor, type RequestContext, scopeText } from '../context.ts';
import { DomainError, fieldError } from '../errors.ts';
import { scopeWhere } from '../guard.ts';
import { uuidv7 } from '../ids.ts';
import { containsAny } from '../like.ts';
import { countWhere, paged } from '../paging.ts';
import { checkPasswordPolicy, hashPassword } from '../passwords.ts';
import { describeScope, type ScopeTargets } from '../scope-targets.ts';
import { loginAttempts, users } from '../tables.ts';
import { assertVersion, updateVersioned } from '../versioned.ts';
import { assertNotLastAdmin, isAdminRole } from './admin-rules.ts';

type UserRow = typeof users.$inferSelect;

/** The public shape of an account (never the hash). */
export function toUser(u: UserRow, lockedUntil: Date | null = null): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role | null,
    scope: scopeOfUser(u),
    disabled: u.disabled,
    lockedUntil: lockedUntil ? lockedUntil.toISOString() : null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  };
}

export interface UserDeps {
  db: Db;
  scopeTargets: ScopeTargets;
}

/** The guard's mapping of the users table: an account lies where its scope lies. */
const userScope = { district: users.districtCode, division: users.scopeDivisionCode };

export function createUserService({ db, scopeTargets }: UserDeps) {
  async function getInScope(tx: Db, actor: Actor, id: string): Promise<UserRow> {
    const [u] = await tx
      .select()
      .from(users)
      .where(and(scopeWhere(actor, userScope), eq(users.id, id)));
    if (!u) throw new DomainError('not_found');
    return u;
  }

  async function lockOf(tx: Db, u: UserRow, now: Date): Promise<Date | null> {
    const [a] = await tx
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.districtCode, u.districtCode), eq(loginAttempts.username, u.username)));
    return a?.lockedUntil && a.lockedUntil > now ? a.lockedUntil : null;
  }

  return {
    async list(
      ctx: RequestContext,
      actor: Actor,
      q: { page: number; pageSize: number; q?: string | undefined; role?: Role | undefined },
    ) {
      const where = and(
        scopeWhere(actor, userScope),
        containsAny([users.username, users.displayName], q.q),
        q.role ? eq(users.role, q.role) : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select({ u: users, lockedUntil: loginAttempts.lockedUntil })
            .from(users)
            .leftJoin(
              loginAttempts,
              and(
                eq(loginAttempts.districtCode, users.districtCode),
                eq(loginAttempts.username, users.username),
              ),
            )
            .where(where)
            .orderBy(desc(users.createdAt), users.username)
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, users, where),
        map: ({ u, lockedUntil }) => toUser(u, lockedUntil && lockedUntil > ctx.now ? lockedUntil : null),
      });
      // Scope names, read now: the division's name, the institution's name, a family label (no ids).
      const labels = new Map<string, { zh: string; en: string } | null>();
      for (const u of page.items) {
        if (!u.scope) continue;
        const key = JSON.stringify(u.scope);
        if (labels.has(key)) continue;
        const target = await describeScope(db, scopeTargets, actor.districtCode, u.scope);
        labels.set(key, target ? { zh: target.labelZh, en: target.labelEn } : null);
      }
      return {
        ...page,
        items: page.items.map((u) => ({
          ...u,
          scopeLabel: u.scope ? (labels.get(JSON.stringify(u.scope)) ?? null) : null,
        })),
      };
    },

    async create(
      ctx: RequestContext,
      actor: Actor,
      body: { username: string; displayName: string; password: string },
    ) {
      const policy = checkPasswordPolicy(body.password, body.username);
      if (policy.length) throw new DomainError('validation.failed', { errors: policy });
      const passwordHash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        const [exists] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.districtCode, actor.districtCode), eq(users.username, body.username)));
        if (exists)
          throw new DomainError('conflict.duplicate', {
            detailZh: `用户名 ${body.username} 已存在`,
            detailEn: `username ${body.username} exists`,
          });
        const [u] = await tx
          .insert(users)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            username: body.username,
            displayName: body.displayName,
            passwordHash,
            mustChangePassword: true,
            passwordChangedAt: ctx.now,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'users.create',
          objectType: 'user',
          objectId: u!.id,
          changes: { username: body.username, displayName: body.displayName },
        });
        return toUser(u!);
      });
    },

    async update(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: { version: number; displayName?: string | undefined; disabled?: boolean | undefined },
    ) {
      return db.transaction(async (tx) => {
        const u = await getInScope(tx, actor, id);
        if (body.disabled !== undefined && u.id === actor.userId) throw new DomainError('users.self');
        if (body.disabled === true) await assertNotLastAdmin(tx, u);
        const set: Partial<UserRow> = {};
        if (body.displayName !== undefined) set.displayName = body.displayName;
        if (body.disabled !== undefined) set.disabled = body.disabled;
        const next = await updateVersioned(tx, users, u, body.version, set, ctx.now);
        if (body.disabled) await endUserSessions(tx, u.districtCode, u.id, ctx.now, 'disabled');
        await recordAudit(tx, ctx, {
          action: body.disabled ? 'users.disable' : 'users.update',
          objectType: 'user',
          objectId: u.id,
          changes: set,
        });
        return toUser(next, await lockOf(tx, next, ctx.now));
      });
    },

    async resetPassword(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: { version: number; newPassword: string },
    ) {
      const u0 = await getInScope(db, actor, id);
      // 三员分立: an admin's password is reset only on the server (npm run reset-admin, ADR 0010).
      if (isAdminRole(u0.role)) throw new DomainError('users.admin_password_reset');
      const policy = checkPasswordPolicy(body.newPassword, u0.username, 'newPassword');
      if (policy.length) throw new DomainError('validation.failed', { errors: policy });
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        const u = await getInScope(tx, actor, id);
        if (isAdminRole(u.role)) throw new DomainError('users.admin_password_reset');
        await updateVersioned(
          tx,
          users,
          u,
          body.version,
          { passwordHash, mustChangePassword: true, passwordChangedAt: ctx.now },
          ctx.now,
        );
        await endUserSessions(tx, u.districtCode, u.id, ctx.now, 'password_reset');
        await recordAudit(tx, ctx, {
          action: 'users.reset_password',
          objectType: 'user',
          objectId: u.id,
          changes: { password: '***' },
        });
      });
    },

    /** Grant one role with one scope. Admin accounts keep their lane; nothing wider than the grantor's. */
    async grant(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: { version: number; role: Role; scope: Scope },
    ) {
      const kind = ROLE_SCOPE_KIND[body.role];
      if (body.scope.kind !== kind)
        throw fieldError(
          'scope.kind',
          'scope.kind_for_role',
          `该角色的管辖范围应为 ${kind}`,
          `This role takes a ${kind} scope`,
        );
      if (body.scope.kind === 'division') {
        const len = body.scope.divisionCode.length;
        const districtLevel = body.role === 'district_officer' || isAdminRole(body.role);
        if ((districtLevel && len !== 6) || (body.role === 'town_officer' && len !== 9))
          throw fieldError(
            'scope.divisionCode',
            'scope.level_for_role',
            districtLevel ? '该角色的管辖范围须为区' : '街镇管理员的管辖范围须为街镇',
            districtLevel ? 'This role takes a district scope' : 'A town officer takes a town scope',
          );
      }
      return db.transaction(async (tx) => {
        const u = await getInScope(tx, actor, id);
        if (u.id === actor.userId) throw new DomainError('users.self');
        if (body.role === 'security_admin' || body.role === actor.role)
          throw new DomainError('users.escalation');
        if (isAdminRole(u.role) && u.role !== body.role) {
          await assertNotLastAdmin(tx, u);
          throw new DomainError('users.separation_of_duties');
        }
        // An admin account is created as such: an account that holds a business role never becomes one.
        if (u.role && !isAdminRole(u.role) && isAdminRole(body.role))
          throw new DomainError('users.admin_lane');
        const target = await describeScope(tx, scopeTargets, actor.districtCode, body.scope);
        if (!target)
          throw fieldError(
            'scope',
            'scope.unknown',
            '管辖范围指向的区划、机构或家庭不存在',
            'The scope names no known division, institution or family',
          );
        const grantor = actor.scope;
        if (grantor?.kind !== 'division' || !target.divisionCode.startsWith(grantor.divisionCode))
          throw new DomainError('users.escalation');
        const before = { role: u.role, scope: scopeText(scopeOfUser(u)) };
        const next = await updateVersioned(
          tx,
          users,
          u,
          body.version,
          { role: body.role, ...scopeColumns(body.scope) },
          ctx.now,
        );
        await endUserSessions(tx, u.districtCode, u.id, ctx.now, 'role_changed');
        await recordAudit(tx, ctx, {
          action: 'users.grant',
          objectType: 'user',
          objectId: u.id,
          changes: { role: [before.role, body.role], scope: [before.scope, scopeText(body.scope)] },
        });
        return toUser(next, await lockOf(tx, next, ctx.now));
      });
    },

    async unlock(ctx: RequestContext, actor: Actor, id: string, body: { version: number }) {
      return db.transaction(async (tx) => {
        const u = await getInScope(tx, actor, id);
        assertVersion(u, body.version);
        await tx
          .delete(loginAttempts)
          .where(and(eq(loginAttempts.districtCode, u.districtCode), eq(loginAttempts.username, u.username)));
        await recordAudit(tx, ctx, { action: 'users.unlock', objectType: 'user', objectId: u.id });
        return toUser(u, null);
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
