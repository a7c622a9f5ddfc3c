/**
 * The commit and the error report read the stored upload as a stream from the FileStorage: never the
 * whole file (`get` is not called), and the reader stays within a few chunks of the rows written.
 */
import { like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
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
import { type FileStorage, memoryFileStorage } from '../files/storage.ts';
import { createJobs } from '../jobs/index.ts';
import { createImportService } from './service.ts';

let t: TestApp;
let actor: Actor;
let ctx: RequestContext;
beforeAll(async () => {
  t = await createTestApp();
  const userId = await t.createUser('streamer', 'district_officer', {
    kind: 'division',
    divisionCode: DISTRICT,
  });
  actor = {
    userId,
    username: 'streamer',
    districtCode: DISTRICT,
    role: 'district_officer',
    scope: { kind: 'division', divisionCode: DISTRICT },
    sessionId: 'test',
  };
  ctx = { actor, districtCode: DISTRICT, ip: null, requestId: 'test', now: t.clock.now() };
});
afterAll(() => t.close());

/** A memory storage that refuses whole-file reads and counts the bytes each opened stream hands out. */
function streamingOnly() {
  const inner = memoryFileStorage();
  const opened: { bytes: number }[] = [];
  const storage: FileStorage = {
    put: inner.put,
    delete: inner.delete,
    get: async () => {
      throw new Error('the whole stored file was read');
    },
    async open(key) {
      const src = await inner.open!(key);
      if (!src) return undefined;
      const count = { bytes: 0 };
      opened.push(count);
      return (async function* () {
        for await (const chunk of src) {
          count.bytes += chunk.length;
          yield chunk;
        }
      })();
    },
  };
  return { storage, opened };
}

const rowsFrom = (n: number, base: number, name: string) =>
  Array.from({ length: n }, (_, i) =>
    importRowOf(buildInstitutionInput({ creditCode: creditCodeFor(base + i), name: `${name}${i}` })),
  );

describe('import: the stored upload is streamed', () => {
  it('the commit reads it in chunks, a batch at a time, and writes every row once', async () => {
    const { storage, opened } = streamingOnly();
    const seenAtBatch: number[] = [];
    const def = {
      ...institutionImport,
      kind: 'streamed',
      commitBatch: (...args: Parameters<typeof institutionImport.commitBatch>) => {
        seenAtBatch.push(opened.at(-1)!.bytes);
        return institutionImport.commitBatch(...args);
      },
    };
    const jobs = createJobs({ db: t.database.db, clock: t.clock });
    const imports = createImportService({ db: t.database.db, storage, jobs, batchSize: 500 }, def);
    const data = Buffer.from(
      csvText([IMPORT_HEADERS, ...rowsFrom(6_000, 83_000_000, '青浦区流式读取托育园')]),
    );
    expect(data.length).toBeGreaterThan(1_000_000);
    const run = await imports.upload(ctx, actor, { fileName: 'big.csv', data });
    expect(run).toMatchObject({ status: 'checked', totalRows: 6_000 });
    await imports.startCommit(ctx, actor, run.id, async () => '0190a000-0000-7000-8000-0000000000ac');
    expect(await imports.runCommit(ctx, actor, run.id)).toEqual({ total: 6_000, inserted: 6_000 });
    // Two passes over the stored file: the sha256, then the rows.
    expect(opened).toHaveLength(2);
    expect(opened[0]!.bytes).toBe(data.length);
    expect(seenAtBatch).toHaveLength(12);
    // When the first batch of 500 rows (≈ 1/12 of the file) is written, the reader has read a few
    // 64 KiB chunks, not the file: whole-file reading would show data.length here.
    expect(seenAtBatch[0]!).toBeLessThan(data.length / 3);
    expect(seenAtBatch[5]!).toBeLessThan(data.length * (7 / 12) + 3 * 64 * 1024);
    const written = await t.database.db
      .select({ id: institutions.id })
      .from(institutions)
      .where(like(institutions.name, '青浦区流式读取托育园%'));
    expect(written).toHaveLength(6_000);
  });

  it('the error report of a run with errors is built from the stream too', async () => {
    const { storage, opened } = streamingOnly();
    const jobs = createJobs({ db: t.database.db, clock: t.clock });
    const imports = createImportService(
      { db: t.database.db, storage, jobs },
      { ...institutionImport, kind: 'streamed_report' },
    );
    const rows = rowsFrom(50, 84_000_000, '青浦区流式报告托育园');
    rows[10]![2] = '托管班';
    const run = await imports.upload(ctx, actor, {
      fileName: 'bad.csv',
      data: Buffer.from(csvText([IMPORT_HEADERS, ...rows])),
    });
    expect(run).toMatchObject({ status: 'invalid', errorCount: 1 });
    const report = await imports.report(ctx, actor, run.id);
    expect(opened).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(51);
    expect(String(ws.getRow(12).getCell(IMPORT_HEADERS.length + 1).value)).toContain('类型');
  });
});
