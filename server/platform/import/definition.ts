/**
 * What a module declares to get an import: its columns (zh/en header → field), how a row's texts
 * become the contract's input, the zod schema, the domain rules, a natural key and a commit function.
 * The platform does the rest (reading, checking, reports, template, batches, progress, idempotency).
 */
import type { z } from 'zod';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../context.ts';

export interface ImportColumn {
  /** The field path in the contract ("fees.fullDayMonthlyFen"); errors on it and below land in this column. */
  field: string;
  zh: string;
  en: string;
  required: boolean;
  /** The template's example value. */
  example: string;
  /** How to fill the column (template notes sheet). */
  noteZh: string;
  noteEn: string;
}

/** One column of a template, positionally (the modules' column lists read as tables). */
export const importColumn = (
  field: string,
  zh: string,
  en: string,
  required: boolean,
  example: string,
  noteZh: string,
  noteEn: string,
): ImportColumn => ({ field, zh, en, required, example, noteZh, noteEn });

export interface ImportDefinition<T, C = unknown> {
  /** Stable name ("institutions"): the route segment, the audit action prefix, the run's kind. */
  kind: string;
  /** Sheet and file name of the template, zh. */
  titleZh: string;
  columns: ImportColumn[];
  /** The row's cell texts (by field) → the contract's input (numbers, booleans and lists parsed). */
  toInput(cells: Record<string, string>): unknown;
  schema: z.ZodType<T>;
  /**
   * What the rules need to look up, read once per pass (dry run, commit, error report) before the
   * first row: e.g. the trainings and the people in the caller's scope that attendance rows name.
   * Keep it to what one district holds; the commit reads it again, so a row that stopped being valid
   * between the dry run and the commit is caught as it is written (the commit stops before its batch).
   */
  prepare?(db: Db, actor: Actor): Promise<C>;
  /**
   * After the dry run, inside the transaction that stores the run and its `import_check` audit entry,
   * with the context the rules were given: what the attempt itself must leave behind. The staff
   * import tells the district officers about rows that matched the lifetime-ban list, as a single hire
   * does (otherwise a dry run would be a silent way to ask the list). Not called by the commit or the
   * error report. Rules may note such rows in the context (it is fresh for every pass).
   */
  afterCheck?(tx: Db, ctx: RequestContext, actor: Actor, context: C, runId: string): Promise<void>;
  /** Domain rules of a parsed row, including the caller's scope (e.g. a town outside it). */
  rules(value: T, actor: Actor, context: C): FieldError[];
  /** The natural key: a second row with the same key in one file is an error; an existing one is skipped. */
  naturalKey(value: T): string;
  /** The field the natural key is read from (duplicate errors are reported in its column). */
  keyField: string;
  /** Which of these keys already exist in the caller's district (they are skipped on commit). */
  existingKeys(db: Db, actor: Actor, keys: string[]): Promise<Set<string>>;
  /**
   * Write one batch inside `tx` (the platform opens it and records progress) as one set-based
   * statement per table (`INSERT … SELECT FROM unnest($1::…[], …)`), never a statement per row.
   * Idempotent by the natural key: keys that exist are skipped (`ON CONFLICT DO NOTHING`) or, where
   * a re-import should carry changes, updated only when a value differs (`ON CONFLICT … DO UPDATE
   * … WHERE (t.a, t.b) IS DISTINCT FROM (excluded.a, excluded.b)`), so a retried batch or a second
   * import of the same file changes nothing. Personal fields are sealed and blind-indexed here for
   * the whole batch (`protect()` in personal-data.ts is local crypto, no round trip) and passed as
   * arrays. Returns the rows inserted (or inserted + updated).
   */
  commitBatch(tx: Db, ctx: RequestContext, actor: Actor, rows: T[]): Promise<number>;
  /**
   * Tables the commit writes, ANALYZEd once after the first batch unless their statistics already
   * count as many rows as the import adds: on a table with no statistics (new, or never
   * auto-analyzed) or statistics of a much smaller table, PostgreSQL may plan the foreign-key checks
   * of later rows with the wrong index (a scan of the whole district per row): a quadratic commit.
   */
  analyzeTables?: string[];
}

/** One error of a dry run: the spreadsheet row (1 = headers) and the column it is about. */
export interface RowError {
  row: number;
  /** The column's header (zh) or "" for an error about the whole row. */
  column: string;
  field: string;
  rule: string;
  message_zh: string;
  message_en: string;
}
