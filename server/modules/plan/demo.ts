/** Demo data of the Plan and funding (issue 13) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import type { Db } from '../../db/client.ts';
import type { ModuleDemoContext } from '../demo.ts';

export async function seedPlanDemo(_db: Db, _ctx: ModuleDemoContext): Promise<void> {}
