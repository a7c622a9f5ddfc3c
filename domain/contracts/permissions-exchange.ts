/** Actions of department exchange (issue 15) and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const EXCHANGE_PERMISSIONS = {
  // API clients of other departments' systems: the security admin registers, lists and disables them.
  'exchange.clients.read': ['security_admin'],
  'exchange.clients.manage': ['security_admin'],
  // A client's webhook (ADR 0020): set, rotate its secret, disable, send a test event.
  'exchange.webhooks.manage': ['security_admin'],
  // Business-licence records from market regulation (ADR 0035): a district officer uploads the
  // department's export; district and town officers read the comparison with the registry (证照比对).
  'exchange.licences.import': ['district_officer'],
  'exchange.licences.read': ['district_officer', 'town_officer'],
} as const satisfies Record<string, readonly Role[]>;
