/**
 * Schema conventions read from the live catalog (eVaka's habit): the Citus rule for every tenant table,
 * timestamptz only, an index for every foreign key, and a zh/en comment on every table and column.
 */
import { getTableColumns, getTableName, isTable, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.ts';
import { createTestDatabase } from '../../../test/db.ts';
import * as schema from '../../db/schema.ts';
import { markedColumns } from '../comments.ts';
import { enumCheckName, enumValuesOf } from '../enum-columns.ts';

/** Column names and comments that say "personal identifier or phone" (docs/kit/personal-data.md). */
const PERSONAL_NAME =
  /(^|_)(id_?number|id_?no|id_?card|idcard|citizen_id|identity|passport|permit(_no)?|cert(ificate)?_no|phone|mobile|tel|telephone|cellphone|contact_number)(_|$)/;
const PERSONAL_COMMENT = /证件|身份证|身份号码|手机|电话|护照|通行证|居住证|联系方式/;

/** Columns that look personal but carry no marker (pure, tested below on a made-up catalog). */
function unmarkedPersonal(
  columns: { table: string; column: string; comment: string }[],
  marked: Set<string>,
): string[] {
  return columns
    .filter((c) => PERSONAL_NAME.test(c.column) || PERSONAL_COMMENT.test(c.comment.split(' / ')[0] ?? ''))
    .map((c) => `${c.table}.${c.column}`)
    .filter((name) => !marked.has(name));
}

/** Citus reference tables: shared by all districts, no district_code. */
const REFERENCE_TABLES = new Set(['divisions']);

/**
 * Text columns that hold free text, not one of a fixed list (every other text column must be an enum
 * declared with enumText/enumTextArray, which adds its CHECK). Say why when you add one.
 */
const FREE_TEXT = new Set([
  'plan_news.body', // a notice's plain text (up to 20,000 characters)
  'plan_task_reports.progress', // a liaison's quarterly progress text (up to 2,000 characters)
  'plan_joint_meetings.summary', // the joint meeting's minutes (up to 4,000 characters)
  'divisions.name_zh',
  'divisions.name_en',
  'users.password_hash', // scrypt hash
  'sessions.ended_reason', // why a session ended: a growing list of internal words, never user input
  'sessions.ip',
  'audit_log.role', // the role at the time of the entry (history: a role may be renamed later)
  'audit_log.scope',
  'audit_log.ip',
  'audit_log.action', // `<module>.<action>`, open-ended
  'audit_log.object_type',
  'audit_log.object_id',
  'audit_log.request_id',
  'import_runs.kind', // the import definition's name (`institutions`, …): open-ended as modules add imports
  'export_files.kind', // likewise the export definition's name
  'jobs.error_message', // the error's name or a DomainError's text, never personal data
  'notifications.title_zh',
  'notifications.title_en',
  'notifications.body_zh',
  'notifications.body_en',
  'attachments.content_type', // MIME type detected from the bytes (server/platform/files/kinds.ts)
  'business_licences.business_scope', // 经营范围 as the market-regulation bureau registered it (≤ 2,000 characters)
]);

/** `table.column` → values of every enum column declared in the Drizzle schema. */
function declaredEnums(): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const t of Object.values(schema)) {
    if (!isTable(t)) continue;
    for (const c of Object.values(getTableColumns(t as PgTable)) as PgColumn[]) {
      const values = enumValuesOf(c);
      if (values) out.set(`${getTableName(t as PgTable)}.${c.name}`, values);
    }
  }
  return out;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe('schema conventions', () => {
  it('every table is a tenant table with district_code first in PK, unique and FK keys, or a listed reference table', async () => {
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(4);
    const constraints = await rows<{ table: string; name: string; type: string; cols: string[] }>(sql`
      select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
             array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols
      from pg_constraint c join pg_namespace s on s.oid = c.connamespace
      where s.nspname = 'public' and c.contype in ('p', 'u', 'f')`);
    const problems: string[] = [];
    for (const { table_name: t } of tables) {
      const own = constraints.filter((c) => c.table.replaceAll('"', '') === t);
      if (REFERENCE_TABLES.has(t)) continue;
      if (!own.some((c) => c.type === 'p')) problems.push(`${t}: no primary key`);
      for (const c of own)
        if (c.cols[0] !== 'district_code')
          problems.push(`${t}.${c.name} (${c.type}) does not start with district_code`);
    }
    // Unique indexes made outside constraints count too.
    const uniqueIdx = await rows<{ table: string; name: string; def: string }>(sql`
      select tablename as table, indexname as name, indexdef as def from pg_indexes
      where schemaname = 'public' and indexdef ilike 'create unique index%'`);
    for (const i of uniqueIdx)
      if (!REFERENCE_TABLES.has(i.table) && !/\(district_code[,)]/.test(i.def))
        problems.push(`${i.table}.${i.name}: unique index without district_code first`);
    expect(problems).toEqual([]);
  });

  it('timestamps are timestamptz', async () => {
    const bad = await rows<{ t: string; c: string }>(sql`
      select table_name as t, column_name as c from information_schema.columns
      where table_schema = 'public' and data_type in ('timestamp without time zone', 'time without time zone')`);
    expect(bad).toEqual([]);
  });

  it('every foreign key has an index that starts with its columns', async () => {
    const missing = await rows<{ name: string }>(sql`
      select c.conname as name from pg_constraint c join pg_namespace s on s.oid = c.connamespace
      where s.nspname = 'public' and c.contype = 'f' and not exists (
        select 1 from pg_index i where i.indrelid = c.conrelid
          and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey)`);
    expect(missing).toEqual([]);
  });

  it('every table and column has a Chinese and English comment', async () => {
    const missing = await rows<{ what: string }>(sql`
      select c.relname as what from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and coalesce(obj_description(c.oid, 'pg_class'), '') !~ '[一-龥].* / [A-Za-z]'
      union all
      select c.relname || '.' || a.attname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r' and coalesce(col_description(c.oid, a.attnum), '') !~ '[一-龥].* / [A-Za-z]'`);
    expect(missing).toEqual([]);
  });

  it('every text column is free text (listed) or an enum whose CHECK holds exactly its values', async () => {
    expect(await enumProblems()).toEqual([]);
  });

  it('the rule above fails on an enum-like text column without a CHECK', async () => {
    await database.exec('create table catalog_probe (district_code varchar(6), status text)');
    try {
      expect(await enumProblems()).toEqual([
        'catalog_probe.status: text column neither an enum with a CHECK (enumText) nor listed as free text',
      ]);
    } finally {
      await database.exec('drop table catalog_probe');
    }
  });

  it('a column whose name or comment says ID number/phone/mobile/证件 is marked personal or public', async () => {
    const columns = await rows<{ table: string; column: string; comment: string }>(sql`
      select c.relname as table, a.attname as column, coalesce(col_description(c.oid, a.attnum), '') as comment
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind = 'r'`);
    const marked = new Set(markedColumns().map((m) => `${m.tableName}.${m.column}`));
    expect(unmarkedPersonal(columns, marked)).toEqual([]);
    // The rule bites: the same catalog with the markers forgotten, and made-up columns.
    expect(unmarkedPersonal(columns, new Set())).toEqual(
      expect.arrayContaining(['institutions.public_phone', 'institutions.director_id_number']),
    );
    expect(
      unmarkedPersonal(
        [
          { table: 'staff', column: 'id_number', comment: '' },
          { table: 'staff', column: 'mobile', comment: '' },
          { table: 'staff', column: 'doc', comment: '证件号码 / ID document number' },
          { table: 'staff', column: 'name', comment: '姓名 / Name' },
        ],
        new Set(),
      ),
    ).toEqual(['staff.id_number', 'staff.mobile', 'staff.doc']);
  });

  it('encrypted columns are text, and each blind index is unique or indexed with district_code first', async () => {
    const problems: string[] = [];
    const defs = await rows<{ t: string; c: string; type: string }>(sql`
      select table_name as t, column_name as c, data_type as type from information_schema.columns
      where table_schema = 'public'`);
    const idx = await rows<{ t: string; def: string }>(
      sql`select tablename as t, indexdef as def from pg_indexes where schemaname = 'public'`,
    );
    for (const m of markedColumns()) {
      if (!('storage' in m.marker) || m.marker.storage === 'plain') continue;
      const def = defs.find((d) => d.t === m.tableName && d.c === m.column);
      if (!def || !/text|character varying/.test(def.type))
        problems.push(`${m.tableName}.${m.column}: not text`);
      if (
        m.marker.storage === 'blind_index' &&
        !idx.some((i) => i.t === m.tableName && i.def.includes(`(district_code, ${m.column}`))
      )
        problems.push(`${m.tableName}.${m.column}: blind index without an index`);
    }
    expect(problems).toEqual([]);
  });
});

