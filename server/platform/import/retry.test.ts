/**
 * A commit whose second batch fails: the first batch stays (its own transaction), the job is retried
 * and the retry adds only the rest — every row once, nothing lost, nothing twice.
 */
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import {
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
} from '../../modules/institutions/factories.ts';
import { institutionImport } from '../../modules/institutions/import.ts';
import { institutions } from '../../modules/institutions/tables.ts';
import type { Actor, RequestContext } from '../context.ts';
import { memoryFileStorage } from '../files/storage.ts';
import { createJobs } from '../jobs/index.ts';
import { createImportService } from './service.ts';
import { importRuns } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('a failed batch is retried by the job; the rows end up written exactly once', async () => {
  const db = t.database.db;
  const jobs = createJobs({ db, clock: t.clock });
  let calls = 0;
  const flaky = {
    ...institutionImport,
    kind: 'flaky_institutions',
    commitBatch: async (...args: Parameters<typeof institutionImport.commitBatch>) => {
      calls += 1;
      if (calls === 2) throw new Error('connection lost');
      return institutionImport.commitBatch(...args);
    },
  };
  const imports = createImportService({ db, storage: memoryFileStorage(), jobs, batchSize: 1000 }, flaky);
  const userId = await t.createUser('importer', 'district_officer', {
    kind: 'division',
    divisionCode: DISTRICT,
  });
  const actor: Actor = {
    userId,
    username: 'importer',
    districtCode: DISTRICT,
    role: 'district_officer',
    scope: { kind: 'division', divisionCode: DISTRICT },
    sessionId: 'test',
  };
  const ctx: RequestContext = {
    actor,
    districtCode: DISTRICT,
    ip: null,
    requestId: 'test',
    now: t.clock.now(),
  };
  const rows = Array.from({ length: 2_500 }, (_, i) =>
    importRowOf(
      buildInstitutionInput({ creditCode: creditCodeFor(77_000_000 + i), name: `青浦区重试测试托育园${i}` }),
    ),
  );
  const run = await imports.upload(ctx, actor, {
    fileName: 'retry.csv',
    data: Buffer.from(csvText([IMPORT_HEADERS, ...rows])),
  });
  expect(run.errorCount).toBe(0);
  const started = await imports.commit(ctx, actor, run.id);
  const count = async () =>
    (await db.select().from(institutions).where(like(institutions.name, '青浦区重试测试托育园%'))).length;

  await jobs.runDue();
  const [failed] = await db.select().from(importRuns).where(eq(importRuns.id, run.id));
  expect(failed).toMatchObject({ status: 'failed', doneRows: 1_000, insertedRows: 1_000 });
  expect(await count()).toBe(1_000);
  expect((await jobs.get(DISTRICT, started.jobId!))?.status).toBe('queued');

  t.clock.advanceMinutes(10); // past the backoff
  await jobs.runDue();
  const [done] = await db.select().from(importRuns).where(eq(importRuns.id, run.id));
  expect(done).toMatchObject({ status: 'committed', doneRows: 2_500, insertedRows: 2_500 });
  expect(await count()).toBe(2_500);
  expect((await jobs.get(DISTRICT, started.jobId!))?.status).toBe('succeeded');
});
