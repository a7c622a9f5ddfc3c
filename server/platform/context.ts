/** Who is calling, from where, and when: passed explicitly to every service function. */
import type { Role, Scope } from '../../domain/contracts/auth.ts';

export interface Actor {
  userId: string;
  username: string;
  districtCode: string;
  role: Role | null;
  scope: Scope | null;
  sessionId: string;
  /** The account must change its password: only auth/me, auth/password and auth/logout are open to it. */
  mustChangePassword?: boolean;
}

export interface RequestContext {
  /** null for anonymous callers (public portal, login). */
  actor: Actor | null;
  /** The district the request concerns (the actor's, or the deployment default for anonymous calls). */
  districtCode: string;
  ip: string | null;
  requestId: string | null;
  now: Date;
}

/**
 * An actor that is no account: the whole district in scope, no role (so no action passes the policy),
 * for reads and writes the platform makes itself through the guard — a job, a department's API client,
 * the public view of a dashboard. `userId` lands in the audit trail as the actor id.
 */
export function districtActor(
  districtCode: string,
  who: { userId: string; username: string; sessionId: string },
): Actor {
  return { ...who, districtCode, role: null, scope: { kind: 'division', divisionCode: districtCode } };
}

/** The actor, or a 401 if there is none (routes with a role policy always have one). */
export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new Error('requireActor: route without a session reached a service that needs one');
  return ctx.actor;
}

/** A stable text form of a scope for the audit trail. */
export function scopeText(scope: Scope | null): string | null {
  if (!scope) return null;
  if (scope.kind === 'division') return `division:${scope.divisionCode}`;
  if (scope.kind === 'institution') return `institution:${scope.institutionId}`;
  return `family:${scope.familyId}`;
}
