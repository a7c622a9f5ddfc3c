/** Demo data of the business modules (deterministic, synthetic). */
import type { Db } from '../db/client.ts';
import type { Rng } from '../demo/rng.ts';
import { seedInstitutionsDemo } from './institutions/demo.ts';

export interface ModuleDemoResult {
  /** The institution in 朱家角镇 that the demo `institution` account runs. */
  demoInstitutionId?: string;
  /** The family of the demo `parent` account (families module, later). */
  demoFamilyId?: string;
}

export async function seedModuleDemo(
  db: Db,
  opts: { district: string; rng: Rng; now: Date },
): Promise<ModuleDemoResult> {
  const { demoInstitutionId } = await seedInstitutionsDemo(db, opts);
  return { demoInstitutionId };
}
