/** Rules that keep 三员分立 working: which roles are admin roles, and never losing the last holder of one. */
import { and, eq } from 'drizzle-orm';
import { ADMIN_ROLES } from '../../../domain/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../errors.ts';
import { users } from '../tables.ts';

export const isAdminRole = (r: string | null) => !!r && (ADMIN_ROLES as readonly string[]).includes(r);

/**
 * Refuse to take away the last active holder of an admin role (nobody could grant, audit or manage
 * accounts any more). The holders' rows are locked, so two concurrent disables cannot both pass.
 */
export async function assertNotLastAdmin(tx: Db, u: typeof users.$inferSelect): Promise<void> {
  if (!isAdminRole(u.role) || u.disabled) return;
  const holders = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.districtCode, u.districtCode), eq(users.role, u.role!), eq(users.disabled, false)))
    .for('update');
  if (holders.filter((h) => h.id !== u.id).length === 0)
    throw new DomainError('users.last_admin', { detailZh: u.role!, detailEn: u.role! });
}
