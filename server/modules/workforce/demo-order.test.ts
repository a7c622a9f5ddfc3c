/**
 * The workforce demo draws each institution's and class's staff from the shared seeded PRNG one row at
 * a time, so the rows must come in a fixed order: the same seed must give the same staff whatever the
 * physical order of the institution and class rows (an UPDATE moves a row; PGlite and PostgreSQL return
 * an unordered scan in physical order). Two databases seeded alike, one with its rows moved by updates
 * before the workforce demo runs: the staff must be the same.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { seedInstitutionsDemo } from '../institutions/demo.ts';
import { seedWorkforceDemo } from './demo.ts';

const D = '310118';
const NOW = new Date('2026-03-02T01:00:00Z');
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestApp(), createTestApp()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

async function seed(t: TestApp, shuffle: boolean) {
  const rng = new Rng(districtSeed(20210827, D));
  const { demoInstitutionId } = await seedInstitutionsDemo(t.database.db, {
    district: D,
    rng,
    now: NOW,
    towns: 3,
  });
  if (shuffle) {
    // Move every other row to the end of its table (a new tuple version), as an ordinary edit does.
    await t.database.db.execute(
      sql`update institutions set name = name where district_code = ${D} and right(id::text, 1) in ('0','2','4','6','8','a','c','e')`,
    );
    await t.database.db.execute(
      sql`update institution_classes set name = name where district_code = ${D} and right(id::text, 1) in ('1','3','5','7','9','b','d','f')`,
    );
  }
  await seedWorkforceDemo(t.database.db, {
    district: D,
    rng,
    now: NOW,
    demoInstitutionId,
    demoFamilyId: '01900000-0000-7000-8000-000000000001',
    accounts: new Map(),
    scale: { towns: 3, children: 100 },
  });
  const rows = (await t.database.db.execute(
    sql`select s.id, s.full_name, e.institution_id, e.post,
          (select string_agg(a.class_id::text, ',' order by a.class_id) from workforce_class_assignments a
           where a.district_code = e.district_code and a.employment_id = e.id) as classes
        from workforce_staff s
        join workforce_employments e on e.district_code = s.district_code and e.staff_id = s.id
        where s.district_code = ${D} order by s.id, e.institution_id`,
  )) as unknown as { rows: unknown[] };
  return rows.rows;
}

describe('workforce demo: the same seed gives the same staff whatever the rows’ physical order', () => {
  it('a database whose institution and class rows were moved by updates gets the same staff', async () => {
    const [plain, moved] = await Promise.all([seed(a, false), seed(b, true)]);
    expect(plain.length).toBeGreaterThan(50);
    expect(moved).toEqual(plain);
  });
});
