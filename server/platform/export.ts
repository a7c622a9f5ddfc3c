/**
 * THE one way to export a scoped query to XLSX or CSV. A module declares an `ExportDefinition`
 * (columns, a count and a paged query that go through the jurisdiction guard); this file reads the
 * pages inside one read-only transaction under a statement timeout, writes them streamed (exceljs
 * WorkbookWriter; CSV as UTF-8 with a BOM so Excel reads Chinese), neutralises formulas in both
 * formats and audits every export. Above `syncMaxRows` rows the export becomes a file made in the
 * background (export_files) that the requester downloads by link.
 */
import { PassThrough } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { EXPORT_SYNC_MAX_ROWS } from '../../domain/contracts/import.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from './audit/service.ts';
import type { Actor, RequestContext } from './context.ts';
import { DomainError } from './errors.ts';
import './import/errors.ts';
import { exportFiles } from './export-tables.ts';
import { contentDisposition } from './files/names.ts';
import type { FileStorage } from './files/storage.ts';
import { newStorageKey } from './files/storage.ts';
import { uuidv7 } from './ids.ts';
import type { Jobs } from './jobs/index.ts';

export type Cell = string | number | null;
export type ExportFormat = 'xlsx' | 'csv';

export interface ExportColumn<R> {
  header: string;
  width?: number;
  value(row: R): Cell;
}

export interface ExportDefinition<R, F> {
  /** File name prefix and audit action prefix (`${kind}.export`). */
  kind: string;
  sheetName: string;
  objectType: string;
  columns: ExportColumn<R>[];
  /** Rows in scope with these filters (through the guard). */
  count(tx: Db, actor: Actor, filters: F): Promise<number>;
  /** One page in a stable order (through the guard). */
  rows(tx: Db, actor: Actor, filters: F, page: { offset: number; limit: number }): Promise<R[]>;
  /** Above this many rows the export is made in the background (default EXPORT_SYNC_MAX_ROWS). */
  syncMaxRows?: number;
}

export { EXPORT_SYNC_MAX_ROWS };
export const EXPORT_TIMEOUT_MS = 30_000;
const PAGE = 2_000;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A text a spreadsheet would run as a formula (= + - @, or a leading tab/CR that some readers strip)
 * gets a leading apostrophe: shown as text, never evaluated (OWASP CSV injection).
 */
