/**
 * The data migration of institution filing documents into attachments: a database at the state
 * before the move, with a document row, is migrated forward; the row is an attachment with the same
 * id and storage key (so stored files and links keep working) and the old table is gone.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import { MIGRATIONS_DIR } from '../../db/migrate.ts';

let database: Database;
let drop: (() => Promise<void>) | undefined;

async function emptyDatabase(): Promise<Database> {
  const url = inject('testDatabaseUrl');
  if (!url) return openDatabase({});
  const name = `tuoyu_m_${randomBytes(6).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return openDatabase({ url: u.toString(), poolSize: 2 });
}

async function apply(tag: string) {
  const text = readFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), 'utf8');
  for (const stmt of text.split('--> statement-breakpoint')) if (stmt.trim()) await database.exec(stmt);
}

async function rows<T>(q: string): Promise<T[]> {
  const res = (await database.db.execute(sql.raw(q))) as unknown as { rows: T[] };
  return res.rows;
}

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const tags = journal.entries.map((e) => e.tag);
const moveAt = tags.findIndex((t) => t.endsWith('_move_institution_documents'));

beforeAll(async () => {
  database = await emptyDatabase();
});
afterAll(async () => {
  await database.close();
  await drop?.();
});

it('moves institution_documents rows into attachments, then drops the old table', async () => {
  expect(moveAt).toBeGreaterThan(0);
  for (const tag of tags.slice(0, moveAt)) await apply(tag);
  const inst = '0190a1b2-0000-7000-8000-000000000001';
  const doc = '0190a1b2-0000-7000-8000-000000000002';
  await database.exec(`insert into institutions (district_code, id, name, credit_code, kind, ownership, inclusive,
    service_forms, address, town_code, lat, lng, public_phone, opening_hours, meals_provided, director_name,
    status, created_at, updated_at) values ('310118', '${inst}', '迁移测试托育园', '52310118MJ0000000X',
    'childcare_institution', 'private', true, '{full_day}', '测试路1号', '310118102', 31.1, 121.05,
    '021-59231234', '8:00-17:00', true, '测试园长', 'draft', now(), now())`);
  await database.exec(`insert into institution_documents (district_code, id, institution_id, category, file_name,
    content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at) values ('310118', '${doc}',
    '${inst}', 'fire_safety', '消防验收.pdf', 'application/pdf', 1234, '${'a'.repeat(64)}',
    '${'b'.repeat(32)}', null, '2026-11-02T08:00:00Z')`);
  for (const tag of tags.slice(moveAt)) await apply(tag);

  const moved = await rows<Record<string, unknown>>('select * from attachments');
  expect(moved).toHaveLength(1);
  expect(moved[0]).toMatchObject({
    district_code: '310118',
    id: doc,
    owner_type: 'institution',
    owner_id: inst,
    purpose: 'institution_document',
    category: 'fire_safety',
    file_name: '消防验收.pdf',
    content_type: 'application/pdf',
    size_bytes: 1234,
    storage_key: 'b'.repeat(32),
  });
  expect(new Date(moved[0]!.uploaded_at as string).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  const old = await rows<{ n: number }>(
    `select count(*)::int as n from information_schema.tables where table_name = 'institution_documents'`,
  );
  expect(old[0]!.n).toBe(0);
});
