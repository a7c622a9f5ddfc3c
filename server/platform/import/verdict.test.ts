/**
 * The commit reuses the dry run's verdict only while the stored bytes (sha256) and the caller's scope
 * are those it was checked with: then each row is read and checked once, as it is written. A stored
 * file that changed is re-checked in full first, and a bad row means nothing is written.
 */
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let actor: Actor;
let ctx: RequestContext;
beforeAll(async () => {
  t = await createTestApp();
  const userId = await t.createUser('verdict', 'district_officer', {
    kind: 'division',
    divisionCode: DISTRICT,
  });
  actor = {
    userId,
    username: 'verdict',
    districtCode: DISTRICT,
    role: 'district_officer',
    scope: { kind: 'division', divisionCode: DISTRICT },
    sessionId: 'test',
  };
  ctx = { actor, districtCode: DISTRICT, ip: null, requestId: 'test', now: t.clock.now() };
});
afterAll(() => t.close());

const rowsFrom = (n: number, base: number, name: string) =>
  Array.from({ length: n }, (_, i) =>
    importRowOf(buildInstitutionInput({ creditCode: creditCodeFor(base + i), name: `${name}${i}` })),
  );
const csv = (rows: string[][]) => Buffer.from(csvText([IMPORT_HEADERS, ...rows]));

/** A service whose definition counts the rows it converts (one count per row checked). */
function counted(kind: string) {
  const storage = memoryFileStorage();
  let checks = 0;
  const def = {
    ...institutionImport,
    kind,
    toInput: (c: Record<string, string>) => {
      checks += 1;
      return institutionImport.toInput(c);
    },
  };
  const jobs = createJobs({ db: t.database.db, clock: t.clock });
  return {
    storage,
    imports: createImportService({ db: t.database.db, storage, jobs }, def),
    checks: () => checks,
  };
}
const named = async (prefix: string) =>
  (
    await t.database.db
      .select()
      .from(institutions)
      .where(like(institutions.name, `${prefix}%`))
  ).length;

describe('import commit: the dry run verdict', () => {
  it('unchanged file and scope: each row is checked once more, as it is written', async () => {
    const s = counted('verdict_same');
    const run = await s.imports.upload(ctx, actor, {
      fileName: 'a.csv',
      data: csv(rowsFrom(1_500, 81_000_000, '青浦区结论复用托育园')),
    });
    expect(run).toMatchObject({ status: 'checked', totalRows: 1_500 });
    expect(s.checks()).toBe(1_500);
    await s.imports.startCommit(ctx, actor, run.id, async () => '0190a000-0000-7000-8000-0000000000aa');
    expect(await s.imports.runCommit(ctx, actor, run.id)).toEqual({ total: 1_500, inserted: 1_500 });
    expect(s.checks()).toBe(3_000);
    expect(await named('青浦区结论复用托育园')).toBe(1_500);
  });

  it('a stored file that changed is re-checked in full first: a bad row, nothing written', async () => {
    const s = counted('verdict_changed');
    const good = rowsFrom(1_500, 82_000_000, '青浦区文件被改托育园');
    const run = await s.imports.upload(ctx, actor, { fileName: 'b.csv', data: csv(good) });
    expect(run.status).toBe('checked');
    const [row] = await t.database.db.select().from(importRuns).where(eq(importRuns.id, run.id));
    expect(row!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = good.map((r) => [...r]);
    bad[1_400]![2] = '托管班'; // the last batch: a single pass would have written the first batch
    await s.storage.put(row!.fileKey, csv(bad));
    await s.imports.startCommit(ctx, actor, run.id, async () => '0190a000-0000-7000-8000-0000000000ab');
    await expect(s.imports.runCommit(ctx, actor, run.id)).rejects.toMatchObject({
      code: 'import.has_errors',
    });
    const [after] = await t.database.db.select().from(importRuns).where(eq(importRuns.id, run.id));
    expect(after).toMatchObject({ status: 'invalid', errorCount: 1, doneRows: 0 });
    expect(after!.errors).toMatchObject([{ row: 1_402, column: '类型' }]);
    expect(await named('青浦区文件被改托育园')).toBe(0);
  });
});
