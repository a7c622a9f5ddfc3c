/**
 * Key rotation: move every sealed value and blind index onto the current keys, in batches, resumable.
 *
 * A row needs work when its sealed value names an older encryption key, or its blind index an older
 * index key. Each batch is one transaction: open with the old key, seal with the current one, recompute
 * the blind index from the plaintext (so rotating the index key needs no other source), update the row
 * only if the value is still the one read (a concurrent edit wins; the next pass picks it up), and
 * write one audit entry per district and batch (`personal_data.rotate`, counts only). Stopping at any
 * point loses nothing: the next run selects what is left. Lookups meanwhile try every index key
 * (indexCandidates), so rows not yet moved are still found.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import { markedColumns } from '../comments.ts';
import { type EncryptedKind, indexValue, keyRing, openValue, sealValue } from '../personal-data.ts';

export interface RotationReport {
  table: string;
  column: string;
  rows: number;
  batches: number;
}

interface Target {
  table: string;
  column: string;
  index: string | null;
  kind: EncryptedKind;
}

function targets(): Target[] {
  const out: Target[] = [];
  for (const m of markedColumns()) {
    if (!('storage' in m.marker) || m.marker.storage !== 'encrypted') continue;
    const idxKey = m.marker.blindIndex;
    const idx = idxKey ? (getTableColumns(m.table)[idxKey]?.name ?? null) : null;
    out.push({ table: m.tableName, column: m.column, index: idx, kind: m.marker.personal });
  }
  return out;
}

const id = (s: string) => sql.identifier(s);

/** Rows (district, id) of one column still on an old key, up to `limit`. */
async function pending(db: Db, t: Target, limit: number) {
  const ring = keyRing();
  const enc = `pd1.${ring.encryption.current}.%`;
  const idx = `${ring.blindIndex.current}.%`;
  const stale = t.index
    ? sql`(${id(t.column)} is not null and (${id(t.column)} not like ${enc} or ${id(t.index)} is null or ${id(t.index)} not like ${idx}))`
    : sql`(${id(t.column)} is not null and ${id(t.column)} not like ${enc})`;
  const res = (await db.execute(
    sql`select district_code, id, ${id(t.column)} as v from ${id(t.table)} where ${stale} order by district_code, id limit ${limit}`,
  )) as unknown as { rows: { district_code: string; id: string; v: string }[] };
  return res.rows;
}

/** Re-encrypt and re-index everything on an old key; `onBatch` reports progress. */
export async function rotatePersonalData(
  db: Db,
  opts: { batchSize?: number; now?: () => Date; onBatch?: (r: RotationReport) => void } = {},
): Promise<RotationReport[]> {
  const batchSize = opts.batchSize ?? 500;
  const now = opts.now ?? (() => new Date());
  const reports: RotationReport[] = [];
  for (const t of targets()) {
    const report: RotationReport = { table: t.table, column: t.column, rows: 0, batches: 0 };
    for (;;) {
      const rows = await pending(db, t, batchSize);
      if (rows.length === 0) break;
      const moved = await db.transaction(async (tx) => {
        const perDistrict = new Map<string, number>();
        for (const r of rows) {
          const plain = openValue(t.kind, r.v);
          const sealed = sealValue(t.kind, plain);
          const set = t.index
            ? sql`${id(t.column)} = ${sealed}, ${id(t.index)} = ${indexValue(t.kind, plain)}`
            : sql`${id(t.column)} = ${sealed}`;
          const res = (await tx.execute(
            sql`update ${id(t.table)} set ${set} where district_code = ${r.district_code} and id = ${r.id} and ${id(t.column)} = ${r.v}`,
          )) as unknown as { rowCount?: number; affectedRows?: number };
          const n = res.rowCount ?? res.affectedRows ?? 0;
          if (n > 0) perDistrict.set(r.district_code, (perDistrict.get(r.district_code) ?? 0) + n);
        }
        const ring = keyRing();
        for (const [districtCode, count] of perDistrict)
          await recordAudit(
            tx,
            { actor: null, districtCode, ip: null, requestId: null, now: now() },
            {
              action: 'personal_data.rotate',
              objectType: t.table,
              changes: {
                column: t.column,
                rows: count,
                encryptionKey: ring.encryption.current,
                indexKey: t.index ? ring.blindIndex.current : null,
              },
            },
          );
        return [...perDistrict.values()].reduce((a, b) => a + b, 0);
      });
      report.rows += moved;
      report.batches++;
      opts.onBatch?.(report);
    }
    reports.push(report);
  }
  return reports;
}

/** Key ids still found in the data (encryption, blind index): what may not be retired yet. */
export async function keyIdsInUse(db: Db): Promise<{ encryption: Set<string>; blindIndex: Set<string> }> {
  const used = { encryption: new Set<string>(), blindIndex: new Set<string>() };
  for (const t of targets()) {
    const q = async (col: string, part: number, into: Set<string>) => {
      const res = (await db.execute(
        sql`select distinct split_part(${id(col)}, '.', ${part}) as k from ${id(t.table)} where ${id(col)} is not null`,
      )) as unknown as { rows: { k: string }[] };
      for (const r of res.rows) into.add(r.k);
    };
    await q(t.column, 2, used.encryption);
    if (t.index) await q(t.index, 1, used.blindIndex);
  }
  return used;
}
