/** Reference data shared by all districts (Citus reference tables), upserted on every start. */
import { sql } from 'drizzle-orm';
import { DIVISIONS } from '../../domain/divisions.ts';
import { divisions } from '../platform/tables.ts';
import type { Db } from './client.ts';

export async function seedReference(db: Db): Promise<void> {
  await db
    .insert(divisions)
    .values(DIVISIONS.map((d) => ({ ...d })))
    .onConflictDoUpdate({
      target: divisions.code,
      set: {
        parentCode: sql`excluded.parent_code`,
        level: sql`excluded.level`,
        nameZh: sql`excluded.name_zh`,
        nameEn: sql`excluded.name_en`,
        lat: sql`excluded.lat`,
        lng: sql`excluded.lng`,
      },
    });
}