/** What is wrong with the text columns of the live catalog, against the schema's enum declarations. */
async function enumProblems(): Promise<string[]> {
  const cols = await rows<{ t: string; c: string }>(sql`
    select table_name as t, column_name as c from information_schema.columns
    where table_schema = 'public' and (data_type = 'text' or (data_type = 'ARRAY' and udt_name = '_text'))
    order by table_name, column_name`);
  const checks = await rows<{ name: string; def: string }>(sql`
    select c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
    join pg_namespace s on s.oid = c.connamespace where s.nspname = 'public' and c.contype = 'c'`);
  const enums = declaredEnums();
  const sealed = new Set(
    markedColumns()
      .filter((m) => 'storage' in m.marker && m.marker.storage === 'encrypted')
      .map((m) => `${m.tableName}.${m.column}`),
  );
  const problems: string[] = [];
  for (const { t, c } of cols) {
    const key = `${t}.${c}`;
    const values = enums.get(key);
    // Sealed personal data (server/platform/personal-data.ts) is ciphertext, neither enum nor free text.
    if (sealed.has(key)) continue;
    if (FREE_TEXT.has(key)) {
      if (values) problems.push(`${key}: declared as an enum but listed as free text`);
      continue;
    }
    if (!values) {
      problems.push(`${key}: text column neither an enum with a CHECK (enumText) nor listed as free text`);
      continue;
    }
    const check = checks.find((k) => k.name === enumCheckName(t, c));
    if (!check) {
      problems.push(`${key}: enum without its CHECK constraint (migration missing?)`);
      continue;
    }
    const inCheck = [...check.def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'"));
    if ([...inCheck].sort().join() !== [...values].sort().join())
      problems.push(`${key}: CHECK holds ${inCheck.join('|')}, the contract ${values.join('|')}`);
  }
  return problems;
}
