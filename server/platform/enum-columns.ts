/**
 * Enum-like text columns, declared once: the values come from the contract's list (the one the zod enum
 * is built from), the column is typed with that union, and `enumChecks(t)` in the table's callback adds
 * a CHECK constraint with the same values. The catalog test refuses a text column that is neither an
 * enum with its CHECK nor listed as free text.
 *
 *   kind: enumText('kind', INSTITUTION_KINDS).notNull(),
 *   serviceForms: enumTextArray('service_forms', SERVICE_FORMS).notNull(),
 *   …
 *   (t) => [primaryKey(…), ...enumChecks(t)]
 */
import { getTableName, type SQL, sql } from 'drizzle-orm';
import { type CheckBuilder, check, type PgColumn, text } from 'drizzle-orm/pg-core';

type Values = readonly [string, ...string[]];

/** A text column holding one of `values` (typed as their union). Pair with `enumChecks(t)`. */
export function enumText<const V extends Values>(name: string, values: V) {
  return text(name, { enum: values as unknown as [V[number], ...V[number][]] });
}

/** A text[] column whose every element is one of `values`. Pair with `enumChecks(t)`. */
export function enumTextArray<const V extends Values>(name: string, values: V) {
  return enumText(name, values).array();
}

const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;

interface ColumnConfig {
  columnType?: string;
  enumValues?: readonly string[];
  baseBuilder?: { config?: ColumnConfig };
}

/** The values of an enum column config (text, or text[] of one); undefined for any other column. */
function enumValuesOfConfig(config: ColumnConfig | undefined): readonly string[] | undefined {
  if (!config) return undefined;
  if (config.columnType === 'PgText' && config.enumValues?.length) return config.enumValues;
  if (config.columnType === 'PgArray') return enumValuesOfConfig(config.baseBuilder?.config);
  return undefined;
}

/** The values of an enum column (a table's column, or the one the table callback receives). */
export function enumValuesOf(column: PgColumn): readonly string[] | undefined {
  return enumValuesOfConfig((column as unknown as { config?: ColumnConfig }).config);
}

const isArray = (column: PgColumn) =>
  (column as unknown as { config?: ColumnConfig }).config?.columnType === 'PgArray';

/** The name of the CHECK constraint of an enum column. */
export const enumCheckName = (table: string, column: string) => `${table}_${column}_enum`;

/** CHECK constraints for every enum column of a table: call in the table's extra-config callback. */
export function enumChecks(columns: Record<string, PgColumn>): CheckBuilder[] {
  const out: CheckBuilder[] = [];
  for (const column of Object.values(columns)) {
    const values = enumValuesOf(column);
    if (!values) continue;
    const list = values.map(literal).join(', ');
    const id = `"${column.name}"`;
    // drizzle-kit writes the SQL text as it is: literals inline (parameters would not survive).
    const expr: SQL = isArray(column)
      ? sql.raw(`${id} <@ ARRAY[${list}]::text[]`)
      : sql.raw(`${id} IN (${list})`);
    out.push(check(enumCheckName(getTableName(column.table), column.name), expr));
  }
  return out;
}