export function neutralize(v: Cell): Cell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function csvCell(v: Cell): string {
  const s = v == null ? '' : String(neutralize(v));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Write pages of rows to XLSX or CSV, streamed; returns the file bytes. */
export async function writeExport<R>(
  def: Pick<ExportDefinition<R, unknown>, 'columns' | 'sheetName'>,
  pages: AsyncIterable<R[]>,
  format: ExportFormat,
): Promise<{ body: Buffer; rows: number }> {
  const chunks: Buffer[] = [];
  let rows = 0;
  if (format === 'csv') {
    chunks.push(Buffer.from(`\uFEFF${def.columns.map((c) => csvCell(c.header)).join(',')}\r\n`));
    for await (const page of pages) {
      rows += page.length;
      const lines = page.map((r) => def.columns.map((c) => csvCell(c.value(r))).join(','));
      if (lines.length) chunks.push(Buffer.from(`${lines.join('\r\n')}\r\n`));
    }
    return { body: Buffer.concat(chunks), rows };
  }
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(def.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = def.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const page of pages) {
    rows += page.length;
    // Every string cell is neutralised; numbers stay numbers.
    for (const r of page) ws.addRow(def.columns.map((c) => neutralize(c.value(r)))).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return { body: Buffer.concat(chunks), rows };
}

/** Read every page of the scoped query in one transaction with a statement timeout. */
async function readAll<R, F>(
  db: Db,
  actor: Actor,
  def: ExportDefinition<R, F>,
  filters: F,
  format: ExportFormat,
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local statement_timeout = '${EXPORT_TIMEOUT_MS}ms'`));
    async function* pages() {
      for (let offset = 0; ; offset += PAGE) {
        const page = await def.rows(tx, actor, filters, { offset, limit: PAGE });
        yield page;
        if (page.length < PAGE) return;
      }
    }
    return writeExport(def, pages(), format);
  });
}

const stamp = (now: Date) => now.toISOString().slice(0, 10).replaceAll('-', '');

export type ExportAnswer =
  | { kind: 'file'; fileName: string; contentType: string; body: Buffer }
  | { kind: 'job'; exportId: string; jobId: string; status: 'pending'; downloadUrl: string };

/** The route's answer to an export: the file itself (200, an attachment), or 202 naming the background file. */
export function sendExport(reply: FastifyReply, file: ExportAnswer) {
  if (file.kind === 'job') return reply.status(202).send(file);
  return reply
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .type(file.contentType)
    .send(file.body as never); // the file's bytes (200 has no JSON schema)
}

export interface ExporterDeps {
  db: Db;
  storage: FileStorage;
  jobs: Jobs;
}

interface FilePayload<F> {
  exportId: string;
  actor: Actor;
  filters: F;
  format: ExportFormat;
}

/**
 * The exporter of one definition: `export` answers the file now (small) or enqueues the background
 * file (large, job `<kind>.export`). Audited once per request, either way.
 */
export function createExporter<R, F>(deps: ExporterDeps, def: ExportDefinition<R, F>) {
  const { db, jobs } = deps;
  const jobKind = `${def.kind}.export`;
  jobs.define<FilePayload<F>>(jobKind, (payload, job) => runExportFile(deps, payload, def, job.clock.now()), {
    maxAttempts: 3,
  });

  return {
    async export(ctx: RequestContext, actor: Actor, filters: F, format: ExportFormat): Promise<ExportAnswer> {
      const total = await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local statement_timeout = '${EXPORT_TIMEOUT_MS}ms'`));
        return def.count(tx, actor, filters);
      });
      const fileName = `${def.kind}-${stamp(ctx.now)}.${format}`;
      const audit = (tx: Db, mode: string) =>
        recordAudit(tx, ctx, {
          action: `${def.kind}.export`,
          objectType: def.objectType,
          changes: { format, filters: filters as Record<string, unknown>, rows: total, mode },
        });
      if (total <= (def.syncMaxRows ?? EXPORT_SYNC_MAX_ROWS)) {
        const { body } = await readAll(db, actor, def, filters, format);
        await db.transaction((tx) => audit(tx, 'direct'));
        return { kind: 'file', fileName, contentType: CONTENT_TYPES[format], body };
      }
      const id = uuidv7(ctx.now.getTime());
      const jobId = await db.transaction(async (tx) => {
        const queued = await jobs.enqueue(tx, {
          districtCode: actor.districtCode,
          kind: jobKind,
          payload: { exportId: id, actor, filters, format } satisfies FilePayload<F>,
          idempotencyKey: `${jobKind}:${id}`,
          createdBy: actor.userId,
        });
        await tx.insert(exportFiles).values({
          districtCode: actor.districtCode,
          id,
          kind: def.kind,
          format,
          status: 'pending',
          createdBy: actor.userId,
          fileName,
          jobId: queued,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit(tx, 'background');
        return queued;
      });
      return { kind: 'job', exportId: id, jobId, status: 'pending', downloadUrl: `/api/v1/exports/${id}` };
    },
  };
}

/** The background part of a large export (the job's body): write the file, mark it ready. */
export async function runExportFile<R, F>(
  deps: Omit<ExporterDeps, 'jobs'>,
  payload: FilePayload<F>,
  def: ExportDefinition<R, F>,
  now: Date,
): Promise<{ rows: number }> {
  const { db, storage } = deps;
  const where = fileWhere(payload.actor, payload.exportId);
  try {
    const { body, rows } = await readAll(db, payload.actor, def, payload.filters, payload.format);
    const key = newStorageKey();
    await storage.put(key, body);
    await db.update(exportFiles).set({ status: 'ready', fileKey: key, rows, updatedAt: now }).where(where);
    return { rows };
  } catch (e) {
    await db.update(exportFiles).set({ status: 'failed', updatedAt: now }).where(where);
    throw e;
  }
}

const fileWhere = (actor: Actor, id: string) =>
  and(
    eq(exportFiles.districtCode, actor.districtCode),
    eq(exportFiles.createdBy, actor.userId),
    eq(exportFiles.id, id),
  );

/** A background export's file, for its requester only (anyone else: 404); audited. */
export async function downloadExport(
  deps: Omit<ExporterDeps, 'jobs'>,
  ctx: RequestContext,
  actor: Actor,
  id: string,
) {
  const [row] = await deps.db.select().from(exportFiles).where(fileWhere(actor, id));
  if (!row) throw new DomainError('not_found');
  if (row.status !== 'ready' || !row.fileKey) throw new DomainError('export.not_ready');
  const body = await deps.storage.get(row.fileKey);
  if (!body) throw new DomainError('not_found');
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: `${row.kind}.export_download`, objectType: 'export_file', objectId: id }),
  );
  return { fileName: row.fileName, contentType: CONTENT_TYPES[row.format as ExportFormat], body };
}
