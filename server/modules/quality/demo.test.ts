/** The quality demo: a completed 2025 round with two demonstration institutions, an open 2026 round, the evaluator assigned. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT } from '../../../test/app.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { seedReference } from '../../db/reference.ts';
import { seedDemo } from '../../demo/seed.ts';
import { qualityParticipants, qualityRoundEvaluators, qualityRounds } from './tables.ts';

let dir: string;
let database: Awaited<ReturnType<typeof openDatabase>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-qdemo-'));
  database = await openDatabase({ dataDir: path.join(dir, 'pglite') });
  await migrate(database);
  await seedReference(database.db);
  await seedDemo(database.db, {
    district: DISTRICT,
    password: 'Demo-Quality-2026!x',
    dataDir: dir,
    now: new Date('2026-12-04T03:00:00Z'),
  });
}, 120_000);
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('quality demo', () => {
  it('has a completed 2025 round and an open 2026 round with the evaluator assigned to both', async () => {
    const rounds = await database.db.select().from(qualityRounds).orderBy(asc(qualityRounds.year));
    expect(rounds.map((r) => [r.year, r.status, r.drawnAt !== null])).toEqual([
      [2025, 'completed', true],
      [2026, 'open', true],
    ]);
    const evaluators = await database.db.select().from(qualityRoundEvaluators);
    expect(evaluators.map((e) => e.username)).toEqual(['evaluator', 'evaluator']);
    const p25 = await database.db
      .select()
      .from(qualityParticipants)
      .where(eq(qualityParticipants.roundId, rounds[0]!.id));
    expect(p25.length).toBeGreaterThanOrEqual(6);
    expect(p25.every((p) => p.grade !== null)).toBe(true);
    expect(p25.filter((p) => p.demonstration)).toHaveLength(2);
    expect(p25.filter((p) => p.vetoed)).toHaveLength(1);
    expect(new Set(p25.map((p) => p.grade)).size).toBeGreaterThan(1);
  });
});
