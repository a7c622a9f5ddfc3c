/** Accounts written straight into the users table (setup, not under test), with a known password. */
import type { Role, Scope } from '../../domain/contracts/auth.ts';
import type { Db } from '../../server/db/client.ts';
import { scopeColumns } from '../../server/platform/auth/sessions.ts';
import { uuidv7 } from '../../server/platform/ids.ts';
import { hashPassword } from '../../server/platform/passwords.ts';
import { users } from '../../server/platform/tables.ts';
import { FACTORY_DISTRICT, FACTORY_NOW } from './context.ts';

/** The password of every factory account (passes the password policy). */
export const FACTORY_PASSWORD = 'Qingpu-Test-2026!';

let hash: Promise<string> | undefined;
let counter = 0;

export interface UserOverrides {
  username?: string;
  displayName?: string;
  role?: Role | null;
  scope?: Scope | null;
  district?: string;
  disabled?: boolean;
  mustChangePassword?: boolean;
  now?: Date;
}

/** An account; by default a district officer over the district, named `user-<n>`. */
export async function buildUser(db: Db, o: UserOverrides = {}): Promise<typeof users.$inferSelect> {
  counter += 1;
  hash ??= hashPassword(FACTORY_PASSWORD);
  const district = o.district ?? FACTORY_DISTRICT;
  const role = o.role === undefined ? 'district_officer' : o.role;
  const scope =
    o.scope === undefined ? (role ? { kind: 'division' as const, divisionCode: district } : null) : o.scope;
  const now = o.now ?? FACTORY_NOW;
  const [row] = await db
    .insert(users)
    .values({
      districtCode: district,
      id: uuidv7(now.getTime()),
      username: o.username ?? `user-${counter}`,
      displayName: o.displayName ?? `测试用户${counter}`,
      passwordHash: await hash,
      role,
      ...scopeColumns(scope),
      disabled: o.disabled ?? false,
      mustChangePassword: o.mustChangePassword ?? false,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}
