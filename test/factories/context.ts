/** Actors and request contexts for factories that write through services (synthetic, no session). */
import type { Role, Scope } from '../../domain/contracts/auth.ts';
import type { Actor, RequestContext } from '../../server/platform/context.ts';
import { uuidv7 } from '../../server/platform/ids.ts';

export const FACTORY_DISTRICT = '310118';
/** The TestClock's default start (a Monday inside the holiday calendar). */
export const FACTORY_NOW = new Date('2026-03-02T01:00:00.000Z');

/** A synthetic actor; by default a district officer over the whole district. */
export function actorFor(
  role: Role = 'district_officer',
  scope: Scope = { kind: 'division', divisionCode: FACTORY_DISTRICT },
  o: { district?: string; userId?: string; username?: string } = {},
): Actor {
  return {
    userId: o.userId ?? uuidv7(),
    username: o.username ?? `factory-${role}`,
    districtCode: o.district ?? FACTORY_DISTRICT,
    role,
    scope,
    sessionId: 'factory',
  };
}

/** A request context for `actor` at `now`. */
export function contextFor(actor: Actor | null, now: Date = FACTORY_NOW): RequestContext {
  return { actor, districtCode: actor?.districtCode ?? FACTORY_DISTRICT, ip: null, requestId: null, now };
}
