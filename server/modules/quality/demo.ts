/** Demo data of the Quality evaluation (issue 12) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import type { Db } from '../../db/client.ts';
import type { ModuleDemoContext } from '../demo.ts';

export async function seedQualityDemo(_db: Db, _ctx: ModuleDemoContext): Promise<void> {}
