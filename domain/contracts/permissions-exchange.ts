/** Actions of department exchange (issue 15) and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const EXCHANGE_PERMISSIONS = {
  // API clients of other departments' systems: the security admin registers, lists and disables them.
  'exchange.clients.read': ['security_admin'],
  'exchange.clients.manage': ['security_admin'],
  // A client's webhook (ADR 0020): set, rotate its secret, disable, send a test event.
  'exchange.webhooks.manage': ['security_admin'],
} as const satisfies Record<string, readonly Role[]>;
