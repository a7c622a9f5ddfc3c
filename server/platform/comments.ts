/**
 * Chinese and English comments for every table and column (COMMENT ON), declared beside the table.
 * `migrate()` applies them after the generated migrations; a catalog test fails if one is missing.
 *
 * A column holding personal data carries a third element, its marker (`pd.*` below): the catalog test
 * fails on a column whose name or comment says ID number/phone/mobile/证件… without one, the audit
 * trail masks marked fields by itself, and `keys:rotate` finds the encrypted columns here.
 */
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

/** Kinds of personal data, each with its mask (server/platform/personal-data.ts). */
export type PersonalKind = 'citizen_id' | 'passport' | 'phone' | 'bank_account' | 'name';

export type PersonalMarker =
  /** Encrypted (encryptedText); `blindIndex` names the column key of its blind index, if any. */
  | { personal: Exclude<PersonalKind, 'name'>; storage: 'encrypted'; blindIndex?: string }
  /** The keyed blind index of an encrypted column (blindIndex). */
  | { personal: Exclude<PersonalKind, 'name'>; storage: 'blind_index' }
  /** Stored in clear (names), masked in the audit trail. */
  | { personal: PersonalKind; storage: 'plain' }
  /** Looks personal but is published on purpose (e.g. an institution's business phone); says why. */
  | { public: string };

/** Markers for the third element of a column comment. */
export const pd = {
  encrypted: (kind: Exclude<PersonalKind, 'name'>, opts: { blindIndex?: string } = {}): PersonalMarker => ({
    personal: kind,
    storage: 'encrypted',
    ...opts,
  }),
  blindIndex: (kind: Exclude<PersonalKind, 'name'>): PersonalMarker => ({
    personal: kind,
    storage: 'blind_index',
  }),
  plain: (kind: PersonalKind): PersonalMarker => ({ personal: kind, storage: 'plain' }),
  public: (why: string): PersonalMarker => ({ public: why }),
};

type ColumnComment = readonly [zh: string, en: string] | readonly [zh: string, en: string, PersonalMarker];

export interface MarkedColumn {
  table: Table;
  tableName: string;
  /** The column's property name in Drizzle (also the API/audit field name by convention). */
  key: string;
  column: string;
  marker: PersonalMarker;
}

export interface TableComment {
  table: string;
  zh: string;
  en: string;
  columns: Record<string, [zh: string, en: string]>;
  marked: MarkedColumn[];
}

const registry = new Map<string, TableComment>();

/** Declare the comments of a table; every column of the table must be named. */
export function comment<T extends Table>(
  table: T,
  text: [zh: string, en: string],
  columns: { [K in keyof T['_']['columns']]: ColumnComment },
): void {
  const name = getTableName(table);
  const cols: Record<string, [string, string]> = {};
  const marked: MarkedColumn[] = [];
  const defs = getTableColumns(table);
  for (const [key, value] of Object.entries(columns) as [string, ColumnComment][]) {
    const col = defs[key];
    if (!col) throw new Error(`comment(): ${name} has no column ${key}`);
    cols[col.name] = [value[0], value[1]];
    if (value[2]) marked.push({ table, tableName: name, key, column: col.name, marker: value[2] });
  }
  for (const m of marked)
    if ('storage' in m.marker && m.marker.storage === 'encrypted' && m.marker.blindIndex)
      if (!defs[m.marker.blindIndex])
        throw new Error(`comment(): ${name} has no column ${m.marker.blindIndex}`);
  registry.set(name, { table: name, zh: text[0], en: text[1], columns: cols, marked });
}

/** All declared table comments. */
export function allComments(): TableComment[] {
  return [...registry.values()];
}

/** Every marked column of every declared table. */
export function markedColumns(): MarkedColumn[] {
  return [...registry.values()].flatMap((t) => t.marked);
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
