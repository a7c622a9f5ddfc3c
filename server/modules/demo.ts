/** Demo data of the business modules (deterministic, synthetic). */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Rng } from '../demo/rng.ts';
import { seedLicenceDemo } from './exchange/licence-demo.ts';
import { seedBaobaowuDemo } from './families/baobaowu-demo.ts';
import { seedCommunityDemandDemo } from './families/communities-demo.ts';
import { seedFamiliesDemo } from './families/demo.ts';
import { seedDemoParentFamily } from './families/demo-parent.ts';
import { seedFacilitiesDemo } from './families/facilities-demo.ts';
import { seedOnlineDemo } from './families/online-demo.ts';
import { seedRightsDemo } from './families/rights-demo.ts';
import { seedInstitutionsDemo } from './institutions/demo.ts';
import { seedNationalSyncDemo } from './institutions/national-sync-demo.ts';
import { seedOperatingDemo } from './operating/demo.ts';
import { seedPlanDemo } from './plan/demo.ts';
import { seedQualityDemo } from './quality/demo.ts';
import { seedSubsidyDemo } from './subsidy/demo.ts';
import { seedCameraDemo, seedComplaintDemo, seedDrillDemo } from './supervision/complaint-demo.ts';
import { seedSupervisionDemo } from './supervision/demo.ts';
import { seedWorkforceDemo } from './workforce/demo.ts';

export interface ModuleDemoResult {
  /** The institution in 朱家角镇 that the demo `institution` account runs. */
  demoInstitutionId?: string;
  /** The family of the demo `parent` account (families module). */
  demoFamilyId?: string;
}

/** Phase 1, before the accounts exist: the objects that demo accounts are scoped to. */
export async function seedModuleDemo(
  db: Db,
  opts: { district: string; rng: Rng; now: Date },
): Promise<ModuleDemoResult> {
  const { demoInstitutionId } = await seedInstitutionsDemo(db, opts);
  const { demoFamilyId } = await seedDemoParentFamily(db, opts);
  return { demoInstitutionId, demoFamilyId };
}

/** What phase 2 gets: the district, the seeded Rng, the clock, phase 1's objects and the demo accounts. */
export interface ModuleDemoContext {
  district: string;
  rng: Rng;
  now: Date;
  demoInstitutionId: string;
  demoFamilyId: string;
  /** username → user id of the demo accounts (server/demo/accounts.ts). */
  accounts: ReadonlyMap<string, string>;
  /**
   * A smaller demo (a second district, server/demo/seed.ts `seedExtraDistrict`): only the district's
   * first `towns` towns and `children` children. Absent: the whole district at full size.
   */
  scale?: { towns: number; children: number };
}

/** Phase 2, after the accounts: each module in the roadmap's order (later ones read earlier ones' rows). */
export async function seedModuleDemoWithAccounts(db: Db, ctx: ModuleDemoContext): Promise<void> {
  await seedWorkforceDemo(db, ctx);
  await seedFamiliesDemo(db, ctx);
  await seedFacilitiesDemo(db, ctx);
  await seedBaobaowuDemo(db, ctx);
  await seedCommunityDemandDemo(db, ctx);
  await seedRightsDemo(db, ctx);
  await seedOnlineDemo(db, ctx);
  await seedSupervisionDemo(db, ctx);
  await seedComplaintDemo(db, ctx);
  await seedDrillDemo(db, ctx);
  await seedCameraDemo(db, ctx);
  await seedQualityDemo(db, ctx);
  await seedPlanDemo(db, ctx);
  await seedSubsidyDemo(db, ctx);
  await seedNationalSyncDemo(db, ctx);
  await seedOperatingDemo(db, ctx);
  await seedLicenceDemo(db, ctx);
  // Statistics for every table the demo filled: without them the planner (PGlite above all) guesses
  // row counts and scans, e.g. guidance sessions per family took 2.2 s instead of milliseconds.
  await db.execute(sql`analyze`);
}
