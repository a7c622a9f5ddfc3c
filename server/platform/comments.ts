/**
 * Chinese and English comments for every table and column (COMMENT ON), declared beside the table.
 * `migrate()` applies them after the generated migrations; a catalog test fails if one is missing.
 */
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

export interface TableComment {
  table: string;
  zh: string;
  en: string;
  columns: Record<string, [zh: string, en: string]>;
}

const registry = new Map<string, TableComment>();

/** Declare the comments of a table; every column of the table must be named. */
export function comment<T extends Table>(
  table: T,
  text: [zh: string, en: string],
  columns: { [K in keyof T['_']['columns']]: [zh: string, en: string] },
): void {
  const name = getTableName(table);
  const cols: Record<string, [string, string]> = {};
  const defs = getTableColumns(table);
  for (const [key, value] of Object.entries(columns) as [string, [string, string]][]) {
    const col = defs[key];
    if (!col) throw new Error(`comment(): ${name} has no column ${key}`);
    cols[col.name] = value;
  }
  registry.set(name, { table: name, zh: text[0], en: text[1], columns: cols });
}

/** All declared table comments. */
export function allComments(): TableComment[] {
  return [...registry.values()];
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** SQL statements that set every declared comment (idempotent). */
export function commentStatements(): string[] {
  const out: string[] = [];
  for (const t of registry.values()) {
    out.push(`COMMENT ON TABLE "${t.table}" IS ${q(`${t.zh} / ${t.en}`)}`);
    for (const [col, [zh, en]] of Object.entries(t.columns)) {
      out.push(`COMMENT ON COLUMN "${t.table}"."${col}" IS ${q(`${zh} / ${en}`)}`);
    }
  }
  return out;
}
