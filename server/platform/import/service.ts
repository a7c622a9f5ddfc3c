/**
 * The import use cases for any definition: upload + dry run, run status, commit in batches with
 * progress, the error report and the template. Nothing half-written: the commit re-checks every row
 * (in full before writing when the stored file or the scope changed since the dry run) and refuses
 * when any row has an error; each batch is one transaction (rows, audit entry, the run's progress)
 * that skips existing natural keys, so a batch that fails or a process killed mid-commit leaves
 * earlier batches in place, recorded as done, and a retry adds only the rest.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor, RequestContext } from '../context.ts';
import { DomainError, fieldError } from '../errors.ts';
import { type FileStorage, newStorageKey } from '../files/storage.ts';
import { scopeWhere } from '../guard.ts';
import { uuidv7 } from '../ids.ts';
import type { Jobs } from '../jobs/index.ts';
import type { ImportDefinition } from './definition.ts';
import './errors.ts';
import type { TableInput } from './read.ts';
import { errorReport } from './report.ts';
import { type ScanResult, scanTable } from './scan.ts';
import { importRuns } from './tables.ts';

const STORED_ERRORS = 1000;
/** Rows per commit transaction (one INSERT … SELECT FROM unnest, one audit entry, one progress update). */
const BATCH = 1000;

const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** The sha256 of a stored file, read as a stream (one pass, nothing held). */
async function sha256OfStream(input: TableInput) {
  if (Buffer.isBuffer(input)) return sha256Of(input);
  const hash = createHash('sha256');
  for await (const chunk of input) hash.update(chunk);
  return hash.digest('hex');
}
/** The scope a run was checked in (stored as `division_code`): a commit in another scope re-checks. */
const scopeCode = (actor: Actor) =>
  actor.scope?.kind === 'division' ? actor.scope.divisionCode : actor.districtCode;

/**
 * ANALYZE a table the commit writes, after the first batch, unless its statistics already count at
 * least as many rows as the import adds (and 1,000). Statistics that are missing (never analyzed) or
 * taken on a much smaller table let the planner pick the wrong index for the foreign-key checks of
 * later rows: the bench saw a 100k-row commit onto stats of 1,000 rows take 79 s instead of ≈ 20 s.
 * A small import into a large table skips it: ANALYZE samples up to 30,000 rows (≈ 0.7 s on
 * institutions at 40k rows), most of a 1,000-row commit.
 */
async function analyzeIfStale(db: Db, table: string, importRows: number) {
  const res = await db.execute(sql`select reltuples from pg_class where oid = to_regclass(${table})`);
  const rows = (res as unknown as { rows: { reltuples: number | string }[] }).rows;
  if (rows.length && Number(rows[0]!.reltuples) >= Math.max(1000, importRows)) return;
  await db.execute(sql`analyze ${sql.identifier(table)}`);
}

export interface ImportDeps {
  db: Db;
  storage: FileStorage;
  jobs: Jobs;
  /** Rows per commit transaction (default BATCH). */
  batchSize?: number;
}

/** The commit job's payload: the run and the uploader (whose scope the rows are checked against again). */
interface CommitPayload {
  runId: string;
  actor: Actor;
}

type Run = typeof importRuns.$inferSelect;

export function runView(r: Run) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as 'checked' | 'invalid' | 'committing' | 'committed' | 'failed',
    fileName: r.fileName,
    format: r.format,
    totalRows: r.totalRows,
    validRows: r.validRows,
    existingRows: r.existingRows,
    errorCount: r.errorCount,
    errors: r.errors,
    errorsTruncated: r.errorCount > r.errors.length,
    doneRows: r.doneRows,
    insertedRows: r.insertedRows,
    jobId: r.jobId,
    createdAt: r.createdAt.toISOString(),
  };
}
export type ImportRunView = ReturnType<typeof runView>;

/**
 * The caller's own runs in its scope. An institution's admin (e.g. training attendance) has no division:
 * its own runs in its district; the rows are checked against its scope again as they are written.
 */
const runWhere = (actor: Actor, id: string) =>
  and(
    actor.scope?.kind === 'institution'
      ? eq(importRuns.districtCode, actor.districtCode)
      : scopeWhere(actor, { district: importRuns.districtCode, division: importRuns.divisionCode }),
    eq(importRuns.createdBy, actor.userId),
    eq(importRuns.id, id),
  );

