/** Demo data of the Workforce (issue 9) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import type { Db } from '../../db/client.ts';
import type { ModuleDemoContext } from '../demo.ts';

export async function seedWorkforceDemo(_db: Db, _ctx: ModuleDemoContext): Promise<void> {}
