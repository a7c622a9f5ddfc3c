/** Demo data of the Plan and funding (issue 13) module: the district's 2021–2023 plan and its targets from the pack (no people). */
import type { Db } from '../../db/client.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { seedPlanFromPack } from './service.ts';

export async function seedPlanDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  // 青府办发〔2021〕35号: targets as rows; their numbers are measured from the demo registry at request time.
  await seedPlanFromPack(db, ctx.district, ctx.now);
}
