/**
 * Scanners for personal numbers in clear, used by the data-protection tests: every value of every row
 * (text, json, arrays, bytea as latin1) or the bytes of a data folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { validateCitizenId } from '../domain/rules/ids.ts';
import type { Db } from '../server/db/client.ts';

/** UUIDs and long hex strings (hashes): random hex has 11-digit runs by chance, never a phone number. */
const HEX_WORDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}/gi;

/**
 * Every 18-character window of a digit run that passes GB 11643 (anywhere, also inside hex or base64:
 * checksum, province and date make chance hits negligible), and every run of exactly 11 digits that is a
 * mobile number (^1[3-9]\d{9}$) outside UUIDs, hex hashes and the fractions of decimal numbers.
 */
export function personalNumbersIn(text: string, today = '2030-01-01'): string[] {
  const hits: string[] = [];
  // Not the fraction of a decimal number (121.19660076054, a facility's longitude, once matched).
  for (const m of text.replace(HEX_WORDS, ' ').matchAll(/(?<!\d\.)(?<!\d)\d+/g))
    if (/^1[3-9]\d{9}$/.test(m[0])) hits.push(m[0]);
  for (const m of text.matchAll(/\d+[Xx]?/g)) {
    const run = m[0];
    for (let i = 0; i + 18 <= run.length; i++) {
      const w = run.slice(i, i + 18);
      if (/^\d{17}[\dXx]$/.test(w) && validateCitizenId(w, today).ok) hits.push(w);
    }
  }
  return hits;
}

function textOf(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Uint8Array) return Buffer.from(v).toString('latin1');
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Every value of every table outside the system schemas: `schema.table.column: hit` for each hit. */
export async function scanDatabase(db: Db): Promise<{ hits: string[]; tables: number; values: number }> {
  const tables = (
    (await db.execute(sql`select table_schema as s, table_name as t from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`)) as unknown as {
      rows: { s: string; t: string }[];
    }
  ).rows;
  const hits: string[] = [];
  let values = 0;
  for (const { s, t } of tables) {
    const { rows } = (await db.execute(sql.raw(`select * from "${s}"."${t}"`))) as unknown as {
      rows: Record<string, unknown>[];
    };
    for (const row of rows)
      for (const [col, v] of Object.entries(row)) {
        values++;
        for (const h of personalNumbersIn(textOf(v))) hits.push(`${s}.${t}.${col}: ${h}`);
      }
  }
  return { hits, tables: tables.length, values };
}

/** Files under `dir` whose bytes contain any of `needles` (ASCII). */
export function filesContaining(dir: string, needles: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const bytes = readFileSync(p);
        for (const n of needles) if (bytes.includes(n, 0, 'latin1')) out.push(`${p}: ${n}`);
      }
    }
  };
  walk(dir);
  return out;
}
