/** keys:rotate — re-encrypt and re-index in batches, resumable, audited; lookups work throughout. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { Rng } from '../../demo/rng.ts';
import { demoDirectorId, seedInstitutionsDemo } from '../../modules/institutions/demo.ts';
import { directorIdTaken } from '../../modules/institutions/repository.ts';
import { institutions } from '../../modules/institutions/tables.ts';
import { addKey, generateKeyRing, type KeyRing } from '../crypto/keys.ts';
import { keyIdsInUse, rotatePersonalData } from '../crypto/rotate.ts';
import { indexValue, installKeyRing, keyProblems, openValue } from '../personal-data.ts';

let database: TestDatabase;
let ring: KeyRing;
beforeAll(async () => {
  database = await createTestDatabase();
  ring = generateKeyRing();
  installKeyRing(ring);
  await seedInstitutionsDemo(database.db, {
    district: '310118',
    rng: new Rng(3),
    now: new Date('2026-06-01'),
  });
});
afterAll(() => database.close());

const keyIds = async () =>
  (
    (await database.db.execute(
      sql`select split_part(director_id_number, '.', 2) as e, split_part(director_id_number_bidx, '.', 1) as i, count(*)::int as n
          from institutions group by 1, 2 order by 1, 2`,
    )) as unknown as { rows: { e: string; i: string; n: number }[] }
  ).rows;

describe('key rotation', () => {
  it('moves every value onto new encryption and index keys, resumably, with lookups working throughout', async () => {
    expect(await keyIds()).toEqual([{ e: 'e1', i: 'i1', n: 110 }]);
    ring = addKey(addKey(ring, 'encryption').ring, 'blindIndex').ring;
    installKeyRing(ring);
    // Before the rotation: old rows are still found through the old index key.
    expect(await directorIdTaken(database.db, '310118', demoDirectorId(5))).toBe(true);

    // Interrupted after the first batch of 25...
    await expect(
      rotatePersonalData(database.db, {
        batchSize: 25,
        onBatch: () => {
          throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(await keyIds()).toEqual([
      { e: 'e1', i: 'i1', n: 85 },
      { e: 'e2', i: 'i2', n: 25 },
    ]);
    // ...and run again: the rest moves, in batches.
    const [report] = await rotatePersonalData(database.db, { batchSize: 25 });
    expect(report).toMatchObject({
      table: 'institutions',
      column: 'director_id_number',
      rows: 85,
      batches: 4,
    });
    expect(await keyIds()).toEqual([{ e: 'e2', i: 'i2', n: 110 }]);
    const mobiles = (
      (await database.db.execute(
        sql`select count(*)::int as n from institutions where director_mobile not like 'pd1.e2.%'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n;
    expect(mobiles).toBe(0);

    // The values are the same, lookups find them, a rerun has nothing to do.
    const [row] = await database.db
      .select()
      .from(institutions)
      .where(eq(institutions.directorIdNumberBidx, indexValue('citizen_id', demoDirectorId(5))));
    expect(openValue('citizen_id', row!.directorIdNumber!)).toBe(demoDirectorId(5));
    expect((await rotatePersonalData(database.db)).every((r) => r.rows === 0)).toBe(true);

    // Audited per batch and district (counts only, no values).
    const audit = (
      (await database.db.execute(
        sql`select changes::text as c from audit_log where action = 'personal_data.rotate' order by entry_no`,
      )) as unknown as { rows: { c: string }[] }
    ).rows;
    expect(audit.length).toBeGreaterThanOrEqual(5 + 5);
    expect(JSON.parse(audit[0]!.c)).toEqual({
      column: 'director_id_number',
      rows: 25,
      encryptionKey: 'e2',
      indexKey: 'i2',
    });

    // The old keys are no longer used: a ring without them still opens everything.
    const used = await keyIdsInUse(database.db);
    expect([...used.encryption]).toEqual(['e2']);
    expect([...used.blindIndex]).toEqual(['i2']);
    installKeyRing({
      encryption: { current: 'e2', keys: new Map([['e2', ring.encryption.keys.get('e2')!]]) },
      blindIndex: { current: 'i2', keys: new Map([['i2', ring.blindIndex.keys.get('i2')!]]) },
    });
    expect(await keyProblems(database.db)).toEqual([]);
  });
});
