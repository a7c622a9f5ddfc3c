/**
 * Demo demand for the 15-minute circle (plan module, circle.ts): every community of the demo district
 * gets a centre jittered around its town's (as the demo institutions are) and a made-up count of
 * children under 3, marked `synthetic` so the circle page says the numbers are not statistics. Its
 * own seeded Rng, so the other demos keep their draws.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { townsOf } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { familyCommunities } from './tables.ts';

const SEED = 20_261_205;

export async function seedCommunityDemandDemo(
  db: Db,
  ctx: Pick<ModuleDemoContext, 'district' | 'now'>,
): Promise<void> {
  const rng = new Rng(districtSeed(SEED, ctx.district));
  const { district, now } = ctx;
  const town = new Map(townsOf(district).map((t) => [t.code, t]));
  const rows = await db
    .select({ code: familyCommunities.code, townCode: familyCommunities.townCode })
    .from(familyCommunities)
    .where(eq(familyCommunities.districtCode, district))
    .orderBy(asc(familyCommunities.code));
  const links = rows.flatMap((r) => {
    const t = town.get(r.townCode);
    if (!t) return [];
    const lat = Math.round((t.lat + (rng.next() * 2 - 1) * 0.018) * 1e6) / 1e6;
    const lng = Math.round((t.lng + (rng.next() * 2 - 1) * 0.018) * 1e6) / 1e6;
    return [sql`(${r.code}::varchar, ${lat}::float8, ${lng}::float8, ${rng.int(60, 320)}::int)`];
  });
  if (links.length === 0) return;
  await db.execute(sql`
    update family_communities c set lat = v.lat, lng = v.lng, children_under3 = v.n,
      demand_source = 'synthetic', demand_as_of = ${localDate(now)}::date
    from (values ${sql.join(links, sql`, `)}) as v(code, lat, lng, n)
    where c.district_code = ${district} and c.code = v.code`);
}
