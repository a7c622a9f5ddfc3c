/** Seed the demo Qingpu district on an empty database: module demo data, then one account per role. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { seedModuleDemo, seedModuleDemoWithAccounts } from '../modules/demo.ts';
import { users } from '../platform/tables.ts';
import { demoAccounts, generatePassword, seedDemoAccounts } from './accounts.ts';
import { Rng } from './rng.ts';

export interface DemoResult {
  seeded: boolean;
  usernames: string[];
  /** Only when generated on this seed (printed once). */
  generatedPassword?: string;
  accountsFile?: string;
}

/**
 * Every account of the demo district: the one-per-role accounts in their order, then those a module's
 * demo added for its own journeys (e.g. supervision's second inspector), by username. All share the
 * demo password.
 */
export async function demoAccountList(
  db: Db,
  district: string,
  firstOrder: readonly string[] = [],
): Promise<{ username: string; role: string | null }[]> {
  const rows = await db
    .select({ username: users.username, role: users.role })
    .from(users)
    .where(eq(users.districtCode, district))
    .orderBy(asc(users.username));
  const rank = (u: string) => {
    const i = firstOrder.indexOf(u);
    return i < 0 ? firstOrder.length : i;
  };
  return rows.sort((a, b) => rank(a.username) - rank(b.username));
}

/** Whether the district has no accounts yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(
  db: Db,
  opts: { district: string; password?: string | undefined; dataDir: string; now: Date },
): Promise<DemoResult> {
  if (!(await isEmpty(db))) return { seeded: false, usernames: [] };
  const rng = new Rng(20210827);
  const modules = await seedModuleDemo(db, { district: opts.district, rng, now: opts.now });
  const demoInstitutionId = modules.demoInstitutionId ?? rng.uuid(opts.now.getTime());
  const demoFamilyId = modules.demoFamilyId ?? rng.uuid(opts.now.getTime());
  const accounts = demoAccounts(opts.district, demoInstitutionId, demoFamilyId);
  const password = opts.password ?? generatePassword();
  const accountIds = await seedDemoAccounts(db, opts.district, accounts, password, opts.now, rng);
  await seedModuleDemoWithAccounts(db, {
    district: opts.district,
    rng,
    now: opts.now,
    demoInstitutionId,
    demoFamilyId,
    accounts: accountIds,
  });
  const all = await demoAccountList(
    db,
    opts.district,
    accounts.map((a) => a.username),
  );
  const usernames = all.map((a) => a.username);
  if (opts.password) return { seeded: true, usernames };
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'demo-accounts.txt');
  const lines = all.map((a) => `${a.username.padEnd(16)} ${a.role ?? ''}`);
  writeFileSync(
    file,
    `# Tuoyu demo accounts (synthetic). Password for all: ${password}\n${lines.join('\n')}\n`,
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  return { seeded: true, usernames, generatedPassword: password, accountsFile: file };
}
