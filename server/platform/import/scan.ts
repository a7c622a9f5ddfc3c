/**
 * One pass over an uploaded table: headers matched, every row checked against the definition's zod
 * schema and domain rules, duplicates of the natural key within the file found. The dry run, the
 * error report and the commit all use this pass, so they can never disagree.
 */
import type { FieldError } from '../../../domain/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../context.ts';
import { DomainError } from '../errors.ts';
import { zodIssueToFieldError } from '../http-errors.ts';
import type { ImportColumn, ImportDefinition, RowError } from './definition.ts';
import { mapHeaders } from './headers.ts';
import { openTable, type TableFormat, type TableInput } from './read.ts';

export interface ScanResult {
  format: TableFormat;
  /** Data rows (not counting the header and blank rows). */
  total: number;
  valid: number;
  errorCount: number;
  /** Errors in row order, at most `maxErrors`. */
  errors: RowError[];
  /** What `def.prepare` returned for this pass, as the rules left it (the dry run's `afterCheck`). */
  context?: unknown;
}

export interface ScanOptions<T> {
  /** The database `def.prepare` reads from (required when the definition has one). */
  db?: Db;
  maxErrors?: number;
  batchSize?: number;
  /** Stop at the first row with an error, before handing on the batch that holds it (the commit). */
  stopOnError?: boolean;
  /** Called with each batch of valid rows (in file order) — the commit. */
  onBatch?: (rows: T[]) => Promise<void>;
  /** Called with the header row once it is accepted (the error report). */
  onHeader?: (cells: string[]) => void;
  /** Called for every row's errors (the error report). */
  onRow?: (row: number, cells: string[], errors: RowError[]) => void;
}

export function unsupportedFile(): DomainError {
  return new DomainError('import.unsupported_type', {
    errors: [
      {
        field: 'file',
        rule: 'import.unsupported_type',
        message_zh: '文件不是 XLSX 或 CSV 表格（请用模板另存为 .xlsx 或 .csv）',
        message_en: 'The file is not an XLSX or CSV table (save it from the template as .xlsx or .csv)',
      },
    ],
  });
}

function columnOf(columns: ImportColumn[], field: string): ImportColumn | undefined {
  return columns.find((c) => field === c.field || field.startsWith(`${c.field}.`));
}

function toRowErrors(row: number, columns: ImportColumn[], errors: FieldError[]): RowError[] {
  return errors.map((e) => ({ row, column: columnOf(columns, e.field)?.zh ?? '', ...e }));
}

/** Rows checked between two turns of the event loop. */
export const YIELD_EVERY_ROWS = 250;

export async function scanTable<T>(
  def: ImportDefinition<T>,
  actor: Actor,
  input: TableInput,
  opts: ScanOptions<T> = {},
): Promise<ScanResult> {
  const table = await openTable(input);
  const format = table.format;
  if (!format) {
    await table.close();
    throw unsupportedFile();
  }
  const maxErrors = opts.maxErrors ?? 10_000;
  const batchSize = opts.batchSize ?? 1000;
  const result: ScanResult = { format, total: 0, valid: 0, errorCount: 0, errors: [] };
  let context: unknown;
  if (def.prepare) {
    if (!opts.db) {
      await table.close();
      throw new Error(`import ${def.kind}: prepare() needs opts.db`);
    }
    context = await def.prepare(opts.db, actor);
    result.context = context;
  }
  const keyCol = def.columns.find((c) => c.field === def.keyField) ?? def.columns[0]!;
  const seen = new Map<string, number>();
  let batch: T[] = [];
  let rowNo = 0;
  let inBatch = false;
  let map: ReturnType<typeof mapHeaders> | undefined;
  try {
    for await (const cells of table.rows()) {
      rowNo += 1;
      // A CSV chunk's rows come without a real await in between: checking thousands of them in one go
      // held the event loop for seconds (load shedding then refused the next request with 503). Let
      // other requests in every few hundred rows.
      if (rowNo % YIELD_EVERY_ROWS === 0) await new Promise<void>((r) => setImmediate(r));
      if (!map) {
        map = mapHeaders(cells, def.columns);
        if (map.errors.length) throw new DomainError('validation.failed', { errors: map.errors });
        opts.onHeader?.(cells);
        continue;
      }
      if (cells.every((c) => c === '')) continue;
      result.total += 1;
      const byField: Record<string, string> = {};
      cells.forEach((c, i) => {
        const col = map?.byIndex[i];
        if (col) byField[col.field] = c;
      });
      const parsed = def.schema.safeParse(def.toInput(byField));
      let errors: FieldError[];
      if (!parsed.success) {
        errors = parsed.error.issues.flatMap((issue) =>
          zodIssueToFieldError(
            {
              keyword: issue.code,
              instancePath: `/${issue.path.join('/')}`,
              message: issue.message,
              params: issue as unknown as Record<string, unknown>,
            },
            'body',
          ),
        );
      } else {
        errors = def.rules(parsed.data, actor, context);
        const key = def.naturalKey(parsed.data);
        const first = seen.get(key);
        if (first !== undefined)
          errors.push({
            field: keyCol.field,
            rule: 'import.duplicate_key',
            message_zh: `与第 ${first} 行重复`,
            message_en: `Same as row ${first}`,
          });
        else seen.set(key, rowNo);
      }
      const rowErrors = toRowErrors(rowNo, def.columns, errors);
      opts.onRow?.(rowNo, cells, rowErrors);
      if (rowErrors.length) {
        result.errorCount += rowErrors.length;
        for (const e of rowErrors) if (result.errors.length < maxErrors) result.errors.push(e);
        if (opts.stopOnError) return result;
        continue;
      }
      result.valid += 1;
      if (opts.onBatch && parsed.success) {
        batch.push(parsed.data);
        if (batch.length >= batchSize) {
          inBatch = true;
          await opts.onBatch(batch);
          inBatch = false;
          batch = [];
        }
      }
    }
  } catch (e) {
    if (e instanceof DomainError || inBatch) throw e;
    // exceljs / CSV reader / decoder errors: a damaged file. Their messages are not shown (they may quote content).
    throw unsupportedFile();
  } finally {
    await table.close(); // a stored file's stream is closed when the scan stops early
  }
  if (!map) throw unsupportedFile();
  if (opts.onBatch && batch.length) await opts.onBatch(batch);
  return result;
}
