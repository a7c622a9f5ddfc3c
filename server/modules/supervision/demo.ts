/** Demo data of the Supervision (issue 10) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import type { Db } from '../../db/client.ts';
import type { ModuleDemoContext } from '../demo.ts';

export async function seedSupervisionDemo(_db: Db, _ctx: ModuleDemoContext): Promise<void> {}