/** The import service of one definition; defines its commit job (`<kind>.import`) on `deps.jobs`. */
export function createImportService<T>(deps: ImportDeps, def: ImportDefinition<T>) {
  const { db, storage, jobs } = deps;
  const jobKind = `${def.kind}.import`;

  async function load(actor: Actor, id: string) {
    const [run] = await db.select().from(importRuns).where(runWhere(actor, id));
    if (!run || run.kind !== def.kind) throw new DomainError('not_found');
    // A run left `committing` by a job that will never run again: its process died (kill -9, OOM)
    // during the last attempt and the runner marked the job failed (LeaseExpired) without running
    // any of the import's code. The run says so, and may be committed again (the batches in stay).
    const jobId = run.jobId;
    if (run.status === 'committing' && jobId) {
      const job = await jobs.get(run.districtCode, jobId);
      if (job?.status === 'failed') {
        const failed = await db.transaction(async (tx) => {
          const [row] = await tx
            .update(importRuns)
            .set({ status: 'failed', updatedAt: job.updatedAt })
            .where(and(runWhere(actor, id), eq(importRuns.status, 'committing'), eq(importRuns.jobId, jobId)))
            .returning();
          // Audited like every write: who read the run when it was found failed, and why.
          if (row)
            await recordAudit(
              tx,
              { actor, districtCode: actor.districtCode, ip: null, requestId: null, now: job.updatedAt },
              {
                action: `${def.kind}.import_failed`,
                objectType: 'import_run',
                objectId: id,
                result: 'failure',
                changes: { status: { before: 'committing', after: 'failed' }, jobId },
              },
            );
          return row;
        });
        if (failed) return failed;
      }
    }
    return run;
  }

  /**
   * The stored upload for one pass: a stream of chunks when the storage can stream (local files,
   * memory), so a commit or an error report never holds the whole file; the bytes otherwise.
   */
  async function fileOf(run: Run): Promise<TableInput> {
    const data = storage.open ? await storage.open(run.fileKey) : await storage.get(run.fileKey);
    if (!data) throw new DomainError('not_found');
    return data;
  }

  const service = {
    /** Upload + dry run: every error by row and column; nothing but the run row and the file is written. */
    async upload(
      ctx: RequestContext,
      actor: Actor,
      file: { fileName: string; data: Buffer; sha256?: string },
    ) {
      if (file.data.length === 0) throw fieldError('file', 'import.empty', '文件为空', 'The file is empty');
      let existing = 0;
      const scan = await scanTable(def, actor, file.data, {
        db,
        batchSize: 5000,
        onBatch: async (rows) => {
          existing += (await def.existingKeys(db, actor, rows.map(def.naturalKey))).size;
        },
      });
      const key = newStorageKey();
      await storage.put(key, file.data);
      const id = uuidv7(ctx.now.getTime());
      const [run] = await db.transaction(async (tx) => {
        const rows = await tx
          .insert(importRuns)
          .values({
            districtCode: actor.districtCode,
            id,
            kind: def.kind,
            status: scan.errorCount ? 'invalid' : 'checked',
            divisionCode: scopeCode(actor),
            createdBy: actor.userId,
            fileKey: key,
            fileSha256: file.sha256 ?? sha256Of(file.data),
            fileName: file.fileName.slice(0, 200),
            format: scan.format,
            totalRows: scan.total,
            validRows: scan.valid,
            existingRows: existing,
            errorCount: scan.errorCount,
            errors: scan.errors.slice(0, STORED_ERRORS),
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: `${def.kind}.import_check`,
          objectType: 'import_run',
          objectId: id,
          changes: { rows: scan.total, errors: scan.errorCount, existing },
        });
        if (def.afterCheck) await def.afterCheck(tx, ctx, actor, scan.context, id);
        return rows;
      });
      return runView(run!);
    },

    async get(_ctx: RequestContext, actor: Actor, id: string) {
      return runView(await load(actor, id));
    },

    /**
     * Claim a clean dry run for the commit (409 otherwise) and, in the same transaction, enqueue the
     * job that runs `runCommit`; the run keeps the job's id.
     */
    async startCommit(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      enqueue: (tx: Db, run: Run) => Promise<string>,
    ) {
      const run = await load(actor, id);
      if (run.status === 'invalid' || run.errorCount > 0) throw new DomainError('import.has_errors');
      return db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(importRuns)
          .set({ status: 'committing', updatedAt: ctx.now })
          .where(and(runWhere(actor, id), sql`${importRuns.status} in ('checked', 'failed')`))
          .returning();
        if (!claimed) throw new DomainError('import.not_committable');
        const jobId = await enqueue(tx, claimed);
        const [withJob] = await tx.update(importRuns).set({ jobId }).where(runWhere(actor, id)).returning();
        return runView(withJob!);
      });
    },

    /**
     * The commit (a job handler's body). The dry run's verdict holds while the stored bytes (sha256)
     * and the caller's scope are those it was checked with — rows, rules and scope are then the same,
     * so the file is read once, checked again row by row as it is written, in batches of BATCH rows,
     * one transaction each, progress after each. Otherwise (scope changed, file replaced, an old run
     * without a hash) the whole file is re-checked first and nothing is written if any row fails.
     */
    async runCommit(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      onProgress?: (done: number, total: number) => Promise<void>,
    ) {
      const run = await load(actor, id);
      const progress = (set: Partial<Run>, on: Db = db) =>
        on
          .update(importRuns)
          .set({ ...set, updatedAt: ctx.now })
          .where(runWhere(actor, id));
      const refuse = async (check: ScanResult) => {
        await progress({ status: 'invalid', errorCount: check.errorCount, errors: check.errors });
        return new DomainError('import.has_errors');
      };
      try {
        // The hash is a pass of its own over the stored file (cheap next to parsing), then one pass to write.
        const verdictHolds =
          run.errorCount === 0 &&
          run.divisionCode === scopeCode(actor) &&
          run.fileSha256 === (await sha256OfStream(await fileOf(run)));
        let total = run.totalRows;
        if (!verdictHolds) {
          const check = await scanTable(def, actor, await fileOf(run), { db, maxErrors: STORED_ERRORS });
          if (check.errorCount > 0) throw await refuse(check);
          total = check.total;
        }
        let done = 0;
        let inserted = 0;
        const writeBatch = async (rows: T[]) => {
          const added = await db.transaction(async (tx) => {
            const n = await def.commitBatch(tx, ctx, actor, rows);
            await recordAudit(tx, ctx, {
              action: `${def.kind}.import`,
              objectType: 'import_run',
              objectId: id,
              changes: { rows: rows.length, inserted: n, from: done + 1 },
            });
            // The run's progress commits with the batch: whenever the process dies (kill -9), done_rows
            // and inserted_rows say exactly which batches are in, and a resumed commit (which finds
            // them present and skips them) adds its own count to a true one.
            await progress(
              { doneRows: done + rows.length, insertedRows: run.insertedRows + inserted + n },
              tx,
            );
            return n;
          });
          if (done === 0) for (const table of def.analyzeTables ?? []) await analyzeIfStale(db, table, total);
          done += rows.length;
          inserted += added;
          await onProgress?.(done, total);
        };
        // One batch is written while the next is read and checked: at most one in flight, in file order.
        let inFlight: Promise<void> | undefined;
        const settle = async () => {
          const p = inFlight;
          inFlight = undefined;
          await p; // rethrows the batch's error
        };
        let written: ScanResult;
        try {
          written = await scanTable(def, actor, await fileOf(run), {
            db,
            batchSize: deps.batchSize ?? BATCH,
            maxErrors: STORED_ERRORS,
            // Only reachable when the rules themselves changed since the dry run (a new release):
            // stop before the batch holding the bad row; earlier batches stay (idempotent re-commit).
            stopOnError: true,
            onBatch: async (rows) => {
              await settle();
              inFlight = writeBatch(rows);
              inFlight.catch(() => {}); // awaited by settle(); no unhandled rejection meanwhile
            },
          });
        } finally {
          await inFlight?.catch(() => {}); // never leave a write running behind an error
        }
        await settle();
        if (written.errorCount > 0) throw await refuse(written);
        await progress({ status: 'committed', doneRows: written.total });
        return { total: written.total, inserted };
      } catch (e) {
        if (!(e instanceof DomainError)) await progress({ status: 'failed' });
        throw e;
      }
    },

    /** Commit a clean dry run: claims it and enqueues the job (202); the job writes the batches. */
    commit(ctx: RequestContext, actor: Actor, id: string) {
      return service.startCommit(ctx, actor, id, (tx, run) =>
        jobs.enqueue(tx, {
          districtCode: actor.districtCode,
          kind: jobKind,
          payload: { runId: run.id, actor } satisfies CommitPayload,
          idempotencyKey: `${jobKind}:${run.id}:${ctx.now.getTime()}`,
          createdBy: actor.userId,
        }),
      );
    },

    /** The dry run's rows with an error column appended (XLSX), from the stored file. */
    async report(_ctx: RequestContext, actor: Actor, id: string) {
      const run = await load(actor, id);
      return errorReport(def, actor, await fileOf(run), db);
    },
  };

  // The job acts for the uploader: same scope checks, audit entries in the uploader's name, tagged job:<id>.
  jobs.define<CommitPayload>(
    jobKind,
    async ({ runId, actor }, job) => {
      const ctx: RequestContext = {
        actor,
        districtCode: job.districtCode,
        ip: null,
        requestId: `job:${job.jobId}`,
        now: job.clock.now(),
      };
      return service.runCommit(ctx, actor, runId, job.progress);
    },
    { maxAttempts: 3 },
  );
  return service;
}

export type ImportService<T> = ReturnType<typeof createImportService<T>>;
