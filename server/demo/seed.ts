/** Seed the demo Qingpu district on an empty database: module demo data, then one account per role. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { findDivision, townsOf } from '../../domain/divisions.ts';
import type { Db } from '../db/client.ts';
import { seedModuleDemo, seedModuleDemoWithAccounts } from '../modules/demo.ts';
import { seedInstitutionsDemo } from '../modules/institutions/demo.ts';
import { institutions } from '../modules/institutions/tables.ts';
import { users } from '../platform/tables.ts';
import { type DemoAccount, demoAccounts, generatePassword, seedDemoAccounts } from './accounts.ts';
import { districtSeed, Rng } from './rng.ts';

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

/** The size of a second district's demo: its first three towns, 400 children. */
export const EXTRA_DISTRICT_SCALE = { towns: 3, children: 400 } as const;

/**
 * The accounts of a second district's demo: a district officer, a town officer, an institution's admin,
 * and the staff roles the other modules' demos act as or assign (an inspector, a health worker, a
 * guidance worker of the first town, a quality evaluator, a department liaison).
 */
export function extraDistrictAccounts(district: string, institutionId: string): DemoAccount[] {
  const name = findDivision(district)?.nameZh ?? district;
  const town = townsOf(district)[0];
  if (!town) throw new Error(`demo: no towns known for district ${district}`);
  const townSlug = town.nameEn.replace(/ (Town|Subdistrict)$/, '').toLowerCase();
  const d = { kind: 'division' as const, divisionCode: district };
  return [
    {
      username: 'district',
      displayName: `${name}托育服务指导中心 冯老师`,
      role: 'district_officer',
      scope: d,
    },
    {
      username: `town-${townSlug}`,
      displayName: `${town.nameZh} 蒋老师`,
      role: 'town_officer',
      scope: { kind: 'division', divisionCode: town.code },
    },
    {
      username: 'institution',
      displayName: '机构负责人 韩园长',
      role: 'institution_admin',
      scope: { kind: 'institution', institutionId },
    },
    { username: 'inspector', displayName: '检查员 沈工', role: 'inspector', scope: d },
    { username: 'health', displayName: '社区卫生服务中心 杨医生', role: 'health_worker', scope: d },
    {
      username: 'guidance',
      displayName: `${town.nameZh}育儿指导站 朱老师`,
      role: 'guidance_staff',
      scope: { kind: 'division', divisionCode: town.code },
    },
    { username: 'evaluator', displayName: '第三方评估机构 秦老师', role: 'evaluator', scope: d },
    { username: 'department', displayName: `${name}教育局 联络员 尤老师`, role: 'department', scope: d },
  ];
}

/**
 * A second demo district (DEMO_DISTRICTS, issue 15): a smaller demo of the same modules' demo functions
 * in the same order — the registry of its first towns, its accounts (extraDistrictAccounts), the staff
 * of its institutions, a few hundred families, and the facilities, 宝宝屋, supervision, quality, plan,
 * subsidy, national-sync and operating demos on those — so that two tenants share the database and the
 * isolation between them can be seen and tested over every module. Only when the district has no
 * accounts yet; the password is the first district's. Answers the usernames seeded (none when it was
 * not empty).
 */
export async function seedExtraDistrict(
  db: Db,
  opts: { district: string; password: string; now: Date },
): Promise<string[]> {
  const { district, now } = opts;
  const [has] = await db.select({ n: count() }).from(users).where(eq(users.districtCode, district));
  if ((has?.n ?? 0) > 0) return [];
  const rng = new Rng(districtSeed(20210827, district));
  // copy 1: credit codes and director numbers of their own, no draft for a demo account to submit.
  await seedInstitutionsDemo(db, { district, rng, now, copy: 1, towns: EXTRA_DISTRICT_SCALE.towns });
  const [inst] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(and(eq(institutions.districtCode, district), inArray(institutions.status, ['operating'])))
    .orderBy(asc(institutions.townCode), asc(institutions.name))
    .limit(1);
  if (!inst) throw new Error(`demo: no operating institution seeded in ${district}`);
  const accounts = extraDistrictAccounts(district, inst.id);
  const ids = await seedDemoAccounts(db, district, accounts, opts.password, now, rng);
  const ctx = {
    district,
    rng,
    now,
    demoInstitutionId: inst.id,
    // No demo parent in the second district: a family id no family has.
    demoFamilyId: rng.uuid(now.getTime()),
    accounts: ids,
    scale: EXTRA_DISTRICT_SCALE,
  };
  // The same modules' demos in the same order as the first district's (seedModuleDemoWithAccounts, which
  // ends with analyze), at the smaller scale and with the accounts above.
  await seedModuleDemoWithAccounts(db, ctx);
  return accounts.map((a) => a.username);
}
