/**
 * Plan fixtures (issue 13): the district's first plan seeded from its pack through the same function
 * the demo uses (server/modules/plan/service.ts), so a test reads the real target rows.
 *
 *   await buildPlan(t.database.db);            // 青府办发〔2021〕35号 targets for 310118
 */
import type { Db } from '../../server/db/client.ts';
import { seedPlanFromPack } from '../../server/modules/plan/service.ts';
import { FACTORY_DISTRICT, FACTORY_NOW } from './context.ts';

export async function buildPlan(db: Db, district = FACTORY_DISTRICT, now = FACTORY_NOW): Promise<string> {
  const id = await seedPlanFromPack(db, district, now);
  if (!id) throw new Error(`buildPlan: no district pack with targets for ${district}`);
  return id;
}
