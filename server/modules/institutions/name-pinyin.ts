/**
 * Backfill of `institutions.name_pinyin` (the pinyin sort key behind 按名称, domain/rules/pinyin.ts).
 * Every write computes the key with the name (profile.ts columnsOf, the demo seed); rows written
 * before the column existed hold '' (the migration's default: SQL cannot call the JS dictionary), and
 * this fills them at start-up (server/main.ts, after migrate). It is a derived column, not a change of
 * anyone's data, so it is not audited; it reads and writes only the name and the key, district by
 * district, keyed by (district_code, id). Idempotent: a second run finds nothing to do.
 */
import { and, eq } from 'drizzle-orm';
import { pinyinSortKey } from '../../../domain/rules/pinyin.ts';
import type { Db } from '../../db/client.ts';
import { institutions } from './tables.ts';

/** Fills the missing keys; returns how many rows it wrote. */
export async function backfillNamePinyin(db: Db, batch = 500): Promise<number> {
  let written = 0;
  for (;;) {
    const rows = await db
      .select({ districtCode: institutions.districtCode, id: institutions.id, name: institutions.name })
      .from(institutions)
      .where(eq(institutions.namePinyin, ''))
      .limit(batch);
    const todo = rows.filter((r) => pinyinSortKey(r.name) !== '');
    if (todo.length === 0) return written;
    await db.transaction(async (tx) => {
      for (const r of todo)
        await tx
          .update(institutions)
          .set({ namePinyin: pinyinSortKey(r.name) })
          .where(and(eq(institutions.districtCode, r.districtCode), eq(institutions.id, r.id)));
    });
    written += todo.length;
    if (todo.length < rows.length) return written; // names with no sortable character stay ''
  }
}
