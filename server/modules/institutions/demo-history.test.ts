/**
 * The demo history names no raw username: the seed runs before the demo accounts exist, so its rows have
 * no actor and the console shows 操作人：系统 / "By system" (inst.system), never `district`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { Rng } from '../../demo/rng.ts';
import { seedInstitutionsDemo } from './demo.ts';
import { institutionStatusHistory } from './tables.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedInstitutionsDemo(database.db, {
    district: '310118',
    rng: new Rng(5),
    now: new Date('2026-06-01'),
  });
});
afterAll(() => database.close());

describe('demo institution history', () => {
  it('has every lifecycle step, and no entry shows a username without an account behind it', async () => {
    const rows = await database.db.select().from(institutionStatusHistory);
    expect(rows.length).toBeGreaterThan(110);
    expect(new Set(rows.map((r) => r.action))).toContain('approve');
    const rawNames = rows.filter((r) => r.actorUsername !== null && r.actorId === null);
    expect(rawNames).toEqual([]);
  });
});
